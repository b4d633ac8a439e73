#!/usr/bin/env python3
"""What the release wasm is made of: code bytes by crate (and by module of ours), data bytes.

Reads wasm modules that still have their name section (tools/size_breakdown.sh builds the split
app the way the release is built, then keeps the names) and prints, largest first, the bytes of
function bodies grouped by the crate their name starts with, the data segments, and the biggest
single items: in full for the first module (the main module, what the home page loads), briefly
for each other one (the parts loaded on demand and the chunks they share). Generic code is
counted under the crate that defines it (core::ptr::drop_in_place of our types counts as core),
which is how the Rust toolchain names it. Mangled names (legacy `_ZN…E`) are demangled.

Usage: python3 tools/wasm_breakdown.py main.wasm [part.wasm …] [--json out.json]
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


ESCAPES = {"$LT$": "<", "$GT$": ">", "$RF$": "&", "$BP$": "*", "$C$": ",", "$SP$": "@", "$LP$": "(", "$RP$": ")"}


V0_CRATE = re.compile(r"C(?:s[0-9a-zA-Z]*_)?(\d+)")


def demangle(name):
    """A legacy Rust symbol (`_ZN` length-prefixed parts `E`) as a path; of a v0 symbol (`_R…`)
    only its crate is told (`crate::<v0 symbol>`); anything else as is."""
    if name.startswith("_R"):
        m = V0_CRATE.search(name)
        if m:
            n, at = int(m.group(1)), m.end()
            return f"{name[at : at + n]}::{name}"
        return name
    if not name.startswith("_ZN"):
        return name
    i, parts = 3, []
    try:
        while name[i] != "E":
            j = i
            while name[j].isdigit():
                j += 1
            n = int(name[i:j])
            parts.append(name[j : j + n])
            i = j + n
    except (IndexError, ValueError):
        return name
    out = []
    for p in parts:
        if p.startswith("_$"):
            p = p[1:]
        p = p.replace("..", "::")
        for a, b in ESCAPES.items():
            p = p.replace(a, b)
        out.append(re.sub(r"\$u([0-9a-f]+)\$", lambda m: chr(int(m.group(1), 16)), p))
    return "::".join(out)


CRATE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::")


def crate_of(name):
    name = name.lstrip("<&*")
    m = CRATE.match(name) or CRATE.search(name)
    return m.group(1) if m else "(unnamed)"


def breakdown(path):
    b = open(path, "rb").read()
    imported, bodies, names, data = parse(b)
    crates, ours, items = Counter(), Counter(), []
    for i, size in enumerate(bodies):
        raw = demangle(names.get(imported + i, f"func{imported + i}"))
        name = re.sub(r"::h[0-9a-f]{16}$", "", raw)
        crate = crate_of(name)
        crates[crate] += size
        items.append((size, name))
        m = re.search(r"(?:cst_workbench|cstw_core|cstw_sync)::([a-z_]+)(?:::([a-z_]+))?", name)
        if m:
            ours["::".join(x for x in m.groups() if x)] += size
    return {"file": path, "bytes": len(b), "functions": len(bodies), "named": bool(names),
            "code": sum(bodies), "data": sum(data), "crates": crates, "ours": ours, "items": items}


def report(r, full):
    code, data = r["code"], r["data"]
    total = code + data or 1
    print(f"{r['file']}: {r['bytes'] / 1024:.0f} KB, {r['functions']} functions, code {code / 1024:.0f} KB, data {data / 1024:.0f} KB")
    n_crates, n_ours, n_items = (25, 20, 12) if full else (6, 6, 3)
    print("  bytes by crate (code; data on its own line):")
    rows = r["crates"].most_common() + [("(data: strings, tables)", data)]
    for crate, size in sorted(rows, key=lambda x: -x[1])[:n_crates]:
        print(f"    {size / 1024:8.1f} KB {100 * size / total:5.1f}%  {crate}")
    print("  our code by module:")
    for mod, size in r["ours"].most_common(n_ours):
        print(f"    {size / 1024:8.1f} KB {100 * size / total:5.1f}%  {mod}")
    print("  largest functions:")
    for size, name in sorted(r["items"], reverse=True)[:n_items]:
        print(f"    {size / 1024:8.1f} KB  {name[:110]}")


def main():
    args = sys.argv[1:]
    out = None
    if "--json" in args:
        i = args.index("--json")
        out = args[i + 1]
        del args[i : i + 2]
    if not args:
        sys.exit(__doc__)
    results = [breakdown(p) for p in args]
    if not results[0]["named"]:
        sys.exit("this wasm has no function names: build it with tools/size_breakdown.sh")
    report(results[0], True)
    if len(results) > 1:
        print(f"\nThe {len(results) - 1} other modules (parts and shared chunks), largest first:")
        for r in sorted(results[1:], key=lambda r: -r["bytes"]):
            if r["bytes"] >= 8 * 1024:
                report(r, False)
        small = [r for r in results[1:] if r["bytes"] < 8 * 1024]
        if small:
            print(f"  and {len(small)} modules under 8 KB, {sum(r['bytes'] for r in small) / 1024:.0f} KB together")
    if out:
        json.dump([{"file": r["file"], "bytes": r["bytes"], "code_bytes": r["code"], "data_bytes": r["data"],
                    "by_crate": dict(r["crates"]), "ours_by_module": dict(r["ours"])} for r in results],
                  open(out, "w"), indent=1)
        print(f"\nWritten: {out}")


if __name__ == "__main__":
    main()
