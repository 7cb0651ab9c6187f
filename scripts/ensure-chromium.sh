#!/bin/sh
# End-to-end tests drive Debian's Chromium; they never download a browser of their own.
set -e
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium ontbreekt; installeren met apt-get (Debian-pakket chromium)..."
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  exit 0
fi
echo "Chromium ontbreekt op $CHROMIUM. Installeer het als root met:" >&2
echo "  apt-get update && apt-get install -y chromium" >&2
echo "of wijs CHROMIUM_PATH naar een bestaande Chromium." >&2
exit 1
