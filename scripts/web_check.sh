#!/usr/bin/env bash
# End-to-end check of the web page (issue: a page for analysts and NGO researchers) in headless
# Chromium, driven by playwright-core (scripts/e2e/web.cjs). Run by .ci/run after `cargo test`.
#
#   scripts/web_check.sh [BINARY]          # default target/debug/caatsa-screen
#
# Installs what it needs when missing: Debian's chromium (apt-get, as root) and playwright-core
# from npm into target/e2e-node (pinned by scripts/e2e/package-lock.json; no browser download).
# Starts the service with a fresh SQLite database and one API key, so the page's key prompt is
# exercised. Screenshots are written to target/e2e/ for a person to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

binary="${1:-target/debug/caatsa-screen}"
port="${WEB_PORT:-18091}"
work=target/e2e
node_dir=target/e2e-node

if [ ! -x "$binary" ]; then
    echo "FATAL: $binary is not built (cargo build first)" >&2
    exit 1
fi
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d "$node_dir/node_modules/playwright-core" ] || ! cmp -s scripts/e2e/package-lock.json "$node_dir/package-lock.json"; then
    echo "== web: installing playwright-core into $node_dir"
    mkdir -p "$node_dir"
    cp scripts/e2e/package.json scripts/e2e/package-lock.json "$node_dir/"
    (cd "$node_dir" && npm ci --silent --no-audit --no-fund)
fi

rm -rf "$work"
mkdir -p "$work"
db="sqlite://$work/records.db"
key=$("$binary" keys create --tenant e2e --name e2e-analyst --database-url "$db" 2>/dev/null)
"$binary" serve --bind "127.0.0.1:$port" --database-url "$db" --log warn >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
    if "$binary" healthcheck --addr "127.0.0.1:$port" --path /readyz >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log" >&2; exit 1; fi
    sleep 0.5
done

# Supplier names that are HTML, on lines that are flagged (origin North Korea), so they reach
# the table, the evidence view and an allegation draft.
cat >"$work/hostile.csv" <<'CSV'
Bill of Lading,Supplier,Country of Origin,HTS,Description
XSS-1,<img src=x onerror=alert(1)>,KP,030743,FROZEN SQUID
XSS-2,"""><script>alert(2)</script>",KP,620342,TROUSERS
CSV

NODE_PATH="$node_dir/node_modules" node scripts/e2e/web.cjs \
    "http://127.0.0.1:$port" "$key" fixtures/demo_manifest.csv "$work/hostile.csv" "$work"
if grep -q "panicked" "$work/server.log"; then
    echo "FATAL: the server panicked during the web check:" >&2
    grep -B2 -A10 "panicked" "$work/server.log" >&2
    exit 1
fi
echo "== web: OK (screenshots in $work/)"
