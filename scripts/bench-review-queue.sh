#!/usr/bin/env bash
# Measures how long the office's review queue (/review) takes to render with 100,000 applications in MariaDB.
#
#   scripts/bench-review-queue.sh            # build, seed a fresh database, start the app, measure, stop it
#
# Environment: BENCH_DB (default kc_bench; dropped and recreated!), BENCH_PORT (8082), BENCH_RUNS (15 timed
# requests per scenario after 3 warm-ups), SKIP_BUILD=1 to reuse target/*.jar or BENCH_JAR=path to run another
# jar. Needs curl, a MariaDB 10.11 server (root without password on 127.0.0.1) and a JDK 17+. Starts the app as scripts/bench-lib.sh does.
# no demo data: its application numbers would collide with the seeded ones
export PORT="${BENCH_PORT:-8082}" MYSQL_DB="${BENCH_DB:-kc_bench}" DEMO=false
source "$(dirname "$0")/bench-lib.sh" mysql
cd "$ROOT"
RUNS=${BENCH_RUNS:-15}
MARIADB="mariadb -uroot -h127.0.0.1"
BASE="http://127.0.0.1:$PORT"

jar_to_run
echo "== fresh database $MYSQL_DB"
fresh_db
echo "== starting the app (mysql profile) on port $PORT"
start_app

echo "== seeding 100,000 applications (20,000 in 2,000 groups)"
SEED_START=$(date +%s)
$MARIADB "$MYSQL_DB" < scripts/bench-review-queue-seed.sql > /dev/null
echo "   seeded in $(( $(date +%s) - SEED_START )) s: $(sql "SELECT COUNT(*) FROM travel_application") applications"

echo "== logging in as the officer"
login "bench-officer@bench.test" "bench-officer-2026"
enrol_second_factor
STATUS=$(curl -s -b "$COOKIES" -o /dev/null -w '%{http_code}' "$BASE/review")
[ "$STATUS" = 200 ] || { echo "login failed (/review answered $STATUS)"; exit 1; }

FROM=$(date -d '+10 days' +%F)
TO=$(date -d '+40 days' +%F)
declare -a SCENARIOS=(
  "default queue (submitted, entry date asc)|/review"
  "submitted, page 200 (offset 4000)|/review?status=SUBMITTED&page=200"
  "all statuses|/review?status=ALL"
  "all statuses, latest entry first|/review?status=ALL&sort=desc"
  "submitted, entry date range 30 days|/review?status=SUBMITTED&from=$FROM&to=$TO"
  "submitted, purpose FAMILY|/review?status=SUBMITTED&purpose=FAMILY"
  "all statuses, purpose PRESS, desc|/review?status=ALL&purpose=PRESS&sort=desc"
  "all statuses, name starts with 김 (common)|/review?status=ALL&q=%EA%B9%80"
  "all statuses, name starts with 홍소율 (rare)|/review?status=ALL&q=%ED%99%8D%EC%86%8C%EC%9C%A8"
  "all statuses, a name that matches nothing|/review?status=ALL&q=%EC%97%86%EB%8A%94%EC%9D%B4%EB%A6%84"
  "submitted, name starts with 박서|/review?status=SUBMITTED&q=%EB%B0%95%EC%84%9C"
  "all statuses, Latin name starts with KIM|/review?status=ALL&q=KIM"
  "application no. KC-2026-050001|/review?status=ALL&q=KC-2026-050001"
  "group no. KG-2026-001000|/review?status=ALL&q=KG-2026-001000"
  "consent page (awaiting consent)|/review/consent"
  "officer home page (queue by age, consent by slot)|/"
)

