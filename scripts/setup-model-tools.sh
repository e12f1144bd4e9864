#!/bin/sh
# Installs the tools `npm run build-model` needs (Debian's fasttext). Idempotent: does nothing when fasttext is on PATH.
set -eu
if command -v fasttext >/dev/null 2>&1; then
  exit 0
fi
SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends fasttext
command -v fasttext >/dev/null 2>&1 || { echo 'fasttext still not on PATH after apt-get install' >&2; exit 1; }
