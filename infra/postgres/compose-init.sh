#!/bin/sh
# Creates every database the launcher would create (infra/services.txt and infra/postgres/databases.txt).
set -e
for db in $( (grep -v '^\s*#' /lantian/services.txt | awk 'NF >= 4 && $4 != "-" {print $4}' | tr ',' '\n';
             grep -v '^\s*#' /lantian/databases.txt) | grep -v '^\s*$'); do
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -tc "select 1 from pg_database where datname = '$db'" | grep -q 1 \
    || psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -c "create database $db owner $POSTGRES_USER"
done
