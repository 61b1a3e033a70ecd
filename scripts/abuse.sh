#!/usr/bin/env bash
# Replays hostile and careless clients against a running service and prints, per scenario, what
# held: long names, stalled and dripped bodies, a repeated line number, two files in one form, a
# fail_on gate over an unreadable row, framework-level errors, a forged log line, the result size
# of a flag-heavy manifest, small requests while big uploads run, and the server's peak memory. Each scenario is bounded in time.
#
#   scripts/abuse.sh [BINARY]        # default target/release/caatsa-screen (built if missing)
#   BIG_MB=10 scripts/abuse.sh       # size of each of the four big uploads (default 1 MiB; see
#                                    # docs/service.md: 10 MiB exhausted a 24 GiB machine)
#
# The service runs on loopback with the built-in knowledge base, a fresh SQLite file, and a 3 s
# body idle timeout so that the slow-client scenarios finish quickly.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${1:-target/release/caatsa-screen}"
PORT="${PORT:-18123}"
BIG_MB="${BIG_MB:-1}"
if [ ! -x "$BIN" ]; then
    cargo build --release --quiet
fi
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN" serve --bind "127.0.0.1:$PORT" --database-url "sqlite://$WORK/abuse.db" \
    --body-idle-timeout-secs 3 --log info >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
echo "== $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ); $("$BIN" --version 2>/dev/null || echo "$BIN")"

python3 - "$PORT" "$SERVER_PID" "$WORK/server.log" "$BIG_MB" <<'PY'
import http.client, json, socket, sys, threading, time

port, pid, log_path, big_mb = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
results = []

def report(name, held, detail):
    results.append(held)
    print(f"{'HELD ' if held else 'BROKE'} {name}: {detail}", flush=True)

def request(method, path, body=None, headers=None, timeout=120):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), data

def post_json(doc, query=""):
    return request("POST", "/v1/screenings" + query, json.dumps(doc), {"content-type": "application/json"})

def post_csv(text, query=""):
    return request("POST", "/v1/screenings" + query, text.encode(), {"content-type": "text/csv"})

def error_code(data):
    try:
        return json.loads(data)["error"]["code"]
    except Exception:
        return None

# 1. Names far past any real one: a row error found in linear time, the other line screened.
for size in (100_000, 300_000):
    started = time.time()
    status, _, data = post_json({"lines": [
        {"line": 1, "supplier_name": "A" * size, "supplier_country": "CN"},
        {"line": 2, "supplier_name": "Korea Ryonbong General Corp", "supplier_country": "CN"}]})
    took = time.time() - started
    body = json.loads(data)
    ok = status == 200 and body["summary"]["lines"] == 1 and body["summary"]["errors"] == 1 and took < 2
    report(f"one {size // 1000} KB word as supplier_name", ok, f"{status} in {took:.2f} s, {body.get('summary')}")

# 2. A body that stops: 408 once the idle timeout passes, and its slot is free again.
def stalled(declared, sent, drip_every=None, drip_for=0.0):
    s = socket.create_connection(("127.0.0.1", port), timeout=60)
    s.sendall((f"POST /v1/screenings HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
               f"Content-Length: {declared}\r\n\r\n").encode() + b"x" * sent)
    started = time.time()
    if drip_every:
        try:
            while time.time() - started < drip_for:
                time.sleep(drip_every)
                s.sendall(b"x")
        except OSError:
            pass
    answer = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
    except OSError:
        pass
    s.close()
    return answer.split(b" ", 2)[1].decode() if answer.startswith(b"HTTP/") else "none", time.time() - started

status, took = stalled(10_000, 100)
after, _, _ = post_csv("Supplier,Country of Origin\nACME,CN\n")
report("a body that stops after 100 bytes", status == "408" and after == 200,
       f"{status} after {took:.1f} s (idle timeout 3 s); next request {after}")

# 3. A body dripped one byte every 2 s (never idle for 3 s): 408 once 10 s of waiting averaged under 1 KiB/s.
status, took = stalled(100_000, 10, drip_every=2.0, drip_for=20.0)
report("a body dripped a byte every 2 s", status == "408" and took < 16, f"{status} after {took:.1f} s")

# 4. Nothing lost without a word.
status, _, data = post_csv("Bill of Lading,Line,Supplier,Country of Origin\nB1,1,ACME,CN\nB1,1,Korea Ryonbong General Corp,CN\n")
body = json.loads(data)
report("a line number given twice in one shipment", status == 200 and body["summary"]["errors"] == 1,
       f"{status}, {body['summary']['lines']} line(s), error: {body['errors'][0]['message'][:70]}...")
