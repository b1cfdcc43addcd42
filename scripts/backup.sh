#!/usr/bin/env bash
# Backup and restore of the Digitalcheck database, for both providers.
#   scripts/backup.sh backup  <file>   writes a consistent backup of DATABASE_URL to <file>
#   scripts/backup.sh restore <file>   replaces the contents of DATABASE_URL with <file>
# SQLite: sqlite3's online .backup (safe while the app runs). PostgreSQL: pg_dump custom format and
# pg_restore --clean. Needs sqlite3 or postgresql-client (Debian packages).
set -euo pipefail
cmd="${1:-}"; file="${2:-}"
url="${DATABASE_URL:-file:prisma/dev.db}"
if [ -z "$cmd" ] || [ -z "$file" ]; then echo "Aufruf: scripts/backup.sh backup|restore <Datei>" >&2; exit 2; fi

case "$url" in
  file:*)
    db="${url#file:}"
    case "$cmd" in
      backup) sqlite3 "$db" ".backup '$file'" ;;
      restore)
        [ -f "$file" ] || { echo "Sicherung $file nicht gefunden." >&2; exit 1; }
        sqlite3 "$db" ".restore '$file'" ;;
      *) echo "Unbekannter Befehl: $cmd" >&2; exit 2 ;;
    esac ;;
  postgres://*|postgresql://*)
    case "$cmd" in
      backup) pg_dump --format=custom --no-owner --file="$file" "$url" ;;
      restore)
        [ -f "$file" ] || { echo "Sicherung $file nicht gefunden." >&2; exit 1; }
        pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$url" "$file" ;;
      *) echo "Unbekannter Befehl: $cmd" >&2; exit 2 ;;
    esac ;;
  *) echo "DATABASE_URL muss mit file: oder postgresql:// beginnen." >&2; exit 1 ;;
esac
echo "$cmd: $file ($([ "${url#file:}" != "$url" ] && echo SQLite || echo PostgreSQL))"
