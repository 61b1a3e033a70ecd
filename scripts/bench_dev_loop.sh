#!/usr/bin/env bash
# Developer-loop benchmark: the Rust part of .ci/run (clippy, then the README's `cargo test`) on a
# fresh clone with a cold target directory, each step timed, for one or two revisions in turn.
#
#   scripts/bench_dev_loop.sh [REV ...]    (default: HEAD)
#
# Each revision is cloned from this repository into a temporary directory and built from nothing
# (its own CARGO_TARGET_DIR), so the figures are what CI pays. The registry cache is shared (CI's
# machine has one too). Runs are sequential: the machine has 2 cores, and two cold builds side by
# side would measure each other.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
revs=("$@")
[ ${#revs[@]} -eq 0 ] && revs=(HEAD)
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
for rev in "${revs[@]}"; do
    work="$(mktemp -d)"
    git clone --quiet "$repo" "$work/src"
    git -C "$work/src" checkout --quiet "$rev"
    export CARGO_TARGET_DIR="$work/target"
    step() {
        local name="$1"
        shift
        local start end
        start=$(date +%s)
        (cd "$work/src" && "$@") > "$work/$name.log" 2>&1 || {
            echo "$rev: $name failed (log: $work/$name.log)" >&2
            exit 1
        }
        end=$(date +%s)
        echo "$((end - start))"
    }
    clippy=$(step clippy cargo clippy --all-targets --quiet -- -D warnings)
    tests=$(step test cargo test)
    binaries=$(grep -c "Running " "$work/test.log" || true)
    echo "$rev ($(git rev-parse --short "$rev")): clippy ${clippy}s, cargo test ${tests}s, total $((clippy + tests))s; test binaries run: $binaries"
    rm -rf "$work"
done
