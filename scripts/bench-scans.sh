#!/usr/bin/env bash
# Scanner API throughput (issues 5 and 20); on demand, not part of verify.
# Usage: [MODE=health|floor|profile|probe] scripts/bench-scans.sh [h2|mysql]   (mysql: MariaDB on 127.0.0.1:3306 root/no
#        password, database $MYSQL_DB dropped and created first). Environment: PASSES (default 600, a third per scan
#        run in MODE=health), DURATION (wrk, default 20s), WARMUP (scans before measuring, default 60s),
#        CONNECTIONS (default 32), THREADS (wrk threads, default 2), PORT (default 8099), BENCH_JAR, JAVA_OPTS (e.g. a JFR
#        recording: -XX:StartFlightRecording=filename=target/bench/scan.jfr,settings=profile).
# MODE=health (default): scans against /actuator/health, described below.
# MODE=floor: the method of ../shared/bench/floor/run.sh, to be run next to it: scans of all passes, then of one hot
#        pass (both WARMUP + DURATION, CONNECTIONS connections), then paced (16 connections, each waits 80 ms after
#        every answer: about 200 scans/s); requests/s, p50/p99, non-2xx and CPU of app and database (% of one core).
# MODE=profile: after the warm-up, a JFR recording (settings=profile) over DURATION at CONNECTIONS connections,
#        summarised by scripts/bench/jfr-summary.py: CPU samples of the scan requests by library.
# MODE=probe: at light load (4 connections, 10 s), the database work per scan: MariaDB's global status counters
#        (statements, commits, round trips) or, on H2, the app's CPU per scan.
# Seeding: scripts/bench/BenchPasses.java is compiled against the jar into target/bench/classes and added to the
# app with Spring Boot's PropertiesLauncher (-Dloader.path); it runs only with kc.bench.passes, so the seeding
# code never enters the application jar. It issues PASSES passes through the pass module's own event and writes
# their tokens to target/bench/tokens.txt.
# Phases: /actuator/health alone, /api/v1/scans alone, then both at once (each with CONNECTIONS connections).
# Then: answered scans vs crossing_log rows of this run (a scan in flight when wrk stops is logged by the app but
# not counted by wrk, so rows - answered may be 0..CONNECTIONS; anything else is an error).
# demo mode runs only on H2: on MariaDB the seeding makes its own holder and device
[ "${1:-h2}" = mysql ] && export DEMO=false
source "$(dirname "$0")/bench-lib.sh"
export DEVICE_TOKEN="kcd_bench-device-$(date +%s)"
MODE="${MODE:-health}"
PASSES="${PASSES:-600}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-60s}"
CONNECTIONS="${CONNECTIONS:-32}"
export THREADS="${THREADS:-2}"
CLASSES="$BENCH_DIR/classes"
export TOKENS="$BENCH_DIR/tokens.txt"

# $BENCH_JAR when given (one built from an earlier commit, for a before/after), else target's, built if missing
JAR="${BENCH_JAR:-$(ls "$ROOT"/target/kaesong-crossing-*.jar 2>/dev/null | grep -v original | head -1 || true)}"
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
java -Xms512m -Xmx1g ${JAVA_OPTS:-} -Dloader.path="$CLASSES" -cp "$JAR" org.springframework.boot.loader.launch.PropertiesLauncher \
  --server.port="$PORT" --server.address=127.0.0.1 --logging.level.root=WARN $(app_args) \
  --kc.bench.passes="$PASSES" --kc.bench.tokens-file="$TOKENS" --kc.bench.device-token="$DEVICE_TOKEN" --kc.route.gates=KAESONG \
  >"$BENCH_DIR/app-$DB.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  [ -s "$TOKENS" ] && curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "app exited, see $BENCH_DIR/app-$DB.log" >&2; exit 1; }
  sleep 1
done
[ -s "$TOKENS" ] || { echo "no tokens after 600 s, see $BENCH_DIR/app-$DB.log" >&2; exit 1; }
echo "seeded $(wc -l <"$TOKENS") passes; load: $(cut -d' ' -f1-3 /proc/loadavg)"

val() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
# CPU ticks (utime + stime, 1/100 s) of a process and its threads
ticks() { [ -n "$1" ] && awk '{ print $14 + $15 }' "/proc/$1/stat" || echo 0; }
DB_PID=""; [ "$DB" = mysql ] && DB_PID="$(pgrep -x mariadbd | head -1)"

