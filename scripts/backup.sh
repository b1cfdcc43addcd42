#!/usr/bin/env bash
# Backup and restore of the Digitalcheck database, for both providers.
#   scripts/backup.sh backup  <file>   writes a consistent backup of DATABASE_URL to <file>
#   scripts/backup.sh restore <file>   replaces the contents of DATABASE_URL with <file>
# SQLite: sqlite3's online .backup (safe while the app runs). PostgreSQL: pg_dump custom format and
# pg_restore --clean. Needs sqlite3 or postgresql-client (Debian packages).
#
# A restore moves the peer pool's version past every value it had before (never back): the page and peer caches
# of running instances key on it, so none of them serves a page of the state before the restore once it is
# done. A restore also undoes everything after the backup, revoked codes included: it says so.
set -euo pipefail
# Backups hold every answer and hash: readable by their owner only.
umask 077
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
        before="$(sqlite3 "$db" 'SELECT COALESCE((SELECT "version" FROM "PeerPoolVersion" WHERE "id" = 1), 0)' 2>/dev/null || echo 0)"
        sqlite3 "$db" ".restore '$file'" \
          "INSERT INTO \"PeerPoolVersion\" (\"id\", \"version\", \"contentRule\") VALUES (1, ${before:-0} + 1, 0)
           ON CONFLICT (\"id\") DO UPDATE SET \"version\" = MAX(\"version\", ${before:-0}) + 1" ;;
      *) echo "Unbekannter Befehl: $cmd" >&2; exit 2 ;;
    esac ;;
  postgres://*|postgresql://*)
    case "$cmd" in
      backup) pg_dump --format=custom --no-owner --file="$file" "$url" ;;
      restore)
        [ -f "$file" ] || { echo "Sicherung $file nicht gefunden." >&2; exit 1; }
        before="$(psql "$url" -XAtq -c 'SELECT COALESCE((SELECT "version" FROM "PeerPoolVersion" WHERE "id" = 1), 0)' 2>/dev/null || echo 0)"
        pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$url" "$file"
        psql "$url" -XAtq -v ON_ERROR_STOP=1 -c "INSERT INTO \"PeerPoolVersion\" (\"id\", \"version\", \"contentRule\") VALUES (1, ${before:-0} + 1, 0)
           ON CONFLICT (\"id\") DO UPDATE SET \"version\" = GREATEST(\"PeerPoolVersion\".\"version\", ${before:-0}) + 1" >/dev/null ;;
      *) echo "Unbekannter Befehl: $cmd" >&2; exit 2 ;;
    esac ;;
  *) echo "DATABASE_URL muss mit file: oder postgresql:// beginnen." >&2; exit 1 ;;
esac
echo "$cmd: $file ($([ "${url#file:}" != "$url" ] && echo SQLite || echo PostgreSQL))"
if [ "$cmd" = restore ]; then
  echo "Achtung: Die Datenbank ist jetzt auf dem Stand der Sicherung. Alles danach ist zurückgenommen, auch gesperrte Codes: Ein Code, der nach der Sicherung gesperrt wurde, gilt wieder. Sperren Sie ihn erneut (npm run codes -- revoke --key …). Laufende Instanzen zeigen keine Seite vom Stand vor der Wiederherstellung mehr."
fi
