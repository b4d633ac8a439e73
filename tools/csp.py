#!/usr/bin/env python3
"""Trunk post_build hook: add a Content-Security-Policy to the staged index.html (and to
join.html, the phone page, built into the same folder by tools/phone_build.sh).

Trunk boots the app with an inline <script type="module">. Rather than allow 'unsafe-inline',
this hashes every inline script in the finished page and allows exactly those hashes, plus
'wasm-unsafe-eval' (needed to compile WebAssembly). Everything else comes from the app's own
origin only; nothing may be fetched from anywhere else.

Run by Trunk with TRUNK_STAGING_DIR set; can also be run by hand on a file:
    python3 tools/csp.py path/to/index.html [path/to/join.html]
"""
import base64
import hashlib
import os
import re
import sys

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", re.S | re.I)
CHARSET_META = re.compile(r"<meta\s+charset=[^>]*>", re.I)
MARKER = 'http-equiv="Content-Security-Policy"'


# A build with the live room (`--features live`) names its relay's origin in CSTW_RELAY; the
# policy then lets the page connect to that origin and no other. Only a bare ws(s) origin.
RELAY_ORIGIN = re.compile(r"^wss?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^wss?://\[[0-9A-Fa-f:]+\](:[0-9]{1,5})?$")


def relay():
    origin = os.environ.get("CSTW_RELAY", "").strip().rstrip("/")
    if origin and not RELAY_ORIGIN.match(origin):
        raise SystemExit(f"csp.py: CSTW_RELAY must be an origin like ws://host:port, not {origin!r}")
    return origin


def policy(script_hashes):
    scripts = " ".join(f"'sha256-{h}'" for h in script_hashes)
    connect = f"connect-src 'self' {relay()}".strip()
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'wasm-unsafe-eval' {scripts}".strip(),
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            connect,
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def add_csp(html):
    if MARKER in html:
        raise SystemExit("csp.py: the page already has a Content-Security-Policy")
    hashes = [
        base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        for body in INLINE_SCRIPT.findall(html)
    ]
    meta = f'<meta {MARKER} content="{policy(hashes)}">'
    charset = CHARSET_META.search(html)
    if not charset:
        raise SystemExit("csp.py: no <meta charset> to place the policy after")
    return html[: charset.end()] + meta + html[charset.end() :], len(hashes)


def main():
    if len(sys.argv) > 1:
        paths = sys.argv[1:]
    else:
        stage = os.environ["TRUNK_STAGING_DIR"]
        paths = [os.path.join(stage, "index.html")]
        phone = os.path.join(stage, "join.html")
        if os.path.exists(phone):
            paths.append(phone)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            html = f.read()
        html, count = add_csp(html)
        with open(path, "w", encoding="utf-8") as f:
            f.write(html)
        print(f"csp.py: policy added to {path} with {count} inline script hash(es)")


if __name__ == "__main__":
    main()