# floor_scenario LABEL TOKENS_FILE CONNECTIONS [PACE_MS]: warm-up, then a measured run with CPU readings
floor_scenario() {
  local label="$1" tokens="$2" conns="$3" pace="${4:-0}" file="$BENCH_DIR/floor-$DB-$1.txt" a0 d0 a1 d1 secs
  secs="${DURATION%s}"
  echo "== $label: warm-up $WARMUP (load $(cut -d' ' -f1-3 /proc/loadavg))"
  TOKENS="$tokens" PACE_MS="$pace" RUN_ID="w$label$(date +%s)" wrk -t"$THREADS" -c"$conns" -d"$WARMUP" --timeout 10s \
    -s "$ROOT/scripts/bench-scans.lua" "$URL" >/dev/null
  a0=$(ticks "$APP_PID"); d0=$(ticks "$DB_PID")
  TOKENS="$tokens" PACE_MS="$pace" RUN_ID="m$label$(date +%s)" wrk -t"$THREADS" -c"$conns" -d"$DURATION" --timeout 10s \
    --latency -s "$ROOT/scripts/bench-scans.lua" "$URL" >"$file"
  a1=$(ticks "$APP_PID"); d1=$(ticks "$DB_PID")
  printf '%-8s %8.1f scans/s  p50 %6.2f ms  p99 %7.2f ms  answered %s (accepted %s)  non-2xx %s  socket errors %s  app CPU %d%%  db CPU %d%%  (load %s)\n' \
    "$label" "$(val RPS "$file")" "$(val P50_MS "$file")" "$(val P99_MS "$file")" "$(val ANSWERED "$file")" \
    "$(val ACCEPTED "$file")" "$(val NON200 "$file")" "$(val SOCKET_ERRORS "$file")" \
    $(( (a1 - a0) / secs )) $(( (d1 - d0) / secs )) "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$BENCH_DIR/floor-$DB.txt"
}

floor_method() {
  : >"$BENCH_DIR/floor-$DB.txt"
  head -1 "$TOKENS" >"$BENCH_DIR/tokens-hot.txt"
  floor_scenario "all" "$TOKENS" "$CONNECTIONS"
  floor_scenario "hot" "$BENCH_DIR/tokens-hot.txt" "$CONNECTIONS"
  floor_scenario "paced" "$TOKENS" 16 80
}

profile() {
  local f="$BENCH_DIR/scan-$DB.jfr"
  TOKENS="$TOKENS" RUN_ID="fw$(date +%s)" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$ROOT/scripts/bench-scans.lua" "$URL" >/dev/null
  jcmd "$APP_PID" JFR.start name=scans settings=profile >/dev/null
  TOKENS="$TOKENS" RUN_ID="f$(date +%s)" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/scripts/bench-scans.lua" "$URL" >"$f.wrk"
  jcmd "$APP_PID" JFR.stop name=scans filename="$f" >/dev/null
  echo "scans/s $(val RPS "$f.wrk") while recording; $f"
  jfr print --events jdk.ExecutionSample --stack-depth 200 "$f" | python3 "$ROOT/scripts/bench/jfr-summary.py" ScanApiController
}

probe() {
  local f="$BENCH_DIR/probe-$DB.txt" n a0 a1 half
  # warm-up and probe on separate halves of the passes: the probe's scans alternate in and out from the start
  half=$(( $(wc -l <"$TOKENS") / 2 ))
  head -n "$half" "$TOKENS" >"$BENCH_DIR/tokens-warmup.txt"
  tail -n +"$((half + 1))" "$TOKENS" >"$BENCH_DIR/tokens-probe.txt"
  TOKENS="$BENCH_DIR/tokens-warmup.txt" RUN_ID="pw$(date +%s)" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" \
    -s "$ROOT/scripts/bench-scans.lua" "$URL" >/dev/null
  local q="show global status where variable_name in ('Questions','Com_select','Com_insert','Com_update','Com_delete','Com_commit','Com_rollback','Com_set_option','Com_stmt_execute','Com_stmt_prepare','Innodb_os_log_fsyncs','Innodb_rows_read')"
  [ "$DB" = mysql ] && mariadb -uroot -N -B -e "$q" | sort >"$f.0"
  a0=$(ticks "$APP_PID")
  TOKENS="$BENCH_DIR/tokens-probe.txt" RUN_ID="p$(date +%s)" wrk -t1 -c4 -d10s -s "$ROOT/scripts/bench-scans.lua" "$URL" >"$f.wrk"
  a1=$(ticks "$APP_PID")
  n=$(val ANSWERED "$f.wrk")
  { echo "scans answered $n (accepted $(val ACCEPTED "$f.wrk")), app CPU per scan $(echo "$a0 $a1 $n" | awk '{ printf "%.2f", ($2 - $1) * 10 / $3 }') ms"
    if [ "$DB" = mysql ]; then
      mariadb -uroot -N -B -e "$q" | sort >"$f.1"
      echo "per scan (the server is shared: counters are global):"
      join "$f.0" "$f.1" | awk -v n="$n" '{ printf "  %-22s %6.2f\n", $1, ($3 - $2) / n }'
    fi; } | tee "$f"
}

URL="http://127.0.0.1:$PORT"
case "$MODE" in
  probe) probe; exit 0 ;;
  floor) floor_method; exit 0 ;;
  profile) profile; exit 0 ;;
esac
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
