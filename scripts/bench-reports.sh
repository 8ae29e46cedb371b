#!/usr/bin/env bash
# Measures how long /reports takes with 1,000,000 crossing-log rows and 100,000 applications in MariaDB.
#
#   scripts/bench-reports.sh            # build, seed a fresh database, start the app, measure, stop it
#
# Environment: BENCH_DB (default kc_bench_reports; dropped and recreated!), BENCH_PORT (8083), BENCH_RUNS (20 timed
# requests per page after 3 warm-ups), SKIP_BUILD=1 to reuse target/*.jar. Needs curl and MariaDB 10.11 (root
# without password on 127.0.0.1).
export PORT="${BENCH_PORT:-8083}" MYSQL_DB="${BENCH_DB:-kc_bench_reports}" DEMO=false
source "$(dirname "$0")/bench-lib.sh" mysql
cd "$ROOT"
RUNS=${BENCH_RUNS:-20}
MARIADB="mariadb -uroot -h127.0.0.1"
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== building the jar"
  build
else
  JAR="$(ls target/kaesong-crossing-*.jar | grep -v original | head -1)"
fi
echo "== fresh database $MYSQL_DB"
fresh_db
echo "== starting the app (mysql profile) on port $PORT; the daily summary job every 30 s instead of 10 min"
start_app "--kc.reports.crossing-days-cron=*/30 * * * * *"
trap 'kill $APP_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

echo "== seeding 100,000 applications and 1,000,000 log rows"
SEED_START=$(date +%s)
$MARIADB "$MYSQL_DB" < scripts/bench-review-queue-seed.sql > /dev/null
$MARIADB "$MYSQL_DB" < scripts/bench-reports-seed.sql > /dev/null
echo "   seeded in $(( $(date +%s) - SEED_START )) s: $(sql "SELECT COUNT(*) FROM crossing_log") log rows," \
  "$(sql "SELECT COUNT(*) FROM travel_application") applications"

# the job may have covered the days already, empty, before the seeding: start it afresh
$MARIADB "$MYSQL_DB" -e "DELETE FROM crossing_day_coverage; DELETE FROM crossing_day"
echo "== waiting for the summary job (crossing_day) to cover yesterday"
for _ in $(seq 1 60); do
  [ "$(sql "SELECT COUNT(*) FROM crossing_day_coverage WHERE covered_through >= CURDATE() - INTERVAL 1 DAY")" = 1 ] \
    && [ "$(sql "SELECT COUNT(*) FROM crossing_day")" -gt 300 ] && break
  sleep 5
done
echo "   crossing_day: $(sql "SELECT COUNT(*) FROM crossing_day") rows"

login "bench-officer@bench.test" "bench-officer-2026"
enrol_second_factor
STATUS=$(curl -s -b "$COOKIES" -o /dev/null -w '%{http_code}' "$BASE/reports")
[ "$STATUS" = 200 ] || { echo "login failed (/reports answered $STATUS)"; exit 1; }

DAY=$(date -d '-30 days' +%F)
MONTH=$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)
declare -a SCENARIOS=("/reports" "/reports?day=$DAY" "/reports?lang=en" "/reports/monthly?month=$MONTH"
  "/reports/monthly.csv?month=$MONTH" "/reports/monthly.pdf?month=$MONTH")
pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {r=int(p*NR); if (r < p*NR) r++; if (r < 1) r = 1; print a[r]}'; }
echo "== measuring ($RUNS requests per page after 3 warm-ups; total time per request in ms)"
printf '%-40s %8s %8s %8s\n' "page" "median" "p90" "max"
for URL in "${SCENARIOS[@]}"; do
  for _ in 1 2 3; do curl -s -b "$COOKIES" -o /dev/null "$BASE$URL"; done
  : > "$WORK/times"
  for _ in $(seq 1 "$RUNS"); do
    read -r CODE SECS < <(curl -s -b "$COOKIES" -o /dev/null -w '%{http_code} %{time_total}\n' "$BASE$URL")
    [ "$CODE" = 200 ] || { echo "$URL answered $CODE"; exit 1; }
    awk -v s="$SECS" 'BEGIN {printf "%.1f\n", s * 1000}' >> "$WORK/times"
  done
  printf '%-40s %8s %8s %8s\n' "$URL" "$(pct 0.5 < "$WORK/times")" "$(pct 0.9 < "$WORK/times")" \
    "$(sort -n "$WORK/times" | tail -1)"
done
