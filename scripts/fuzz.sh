#!/usr/bin/env bash
# Fuzzes cairn's loaders for a bounded time per target: the board loader (store::from_ron, fast path
# checked against ron), the CSV import planner and the config loader.
#
#   scripts/fuzz.sh [seconds per target, default 60] [target ...]
#
# Needs a nightly toolchain and cargo-fuzz (installed from crates.io when missing). New corpus
# entries go to fuzz/corpus/<target> and crashes to fuzz/artifacts/<target>; both are git-ignored,
# only the tiny seed corpus in fuzz/seeds is kept. FUZZ_SANITIZER=address for ASan (slower; the
# crate forbids unsafe code, so the default is none).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(store_load csv_import config)
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz
fi

status=0
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  log="$(mktemp)"
  echo "== $target: ${seconds}s"
  if ! cargo +nightly fuzz run --sanitizer "${FUZZ_SANITIZER:-none}" "$target" \
      "corpus/$target" "seeds/$target" -- \
      -max_total_time="$seconds" -timeout=1 -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
      >"$log" 2>&1; then
    status=1
    tail -n 40 "$log"
    echo "!! $target failed; the input is in fuzz/artifacts/$target"
  fi
  runs="$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -n 1 || true)"
  echo "$target: ${runs:-no run count}; corpus $(ls "corpus/$target" | wc -l) inputs"
  rm -f "$log"
done
exit "$status"
