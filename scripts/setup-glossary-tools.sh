#!/bin/sh
# Makes sure apt knows the Debian packages `npm run build-glossary` downloads (they are fetched with
# `apt-get download`, never installed). Idempotent: does nothing when apt already lists them.
set -eu
if apt-cache show mueller7-dict apertium-rus-ukr lttoolbox liblttoolbox3 wukrainian >/dev/null 2>&1; then
  exit 0
fi
SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
$SUDO apt-get update -qq
apt-cache show mueller7-dict apertium-rus-ukr lttoolbox liblttoolbox3 wukrainian >/dev/null
