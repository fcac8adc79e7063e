#!/usr/bin/env bash
# LAME 3.100's source, for the test that rebuilds src/speech/audio/lame/lame.wasm and compares it byte for byte
# (CI only). Debian's lame_3.100.orig.tar.gz is the upstream lame-3.100.tar.gz; its checksum is checked.
# Prints the export: VOXPRESS_LAME_SOURCE (the unpacked lame-3.100 folder).
set -euo pipefail
cache="${VOXPRESS_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/voxpress-ci}"
sha256=ddfe36cab873794038ae2c1210557ad34857a4b6bdc515785d1da9e175b1da1e
folder="$cache/lame-3.100"
if [[ ! -f "$folder/.verified" ]]; then
  mkdir -p "$cache"
  tarball="$cache/lame_3.100.orig.tar.gz"
  curl -fsSL -o "$tarball" http://deb.debian.org/debian/pool/main/l/lame/lame_3.100.orig.tar.gz
  echo "$sha256  $tarball" | sha256sum -c --quiet >&2
  rm -rf "$folder" && tar -xzf "$tarball" -C "$cache"
  touch "$folder/.verified"
fi
echo "export VOXPRESS_LAME_SOURCE='$folder'"
