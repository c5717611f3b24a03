#!/usr/bin/env bash
# run.sh compresses realistic payloads with gzip (levels 1, 6, 9) and
# Zstandard (levels 1, 3, 6, 9) under CPython 3.14 and prints, for each, the
# compression ratio and the time to compress and to decompress. The numbers
# back the ZS001 and ZS002 rule pages.
#
# CPython 3.14 runs as pyodide (CPython compiled to WebAssembly) under node,
# the version pinned in tools/oracle. Absolute times are those of
# WebAssembly, not of a native build; the ratios between codecs are what
# the rule pages use.
#
# The payloads:
#   json-logs    JSON Lines request logs, generated with a fixed seed
#   source-tar   an uncompressed tar of this repository's tracked files
#                (git ls-files), as a source tree release would pack them
#   stdlib-tar   an uncompressed tar of the .py files of CPython 3.14's
#                standard library, a larger source tree
#
# Each time is CPU time (node's process.cpuUsage(), so that other work on
# the machine does not inflate it), the best of $ROUNDS runs (default 5).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

if ! command -v node >/dev/null; then
	echo "run.sh: node is not installed" >&2
	exit 1
fi
if [ ! -d tools/oracle/node_modules/pyodide ]; then
	npm ci --prefix tools/oracle --no-audit --no-fund --loglevel=error >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git ls-files -z >"$work/files"
node bench/compression/run.mjs "$root" "$work/files" "${ROUNDS:-5}"
