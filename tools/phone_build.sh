#!/bin/sh
# Trunk post_build hook (before csp.py and sw.py): builds the phone page, join.html with its own
# small wasm (src/bin/phone.rs), by a second Trunk run from Trunk.phone.toml, and copies it into
# the main build's staging folder, so one `trunk build` makes both pages. Trunk 0.21 builds one
# HTML target per run; see ARCHITECTURE.md, "The phone page's own binary".
set -eu
stage="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
profile="${TRUNK_PROFILE:-debug}"
release=""
[ "$profile" = "release" ] && release="--release"
# The outer run's settings reach hooks as TRUNK_* variables, which Trunk would also read as
# its own options: clear them, so the inner run takes Trunk.phone.toml as it is.
for v in $(env | sed -n 's/^\(TRUNK_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
trunk --config Trunk.phone.toml build $release --offline --locked
# Trunk names its page index.html whatever its source was called.
cp target/phone-dist/index.html "$stage/join.html"
for f in target/phone-dist/*; do
  name=$(basename "$f")
  # The stylesheets, icon and crash.js are the same files as the app's (same content hash).
  [ "$name" = index.html ] || [ -e "$stage/$name" ] || cp "$f" "$stage/$name"
done
echo "phone_build.sh: join.html and its files added to $stage"
