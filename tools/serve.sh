#!/usr/bin/env bash
# Sets everything up, builds the release app and serves it at http://127.0.0.1:8080
# (rebuilding when a source file changes). Stop with Ctrl+C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$ROOT/tools/setup.sh"
cd "$ROOT"
echo "Serving CST Workbench at http://127.0.0.1:8080/"
# No auto-reload script: it would be an inline script outside the page's CSP.
exec trunk serve --release --offline --no-autoreload "$@"
