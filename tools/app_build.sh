#!/bin/sh
# Trunk post_build hook (first, before phone_build.sh, csp.py, worker_url.py and sw.py): cuts
# the app's wasm into parts loaded on demand (issue 23, "First load"; see ARCHITECTURE.md).
# wasm-split must run between cargo and wasm-bindgen, and Trunk 0.21 runs them as one step with
# no hook between them (trunk issue #1022). So Trunk links the app as usual, with relocations
# kept (`--emit-relocs`, passed by build.rs to the app's final link only: no dependency is
# rebuilt), runs wasm-bindgen on it and skips wasm-opt (`data-wasm-opt="0"`); then this script
# takes the linked wasm and
#   1. wasm-split (wasm_split_cli_support, installed by tools/setup.sh): the main module, one
#      wasm per split point marked in src/main.rs (split_<name>.wasm), chunks of code shared by
#      several of them (chunk_<n>.wasm), and __wasm_split.js, which fetches them;
#   2. wasm-bindgen on the main module, keeping the linker's exports the parts import;
#   3. wasm-opt -Oz on every module (release only);
#   4. tools/app_stage.py: names every file with one hash of them all, puts them in Trunk's
#      staging folder in place of Trunk's own build of the app, and boots them from index.html.
set -eu
stage="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
profile="${TRUNK_PROFILE:-debug}"
bin=cst-workbench
built="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/$bin.wasm"
work=target/app-split
rm -rf "$work"
mkdir -p "$work/split" "$work/out"
wasm-split-cli --target web --out-name "$bin" "$built" "$work/split"
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle --out-dir "$work/out" \
  --out-name "$bin" "$work/split/$bin.wasm"
for f in "$work/split"/*.wasm; do
  [ "$(basename "$f")" = "$bin.wasm" ] || cp "$f" "$work/out/"
done
cp "$work/split/__wasm_split.js" "$work/out/"
if [ "$profile" = "release" ]; then
  for f in "$work/out"/*.wasm; do
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue "$f" -o "$f"
  done
fi
python3 tools/app_stage.py "$work/out" "$stage" "$bin"