echo "== measuring ($RUNS requests per scenario after 3 warm-ups; total time per request in ms)"
printf '%-48s %8s %8s %8s %6s\n' "scenario" "median" "min" "max" "rows"
for entry in "${SCENARIOS[@]}"; do
  NAME=${entry%%|*}
  URL=${entry#*|}
  time_requests "$URL"
  ROWS=$(grep -cE 'href="/review/(applications|groups)/' "$WORK/page" || true)
  printf '%-48s %8s %8s %8s %6s\n' "$NAME" "$(median < "$WORK/times")" "$(sort -n "$WORK/times" | head -1)" \
    "$(sort -n "$WORK/times" | tail -1)" "$ROWS"
done

# the duplicate check's flags for the first page (review/Duplicates#flagged), as the queue issues it
OPEN="'SUBMITTED', 'INFORMATION_REQUESTED', 'AWAITING_CONSENT', 'APPROVED_FOR_TRAVEL'"
echo "== the same queries in the database alone (ms, as the queue issues them: capped count, then the page)"
$MARIADB "$MYSQL_DB" -e "SET profiling = 1;
  SELECT SQL_NO_CACHE COUNT(*) FROM (SELECT id FROM travel_application WHERE status = 'SUBMITTED' LIMIT 10001) c;
  SELECT SQL_NO_CACHE id, version, reference, status, name_korean, name_latin, purpose, entry_date, return_date,
    submitted_at FROM travel_application WHERE status = 'SUBMITTED' ORDER BY entry_date, submitted_at, id LIMIT 20;
  SELECT SQL_NO_CACHE id, version, reference, status, name_korean, name_latin, purpose, entry_date, return_date,
    submitted_at FROM travel_application WHERE status = 'SUBMITTED' ORDER BY entry_date, submitted_at, id
    LIMIT 4000, 20;
  SELECT SQL_NO_CACHE COUNT(*) FROM (SELECT id FROM travel_application WHERE submitted_at IS NOT NULL LIMIT 10001) c;
  SELECT SQL_NO_CACHE COUNT(*) FROM (SELECT id FROM travel_application WHERE submitted_at IS NOT NULL
    AND name_korean LIKE '김%' LIMIT 10001) c;
  SELECT SQL_NO_CACHE id, version, reference, status, name_korean, name_latin, purpose, entry_date, return_date,
    submitted_at FROM travel_application WHERE submitted_at IS NOT NULL AND name_korean LIKE '김%'
    ORDER BY entry_date, submitted_at, id LIMIT 20;
  SELECT SQL_NO_CACHE id, version, reference, status, name_korean, name_latin, purpose, entry_date, return_date,
    submitted_at FROM travel_application WHERE status = 'SUBMITTED' AND purpose = 'FAMILY'
    ORDER BY entry_date, submitted_at, id LIMIT 20;
  SELECT SQL_NO_CACHE a.id FROM travel_application a WHERE a.id IN (SELECT id FROM (SELECT id
    FROM travel_application WHERE status = 'SUBMITTED' ORDER BY entry_date, submitted_at, id LIMIT 20) p)
    AND a.status IN ($OPEN) AND (EXISTS (SELECT 1 FROM travel_application b WHERE b.status IN ($OPEN)
    AND b.id <> a.id AND b.entry_date <= a.return_date AND b.return_date >= a.entry_date
    AND b.id_number_hash = a.id_number_hash) OR EXISTS (SELECT 1 FROM travel_application b WHERE b.status IN ($OPEN)
    AND b.id <> a.id AND b.entry_date <= a.return_date AND b.return_date >= a.entry_date
    AND b.date_of_birth = a.date_of_birth AND (b.name_korean = a.name_korean OR b.name_latin = a.name_latin)));
  SHOW PROFILES;" | awk -F'\t' '$1 ~ /^[0-9]+$/ && $3 ~ /SQL_NO_CACHE/ {q = $3; gsub(/(\\n)? +/, " ", q); printf "%8.2f  %s\n", $2 * 1000, substr(q, 21, 120)}'

if [ "${EXPLAIN:-0}" = 1 ]; then
  echo "== query plans"
  $MARIADB "$MYSQL_DB" -e "EXPLAIN SELECT id, reference FROM travel_application WHERE status = 'SUBMITTED' ORDER BY entry_date, submitted_at, id LIMIT 20;
    EXPLAIN SELECT COUNT(*) FROM travel_application WHERE status = 'SUBMITTED';
    EXPLAIN SELECT id FROM travel_application WHERE submitted_at IS NOT NULL ORDER BY entry_date, submitted_at, id LIMIT 20;
    EXPLAIN SELECT id FROM travel_application WHERE status = 'SUBMITTED' AND purpose = 'FAMILY' ORDER BY entry_date, submitted_at, id LIMIT 20;
    EXPLAIN SELECT id FROM travel_application WHERE submitted_at IS NOT NULL AND name_korean LIKE '김%' ORDER BY entry_date, submitted_at, id LIMIT 20;
    EXPLAIN SELECT a.id FROM travel_application a WHERE a.id IN (SELECT id FROM (SELECT id
    FROM travel_application WHERE status = 'SUBMITTED' ORDER BY entry_date, submitted_at, id LIMIT 20) p)
    AND a.status IN ($OPEN) AND (EXISTS (SELECT 1 FROM travel_application b WHERE b.status IN ($OPEN)
    AND b.id <> a.id AND b.entry_date <= a.return_date AND b.return_date >= a.entry_date
    AND b.id_number_hash = a.id_number_hash) OR EXISTS (SELECT 1 FROM travel_application b WHERE b.status IN ($OPEN)
    AND b.id <> a.id AND b.entry_date <= a.return_date AND b.return_date >= a.entry_date
    AND b.date_of_birth = a.date_of_birth AND (b.name_korean = a.name_korean OR b.name_latin = a.name_latin)));"
fi
