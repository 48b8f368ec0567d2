#!/usr/bin/env bash
# Set up a fresh machine: system tools (LibreOffice for .doc/.wps, Chromium for the browser test,
# CJK fonts for rendering), a virtualenv, and the package installed non-editable with test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
python3 -c "import ensurepip" >/dev/null 2>&1 || need+=(python3-venv)  # `python3 -m venv` needs it on Debian
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check ".[test]"
