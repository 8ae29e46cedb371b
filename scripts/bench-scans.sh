#!/usr/bin/env bash
# Scanner API throughput against the health endpoint (issue 5, "Performance"); on demand, not part of verify.
# Usage: scripts/bench-scans.sh [h2|mysql]   (mysql: MariaDB on 127.0.0.1:3306 root/no password, database
#        $MYSQL_DB dropped and created first). Environment: PASSES (default 600, a third per scan run), DURATION (wrk, default 20s),
#        WARMUP (scans before measuring, default 60s),
#        CONNECTIONS (default 32), THREADS (wrk threads, default 2), PORT (default 8099).
# Seeding: scripts/bench/BenchPasses.java is compiled against the jar into target/bench/classes and added to the
# app with Spring Boot's PropertiesLauncher (-Dloader.path); it runs only with kc.bench.passes, so the seeding
# code never enters the application jar. It issues PASSES passes through the pass module's own event and writes
# their tokens to target/bench/tokens.txt.
# Phases: /actuator/health alone, /api/v1/scans alone, then both at once (each with CONNECTIONS connections).
# Then: answered scans vs crossing_log rows of this run (a scan in flight when wrk stops is logged by the app but
# not counted by wrk, so rows - answered may be 0..CONNECTIONS; anything else is an error).
source "$(dirname "$0")/bench-lib.sh"
PASSES="${PASSES:-600}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-60s}"
CONNECTIONS="${CONNECTIONS:-32}"
export THREADS="${THREADS:-2}"
CLASSES="$BENCH_DIR/classes"
export TOKENS="$BENCH_DIR/tokens.txt"

JAR="$(ls "$ROOT"/target/kaesong-crossing-*.jar 2>/dev/null | grep -v original | head -1 || true)"
if [ -z "$JAR" ]; then build; fi
echo "jar: $JAR"

# compile the seeding component against the jar's classes and libraries
rm -rf "$BENCH_DIR/exploded" "$CLASSES" && mkdir -p "$BENCH_DIR/exploded" "$CLASSES"
(cd "$BENCH_DIR/exploded" && unzip -q "$JAR" 'BOOT-INF/*')
javac -nowarn -d "$CLASSES" -cp "$BENCH_DIR/exploded/BOOT-INF/classes:$BENCH_DIR/exploded/BOOT-INF/lib/*" \
  "$ROOT/scripts/bench/BenchPasses.java"
rm -rf "$BENCH_DIR/exploded"

fresh_db
rm -f "$TOKENS"
echo "starting the app ($DB) on port $PORT, seeding $PASSES passes ..."
# shellcheck disable=SC2046
java -Xms512m -Xmx1g -Dloader.path="$CLASSES" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
  --server.port="$PORT" --server.address=127.0.0.1 --logging.level.root=WARN $(app_args) \
  --kc.bench.passes="$PASSES" --kc.bench.tokens-file="$TOKENS" --kc.route.gates=KAESONG \
  >"$BENCH_DIR/app-$DB.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  [ -s "$TOKENS" ] && curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "app exited, see $BENCH_DIR/app-$DB.log" >&2; exit 1; }
  sleep 1
done
[ -s "$TOKENS" ] || { echo "no tokens after 600 s, see $BENCH_DIR/app-$DB.log" >&2; exit 1; }
echo "seeded $(wc -l <"$TOKENS") passes; load: $(cut -d' ' -f1-3 /proc/loadavg)"

