#!/usr/bin/env python3
"""The smallest the app's wasm can be as built today: one module, no split, wasm-opt -Oz.

Issue 23 asks for the whole app <= 700 KB gzip. The release build splits the app into parts
(tools/app_build.sh) so the home page loads <= 350 KB; the split costs bytes of its own (each
part's imports, exports and indirect-call shims, and code that cannot be inlined across parts).
This measures the floor under that: the same linked wasm, not split, with wasm-bindgen's
glue and wasm-opt -Oz, every custom section dropped, and gzip -9 of it. Then, from a second
copy that keeps the function names, what each crate's code weighs there, raw and compressed on
its own (each crate's function bodies, in the module's order, through gzip -9; the sum is a
little over the whole, since each group is compressed apart).

Usage: python3 tools/size_floor.py plain.wasm named.wasm
"""

import gzip
import re
import sys
from collections import defaultdict

import wasm_breakdown as wb

# Crates grouped as the decision in ARCHITECTURE.md talks of them.
GROUPS = [
    ("the app's own code (cst_workbench, cstw_core, cstw_kernels)", r"^(cst_workbench|cstw_core|cstw_kernels|main)$"),
    ("Leptos (tachys, reactive_graph, leptos*, any_spawner, …)", r"^(tachys|reactive_graph|leptos.*|any_spawner|or_poisoned|slotmap|throw_error|either_of|next_tuple|send_wrapper|oco_ref)$"),
    ("Rust's std (core, alloc, std, compiler_builtins, dlmalloc)", r"^(core|alloc|std|compiler_builtins|dlmalloc|___rust|__rust.*)$"),
    ("serde and serde_json", r"^(serde.*|zmij|itoa|ryu)$"),
    ("wasm-bindgen, js-sys, web-sys", r"^(wasm_bindgen.*|js_sys|web_sys|wasm_split_helpers|async_once_cell)$"),
]


def bodies(b):
    """Function bodies, in order, as bytes."""
    out = []
    for sid, body in wb.sections(b):
        if sid == 10:
            n, k = wb.leb(body, 0)
            for _ in range(n):
                ln, k2 = wb.leb(body, k)
                out.append(bytes(body[k2 : k2 + ln]))
                k = k2 + ln
    return out


def main():
    plain, named = sys.argv[1], sys.argv[2]
    whole = open(plain, "rb").read()
    gz = len(gzip.compress(whole, 9))
    print(f"The app in one module (no split), wasm-opt -Oz, no custom sections: "
          f"{len(whole) / 1024:.1f} KB raw, {gz / 1024:.1f} KB gzip -9")
    b = open(named, "rb").read()
    imported, _, names, _ = wb.parse(b)
    groups = defaultdict(list)
    for i, body in enumerate(bodies(b)):
        name = re.sub(r"::h[0-9a-f]{16}$", "", wb.demangle(names.get(imported + i, "")))
        crate = wb.crate_of(name) if name else "(unnamed)"
        label = next((g for g, rx in GROUPS if re.match(rx, crate)), "other crates and unnamed code")
        groups[label].append(body)
    rows = []
    for label, bs in groups.items():
        joined = b"".join(bs)
        rows.append((len(gzip.compress(joined, 9)), len(joined), label))
    total = sum(r[0] for r in rows) or 1
    print("  its code by crate (raw; gzip -9 of that crate's code alone; share of the gzip):")
    for g, raw, label in sorted(rows, reverse=True):
        print(f"    {raw / 1024:8.1f} KB {g / 1024:8.1f} KB {100 * g / total:5.1f}%  {label}")


if __name__ == "__main__":
    main()
