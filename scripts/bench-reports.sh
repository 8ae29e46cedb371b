#!/usr/bin/env bash
# Measures every role's home page and /reports (with the monthly report as page, CSV and PDF) with 1,000,000
# crossing-log rows and 100,000 applications in MariaDB (issue 19; figures in docs/performance.md).
#
#   scripts/bench-reports.sh            # build, seed a fresh database, start the app, measure, stop it
#
# Environment: BENCH_DB (default kc_bench_reports; dropped and recreated!), BENCH_PORT (8083), BENCH_RUNS (40 timed
# requests per page after 3 warm-ups, one after another), SKIP_BUILD=1 to reuse target/*.jar, BENCH_JAR=path to
# run another jar (e.g. one built from an earlier commit, for a before/after). Needs curl, python3 and MariaDB 10.11
# (root without password on 127.0.0.1). The daily summary job runs every 30 s here; the pages are measured once it
# covers yesterday.
export PORT="${BENCH_PORT:-8083}" MYSQL_DB="${BENCH_DB:-kc_bench_reports}" DEMO=false
source "$(dirname "$0")/bench-lib.sh" mysql
cd "$ROOT"
export RUNS=${BENCH_RUNS:-40}
MARIADB="mariadb -uroot -h127.0.0.1"
BASE="http://127.0.0.1:$PORT"
PASSWORD="bench-officer-2026"

jar_to_run
echo "== fresh database $MYSQL_DB"
fresh_db
echo "== starting the app (mysql profile) on port $PORT; the daily summary job every 30 s instead of 10 min"
start_app "--kc.reports.crossing-days-cron=*/30 * * * * *"

echo "== seeding 100,000 applications, 1,000,000 log rows and what the home pages count"
SEED_START=$(date +%s)
$MARIADB "$MYSQL_DB" < scripts/bench-review-queue-seed.sql > /dev/null
$MARIADB "$MYSQL_DB" < scripts/bench-reports-seed.sql > /dev/null
echo "   seeded in $(( $(date +%s) - SEED_START )) s: $(sql "SELECT COUNT(*) FROM crossing_log") log rows," \
  "$(sql "SELECT COUNT(*) FROM travel_application") applications," \
  "$(sql "SELECT COUNT(*) FROM pass_presence") people across, $(sql "SELECT COUNT(*) FROM goods_check") goods checks"

# the job may have covered the days already, empty, before the seeding: start it afresh
$MARIADB "$MYSQL_DB" -e "DELETE FROM crossing_day_coverage"
echo "== waiting for the summary job to cover yesterday"
for _ in $(seq 1 120); do
  [ "$(sql "SELECT COUNT(*) FROM crossing_day_coverage WHERE covered_through >= CURDATE() - INTERVAL 1 DAY")" = 1 ] \
    && [ "$(sql "SELECT COUNT(*) FROM crossing_day")" -gt 300 ] && break
  sleep 5
done
echo "   crossing_day: $(sql "SELECT COUNT(*) FROM crossing_day") rows$(sql "SELECT COUNT(*) FROM information_schema.tables
  WHERE table_schema = DATABASE() AND table_name = 'visit_day'" | grep -q 1 && echo ", crossing_day_group:" \
  "$(sql "SELECT COUNT(*) FROM crossing_day_group"), visit_day: $(sql "SELECT COUNT(*) FROM visit_day")")"

# one session per role (staff enrol an authenticator app to have their second factor); the supervisor's session
# works at a station (the zone gate, northbound), so its home page also shows that gate's slots
declare -A JARS
signed_in() {
  login "$1" "$PASSWORD"
  if [ "$2" = staff ]; then enrol_second_factor; fi
  local status
  status=$(curl -s -b "$COOKIES" -o /dev/null -w '%{http_code}' "$BASE/")
  [ "$status" = 200 ] || { echo "$1: the home page answered $status after login"; exit 1; }
  JARS[$3]="$COOKIES"
}
signed_in "bench-civilian-1@bench.test" civilian civilian
signed_in "bench-officer@bench.test" staff officer
signed_in "bench-checkpoint@bench.test" staff checkpoint
signed_in "bench-supervisor@bench.test" staff supervisor
signed_in "bench-admin@bench.test" staff admin
COOKIES="${JARS[supervisor]}"
CSRF=$(curl -s -b "$COOKIES" "$BASE/checkpoint" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
  | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -b "$COOKIES" -c "$COOKIES" --data-urlencode "_csrf=$CSRF" -d gate=KAESONG -d lane=1 \
  -d direction=NORTHBOUND "$BASE/checkpoint/station"
grep -q 'id="gate-slot"' <(curl -s -b "$COOKIES" "$BASE/") || echo "   (the supervisor's home shows no gate slot)"

DAY=$(TZ=Asia/Seoul date -d '-30 days' +%F)
MONTH=$(TZ=Asia/Seoul date -d "$(TZ=Asia/Seoul date +%Y-%m-15) -1 month" +%Y-%m)
THIS_MONTH=$(TZ=Asia/Seoul date +%Y-%m)
declare -a SCENARIOS=("civilian|/" "officer|/" "checkpoint|/" "supervisor|/" "admin|/"
  "officer|/reports" "officer|/reports?day=$DAY" "officer|/reports?lang=en"
  "officer|/reports/monthly?month=$MONTH" "officer|/reports/monthly.csv?month=$MONTH"
  "officer|/reports/monthly.pdf?month=$MONTH" "officer|/reports/monthly?month=$THIS_MONTH")
echo "== measuring ($RUNS requests per page after 3 warm-ups; total time per request in ms; load before:" \
  "$(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-12s %-40s %8s %8s %8s\n' "role" "page" "median" "p95" "max"
for entry in "${SCENARIOS[@]}"; do
  ROLE=${entry%%|*}
  URL=${entry#*|}
  COOKIES="${JARS[$ROLE]}"
  time_requests "$URL"
  printf '%-12s %-40s %8s %8s %8s\n' "$ROLE" "$URL" "$(median < "$WORK/times")" "$(pct 0.95 < "$WORK/times")" \
    "$(sort -n "$WORK/times" | tail -1)"
done
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"

