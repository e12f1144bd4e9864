#!/bin/sh
# Makes sure apt knows the Debian packages `npm run build-glossary` downloads (they are fetched with
# `apt-get download`, never installed). Idempotent: does nothing when apt already lists them.
# The list is GLOSSARY_PACKAGES in src/lexicon/build-glossaries.ts.
set -eu
PACKAGES="mueller7-dict apertium-rus-ukr lttoolbox liblttoolbox3 wukrainian
  dict-freedict-deu-eng apertium-eng-spa apertium-fr-es apertium-spa-ita apertium-es-pt witalian wportuguese hunspell-it hunspell-pt-pt
  wspanish wfrench hunspell-es hunspell-fr-classical hunspell-tools
  apertium-eng-cat apertium-fra-cat apertium-cat-ita apertium-por-cat
  dict-freedict-fra-eng dict-freedict-spa-eng dict-freedict-ita-eng dict-freedict-por-eng
  dict-freedict-pol-rus dict-freedict-pol-eng"
# shellcheck disable=SC2086 # one argument per package
if apt-cache show $PACKAGES >/dev/null 2>&1; then
  exit 0
fi
SUDO=''
if [ "$(id -u)" -ne 0 ]; then SUDO='sudo'; fi
$SUDO apt-get update -qq
# shellcheck disable=SC2086
apt-cache show $PACKAGES >/dev/null
