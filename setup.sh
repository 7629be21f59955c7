#!/usr/bin/env bash
# Set up newsfacts in ./.venv: Python >= 3.11, the CPU build of torch (which
# camel-tools needs) first, then newsfacts itself with its test tools.
set -euo pipefail
cd "$(dirname "$0")"
py=""
for c in "${PYTHON:-}" python3.11 python3.12 python3.13 python3; do
  if [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    py="$c"; break
  fi
done
[ -n "$py" ] || { echo "setup.sh: Python 3.11 or newer is needed" >&2; exit 1; }
[ -x .venv/bin/python ] || "$py" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
# torch first, pinned: any other torch pulls gigabytes of CUDA packages.
.venv/bin/python -m pip install -q --disable-pip-version-check "torch==2.13.0"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
# Byte-compile now, so a first run (or an environment that sets
# PYTHONDONTWRITEBYTECODE) does not compile the sources on every start.
.venv/bin/python -m compileall -q newsfacts >/dev/null
echo "newsfacts is installed: .venv/bin/newsfacts (or: source .venv/bin/activate)" >&2
