#!/usr/bin/env bash
# Side-by-side load test of two builds of the service, alternating, so that both see the same
# machine (shared and noisy): scenario (a) of scripts/load_test.sh (a 20-line JSON manifest at
# about RATE requests/s, 100 connections) against binary A, then B, ROUNDS times; prints each
# run and the median p50/p99 of each binary.
#
#   scripts/load_compare.sh OLD_BINARY NEW_BINARY [NEW_SERVE_FLAGS...]
#   e.g. scripts/load_compare.sh /tmp/before/caatsa-screen target/release/caatsa-screen
#
# The flags after the binaries go to the second one only (e.g. a --database-url), because a
# build from before the records store does not know them. Each run gets a fresh database.
set -euo pipefail
cd "$(dirname "$0")/.."

A="$1"; B="$2"; shift 2
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-20}"
RATE="${RATE:-500}"
CONNECTIONS="${CONNECTIONS:-100}"
PORT="${PORT:-18097}"
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)" >&2; exit 1; }

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

python3 - "$WORK/manifest20.json" <<'PY'
import json, sys
kinds = [("Korea Ryonbong General Corp.", "CN", "8479.89", "INDUSTRIAL MIXING MACHINES"),
         ("Yantai Ocean Star Foods", "CN", "0304.75", "FROZEN ALASKA POLLOCK FILLETS"),
         ("Shandong Blue Sea Aquatic", "CN", "0307.43", "FROZEN SQUID TUBES"),
         ("LG Electronics Inc.", "KR", "8528.72", "LED TELEVISIONS"),
         ("Li-Ning Sporting Goods Co. Ltd.", "CN", "6404.11", "ATHLETIC FOOTWEAR")]
lines = [{"line": i + 1, "supplier_name": n, "supplier_country": c, "country_of_origin": c,
          "hts_code": h, "description": d} for i, (n, c, h, d) in enumerate(kinds * 4)]
json.dump({"shipments": [{"shipment_id": "LOADTEST-1", "lines": lines}]}, open(sys.argv[1], "w"))
PY
cat > "$WORK/post.lua" <<'LUA'
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
local pause = tonumber(os.getenv("DELAY_MS") or "0")
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
function delay() return math.random(0, 2 * pause) end
LUA

run() { # label binary [flags]
    local label="$1" bin="$2"; shift 2
    "$bin" serve --bind "127.0.0.1:$PORT" --log warn "$@" >"$WORK/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 200); do curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
    local start_ticks
    start_ticks=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat")
    BODY_FILE="$WORK/manifest20.json" DELAY_MS=$(( CONNECTIONS * 1000 / RATE )) \
        wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/post.lua" \
        "http://127.0.0.1:$PORT/v1/screenings" >"$WORK/out.txt"
    # The server's CPU time (user + system, all threads, start-up excluded) per request: far steadier than the tail
    # latency on a shared machine, and what the tail grows from.
    local ticks
    ticks=$(awk -v start="$start_ticks" '{ print $14 + $15 - start }' "/proc/$SERVER_PID/stat")
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
    awk -v label="$label" -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" \
        '/Requests\/sec:/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 }
        / requests in / { n = $1 } /Non-2xx or 3xx responses:/ { bad = $5 }
        END { printf "%s requests/s=%s p50=%s p99=%s non_2xx=%s cpu_per_request=%.2fms\n", label, rps, p50, p99,
              (bad == "" ? 0 : bad), (n > 0 ? ticks * 1000 / hz / n : 0) }' \
        "$WORK/out.txt" | tee -a "$WORK/results.txt"
}

echo "== $ROUNDS rounds of ${DURATION}s at ~$RATE requests/s, alternating ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
for round in $(seq 1 "$ROUNDS"); do
    run "A#$round" "$A"
    run "B#$round" "$B" --database-url "sqlite://$WORK/b$round.db" "$@"
done

# Median of a latency column in ms (wrk prints us, ms or s).
median() {
    grep "^$1#" "$WORK/results.txt" | sed -E "s/.* $2=([0-9.]+)(us|ms|s).*/\1 \2/" |
        awk '{ v = $1; if ($2 == "us") v /= 1000; if ($2 == "s") v *= 1000; print v }' |
        sort -g | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'
}
echo "== medians: A p50=$(median A p50)ms p99=$(median A p99)ms cpu/request=$(median A cpu_per_request)ms;" \
    "B p50=$(median B p50)ms p99=$(median B p99)ms cpu/request=$(median B cpu_per_request)ms"
