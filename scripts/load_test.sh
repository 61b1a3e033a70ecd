#!/usr/bin/env bash
# Load test of the HTTP service: builds the release binary, starts it on loopback, and runs wrk
# (a) a 20-line JSON manifest paced at about 500 requests/s, (b) a 10,000-line CSV upload at
# full speed; prints requests/s and p50/p99 latency for each. Each scenario is bounded in time.
# Every screening is stored (the service answers only after the commit), so (a) runs twice: on
# SQLite (a fresh file) and on PostgreSQL (PG_URL, default the machine's server, database
# caatsa_load, created when missing); (b) runs on SQLite.
#
#   scripts/load_test.sh                 # 20 s per scenario
#   DURATION=10 RATE=500 scripts/load_test.sh
#
# Tool: wrk (Debian package `wrk`; installed here with apt-get when missing and run as root).
# wrk is closed-loop; the fixed rate is approximated with wrk's Lua `delay()` hook: each of
# CONNECTIONS connections waits a random 0..2*CONNECTIONS*1000/RATE ms (mean CONNECTIONS*1000/RATE)
# between its requests, so the rate is slightly below RATE by the latency. wrk2 (true
# constant rate) is not packaged in Debian, and `cargo install oha` compiles a large
# dependency tree for many minutes on a 2-core machine, so wrk's pacing was chosen.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-20}"            # seconds per scenario
RATE="${RATE:-500}"                   # target requests/s of scenario (a)
CONNECTIONS="${CONNECTIONS:-100}"     # connections of scenario (a); many, so that the pause dominates the latency
CSV_LINES="${CSV_LINES:-10000}"       # lines of scenario (b)
CSV_CONNECTIONS="${CSV_CONNECTIONS:-2}"
PORT="${PORT:-18088}"
PG_URL="${PG_URL:-postgres://postgres@127.0.0.1:5432/caatsa_load}"
BIN=target/release/caatsa-screen

if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "== installing wrk (apt-get)"
        apt-get update -qq && apt-get install -y -qq wrk >/dev/null
    else
        echo "load_test.sh: wrk is not installed; install it (Debian/Ubuntu: apt-get install wrk) and rerun" >&2
        exit 1
    fi
fi

echo "== building $BIN"
cargo build --release --quiet --bin caatsa-screen

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
    if [ -n "${PG_SCHEMA:-}" ]; then psql "$PG_URL" -qc "DROP SCHEMA $PG_SCHEMA CASCADE" 2>/dev/null || true; fi
}
trap cleanup EXIT

# (a) 20 lines across the demo manifest's kinds of parties (listed, high-risk region, clear).
{
    printf '{"shipments":[{"shipment_id":"LOADTEST-1","lines":['
    suppliers=("Korea Ryonbong General Corp.|CN|8479.89|INDUSTRIAL MIXING MACHINES"
               "Yantai Ocean Star Foods|CN|0304.75|FROZEN ALASKA POLLOCK FILLETS"
               "Shandong Blue Sea Aquatic|CN|0307.43|FROZEN SQUID TUBES"
               "LG Electronics Inc.|KR|8528.72|LED TELEVISIONS"
               "Li-Ning Sporting Goods Co. Ltd.|CN|6404.11|ATHLETIC FOOTWEAR")
    for i in $(seq 1 20); do
        IFS='|' read -r name country hts description <<<"${suppliers[$(( (i - 1) % 5 ))]}"
        [ "$i" -gt 1 ] && printf ','
        printf '{"line":%d,"supplier_name":"%s","supplier_country":"%s","country_of_origin":"%s","hts_code":"%s","description":"%s"}' \
            "$i" "$name" "$country" "$country" "$hts" "$description"
    done
    printf ']}]}\n'
} > "$WORK/manifest20.json"

