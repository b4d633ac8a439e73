#!/usr/bin/env python3
"""The last step of tools/app_build.sh: stage the app's split build and boot it from index.html.

    python3 tools/app_stage.py OUT_DIR STAGING_DIR BIN

OUT_DIR holds what wasm-split, wasm-bindgen and wasm-opt made: BIN.js and BIN_bg.wasm (the main
module), __wasm_split.js (loads the parts) and split_<name>.wasm / chunk_<n>.wasm (the parts).
Every file gets one hash of all their contents in its name (BIN-<hash>.js, BIN-<hash>_bg.wasm,
<name>-<hash>.wasm), so a browser never mixes files of two builds, and the references between
them are rewritten. Then index.html gets what Trunk writes for an app it builds itself: preload
hints for the main module and the boot script, which starts the app and announces it with the
same `TrunkApplicationStarted` event (its detail the module's exports). csp.py, run after this,
allows that inline script by its hash; the parts are fetched from the app's own origin and
compiled under 'wasm-unsafe-eval', so the policy needs nothing more.

The Web Worker runs the same wasm: this writes its script, cstw-worker-<hash>.js, which
instantiates the main module in a module worker (where `main` loads the worker's part instead
of mounting, src/main.rs), and names it in index.html's `<meta name="cstw-worker">`, which
src/ui/jobs.rs reads. The page's `worker-src 'self'` allows it; sw.py keeps it with the rest.
"""
import hashlib
import os
import re
import shutil
import sys


def main():
    out, stage, binary = sys.argv[1:4]
    names = sorted(n for n in os.listdir(out) if n.endswith((".js", ".wasm")))
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode("utf-8"))
        with open(os.path.join(out, name), "rb") as f:
            digest.update(f.read())
    h = digest.hexdigest()[:16]

    def renamed(name):
        if name == f"{binary}_bg.wasm":
            return f"{binary}-{h}_bg.wasm"
        stem, ext = os.path.splitext(name)
        return f"{stem}-{h}{ext}"

    new = {n: renamed(n) for n in names}
    for name in names:
        path = os.path.join(out, name)
        if name.endswith(".js"):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            # Only where a file is fetched or imported: the wasm's own import names (keys of
            # the imports object, such as "./__wasm_split.js") stay as the module asks.
            for old, fresh in new.items():
                ref = r"""((?:\bfrom\s*|\bURL\(\s*)["'](?:\./)?)%s(["'])""" % re.escape(old)
                text = re.sub(ref, r"\g<1>%s\g<2>" % fresh, text)
            with open(os.path.join(stage, new[name]), "w", encoding="utf-8") as f:
                f.write(text)
        else:
            shutil.copyfile(path, os.path.join(stage, new[name]))
    snippets = os.path.join(out, "snippets")
    if os.path.isdir(snippets):
        shutil.copytree(snippets, os.path.join(stage, "snippets"), dirs_exist_ok=True)

    js, wasm, loader = new[f"{binary}.js"], new[f"{binary}_bg.wasm"], new["__wasm_split.js"]
    # The Web Worker's script: the same glue and wasm, started in a worker. Relative to the
    # script's own URL, so the app works under any sub-path.
    worker = f"cstw-worker-{h}.js"
    with open(os.path.join(stage, worker), "w", encoding="utf-8") as f:
        f.write(
            "// The Web Worker: the app's own wasm, whose main loads the worker's part (src/main.rs).\n"
            f'import init from "./{js}";\n'
            f'await init({{ module_or_path: new URL("./{wasm}", import.meta.url) }});\n'
        )
    boot = (
        f'<link rel="modulepreload" href="./{js}">'
        f'<link rel="modulepreload" href="./{loader}">'
        f'<link rel="preload" href="./{wasm}" as="fetch" type="application/wasm" crossorigin>'
        "<script type=\"module\">"
        f"import init, * as bindings from './{js}';"
        f"const wasm = await init({{ module_or_path: './{wasm}' }});"
        "window.wasmBindings = bindings;"
        'dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));'
        "</script>"
    )
    page = os.path.join(stage, "index.html")
    with open(page, encoding="utf-8") as f:
        html = f.read()
    # Trunk's own build of the app (unsplit): its files, preload hints and boot script go.
    trunk = re.compile(r"\./%s-[0-9a-f]+(?:_bg\.wasm|\.js)" % re.escape(binary))
    for old in set(trunk.findall(html)):
        path = os.path.join(stage, old[2:])
        if os.path.exists(path):
            os.remove(path)
    tags = re.compile(
        r"<link\b[^>]*%s[^>]*>|<script\b[^>]*>[^<]*%s[^<]*</script>" % (trunk.pattern, trunk.pattern)
    )
    found = tags.findall(html)
    if not any(t.startswith("<script") for t in found):
        raise SystemExit("app_stage.py: no boot script of Trunk's in index.html to replace")
    html = tags.sub("", html)
    if 'name="cstw-worker"' in html:
        raise SystemExit("app_stage.py: the page already names its worker")
    boot += f'<meta name="cstw-worker" content="./{worker}">'
    html = html.replace("</head>", boot + "</head>", 1)
    with open(page, "w", encoding="utf-8") as f:
        f.write(html)
    parts = [new[n] for n in names if n.endswith(".wasm") and n != f"{binary}_bg.wasm"]
    print(f"app_stage.py: {js}, {wasm}, {worker} and {len(parts)} parts staged: {', '.join(parts)}")


if __name__ == "__main__":
    main()
