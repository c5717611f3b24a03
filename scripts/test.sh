#!/usr/bin/env bash
# Runs every check of py314, as CI does: installs what the tests need, then
# gofmt, go vet, staticcheck and go test. Works from any directory.
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

echo "--- npm ci (CPython 3.14 oracle: tools/oracle)"
npm ci --prefix tools/oracle --no-audit --no-fund --loglevel=error

echo "--- gofmt"
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
	echo "gofmt: these files need formatting (run gofmt -w):" >&2
	echo "$unformatted" >&2
	exit 1
fi

echo "--- go vet"
go vet ./...

echo "--- staticcheck"
go run "$staticcheck" ./...

echo "--- go test"
go test ./...
