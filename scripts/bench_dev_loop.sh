#!/usr/bin/env bash
# Developer-loop benchmark: the Rust part of .ci/run (lint, then the README's `cargo test`) on a
# fresh clone with a cold target directory, each step timed, for one or two revisions in turn.
# The lint step is whatever that revision's .ci/run does: `cargo clippy --all-targets` (older
# revisions), or the test build with clippy-driver as the workspace compiler (newer ones, where
# `cargo test` then reuses that build).
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
    if grep -q RUSTC_WORKSPACE_WRAPPER "$work/src/.ci/run"; then
        export RUSTC_WORKSPACE_WRAPPER
        RUSTC_WORKSPACE_WRAPPER=$(rustup which clippy-driver)
        export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
        clippy=$(step clippy cargo test --all-targets --no-run --quiet)
    else
        unset RUSTC_WORKSPACE_WRAPPER CLIPPY_ARGS
        clippy=$(step clippy cargo clippy --all-targets --quiet -- -D warnings)
    fi
    tests=$(step test cargo test)
    binaries=$(grep -c "Running " "$work/test.log" || true)
    echo "$rev ($(git rev-parse --short "$rev")): lint ${clippy}s, cargo test ${tests}s, total $((clippy + tests))s; test binaries run: $binaries"
    rm -rf "$work"
done
