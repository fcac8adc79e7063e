#!/usr/bin/env bash
# Builds src/speech/audio/lame/lame.wasm, voxpress's MP3 encoder: LAME 3.100's libmp3lame and the wrapper
# src/speech/audio/lame/encoder.c, compiled for wasm32-wasi into one module with no JavaScript runtime.
#
#   scripts/build-lame-wasm.sh <lame-3.100 source folder> [output file]
#
# Needs clang, lld and wasi-libc (Debian 12: clang 14.0.6, wasi-libc 0.0~git20220510.9886d3d-2). The source is
# lame-3.100.tar.gz (sha256 ddfe36cab873794038ae2c1210557ad34857a4b6bdc515785d1da9e175b1da1e), which is also
# Debian's lame_3.100.orig.tar.gz (`apt-get source lame`: Debian's patches leave libmp3lame's C untouched).
# The same tools and source make the same bytes; tests/speech/audio/lame.test.ts rebuilds it and compares
# when VOXPRESS_CONFORMANCE is set.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
src="${1:?usage: $0 <lame-3.100 source folder> [output file]}"
out="${2:-$here/src/speech/audio/lame/lame.wasm}"
lib="$src/libmp3lame"
[[ -f "$lib/lame.c" && -f "$src/include/lame.h" ]] || { echo "$src is not a LAME 3.100 source folder" >&2; exit 2; }
grep -q "PACKAGE_VERSION='3.100'" "$src/configure" || { echo "$src is not LAME 3.100" >&2; exit 2; }
sources=(VbrTag bitstream encoder fft gain_analysis id3tag lame newmdct presets psymodel quantize quantize_pvt
  reservoir set_get tables takehiro util vbrquantize version)
files=()
for name in "${sources[@]}"; do files+=("libmp3lame/$name.c"); done
# Relative paths from the source folder keep the build machine's paths out of the module.
cd "$src"
clang --target=wasm32-wasi -O2 -DNDEBUG -DNO_STDIO -DHAVE_CONFIG_H -w \
  -I"$here/src/speech/audio/lame" -Iinclude -Ilibmp3lame \
  -nostartfiles -Wl,--no-entry -Wl,--strip-all \
  "$here/src/speech/audio/lame/encoder.c" "${files[@]}" -lm -o "$out"
