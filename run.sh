#!/usr/bin/env bash
# Runs Comptoir on its embedded SQLite database (data/comptoir.db), with demo data on first run.
# Usage: ./run.sh [--urls http://127.0.0.1:5080] [any --Section:Key=value configuration]
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$root/data"
exec dotnet run --project "$root/src/Comptoir" -c Release --no-launch-profile -- \
  --urls "${COMPTOIR_URLS:-http://127.0.0.1:5080}" \
  --ConnectionStrings:Comptoir="Data Source=$root/data/comptoir.db" \
  --Demo:SeedOnFirstRun=true \
  --Logging:Console:FormatterName=simple \
  --Logging:Console:FormatterOptions:TimestampFormat="HH:mm:ss " \
  --Logging:LogLevel:Microsoft.AspNetCore.HttpLogging=Warning \
  "$@"
