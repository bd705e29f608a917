#!/usr/bin/env bash
# Installs llama-cpp-python[server] (llama.cpp's OpenAI-compatible server, for the model-server
# tests and benches) from a wheel built once and cached outside the repo: only the first run on a
# machine pays the build (about 4 minutes on 2 idle cores). PyPI has no prebuilt wheel for it.
#
#   PY=.venv/bin/python scripts/llama_wheel.sh       # build-or-reuse, then install (idempotent)
#   AISLE_WHEEL_CACHE=/ci/cache scripts/llama_wheel.sh
#
# The default llama.cpp build crashes on CPUs whose AMX instructions it wrongly assumes; these
# flags (no native tuning, AVX2/AVX-512, no AMX) run on the x86-64 servers we test on.
set -euo pipefail
PY="${PY:-.venv/bin/python}"
VERSION="0.3.36"
CACHE="${AISLE_WHEEL_CACHE:-$HOME/.cache/aisle/wheels}"
FLAGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=ON \
-DGGML_AVX512_VBMI=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_BF16=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF \
-DGGML_AMX_BF16=OFF"

if "$PY" -c "import llama_cpp, sse_starlette, sys; sys.exit(llama_cpp.__version__ != '$VERSION')" 2>/dev/null; then
  exit 0
fi
wheel="$(ls "$CACHE"/llama_cpp_python-"$VERSION"-*.whl 2>/dev/null | head -n 1 || true)"
if [ -z "$wheel" ]; then
  mkdir -p "$CACHE"
  echo "building llama-cpp-python $VERSION once into $CACHE (minutes; later runs reuse it)" >&2
  start=$(date +%s)
  CMAKE_ARGS="$FLAGS" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    "$PY" -m pip wheel --quiet --no-deps --no-binary llama-cpp-python "llama-cpp-python==$VERSION" -w "$CACHE"
  echo "built in $(( $(date +%s) - start )) s" >&2
  wheel="$(ls "$CACHE"/llama_cpp_python-"$VERSION"-*.whl | head -n 1)"
fi
"$PY" -m pip install --quiet "${wheel}[server]"
