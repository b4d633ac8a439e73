#!/usr/bin/env bash
# The floor under the whole app's bytes (issue 23: whole app <= 700 KB gzip): the app's wasm as
# the release links it, but in one module (no wasm-split), through wasm-bindgen and
# wasm-opt -Oz with every custom section dropped, gzip -9; and what each group of crates
# weighs in it (tools/size_floor.py). Not a test. About two minutes after source changes.
# Usage: bash tools/size_floor.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
cargo build --release --offline --locked --target wasm32-unknown-unknown --bin cst-workbench
work=target/size-floor
rm -rf "$work"
mkdir -p "$work"
wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$work" --out-name app \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/cst-workbench.wasm"
# The link keeps relocations for wasm-split (build.rs): drop them and every other custom
# section but the names, which the second copy keeps.
python3 - "$work/app_bg.wasm" <<'PY'
import sys
sys.path.insert(0, "tools")
import wasm_breakdown as wb

def leb(n):
    out = bytearray()
    while True:
        x, n = n & 0x7F, n >> 7
        out.append(x | (0x80 if n else 0))
        if not n:
            return bytes(out)

path = sys.argv[1]
b = open(path, "rb").read()
for keep_names, out in ((False, "plain.wasm"), (True, "named.wasm")):
    w = bytearray(b[:8])
    for sid, body in wb.sections(b):
        body = bytes(body)
        if sid == 0 and not (keep_names and body[1:5] == b"name" and body[0] == 4):
            continue
        w += bytes([sid]) + leb(len(body)) + body
    open(path.rsplit("/", 1)[0] + "/" + out, "wb").write(w)
PY
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
wasm-opt -Oz "${features[@]}" "$work/plain.wasm" -o "$work/plain.wasm"
wasm-opt -Oz -g "${features[@]}" "$work/named.wasm" -o "$work/named.wasm"
python3 tools/size_floor.py "$work/plain.wasm" "$work/named.wasm"