# (b) the demo manifest's rows repeated to CSV_LINES lines, each with its own bill of lading.
awk -v total="$CSV_LINES" 'NR == 1 { print; next } { rows[n++] = $0 }
    END { for (i = 0; i < total; i++) { r = rows[i % n]; sub(/^[^,]*/, "LT" i, r); print r } }' \
    fixtures/demo_manifest.csv > "$WORK/manifest10k.csv"

cat > "$WORK/post.lua" <<'LUA'
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE")
local pause = tonumber(os.getenv("DELAY_MS") or "0")
if pause > 0 then
    -- A random pause with the same mean keeps the connections out of step (arrivals spread
    -- over time, as from independent clients) instead of firing in bursts of CONNECTIONS.
    math.randomseed(os.time() + math.floor(os.clock() * 1000000))
    function delay() return math.random(0, 2 * pause) end
end
local non_200 = 0
function response(status) if status ~= 200 then non_200 = non_200 + 1 end end
function done() end
LUA

# Starts the service on the database $1 and waits until it is ready.
start_server() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    echo "== starting the service on 127.0.0.1:$PORT, records in ${1%%\?*}"
    CAATSA_LOG=warn "$BIN" serve --bind "127.0.0.1:$PORT" --database-url "$1" >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 200); do
        if curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then return; fi
        sleep 0.1
    done
    echo "the service did not become ready" >&2; cat "$WORK/server.log" >&2; exit 1
}

# Prints "requests/s p50 p99 non-2xx" from a wrk report.
summarize() {
    awk '/Requests\/sec:/ { rps = $2 }
         /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
         /Non-2xx or 3xx responses:/ { bad = $5 }
         END { printf "requests/s=%s p50=%s p99=%s non_2xx=%s\n", rps, p50, p99, (bad == "" ? 0 : bad) }' "$1"
}

URL="http://127.0.0.1:$PORT/v1/screenings"
DELAY_MS=$(( CONNECTIONS * 1000 / RATE ))

run_a() {
    echo "== (a) 20-line JSON manifest on $1, ~$RATE requests/s ($CONNECTIONS connections, mean pause ${DELAY_MS} ms each), ${DURATION}s"
    BODY_FILE="$WORK/manifest20.json" CONTENT_TYPE=application/json DELAY_MS=$DELAY_MS \
        wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/post.lua" "$URL" > "$WORK/a-$1.txt"
    cat "$WORK/a-$1.txt"
}

PG_ADMIN_URL="${PG_URL%/*}/postgres"
PG_DB="${PG_URL##*/}"
if ! psql "$PG_ADMIN_URL" -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1; then
    psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $PG_DB"
fi
# A schema of its own per run, so earlier runs' rows do not weigh on this one.
PG_SCHEMA="load_$(date +%s)"
psql "$PG_URL" -qc "CREATE SCHEMA $PG_SCHEMA"

start_server "sqlite://$WORK/records.db"
run_a sqlite
start_server "$PG_URL?options=-c%20search_path%3D$PG_SCHEMA"
run_a postgres
start_server "sqlite://$WORK/records-b.db"

echo "== (b) ${CSV_LINES}-line CSV upload ($(wc -c < "$WORK/manifest10k.csv") bytes), full speed, $CSV_CONNECTIONS connections, ${DURATION}s"
BODY_FILE="$WORK/manifest10k.csv" CONTENT_TYPE=text/csv DELAY_MS=0 \
    wrk -t1 -c"$CSV_CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -s "$WORK/post.lua" "$URL" > "$WORK/b.txt"
cat "$WORK/b.txt"

echo "== summary ($(nproc) cores, $(uname -m))"
echo "(a) json 20 lines @${RATE}/s, sqlite:   $(summarize "$WORK/a-sqlite.txt")"
echo "(a) json 20 lines @${RATE}/s, postgres: $(summarize "$WORK/a-postgres.txt")"
echo "(b) csv ${CSV_LINES} lines, sqlite:     $(summarize "$WORK/b.txt") lines/s=$(awk -v n="$CSV_LINES" '/Requests\/sec:/ { printf "%.0f", $2 * n }' "$WORK/b.txt")"
