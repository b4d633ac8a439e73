#!/usr/bin/env bash
# What the release wasm is made of (issue 10: "where we fall short, profile and say what
# dominates"): builds the wasm as the release build does (cargo release profile, wasm-bindgen,
# wasm-opt -Oz) but keeps the function names (-g), then prints the bytes by crate and by module
# with tools/wasm_breakdown.py. Not a test. About 4 minutes after source changes.
# Usage: bash tools/size_breakdown.sh        Writes report/wasm-breakdown.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
tgt="${CARGO_TARGET_DIR:-target}"
out=target/size-breakdown
mkdir -p "$out" report
cargo build --release --offline --locked --target wasm32-unknown-unknown --bin cst-workbench
wasm-bindgen --target web --keep-debug --out-dir "$out" --out-name app \
  "$tgt/wasm32-unknown-unknown/release/cst-workbench.wasm"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/app_bg.wasm" -o "$out/app-named.wasm"
python3 tools/wasm_breakdown.py "$out/app-named.wasm" --json report/wasm-breakdown.json
