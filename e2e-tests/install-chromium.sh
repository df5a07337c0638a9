#!/usr/bin/env bash
# The browser the scenarios drive: the system's Chromium (Debian's package), installed here where it is missing and
# this machine lets the build install packages (as root, with apt-get); otherwise UROP_CHROMIUM names one.
set -euo pipefail
if [ -n "${UROP_CHROMIUM:-}" ]; then
  [ -x "$UROP_CHROMIUM" ] && exit 0
  echo "UROP_CHROMIUM=$UROP_CHROMIUM is not an executable" >&2
  exit 1
fi
chromium=/usr/bin/chromium
if [ -x "$chromium" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser scenarios..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "No Chromium at $chromium: install Debian's chromium package (apt-get install chromium) or set UROP_CHROMIUM" >&2
exit 1
