#!/usr/bin/env bash
# Runs every check of py314, as CI does: installs what the tests need, then
# gofmt, go vet, staticcheck and go test. Every check runs even when an
# earlier one fails; the exit status is 1 if any failed. Works from any
# directory.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned for reproducible results.
staticcheck=honnef.co/go/tools/cmd/staticcheck@v0.8.2

for tool in go node npm; do
	if ! command -v "$tool" >/dev/null; then
		echo "scripts/test.sh: $tool is not installed; the tests need Go, and node with npm for the CPython oracle" >&2
		exit 1
	fi
done

# --- pre-commit and Chromium (Debian packages) for the end-to-end tests of
# the pre-commit hooks (corpus/e2e_precommit_test.go) and of the readiness
# report (corpus/e2e_report_test.go). Those tests fail, not skip, without them.
if ! command -v pre-commit >/dev/null || ! command -v chromium >/dev/null; then
	echo "--- apt-get install pre-commit chromium (end-to-end tests)"
	sudo=
	if [ "$(id -u)" -ne 0 ]; then
		sudo=sudo
	fi
	$sudo apt-get update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y pre-commit chromium
fi
# --- end of pre-commit and Chromium

# --- Neovim (Debian package) for the end-to-end test of the language server
# with a real editor (lsp/nvim_test.go), which fails, not skips, without it.
if ! command -v nvim >/dev/null; then
	echo "--- apt-get install neovim (language server end-to-end test)"
	sudo=
	if [ "$(id -u)" -ne 0 ]; then
		sudo=sudo
	fi
	$sudo apt-get update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y neovim
fi
# --- end of Neovim

echo "--- npm ci (CPython 3.14 oracle: tools/oracle)"
npm ci --prefix tools/oracle --no-audit --no-fund --loglevel=error
echo "--- npm ci (SARIF 2.1.0 schema validator: checks/output/testdata/sarif)"
npm ci --prefix checks/output/testdata/sarif --no-audit --no-fund --loglevel=error

failed=()

gofmt_check() {
	local unformatted
	unformatted=$(gofmt -l .)
	if [ -n "$unformatted" ]; then
		echo "these files need gofmt -w:" >&2
		echo "$unformatted" >&2
		return 1
	fi
}

step() {
	local name=$1
	shift
	echo "--- $name"
	if ! "$@"; then
		failed+=("$name")
	fi
}

step gofmt gofmt_check
step "go vet" go vet ./...
step staticcheck go run "$staticcheck" ./...
step "go test" go test ./...

if [ ${#failed[@]} -gt 0 ]; then
	echo "FAILED: ${failed[*]}" >&2
	exit 1
fi
echo "PASS"
