#!/usr/bin/env bash
# Name-matching evaluation, ours beside the rapidfuzz peer, on the same sets:
#   eval/dprk_name_variants_dev.tsv, eval/un_sc_pairs.tsv (pair classification at the production threshold),
#   eval/negatives_global_20k.csv against the full SDN list of data/ofac/set_2023-12-28 (best-hit false positives),
#   names per second, and index-vs-exhaustive agreement.
# Usage: scripts/eval_names.sh [PEER_SCRIPT]   (default: ../shared/peers/rapidfuzz_screen.py)
# Needs cargo and python3; installs rapidfuzz and numpy into .venv on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
peer="${1:-../shared/peers/rapidfuzz_screen.py}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== ours (release build)" >&2
cargo build --release --quiet --example eval_names
./target/release/examples/eval_names --json "$work/ours.json" --watchlist "$work/watchlist.txt" \
    --queries "$work/queries.txt" --agreement-sample 1500

if [ ! -f "$peer" ]; then
    echo "peer script $peer not found: pass its path as the first argument" >&2
    exit 2
fi
if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv with rapidfuzz and numpy" >&2
    python3 -m venv .venv
    .venv/bin/pip install --quiet rapidfuzz numpy
fi
echo >&2
echo "== side by side (peer: $peer)" >&2
.venv/bin/python scripts/peer_eval.py "$peer" "$work/watchlist.txt" "$work/queries.txt" "$PWD" "$work/ours.json"
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d)"
