#!/usr/bin/env bash
# The HTTP contract, checked from outside against a running server (CI runs this after `cargo test`):
#   1. schemathesis generates requests for every operation of /openapi.json (examples, coverage and
#      fuzzing phases) and checks every answer: no 5xx, status codes, content types, headers and
#      bodies as documented, invalid input refused, 405 with Allow for undeclared methods;
#   2. openapi-python-client generates a Python client from the same document, and
#      client_test.py uses it to screen the demo manifest and read a flag's evidence through its types.
#
# Two checks are narrowed, on purpose, and only where the contract says why:
# - `positive_data_acceptance` (every schema-valid request succeeds) is off: two rules span several
#   fields and are stated in the document's prose, not its schema (a line must name a supplier, a
#   manufacturer or a country; a tip request gives exactly one of `screening` and `manifest`).
#   Requests that break them are answered 422 with the reason, which is the contract.
# - `negative_data_rejection` (every schema-violating request is refused) is off for
#   POST /v1/screenings only: the manifest reader is lenient by design (numbers where text is
#   expected become text, aliases such as `Shipper` are read, unknown keys are echoed), and a row it
#   cannot read is reported in `errors` of a 200 answer while the other rows are screened, rather
#   than failing the whole manifest. Every other check runs on that operation too.
#
# Usage: scripts/contract/check.sh [BINARY]   (default target/debug/caatsa-screen; build it first)
# Env:   CONTRACT_VENV (default target/contract-venv), CONTRACT_PORT (default 18089),
#        CONTRACT_EXAMPLES (schemathesis examples per operation, default 100), CONTRACT_SEED (default 1).
set -euo pipefail
cd "$(dirname "$0")/../.."

binary=${1:-target/debug/caatsa-screen}
venv=${CONTRACT_VENV:-target/contract-venv}
port=${CONTRACT_PORT:-18089}
examples=${CONTRACT_EXAMPLES:-100}
seed=${CONTRACT_SEED:-1}
work=target/contract
base="http://127.0.0.1:$port"

if [ ! -x "$binary" ]; then
    echo "FATAL: $binary is not built (cargo build, or cargo test, first)" >&2
    exit 1
fi
if [ ! -x "$venv/bin/schemathesis" ] || [ ! -x "$venv/bin/openapi-python-client" ]; then
    echo "== contract: installing schemathesis and openapi-python-client into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet -r scripts/contract/requirements.txt
fi

rm -rf "$work"
mkdir -p "$work"
# A server with a key, as deployed: schemathesis sends the key, and also checks that requests
# without it are refused (401).
key=$("$binary" keys create --tenant contract --name contract --role admin \
    --database-url "sqlite://$work/records.db" 2>/dev/null)
"$binary" serve --bind "127.0.0.1:$port" --log warn --database-url "sqlite://$work/records.db" \
    >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
    if "$binary" healthcheck --addr "127.0.0.1:$port" --path /readyz >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$server" 2>/dev/null; then
        echo "FATAL: the server exited; its log:" >&2
        cat "$work/server.log" >&2
        exit 1
    fi
    sleep 0.5
done
"$binary" healthcheck --addr "127.0.0.1:$port" --path /readyz >/dev/null

echo "== contract: schemathesis against $base/openapi.json ($examples examples per operation, seed $seed)"
schemathesis() {
    "$venv/bin/schemathesis" run "$base/openapi.json" \
        --phases examples,coverage,fuzzing \
        --max-examples "$examples" --seed "$seed" \
        --request-timeout 120 --generation-database none --no-color \
        --header "Authorization: Bearer $key" "$@"
}
schemathesis --checks all --exclude-checks positive_data_acceptance \
    --exclude-path /v1/screenings
schemathesis --checks all --exclude-checks positive_data_acceptance,negative_data_rejection \
    --include-path /v1/screenings

echo "== contract: a Python client generated from $base/openapi.json"
"$venv/bin/python" -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())' \
    "$base/openapi.json" >"$work/openapi.json"
"$venv/bin/openapi-python-client" generate --path "$work/openapi.json" \
    --output-path "$work/client" --config scripts/contract/generator.yaml
PYTHONPATH="$work/client" "$venv/bin/python" scripts/contract/client_test.py \
    "$base" fixtures/demo_manifest.json fixtures/demo_manifest.csv "$key"

if grep -q "panicked" "$work/server.log"; then
    echo "FATAL: the server panicked during the contract check:" >&2
    grep -B2 -A10 "panicked" "$work/server.log" >&2
    exit 1
fi
echo "== contract: OK"