boundary = "abusebound"
form = "".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{n}.csv\"\r\n"
               f"Content-Type: text/csv\r\n\r\nSupplier,Country of Origin\nACME {n},CN\r\n" for n in ("a", "b"))
status, _, data = request("POST", "/v1/screenings", (form + f"--{boundary}--\r\n").encode(),
                          {"content-type": f"multipart/form-data; boundary={boundary}"})
report("a form with two files", status == 400, f"{status} {error_code(data)}")
status, headers, _ = post_csv("Supplier,Country of Origin\nACME,US\n\"X\",CN,extra\n", "?fail_on=prohibited")
gate = {k.lower(): v for k, v in headers.items()}
report("fail_on over an unreadable row", gate.get("caatsa-gate") == "failed",
       f"{status}, caatsa-gate: {gate.get('caatsa-gate')}; {gate.get('caatsa-gate-reasons')}")

# 5. Clean edges.
status, headers, data = request("DELETE", "/v1/screenings")
low = {k.lower(): v for k, v in headers.items()}
report("405", status == 405 and "allow" in low and error_code(data) == "method_not_allowed", f"{status}, Allow: {low.get('allow')}")
status, _, _ = request("HEAD", "/healthz")
report("HEAD /healthz", status == 200, str(status))
status, headers, data = request("GET", "/docs/nothing.js")
low = {k.lower(): v for k, v in headers.items()}
report("404 under /docs", status == 404 and error_code(data) == "not_found" and "x-request-id" in low,
       f"{status} {error_code(data)}")
request("GET", "/v1/screenings/x%0AFORGED%20LOG%20LINE")
time.sleep(0.5)
forged = [l for l in open(log_path, encoding="utf-8", errors="replace") if l.startswith("FORGED")]
report("a newline in a path does not forge a log line", not forged, f"{len(forged)} forged line(s)")

# 6. Small requests while four big uploads run.
seafood = lambda n: "Supplier,Country of Origin,HTS\n" + "".join(
    f"Dandong Seafood Processing {i} Co Ltd,CN,0304.75\n" for i in range(n))
status, _, data = post_csv(seafood(2000))
per_line = len(data) / 2000
report("result size of a flag-heavy seafood manifest", status == 200 and per_line <= 3072,
       f"{per_line:,.0f} bytes a line on 2,000 lines (target 3 KB; every line has two flags)")
def fitting(limit):
    """A seafood manifest of at most `limit` bytes (the server's default body limit is 50 MiB)."""
    rows, size = ["Supplier,Country of Origin,HTS\n"], 31
    while True:
        row = f"Dandong Seafood Processing {len(rows)} Co Ltd,CN,0304.75\n"
        if size + len(row) > limit:
            return "".join(rows)
        rows.append(row)
        size += len(row)
big = fitting(big_mb * 1024 * 1024)
small = {"lines": [{"line": i + 1, "supplier_name": "ACME Trading", "supplier_country": "CN"} for i in range(20)]}
stop = time.time() + 20
big_status, small_status = [], []
def uploader():
    while time.time() < stop:
        try:
            big_status.append(post_csv(big)[0])
        except OSError:
            # Refused before its body was read: the server answered 503 and closed while this
            # client was still sending (a broken pipe or a reset). Counted as refused; try again.
            big_status.append("closed")
            time.sleep(0.2)
def smalls():
    while time.time() < stop:
        small_status.append(post_json(small)[0])
        time.sleep(0.05)
threads = [threading.Thread(target=uploader) for _ in range(4)] + [threading.Thread(target=smalls)]
for t in threads:
    t.start()
peak = 0
while any(t.is_alive() for t in threads):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) // 1024
    time.sleep(0.5)
answered = small_status.count(200)
share = answered / max(1, len(small_status))
report(f"small requests while four {big_mb} MiB uploads run", share >= 0.9,
       f"{answered} of {len(small_status)} answered 200 ({share:.0%}); big uploads: "
       f"{big_status.count(200)} answered, {len(big_status) - big_status.count(200)} refused")
report(f"server peak RSS with four {big_mb} MiB uploads", peak < 500, f"{peak} MB (VmHWM)")

print(f"== {sum(results)} of {len(results)} held")
PY
