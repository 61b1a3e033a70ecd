#!/usr/bin/env bash
# Batch-screening benchmark against the full SDN list, ours beside the rapidfuzz peer, in one run.
#
#   1. generates a seeded, reproducible 200,000-line manifest (perturbed real SDN names mixed with
#      real AMS shipper names and generated company names: examples/gen_manifest.rs);
#   2. imports the full OFAC list (data/ofac/set_2023-12-28) into a knowledge-base snapshot;
#   3. screens the manifest (CSV out) under /usr/bin/time -v: lines/s and peak RSS (3 runs, median);
#   4. streams a 1,000,000-line manifest: peak RSS;
#   5. names/s on the same 5,000 distinct party names, ours (all cores, no cache) and the peer's
#      (`rapidfuzz_screen.py WATCHLIST QUERIES --bulk`, all cores), and the ratio.
# Usage: scripts/bench.sh [PEER_SCRIPT]   (default ../shared/peers/rapidfuzz_screen.py)
set -euo pipefail
cd "$(dirname "$0")/.."
peer="${1:-../shared/peers/rapidfuzz_screen.py}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ ! -x /usr/bin/time ]; then
    echo "/usr/bin/time is missing: apt-get install -y time" >&2
    exit 2
fi

cargo build --release --quiet
cargo build --release --quiet --example gen_manifest --example bench_names --example eval_names
bin=./target/release/caatsa-screen

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
./target/release/examples/gen_manifest 200000 > "$work/m200k.csv"
./target/release/examples/gen_manifest 1000000 7 > "$work/m1m.csv"
$bin indicators import --ofac-dir data/ofac/set_2023-12-28 --ofac-date 2023-12-28 --out "$work/full.json" 2>&1 | tail -1

echo "== 200,000 lines, full SDN list, CSV result (3 runs)"
rates=()
for run in 1 2 3; do
    /usr/bin/time -v $bin screen "$work/m200k.csv" --indicators "$work/full.json" --format csv --out "$work/out.csv" \
        2> "$work/time.txt"
    rate=$(grep -o '([0-9]* lines/s' "$work/time.txt" | tr -dc 0-9)
    rss=$(awk '/Maximum resident set size/ {print $6}' "$work/time.txt")
    wall=$(awk '/Elapsed \(wall clock\)/ {print $8}' "$work/time.txt")
    echo "run $run: $rate lines/s (screening, load excluded), wall $wall incl. load, peak RSS $((rss / 1024)) MB"
    rates+=("$rate")
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)
echo "median: $median lines/s"
grep 'screened' "$work/time.txt"

echo "== 1,000,000 lines streamed (JSON result), full SDN list"
/usr/bin/time -v $bin screen "$work/m1m.csv" --indicators "$work/full.json" --out "$work/out1m.json" 2> "$work/time1m.txt"
grep 'screened' "$work/time1m.txt"
echo "peak RSS: $(( $(awk '/Maximum resident set size/ {print $6}' "$work/time1m.txt") / 1024 )) MB"

echo "== names/s on the same 5,000 distinct party names, full SDN list"
python3 - "$work/m200k.csv" "$work/names.txt" <<'PY'
import csv, random, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
names = sorted({r["Shipper"] for r in rows} | {r["Manufacturer"] for r in rows if r["Manufacturer"]})
random.Random(7).shuffle(names)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(names[:5000]) + "\n")
PY
ours=$(./target/release/examples/bench_names "$work/names.txt" "$work/full.json")
echo "$ours"
ours_rate=$(echo "$ours" | cut -f4)
./target/release/examples/eval_names --watchlist "$work/watchlist.txt" --agreement-sample 0 > /dev/null
if [ ! -f "$peer" ]; then
    echo "peer script $peer not found: pass its path as the first argument" >&2
    exit 2
fi
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
    .venv/bin/pip install --quiet rapidfuzz numpy
fi
.venv/bin/python "$peer" "$work/watchlist.txt" "$work/names.txt" --bulk > /dev/null 2> "$work/peer.txt"
cat "$work/peer.txt"
for scorer in tsr jw; do
    secs=$(awk -v s="$scorer" -F'\t' '$1=="timing" && $2==s {gsub("s","",$4); print $4}' "$work/peer.txt")
    python3 -c "import sys; n=5000; ours=float(sys.argv[1]); secs=float(sys.argv[2]); peer=n/secs; print(f'peer {sys.argv[3]}: {peer:.0f} names/s; ours/peer = {ours/peer:.1f}x')" "$ours_rate" "$secs" "$scorer"
done
