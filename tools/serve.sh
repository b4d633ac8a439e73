#!/usr/bin/env bash
# Sets everything up, builds the release app and serves it at http://127.0.0.1:8080
# (rebuilding when a source file changes). Stop with Ctrl+C.
#
#   bash tools/serve.sh          only this computer can open it (127.0.0.1)
#   bash tools/serve.sh --lan    phones on the same network can open it too: binds every
#                                interface and prints the addresses to give them
#
# Other arguments go to `trunk serve` (e.g. --port 9000).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
lan=false
args=()
port=8080
prev=""
for a in "$@"; do
  case "$a" in
    --lan) lan=true ;;
    *) args+=("$a") ;;
  esac
  if [ "$prev" = "--port" ]; then port="$a"; fi
  case "$a" in --port=*) port="${a#--port=}" ;; esac
  prev="$a"
done
bash "$ROOT/tools/setup.sh"
cd "$ROOT"
if $lan; then
  echo "Serving CST Workbench on every network interface, port $port."
  echo "Phones on the same network (the venue's Wi-Fi) open one of these:"
  found=false
  # The laptop's IPv4 addresses, loopback left out.
  for ip in $( (hostname -I 2>/dev/null || true) | tr ' ' '\n' | grep -E '^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$' | grep -v '^127\.' ); do
    echo "  http://$ip:$port/"
    found=true
  done
  if ! $found; then
    for ip in $( (ip -4 -o addr show 2>/dev/null || ifconfig 2>/dev/null || true) | grep -oE 'inet (addr:)?[0-9.]+' | grep -oE '[0-9.]+$' | grep -v '^127\.' ); do
      echo "  http://$ip:$port/"
      found=true
    done
  fi
  $found || echo "  (no network address found: is this computer on the venue's network?)"
  echo "In the app: Scoring > Phones > Address for phones: type the address above."
  echo "Anyone on this network can open the app while it runs; nothing is stored on this computer but in its browser."
  # No auto-reload script: it would be an inline script outside the page's CSP.
  exec trunk serve --release --offline --no-autoreload --address 0.0.0.0 ${args[@]+"${args[@]}"}
fi
echo "Serving CST Workbench at http://127.0.0.1:$port/"
# No auto-reload script: it would be an inline script outside the page's CSP.
exec trunk serve --release --offline --no-autoreload ${args[@]+"${args[@]}"}
