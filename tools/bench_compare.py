#!/usr/bin/env python3
"""Two benchmark runs side by side: are the numbers reproducible within noise?

Usage: python3 tools/bench_compare.py report/bench-run1.json report/bench-run2.json

Reads the headline table that tools/bench.sh writes (report/bench.json; keep each run's copy
under another name) and prints every figure of both runs with their difference. A difference
over the tolerance (default 20 %, --tolerance N) is marked, unless it is smaller than the timer's
resolution (--floor, default 0.5 ms, for figures in ms: Chromium coarsens performance.now() to
0.1 ms, so 0.2 against 0.3 ms is one tick, not 50 %); so is a verdict that changed
(met in one run, MISSED in the other). It also prints each run's load average around its steps,
and the controls (the native benches, the same work with no browser, and one rect dragged on an
empty page, the browser's own cost of a move: when they move by more than 10 %, the machine
itself ran at another speed), since a busy machine explains most differences. Exits 0 always: it reports, it does not judge.
"""

import json
import re
import sys

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def numbers(text):
    return [float(x) for x in NUMBER.findall(text or "")]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    tolerance = 20.0
    floor_ms = 0.5
    if "--floor" in argv:
        i = argv.index("--floor")
        floor_ms = float(argv[i + 1])
        del argv[i : i + 2]
    if "--tolerance" in argv:
        i = argv.index("--tolerance")
        tolerance = float(argv[i + 1])
        del argv[i : i + 2]
    if len(argv) != 3:
        print(__doc__.strip())
        return 2
    a, b = load(argv[1]), load(argv[2])
    print(f"run 1: {argv[1]} ({a.get('seconds', '?')} s)   run 2: {argv[2]} ({b.get('seconds', '?')} s)")
    for name, run in (("run 1", a), ("run 2", b)):
        loads = [s.get("load_before") for s in run.get("steps", []) if "load_before" in s]
        if loads:
            print(f"{name}: load average {min(loads):.2f} to {max(loads):.2f} over {len(loads)} steps")
    # The controls: the native benches do the same work on one core with no browser, and the
    # browser's own cost of a move (one rect dragged on an empty page) the same work in the
    # browser; when they move, the machine itself (or its host) ran at another speed.
    control = {}
    for name, run in (("run 1", a), ("run 2", b)):
        for row in run.get("headline", []):
            if row["what"].startswith(("force layout native", "betweenness native", "one SVG rect dragged")):
                n = numbers(row.get("x1"))
                if n:
                    control.setdefault(row["what"], []).append(n[0])
    for what, (va, vb) in ((k, v) for k, v in control.items() if len(v) == 2):
        d = 100.0 * (vb - va) / va if va else 0.0
        note = "the machine ran at another speed: expect the browser figures to move too" if abs(d) > 10 else "the machine's speed held"
        print(f"control, {what}: {va:.1f} -> {vb:.1f} ms ({d:+.0f}%): {note}")
    print()
    print(f"{'figure':<62} {'throttle':<4} {'run 1':>22} {'run 2':>22} {'diff':>8}")
    # The table names a few figures twice (first render of the map and of the picture): pair
    # the k-th row of a name in run 1 with the k-th row of that name in run 2.
    by_name = {}
    for row in b.get("headline", []):
        by_name.setdefault(row["what"], []).append(row)
    taken = {}
    outside = 0
    compared = 0
    for h in a.get("headline", []):
        what = h["what"]
        k = taken.get(what, 0)
        taken[what] = k + 1
        candidates = by_name.get(what, [])
        other = candidates[k] if k < len(candidates) else None
        if other is None:
            print(f"{what:<62} (not in run 2)")
            continue
        for throttle in ("x1", "x4"):
            va, vb = h.get(throttle, ""), other.get(throttle, "")
            if not va and not vb:
                continue
            na, nb = numbers(va), numbers(vb)
            diff = ""
            flag = ""
            if na and nb and na[0] != 0:
                d = 100.0 * (nb[0] - na[0]) / abs(na[0])
                diff = f"{d:+.0f}%"
                compared += 1
                below_floor = " ms" in what and abs(nb[0] - na[0]) < floor_ms
                if abs(d) > tolerance and not below_floor:
                    flag = "  <-- beyond noise"
                    outside += 1
                elif abs(d) > tolerance:
                    flag = f"  (under {floor_ms} ms: timer resolution)"
            print(f"{what[:62]:<62} {throttle:<4} {va:>22} {vb:>22} {diff:>8}{flag}")
        if h.get("verdict") != other.get("verdict"):
            print(f"{'':<62}      verdict changed: {h.get('verdict')} -> {other.get('verdict')}")
    print()
    print(f"{compared} figures compared; {outside} differ by more than {tolerance:.0f} % (and more than {floor_ms} ms where in ms).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
