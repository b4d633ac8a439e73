#!/usr/bin/env python3
"""What the release wasm is made of: code bytes by crate (and by module of ours), data bytes.

Reads a wasm that still has its name section (tools/size_breakdown.sh builds one the way the
release is built, then keeps the names) and prints, largest first, the bytes of function bodies
grouped by the crate their name starts with, the data segments, and the biggest single items.
Generic code is counted under the crate that defines it (core::ptr::drop_in_place of our types
counts as core), which is how the Rust toolchain names it.

Usage: python3 tools/wasm_breakdown.py app.wasm [--json out.json]
"""

import json
import re
import sys
from collections import Counter


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(b):
    if b[:4] != b"\0asm":
        sys.exit("not a wasm file")
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j : j + size]
        i = j + size


def parse(b):
    imported = 0
    bodies = []
    names = {}
    data = []
    for sid, body in sections(b):
        if sid == 2:  # imports: functions among them take the first indices
            n, k = leb(body, 0)
            for _ in range(n):
                for _ in range(2):
                    ln, k = leb(body, k)
                    k += ln
                kind = body[k]
                k += 1
                if kind == 0:
                    imported += 1
                    _, k = leb(body, k)
                elif kind == 1:
                    k += 1
                    flags, k = leb(body, k)
                    _, k = leb(body, k)
                    if flags & 1:
                        _, k = leb(body, k)
                elif kind == 2:
                    flags, k = leb(body, k)
                    _, k = leb(body, k)
                    if flags & 1:
                        _, k = leb(body, k)
                elif kind == 3:
                    k += 2
                else:
                    sys.exit(f"unknown import kind {kind}")
        elif sid == 10:  # code
            n, k = leb(body, 0)
            for _ in range(n):
                ln, k2 = leb(body, k)
                bodies.append(ln + (k2 - k))
                k = k2 + ln
        elif sid == 11:  # data
            n, k = leb(body, 0)
            for _ in range(n):
                flag, k = leb(body, k)
                if flag in (0, 2):
                    if flag == 2:
                        _, k = leb(body, k)
                    while body[k] != 0x0B:  # the offset expression
                        k += 1
                    k += 1
                ln, k = leb(body, k)
                data.append(ln)
                k += ln
        elif sid == 0:
            ln, k = leb(body, 0)
            if body[k : k + ln] != b"name":
                continue
            k += ln
            while k < len(body):
                sub = body[k]
                size, k = leb(body, k + 1)
                end = k + size
                if sub == 1:
                    n, k = leb(body, k)
                    for _ in range(n):
                        idx, k = leb(body, k)
                        ln, k = leb(body, k)
                        names[idx] = body[k : k + ln].decode("utf-8", "replace")
                        k += ln
                k = end
    return imported, bodies, names, data


CRATE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::")


def crate_of(name):
    name = name.lstrip("<&*")
    m = CRATE.match(name) or CRATE.search(name)
    return m.group(1) if m else "(unnamed)"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    b = open(sys.argv[1], "rb").read()
    imported, bodies, names, data = parse(b)
    if not names:
        sys.exit("this wasm has no function names: build it with tools/size_breakdown.sh")
    crates, ours, items = Counter(), Counter(), []
    for i, size in enumerate(bodies):
        name = re.sub(r"::h[0-9a-f]{16}$", "", names.get(imported + i, f"func{imported + i}"))
        crate = crate_of(name)
        crates[crate] += size
        items.append((size, name))
        if crate == "cst_workbench":
            m = re.search(r"cst_workbench::([a-z_]+)(?:::([a-z_]+))?", name)
            ours["::".join(x for x in m.groups() if x) if m else "(other)"] += size
    code = sum(bodies)
    total = code + sum(data)
    print(f"{sys.argv[1]}: {len(bodies)} functions, code {code / 1024:.0f} KB, data {sum(data) / 1024:.0f} KB in {len(data)} segments")
    print("\nbytes by crate (code; data on its own line):")
    rows = crates.most_common() + [("(data: strings, tables)", sum(data))]
    for crate, size in sorted(rows, key=lambda r: -r[1])[:25]:
        print(f"  {size / 1024:8.1f} KB {100 * size / total:5.1f}%  {crate}")
    print("\nour code by module:")
    for mod, size in ours.most_common(20):
        print(f"  {size / 1024:8.1f} KB {100 * size / total:5.1f}%  {mod}")
    print("\nlargest functions:")
    for size, name in sorted(items, reverse=True)[:12]:
        print(f"  {size / 1024:8.1f} KB  {name[:110]}")
    if "--json" in sys.argv:
        out = sys.argv[sys.argv.index("--json") + 1]
        json.dump({"code_bytes": code, "data_bytes": sum(data), "by_crate": dict(crates), "ours_by_module": dict(ours)}, open(out, "w"), indent=1)
        print(f"\nWritten: {out}")


if __name__ == "__main__":
    main()
