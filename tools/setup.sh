#!/usr/bin/env bash
# Installs what building and testing need, and only what is missing, so a second run takes
# seconds. Everything comes from the package registries (Rust crates, npm, Debian); nothing is
# downloaded from anywhere else.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { printf '\n== setup: %s\n' "$*"; }

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

# 1. Rust: the pinned toolchain (rust-toolchain.toml) with its wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: Chromium for the browser suite, Graphviz for export tests.
missing=()
for pkg in chromium chromium-driver graphviz; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]} from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# 3. Trunk, pinned (0.22 needs a newer rustc). Takes ~12 minutes the first time.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (first time only, ~12 min)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# 4. wasm-bindgen-cli at exactly the version in Cargo.lock (without --locked: one of its
#    locked dependencies is missing from the registry).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (first time only, ~4 min)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 4b. wasm-split (wasm_split_cli_support's CLI), which tools/app_build.sh runs to cut the app's
#     wasm into parts loaded on demand. It reads and writes plain wasm (before wasm-bindgen), so
#     it does not depend on our wasm-bindgen version. Built from the crate's published source
#     with tools/wasm-split-merge.patch applied: `--after` and `--fold-below`, which merge the
#     chunks it makes (ARCHITECTURE.md, "First load"); without them it behaves as published.
#     ~2 minutes the first time.
WASM_SPLIT_VERSION=0.2.4
WASM_SPLIT_STAMP="$WASM_SPLIT_VERSION+$(sha256sum tools/wasm-split-merge.patch | cut -c1-16)"
if [ "$(cat "$HOME/.cargo/wasm-split-cli.version" 2>/dev/null)" != "$WASM_SPLIT_STAMP" ] \
  || ! command -v wasm-split-cli >/dev/null; then
  step "building wasm_split_cli_support $WASM_SPLIT_VERSION with our merge patch (first time only, ~2 min)"
  work=$(mktemp -d)
  registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
  src=$(ls -d "$registry"/*/wasm_split_cli_support-"$WASM_SPLIT_VERSION" 2>/dev/null | head -1 || true)
  if [ -z "$src" ]; then
    # Fetch the published crate's source through cargo (a throwaway package that needs it).
    mkdir -p "$work/fetch/src" && touch "$work/fetch/src/lib.rs"
    printf '[package]\nname = "fetch-wasm-split"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nwasm_split_cli_support = "=%s"\n' \
      "$WASM_SPLIT_VERSION" > "$work/fetch/Cargo.toml"
    (cd "$work/fetch" && cargo fetch -q)
    src=$(ls -d "$registry"/*/wasm_split_cli_support-"$WASM_SPLIT_VERSION" | head -1)
  fi
  cp -r "$src" "$work/wasm-split"
  patch -s -d "$work/wasm-split" -p1 < tools/wasm-split-merge.patch
  cargo install --path "$work/wasm-split" --features build-binary --locked --force
  rm -rf "$work"
  echo "$WASM_SPLIT_STAMP" > "$HOME/.cargo/wasm-split-cli.version"
fi

# 5. npm packages from the committed lockfiles: binaryen (wasm-opt), Playwright, axe-core.
for dir in tools tests/e2e tests/relay; do
  stamp="$dir/node_modules/.lock-sha"
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    step "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
done

# 6. NetworkX, the real reader the map-format tests hand our GraphML and GEXF to.
if ! python3 -c 'import networkx' 2>/dev/null; then
  step "installing networkx from PyPI"
  python3 -m pip install --quiet networkx 2>/dev/null \
    || python3 -m pip install --quiet --user --break-system-packages networkx
fi
# python-igraph, which the map-format tests hand our GML to.
if ! python3 -c 'import igraph' 2>/dev/null; then
  step "installing igraph from PyPI"
  python3 -m pip install --quiet igraph 2>/dev/null \
    || python3 -m pip install --quiet --user --break-system-packages igraph
fi

# 7. Crates for offline builds (trunk passes --offline to cargo).
cargo fetch --locked --quiet

echo "setup: ready (trunk $TRUNK_VERSION, wasm-bindgen $WASM_BINDGEN_VERSION, $(wasm-opt --version | cut -d' ' -f1-3), $(chromium --version 2>/dev/null))"
