#!/bin/bash
# First start of PostgreSQL only: Keycloak's own database and user, apart from SafariDesk's.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres \
  -v password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
create user keycloak with password :'password';
create database keycloak owner keycloak;
SQL
