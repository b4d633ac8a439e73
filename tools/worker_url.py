#!/usr/bin/env python3
"""Trunk post_build hook (after csp.py, before sw.py): tell the page where its Web Worker is.

Trunk builds the worker (`data-type="worker"` in index.html) with a hashed loader shim,
`cstw-worker-<hash>_loader.js`, and puts no reference to it in the page. This adds
`<meta name="cstw-worker" content="./cstw-worker-<hash>_loader.js">` to the staged index.html,
which `src/ui/jobs.rs` reads to start the worker. The CSP needs nothing more (`worker-src 'self'`),
and sw.py keeps the shim, its script and its wasm with every other staged file.

Can also be run by hand on a folder: python3 tools/worker_url.py path/to/dist
"""
import os
import re
import sys

NAME = re.compile(r"^cstw-worker(-[0-9a-f]+)?_loader\.js$")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"]
    shims = [n for n in os.listdir(root) if NAME.match(n)]
    if len(shims) != 1:
        raise SystemExit(f"worker_url.py: expected one worker loader in {root}, found {shims}")
    path = os.path.join(root, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    meta = f'<meta name="cstw-worker" content="./{shims[0]}">'
    if 'name="cstw-worker"' in html:
        raise SystemExit("worker_url.py: the page already names its worker")
    html = html.replace("</head>", f"{meta}</head>", 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"worker_url.py: the page's worker is {shims[0]}")


if __name__ == "__main__":
    main()
