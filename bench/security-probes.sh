#!/usr/bin/env bash
# Starts Comptoir with demo data on a throw-away database (SQLite, or a new database on the PostgreSQL server
# given), then replays the security review's probes against it over HTTP (bench/security-probes.py).
# Usage: bench/security-probes.sh [--postgres "Host=127.0.0.1;Port=5432;Username=comptoir;Database=postgres"]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/comptoir-probes.XXXXXX)"
secret="probe-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
port=5190
provider=(--ConnectionStrings:Comptoir="Data Source=$work/comptoir.db")
if [ "${1:-}" = "--postgres" ]; then
  server="${2:?--postgres needs a connection string}"
  name="comptoir_probes_$$"
  field() { echo "$server" | tr ';' '\n' | sed -n "s/^$1=//Ip" | head -n 1; }
  server_sql() { PGPASSWORD="$(field Password)" psql -h "$(field Host)" -p "$(field Port)" -U "$(field Username)" -d postgres -qc "$1" >/dev/null; }
  server_sql "CREATE DATABASE $name"
  provider=(--Database:Provider=PostgreSql --ConnectionStrings:Comptoir="${server/Database=postgres/Database=$name}")
fi
dotnet build "$root/src/Comptoir" -c Release -nologo -v quiet >/dev/null
dotnet "$root/src/Comptoir/bin/Release/net10.0/Comptoir.dll" --urls "http://127.0.0.1:$port" "${provider[@]}" \
  --Demo:SeedOnFirstRun=true --ForwardedHeaders:KnownProxies:0=127.0.0.1 --RateLimits:SignInPerMinute=100 \
  --Channels:Sms:Secret="$secret" --Channels:Social:Secret="$secret" --Channels:Phone:Secret="$secret" \
  --Logging:Console:FormatterName=simple >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"; [ -z "${name:-}" ] || server_sql "DROP DATABASE IF EXISTS $name WITH (FORCE)"' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
python3 "$root/bench/security-probes.py" --base "http://127.0.0.1:$port" --secret "$secret"
status=$?
errors="$(grep -c '^fail: ' "$work/app.log" || true)"
echo "errors logged by the server: $errors"
grep -A 3 '^fail: ' "$work/app.log" | head -n 40 || true
exit $status
