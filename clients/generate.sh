#!/usr/bin/env bash
# Regenerates the partner API clients from the bridge's OpenAPI document:
#   clients/openapi.json        the document (`intervals-bridge openapi`)
#   clients/python/             openapi-python-client (version pinned in requirements.txt)
#   clients/typescript/src/     @hey-api/openapi-ts (version pinned in package-lock.json)
# Usage: clients/generate.sh [OUT_DIR]   (default: clients/ itself; a test writes elsewhere and
# compares). BRIDGE_BIN names the bridge binary; by default it is built with cargo.
# Needs: pip install -r clients/requirements.txt; (cd clients && npm ci).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

bin="${BRIDGE_BIN:-}"
if [ -z "$bin" ]; then
  (cd "$here/.." && cargo build --quiet --bin intervals-bridge)
  bin="$here/../target/debug/intervals-bridge"
fi

want_py="$(sed -n 's/^openapi-python-client==//p' "$here/requirements.txt")"
have_py="$(openapi-python-client --version | awk '{print $NF}')"
if [ "$want_py" != "$have_py" ]; then
  echo "openapi-python-client $have_py is installed; clients/requirements.txt pins $want_py" >&2
  exit 1
fi
if [ ! -x "$here/node_modules/.bin/openapi-ts" ]; then
  echo "run (cd clients && npm ci) first" >&2
  exit 1
fi

"$bin" openapi > "$out/openapi.json"

rm -rf "$out/python"
openapi-python-client generate --path "$out/openapi.json" --output-path "$out/python" \
  --config "$here/python-config.yaml" --meta poetry --fail-on-warning

rm -rf "$out/typescript/src"
mkdir -p "$out/typescript"
"$here/node_modules/.bin/openapi-ts" --input "$out/openapi.json" \
  --output "$out/typescript/src" --client @hey-api/client-fetch --silent
echo "clients regenerated in $out"
