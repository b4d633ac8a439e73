#!/usr/bin/env bash
# Size and speed report: builds the release app and prints its transfer sizes (raw, gzip,
# brotli) and the median time to interactive in headless Chromium. Usage: tools/report.sh [loads]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$ROOT/tools/setup.sh" >/dev/null
cd "$ROOT"
trunk build --release --offline --locked >/dev/null 2>&1 || trunk build --release --offline --locked
cd tests/e2e && node bench/size-speed.mjs "$@"
