#!/usr/bin/env bash
# compare.sh times py314 against its peers on the same Python files, in one
# run on one machine, and prints throughput and ratios:
#
#   py314 parse      the full tree with positions, one core (GOMAXPROCS=1)
#   py314 check      parse, semantic model and every rule (--select ALL,
#                    no cache), on 1 and on 2 cores
#   CPython 3.13     ast.parse with CPython's C parser, in process
#   Ruff (wasm)      Ruff's WebAssembly build, default rules, in process
#
# The files are CPython 3.14's standard library from the pyodide package
# (tools/oracle), or the .py files under the directory given as $1. Each
# figure is the best of three runs. py314 is timed as a whole process
# (start-up and reading included); the peers are timed in process only,
# which favours them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

python=${PYTHON313:-$(pyenv root 2>/dev/null)/versions/3.13.0/bin/python3}
if [ ! -x "$python" ]; then
	echo "compare.sh: CPython 3.13 not found at $python (set PYTHON313)" >&2
	exit 1
fi
npm ci --prefix bench --no-audit --no-fund --loglevel=error >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -ge 1 ]; then
	corpus=$1
else
	npm ci --prefix tools/oracle --no-audit --no-fund --loglevel=error >/dev/null
	corpus=$work/stdlib
	"$python" - "$root/tools/oracle/node_modules/pyodide/python_stdlib.zip" "$corpus" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for n in z.namelist():
        if n.endswith(".py"):
            z.extract(n, sys.argv[2])
PY
fi
# Every tool gets the same files: those CPython 3.13 can parse (3.14's own
# standard library has a few t-strings and unparenthesized except lists).
find "$corpus" -name '*.py' | sort > "$work/all"
"$python" - "$work/all" > "$work/files" <<'PY'
import ast, sys
for path in open(sys.argv[1]).read().split():
    try:
        ast.parse(open(path, "rb").read())
    except SyntaxError:
        continue
    print(path)
PY
skipped=$(( $(wc -l < "$work/all") - $(wc -l < "$work/files") ))
nfiles=$(wc -l < "$work/files")
bytes=$(xargs cat < "$work/files" | wc -c)
go build -o "$work/py314" ./cmd/py314

# best SECONDS of three runs of a command
best() {
	local b="" t0 t1 s
	for _ in 1 2 3; do
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s.%N)
		s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }')
		if [ -z "$b" ] || awk -v s="$s" -v b="$b" 'BEGIN { exit !(s < b) }'; then b=$s; fi
	done
	echo "$b"
}

parse1=$(GOMAXPROCS=1 best xargs -a "$work/files" "$work/py314" parse --quiet)
check1=$(GOMAXPROCS=1 best xargs -a "$work/files" "$work/py314" check --select ALL --no-cache --exit-zero --output-format concise)
check2=$(GOMAXPROCS=2 best xargs -a "$work/files" "$work/py314" check --select ALL --no-cache --exit-zero --output-format concise)
cpython=$(xargs -a "$work/files" "$python" bench/cpython_parse.py | cut -d' ' -f1)
ruff=$(xargs -a "$work/files" node bench/ruff.mjs | cut -d' ' -f1)

mbs() { awk -v n="$bytes" -v s="$1" 'BEGIN { printf "%.1f", n / 1000000 / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(go version | cut -d' ' -f3), node $(node --version)"
echo "Files:   $nfiles Python files, $bytes bytes ($( [ $# -ge 1 ] && echo "$corpus" || echo "CPython 3.14 standard library from pyodide"); $skipped left out that CPython 3.13 cannot parse)"
echo
printf '%-34s %9s %9s %s\n' "tool" "seconds" "MB/s" "py314 is"
printf '%-34s %9.3f %9s %s\n' "py314 parse (1 core)" "$parse1" "$(mbs "$parse1")" ""
printf '%-34s %9.3f %9s %sx faster\n' "CPython 3.13 ast.parse" "$cpython" "$(mbs "$cpython")" "$(ratio "$cpython" "$parse1")"
printf '%-34s %9.3f %9s %s\n' "py314 check --select ALL (1 core)" "$check1" "$(mbs "$check1")" ""
printf '%-34s %9.3f %9s %sx faster than on 1 core\n' "py314 check --select ALL (2 cores)" "$check2" "$(mbs "$check2")" "$(ratio "$check1" "$check2")"
printf '%-34s %9.3f %9s %sx faster (1 core)\n' "Ruff wasm check (default rules)" "$ruff" "$(mbs "$ruff")" "$(ratio "$ruff" "$check1")"