URL="http://127.0.0.1:$PORT"
# each wrk run starts its passes with ENTRY, so the warm-up and the two scan runs get disjoint thirds of the passes
third=$(( $(wc -l <"$TOKENS") / 3 ))
sed -n "1,${third}p" "$TOKENS" >"$BENCH_DIR/tokens-warmup.txt"
sed -n "$((third + 1)),$((2 * third))p" "$TOKENS" >"$BENCH_DIR/tokens-alone.txt"
sed -n "$((2 * third + 1)),\$p" "$TOKENS" >"$BENCH_DIR/tokens-both.txt"
# Warm-up, separate scan ids (its log rows are excluded below by the run prefix). On 2 cores the JIT needs about a
# minute of traffic: with 5 s, C2 was still compiling (half a core) and the signature check ran interpreted.
echo "warming up (scans $WARMUP, health 10s) ..."
TOKENS="$BENCH_DIR/tokens-warmup.txt" RUN_ID="w$(date +%s)" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/scripts/bench-scans.lua" "$URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$URL/actuator/health" >/dev/null

val() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
run_health() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$ROOT/scripts/bench-health.lua" "$URL/actuator/health" >"$1"; }
run_scans() { TOKENS="$BENCH_DIR/tokens-$3.txt" RUN_ID="$2" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$ROOT/scripts/bench-scans.lua" "$URL" >"$1"; }

echo "== health alone ($DURATION, $CONNECTIONS connections) load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run_health "$BENCH_DIR/health-alone.txt"
echo "== scans alone ($DURATION, $CONNECTIONS connections) load before: $(cut -d' ' -f1-3 /proc/loadavg)"
RUN_A="a$(date +%s)"
run_scans "$BENCH_DIR/scans-alone.txt" "$RUN_A" alone
echo "== both at once ($DURATION, $CONNECTIONS connections each) load before: $(cut -d' ' -f1-3 /proc/loadavg)"
RUN_B="b$(date +%s)"
run_scans "$BENCH_DIR/scans-both.txt" "$RUN_B" both &
SCAN_WRK=$!
run_health "$BENCH_DIR/health-both.txt"
wait "$SCAN_WRK"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
sleep 2   # let scans still in flight when wrk stopped commit

report() {  # $1 label, $2 scans file, $3 health file, $4 run id
  local srps hrps ans rows
  srps=$(val RPS "$2"); hrps=$(val RPS "$3"); ans=$(val ANSWERED "$2")
  rows=$(sql "SELECT COUNT(*) FROM crossing_log WHERE scan_id LIKE 'b$4-%'" | tr -d ' \r' | grep -E '^[0-9]+$' | head -1)
  printf '%-14s scans %8.1f req/s (p50 %6.2f ms, p99 %7.2f ms)  health %8.1f req/s (p50 %6.2f ms, p99 %7.2f ms)  ratio %.2f\n' \
    "$1" "$srps" "$(val P50_MS "$2")" "$(val P99_MS "$2")" "$hrps" "$(val P50_MS "$3")" "$(val P99_MS "$3")" \
    "$(echo "$srps $hrps" | awk '{ print ($2 > 0) ? $1 / $2 : 0 }')"
  printf '%-14s scans answered %d (accepted %d), non-2xx %d, socket errors %d; health non-2xx %d, socket errors %d\n' \
    "" "$ans" "$(val ACCEPTED "$2")" "$(val NON200 "$2")" "$(val SOCKET_ERRORS "$2")" "$(val NON200 "$3")" "$(val SOCKET_ERRORS "$3")"
  printf '%-14s crossing_log rows of this run %s, answered %s, difference %s (0..%s = in flight at wrk stop)\n' \
    "" "$rows" "$ans" "$((rows - ans))" "$CONNECTIONS"
}
echo
echo "== results: $DB, $PASSES passes, $CONNECTIONS connections, $DURATION; load after: $LOAD_AFTER =="
echo "(health alone vs scans alone were measured one after the other, 'both' concurrently)"
report "alone" "$BENCH_DIR/scans-alone.txt" "$BENCH_DIR/health-alone.txt" "$RUN_A"
report "both at once" "$BENCH_DIR/scans-both.txt" "$BENCH_DIR/health-both.txt" "$RUN_B"
echo "total crossing_log rows: $(sql 'SELECT COUNT(*) FROM crossing_log' | tr -d ' \r' | grep -E '^[0-9]+$' | head -1)"
stop_app
