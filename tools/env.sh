# Sourced by the other scripts: the project root and the PATH every step uses.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
# Trunk never downloads tools: wasm-bindgen and wasm-opt come from PATH.
export TRUNK_OFFLINE=true
