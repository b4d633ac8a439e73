#!/bin/sh
# Trunk post_build hook (first, before phone_build.sh, csp.py and sw.py): cuts
# the app's wasm into parts loaded on demand (issue 23, "First load"; see ARCHITECTURE.md).
# wasm-split must run between cargo and wasm-bindgen, and Trunk 0.21 runs them as one step with
# no hook between them (trunk issue #1022). So Trunk links the app as usual, with relocations
# kept (`--emit-relocs`, passed by build.rs to the app's final link only: no dependency is
# rebuilt), runs wasm-bindgen on it and skips wasm-opt (`data-wasm-opt="0"`); then this script
# takes the linked wasm and
#   1. wasm-split (wasm_split_cli_support with tools/wasm-split-merge.patch, installed by
#      tools/setup.sh): the main module, one wasm per split point marked in src/main.rs
#      (split_<name>.wasm), chunks of code shared by several of them (chunk_<n>.wasm), and
#      __wasm_split.js, which fetches them. The chunks are merged: a workshop's sections only
#      ever load inside the workshop page, so code the workshop part needs anyway joins it
#      (--after), and chunks with under 16 KB of code join the chunk or part that loads with
#      or before them (--fold-below): ~25 chunks instead of ~100;
#   2. wasm-bindgen on the main module, keeping the linker's exports the parts import;
#   3. wasm-opt -Oz on every module (release only), without its producers and target-features
#      sections;
#   4. tools/app_stage.py: names every file with one hash of them all, puts them in Trunk's
#      staging folder in place of Trunk's own build of the app, boots them from index.html and
#      writes the Web Worker's script (the same main module in a module worker, whose `main`
#      loads the split point `worker`: the jobs).
# With NAMES=1 (tools/size_breakdown.sh) it keeps the function names in every module, writes
# them to target/app-split-named/out and stages nothing.
set -eu
profile="${TRUNK_PROFILE:-debug}"
bin=cst-workbench
built="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/$bin.wasm"
work=target/app-split
keep=""
if [ "${NAMES:-0}" = 1 ]; then
  work=target/app-split-named
  keep="-g"
else
  stage="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
fi
rm -rf "$work"
mkdir -p "$work/split" "$work/out"
if ! wasm-split-cli --help | grep -q -- --fold-below; then
  echo "app_build.sh: this wasm-split-cli cannot merge chunks: run tools/setup.sh" >&2
  exit 1
fi
wasm-split-cli --target web --out-name "$bin" \
  --after workshop=boundary,maps,pictures,scoring,report,present --fold-below 16384 \
  "$built" "$work/split"
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle ${keep:+--keep-debug} --out-dir "$work/out" \
  --out-name "$bin" "$work/split/$bin.wasm"
for f in "$work/split"/*.wasm; do
  [ "$(basename "$f")" = "$bin.wasm" ] || cp "$f" "$work/out/"
done
cp "$work/split/__wasm_split.js" "$work/out/"
if [ "$profile" = "release" ]; then
  # Two at a time (release builds run one at a time, under a lock).
  # The producers and target-features sections tell tools how a module was built; the browser
  # never reads them (~200 bytes gzip a module, 7.5 KB over all of them).
  ls "$work/out"/*.wasm | xargs -P 2 -I{} wasm-opt -Oz $keep --strip-producers \
    --strip-target-features --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue {} -o {}
fi
[ -n "$keep" ] || python3 tools/app_stage.py "$work/out" "$stage" "$bin"
