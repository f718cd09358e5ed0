#!/usr/bin/env bash
# Runs the whole test suite: build with warnings as errors, formatting check, then every test on SQLite and
# on PostgreSQL, browser tests in headless Chromium, e-mail against real IMAP and SMTP servers. Installs what
# is missing with apt-get (PostgreSQL, Chromium, Dovecot, aiosmtpd) and starts them on loopback for the
# duration of the run; nothing needs installing by hand.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Stores"]
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"

log() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Real components the tests need --------------------------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  log "Installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

work="$(mktemp -d /tmp/comptoir-test.XXXXXX)"
chmod 755 "$work"
pg_data="$work/pg"
pg_port="${COMPTOIR_TEST_PG_PORT:-}"
if [ -z "$pg_port" ]; then
  for candidate in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
  done
fi

# PostgreSQL refuses to run as root: when the suite runs as root (CI), the server runs as 'postgres'.
pg_user=""
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$work" postgres
  chown postgres "$work"
  pg_user="postgres"
fi
pg() { if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi; }

cleanup() {
  pg "$(pg_bin)/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

log "Starting PostgreSQL on 127.0.0.1:$pg_port"
pg "$(pg_bin)/initdb" -D "$pg_data" -U comptoir --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg "$(pg_bin)/pg_ctl" -D "$pg_data" -l "$work/pg.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $pg_port -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null
export COMPTOIR_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=comptoir;Database=postgres;Include Error Detail=true"

# --- Mail servers for the e-mail channel tests (begin) -------------------------------------------
# Dovecot (IMAP) and an aiosmtpd server (SMTP) on loopback, on the same maildirs under $work; see
# tests/mail/mail-servers.sh. Both come from Debian packages, installed here when missing.
mail_missing=()
[ -x /usr/sbin/dovecot ] && [ -x /usr/lib/dovecot/imap ] || mail_missing+=(dovecot-imapd)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || mail_missing+=(python3-aiosmtpd)
if [ "${#mail_missing[@]}" -gt 0 ]; then
  log "Installing ${mail_missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${mail_missing[@]}" >/dev/null
fi
# shellcheck source=tests/mail/mail-servers.sh
source "$root/tests/mail/mail-servers.sh"
trap 'mail_servers_stop; cleanup' EXIT
mail_servers_start "$work"
log "Mail servers on loopback: IMAP $COMPTOIR_TEST_IMAP, SMTP $COMPTOIR_TEST_SMTP"
# --- Mail servers for the e-mail channel tests (end) ---------------------------------------------

# --- Build, style, tests -------------------------------------------------------------------------
log "Building (warnings are errors)"
dotnet build Comptoir.slnx -c Release -nologo -v quiet

log "Checking formatting (.editorconfig)"
dotnet format Comptoir.slnx --verify-no-changes --no-restore -v quiet

log "Running the tests on SQLite and PostgreSQL"
# A test that hangs (no test starting or ending for 10 minutes; the longest takes well under one) stops the
# run with its name, instead of holding it until the CI time limit.
dotnet test Comptoir.slnx -c Release --no-build -nologo --logger "console;verbosity=normal" \
  --blame-hang-timeout 10m --blame-hang-dump-type none "$@"
