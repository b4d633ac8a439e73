#!/usr/bin/env python3
"""Trunk post_build hook (after csp.py): write sw.js, the service worker that keeps this build's
files for offline use, into the staged dist/.

Its version is a hash of every file it lists, so each build that changes anything gives a new
service worker, which the browser installs in the background and starts using at the next
start. The list is every file Trunk staged, by relative URL, plus "./" (the page itself).

Can also be run by hand on a folder: python3 tools/sw.py path/to/dist
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = {"sw.js"}


def files(root):
    out = []
    for base, _dirs, names in os.walk(root):
        for name in names:
            rel = os.path.relpath(os.path.join(base, name), root).replace(os.sep, "/")
            if rel not in SKIP and not rel.startswith("."):
                out.append(rel)
    return sorted(out)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"]
    listed = files(root)
    digest = hashlib.sha256()
    for rel in listed:
        digest.update(rel.encode("utf-8"))
        with open(os.path.join(root, rel), "rb") as f:
            digest.update(f.read())
    version = digest.hexdigest()[:16]
    with open(os.path.join(HERE, "sw.template.js"), encoding="utf-8") as f:
        template = f.read()
    urls = ["./"] + [f"./{rel}" for rel in listed]
    body = template.replace("__VERSION__", version).replace("__FILES__", json.dumps(urls))
    with open(os.path.join(root, "sw.js"), "w", encoding="utf-8") as f:
        f.write(body)
    print(f"sw.py: sw.js {version} keeps {len(urls)} files")


if __name__ == "__main__":
    main()
