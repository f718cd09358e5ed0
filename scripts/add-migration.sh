#!/usr/bin/env bash
# Adds a migration named $1 for every database provider, so the two sets never drift apart.
# Usage: scripts/add-migration.sh AddComplaints
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
dotnet build src/Comptoir -c Debug -v quiet -nologo
for provider in Sqlite PostgreSql; do
  context="SqliteComptoirDbContext"
  [ "$provider" = PostgreSql ] && context="PostgresComptoirDbContext"
  dotnet ef migrations add "$name" --no-build --project src/Comptoir --context "$context" \
    --output-dir "Platform/Data/Migrations/$provider"
done
echo "Added migration $name for SQLite and PostgreSQL."
