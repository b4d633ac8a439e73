#!/usr/bin/env bash
# What the release wasm is made of (issue 10: "where we fall short, profile and say what
# dominates"; issue 23: what the home page's main module still holds): builds the app's wasm
# as the release build does (cargo release profile, then tools/app_build.sh: wasm-split into
# the main module and the parts loaded on demand, wasm-bindgen, wasm-opt -Oz) but keeps the
# function names (-g), then prints with tools/wasm_breakdown.py the bytes by crate, by module
# of ours and the largest functions of the main module (what the home page loads), and briefly
# of each part and shared chunk. Not a test. A few minutes after source changes.
# Usage: bash tools/size_breakdown.sh [cargo features…]   Writes report/wasm-breakdown.json.
# The live room's build: CSTW_RELAY=ws://127.0.0.1:4390 bash tools/size_breakdown.sh live
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
mkdir -p report
features=()
[ $# -gt 0 ] && features=(--features "$*")
cargo build --release --offline --locked --target wasm32-unknown-unknown --bin cst-workbench "${features[@]}"
NAMES=1 TRUNK_PROFILE=release sh tools/app_build.sh
out=target/app-split-named/out
python3 tools/wasm_breakdown.py "$out/cst-workbench_bg.wasm" \
  $(ls "$out"/*.wasm | grep -v '/cst-workbench_bg.wasm$') --json report/wasm-breakdown.json
