#!/usr/bin/env python3
"""Trunk post_build hook (after csp.py): write sw.js, the service worker that keeps this build's
files for offline use, into the staged dist/.

Its version is a hash of every file it lists, so each build that changes anything gives a new
service worker, which the browser installs in the background and starts using at the next
start. The list is every file Trunk staged, by relative URL, plus "./" (the page itself).

The phone page (join.html) registers the same worker as sw.js?phone, which keeps only the files
join.html loads (PHONE_FILES), so a phone never downloads the facilitator's app.

Can also be run by hand on a folder: python3 tools/sw.py path/to/dist
"""
import hashlib
import json
import os
import re
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


def phone_files(root):
    """join.html and the files it loads (href and src attributes naming a file of the build)."""
    path = os.path.join(root, "join.html")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        html = f.read()
    names = {"join.html"}
    for ref in re.findall(r"""(?:href|src)=["']?\.?/?([^"'\s>#?]+)""", html):
        if os.path.isfile(os.path.join(root, ref)):
            names.add(ref)
    # The wasm is fetched by the module's own code, not named in an attribute of the page.
    for name in list(names):
        if name.endswith(".js") and os.path.isfile(os.path.join(root, name[:-3] + "_bg.wasm")):
            names.add(name[:-3] + "_bg.wasm")
    return sorted(names)


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
    phone = [f"./{rel}" for rel in phone_files(root)]
    body = (
        template.replace("__VERSION__", version)
        .replace("__PHONE_FILES__", json.dumps(phone))
        .replace("__FILES__", json.dumps(urls))
    )
    with open(os.path.join(root, "sw.js"), "w", encoding="utf-8") as f:
        f.write(body)
    print(f"sw.py: sw.js {version} keeps {len(urls)} files ({len(phone)} for the phone page)")


if __name__ == "__main__":
    main()
