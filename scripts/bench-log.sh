#!/usr/bin/env bash
# Times the crossing log and roster pages with 1,000,000 log rows (and 2,000 people inside).
# Usage: scripts/bench-log.sh [h2|mysql]   (mysql: MariaDB on 127.0.0.1:3306, database $MYSQL_DB, dropped first)
source "$(dirname "$0")/bench-lib.sh"
ROWS="${ROWS:-1000000}"
build
fresh_db
start_app
if [ "$DB" = "mysql" ]; then RANGE="seq_1_to_$ROWS"; N="seq"; else RANGE="SYSTEM_RANGE(1, $ROWS)"; N="x"; fi
echo "seeding $ROWS log rows over the last 365 days ..."
sql "INSERT INTO crossing_log (scan_id, pass_id, application_id, scanned_at, recorded_at, direction, lane, operator_name,
  result, reason, is_override, holder_name_korean, holder_name_latin, valid_until)
  SELECT CONCAT('seed-', $N), CONCAT('pass-', MOD($N, 20000)), MOD($N, 20000), 
    TIMESTAMPADD(SECOND, -MOD($N * 7919, 31536000), CURRENT_TIMESTAMP), CURRENT_TIMESTAMP,
    CASE WHEN MOD($N, 2) = 0 THEN 'NORTHBOUND' ELSE 'SOUTHBOUND' END, CONCAT('', MOD($N, 4) + 1), 'seed-device',
    CASE WHEN MOD($N, 5) = 0 THEN 'REJECTED' ELSE 'ACCEPTED' END,
    CASE WHEN MOD($N, 5) = 0 THEN CASE MOD($N, 3) WHEN 0 THEN 'EXPIRED' WHEN 1 THEN 'ALREADY_INSIDE' ELSE 'REVOKED' END END,
    FALSE, CONCAT(CASE MOD($N, 4) WHEN 0 THEN '김' WHEN 1 THEN '이' WHEN 2 THEN '박' ELSE '최' END, '시험', MOD($N, 20000)),
    CONCAT('TEST ', MOD($N, 20000)), TIMESTAMPADD(DAY, 3, CURRENT_TIMESTAMP)
  FROM $RANGE"
sql "INSERT INTO pass_presence (pass_id, application_id, holder_name_korean, holder_name_latin, position, since, visits, lane, valid_until)
  SELECT CONCAT('pass-', $N), $N, CONCAT('김시험', $N), CONCAT('TEST ', $N), 'INSIDE',
    TIMESTAMPADD(MINUTE, -$N, CURRENT_TIMESTAMP), 1, '1', TIMESTAMPADD(HOUR, CAST(MOD($N, 100) AS SIGNED) - 5, CURRENT_TIMESTAMP)
  FROM $(if [ "$DB" = "mysql" ]; then echo seq_1_to_2000; else echo 'SYSTEM_RANGE(1, 2000)'; fi)"
[ "$DB" = "mysql" ] && sql "ANALYZE TABLE crossing_log, pass_presence" >/dev/null
echo "log rows: $(sql 'SELECT COUNT(*) FROM crossing_log')"
login "checkpoint@demo.test"
TODAY=$(TZ=Asia/Seoul date +%F)
MONTH_AGO=$(TZ=Asia/Seoul date -d '30 days ago' +%F)
time_page() {
  local path="$1" times=() t
  curl -s -o /dev/null -b "$COOKIES" "http://127.0.0.1:$PORT$path"   # warm-up
  for _ in 1 2 3 4 5 6 7; do
    t=$(curl -s -o /dev/null -w '%{time_total}' -b "$COOKIES" "http://127.0.0.1:$PORT$path")
    times+=("$t")
  done
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIES" "http://127.0.0.1:$PORT$path")
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 4p)
  printf '%-90s HTTP %s  median of 7: %5.0f ms\n' "$path" "$code" "$(echo "$median * 1000" | bc)"
}
echo "== $DB, $ROWS log rows =="
time_page "/checkpoint/log"
time_page "/checkpoint/log?page=20"
time_page "/checkpoint/log?from=$MONTH_AGO&to=$TODAY&result=REJECTED"
time_page "/checkpoint/log?from=$MONTH_AGO&to=$TODAY&reason=REVOKED&direction=EXIT"
time_page "/checkpoint/log?from=2000-01-01&to=$TODAY&name=%EA%B9%80%EC%8B%9C%ED%97%98123"
time_page "/checkpoint/log?from=2000-01-01&to=$TODAY&name=TEST%20777"
time_page "/checkpoint/log/export.csv?from=$TODAY&to=$TODAY"
time_page "/checkpoint/roster"
stop_app
