#!/bin/sh
# compose.yaml's Postgres, on its first start only (an empty data volume): the schema owner and
# the portal's role, with the passwords from the environment, and the database the owner owns.
# `npm run migrate` (the compose service `migrate`) then creates the schema, the other roles
# (caseworker_ro, jobcentre_writer) and every grant (db/caseworker/roles.sql).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$MINVEJ_OWNER_PASSWORD" -v app_password="$PORTAL_APP_PASSWORD" <<'SQL'
CREATE ROLE minvej_owner LOGIN NOSUPERUSER NOCREATEDB CREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE portal_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION PASSWORD :'app_password';
CREATE DATABASE minvej OWNER minvej_owner;
SQL
