#!/usr/bin/env bash
# Installs what the Postgres back-end tests need: Debian's Postgres 15 server and pgvector, built from the vendored
# source because Debian 12 has no pgvector package. Idempotent and quick when both are already there. Starts no
# cluster: the tests make their own throwaway one (test/helpers/postgres.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=/usr/lib/postgresql/15/bin
PG_CONFIG="$PG_BIN/pg_config"
PGVECTOR_VERSION=0.8.6
PGVECTOR_TARBALL="${PGVECTOR_TARBALL:-../shared/vendor/pgvector-$PGVECTOR_VERSION.tar.gz}"

fail() { echo "postgres: $*" >&2; exit 1; }

SUDO=''
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "not root and no sudo, so cannot apt-get install $*; run this script as root"
  SUDO='sudo'
fi
APT_UPDATED=''
apt_install() {
  command -v apt-get >/dev/null 2>&1 || fail "need the Debian packages $* but apt-get is missing; install them by hand"
  # apt-get update is the slow part, and only needed once per run.
  if [ -z "$APT_UPDATED" ]; then $SUDO apt-get update -qq || fail 'apt-get update failed'; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || fail "apt-get install $* failed"
}

if [ ! -x "$PG_BIN/postgres" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ] || [ ! -x "$PG_CONFIG" ]; then
  apt_install postgresql-15
  [ -x "$PG_BIN/postgres" ] || fail "$PG_BIN/postgres still missing after apt-get install postgresql-15"
fi

# initdb refuses to run as root, so the test helper runs clusters as this user; postgresql-common normally creates it.
if [ "$(id -u)" -eq 0 ] && ! id -u postgres >/dev/null 2>&1; then
  useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/sh postgres \
    || fail 'could not create the postgres OS user (useradd failed)'
fi

EXTENSION_DIR="$("$PG_CONFIG" --sharedir)/extension"
if [ ! -f "$EXTENSION_DIR/vector.control" ]; then
  [ -f "$PGVECTOR_TARBALL" ] || fail "pgvector is not installed and its source $PGVECTOR_TARBALL is missing (see ../shared/vendor/README.md)"
  # Server headers and a C compiler; skip apt when a previous run already installed them. (Test the header, not
  # pgxs.mk: Debian ships pgxs.mk in postgresql-client-15, without the headers it needs.)
  if [ ! -f "$("$PG_CONFIG" --includedir-server)/postgres.h" ] || ! command -v make >/dev/null 2>&1 || ! command -v gcc >/dev/null 2>&1; then
    apt_install postgresql-server-dev-15 build-essential
  fi
  BUILD_DIR="$(mktemp -d "${TMPDIR:-/tmp}/pgvector-build.XXXXXX")"
  trap 'rm -rf "$BUILD_DIR"' EXIT
  tar xzf "$PGVECTOR_TARBALL" -C "$BUILD_DIR" || fail "could not unpack $PGVECTOR_TARBALL"
  SRC="$BUILD_DIR/pgvector-$PGVECTOR_VERSION"
  make -s -C "$SRC" PG_CONFIG="$PG_CONFIG" -j"$(nproc 2>/dev/null || echo 2)" >"$BUILD_DIR/build.log" 2>&1 \
    || { tail -n 30 "$BUILD_DIR/build.log" >&2; fail "building pgvector failed (log above)"; }
  $SUDO make -s -C "$SRC" PG_CONFIG="$PG_CONFIG" install >"$BUILD_DIR/install.log" 2>&1 \
    || { tail -n 30 "$BUILD_DIR/install.log" >&2; fail "installing pgvector into $EXTENSION_DIR failed (log above)"; }
  [ -f "$EXTENSION_DIR/vector.control" ] || fail "vector.control still missing from $EXTENSION_DIR after make install"
fi

PG_VERSION="$("$PG_BIN/postgres" --version | awk '{print $3}')"
VECTOR_VERSION="$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$EXTENSION_DIR/vector.control")"
echo "postgres: ready (Postgres $PG_VERSION, pgvector $VECTOR_VERSION)"
