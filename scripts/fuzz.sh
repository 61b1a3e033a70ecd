#!/usr/bin/env bash
# Coverage-guided fuzzing of the CSV reader, the JSON reader and the name matcher (cargo fuzz,
# libFuzzer), each for a bounded time; what CI runs. The properties are in fuzz/checks.rs.
#
#   1. installs cargo-fuzz when it is missing (from crates.io, pinned);
#   2. builds the targets without a sanitizer (`-s none`: the stable toolchain has no
#      `-Zsanitizer`; Rust's own checks, debug assertions and the properties still run);
#   3. seeds each corpus from the fixtures (CSV, JSON), the evaluation name pairs (names) and
#      the kept crashes (fuzz/regressions/<target>/);
#   4. runs each target for SECONDS; an input slower than 10 s counts as a crash (the issue:
#      matching cost must stay linear).
# CAATSA_FUZZ_SEED fixes libFuzzer's random seed (CI sets one, so that what CI tries is what the
# same command tries anywhere, and a longer local run with that seed covers CI's run); unset,
# each run explores from a new seed, which is how to look for new crashes.
# A crash fails the run. Its input is printed in base64; keep it under fuzz/regressions/<target>/
# and tests/fuzz_regressions.rs replays it in every `cargo test`.
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (default 60 s each, all targets)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv_reader json_reader names)

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --version 0.13.2 --locked
fi
# Without a sanitizer, cargo fuzz needs no nightly flag: the instrumentation
# (`-Cpasses=sancov-module`, `-Cllvm-args=-sanitizer-coverage-*`) is stable.
fuzz=(cargo fuzz run --sanitizer none --release)
cargo fuzz build --sanitizer none --release

corpus=target/fuzz-corpus
for target in "${targets[@]}"; do
    mkdir -p "$corpus/$target"
    cp fuzz/regressions/"$target"/* "$corpus/$target/" 2>/dev/null || true
done
find fixtures -name '*.csv' -size -256k -exec cp {} "$corpus/csv_reader/" \; 2>/dev/null || true
find fixtures -name '*.json' -size -256k -exec cp {} "$corpus/json_reader/" \; 2>/dev/null || true
if [ -d "$corpus/names" ]; then
    # One seed per evaluation pair: kind byte (0 person, 1 organisation), floor byte, a<TAB>b.
    python3 - "$corpus/names" <<'EOF'
import sys, pathlib
out = pathlib.Path(sys.argv[1])
rows = pathlib.Path("eval/general_names_dev.tsv").read_text(encoding="utf-8").splitlines()[1:]
for i, row in enumerate(rows):
    cells = row.split("\t")
    kind = 0 if cells[1] == "Person" else 1
    seed = bytes([kind, (0, 128, 191, 217, 230, 255)[i % 6]]) + f"{cells[3]}\t{cells[2]}".encode()
    (out / f"eval-{i:04}").write_bytes(seed)
EOF
fi

seed_arg=()
[ -z "${CAATSA_FUZZ_SEED:-}" ] || seed_arg=(-seed="$CAATSA_FUZZ_SEED")

failed=()
for target in "${targets[@]}"; do
    echo "== fuzz $target for ${seconds}s (corpus: $(ls "$corpus/$target" | wc -l) inputs)"
    set +e
    "${fuzz[@]}" "$target" "$corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "${seed_arg[@]}" \
        2>&1 | grep -v -E '^#[0-9]+.*(NEW|REDUCE|pulse)|^"|^###### '
    status=${PIPESTATUS[0]}
    set -e
    [ "$status" = 0 ] || failed+=("$target")
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "FUZZING FOUND A CRASH in: ${failed[*]}" >&2
    for artifact in fuzz/artifacts/*/*; do
        [ -f "$artifact" ] || continue
        echo "-- $artifact (keep it as fuzz/regressions/$(basename "$(dirname "$artifact")")/):" >&2
        base64 -w0 "$artifact" >&2
        echo >&2
    done
    exit 1
fi
echo "fuzzing: no crash in ${targets[*]} (${seconds}s each)"
