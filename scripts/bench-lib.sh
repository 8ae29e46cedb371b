# Shared by the bench scripts: build once (or take a given jar), start the app on $PORT against H2 (file,
# AUTO_SERVER) or MariaDB, log in with curl, run SQL against the same database, time pages. On exit the app started
# here is stopped and the scratch directory removed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DB="${1:-h2}"
PORT="${PORT:-8099}"
BENCH_DIR="$ROOT/target/bench"
MYSQL_DB="${MYSQL_DB:-kc_bench}"
H2_JAR="$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | tail -1)"
mkdir -p "$BENCH_DIR"
APP_PID=""
WORK=$(mktemp -d)
bench_cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap bench_cleanup EXIT
if [ "$DB" = "mysql" ]; then
  # what the mysql profile reads (README "Running on MySQL or MariaDB")
  export DB_URL="jdbc:mysql://127.0.0.1:3306/$MYSQL_DB?sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&allowPublicKeyRetrieval=true"
  export DB_USERNAME=root DB_PASSWORD= DB_PRODUCT=MariaDB DB_MAJOR_VERSION=10 DB_MINOR_VERSION=11
  export KC_WEBAUTHN_RP_ID=localhost KC_WEBAUTHN_ALLOWED_ORIGINS="http://localhost:$PORT"
fi

build() {
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  JAR="$(ls "$ROOT"/target/kaesong-crossing-*.jar | grep -v original | head -1)"
}

# The jar to measure: $BENCH_JAR when given (e.g. one built from an earlier commit, for a before/after), target's
# with SKIP_BUILD=1, else a fresh build.
jar_to_run() {
  if [ -n "${BENCH_JAR:-}" ]; then
    JAR="$BENCH_JAR"
  elif [ "${SKIP_BUILD:-0}" = 1 ]; then
    JAR="$(ls "$ROOT"/target/kaesong-crossing-*.jar | grep -v original | head -1)"
  else
    echo "== building the jar"
    build
  fi
  echo "   jar: $JAR"
}

app_args() {
  if [ "$DB" = "mysql" ]; then
    echo "--spring.profiles.active=mysql --kc.demo.enabled=${DEMO:-true} \
--kc.data-dir=$BENCH_DIR/data --kc.signing.store=file --kc.signing.keystore= --kc.signing.keystore-password= \
--kc.crypto.id-number-key=$(head -c 32 /dev/urandom | base64) \
--kc.crypto.id-hash-key=$(head -c 32 /dev/urandom | base64) \
--kc.mail.log-without-smtp=$([ "${DEMO:-true}" = true ] && echo false || echo true)"
  else
    echo "--spring.datasource.url=jdbc:h2:file:$BENCH_DIR/h2/kaesong;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY;WRITE_DELAY=0;LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE \
--kc.data-dir=$BENCH_DIR/data"
  fi
}

fresh_db() {
  if [ "$DB" = "mysql" ]; then
    mariadb -uroot -e "drop database if exists $MYSQL_DB; create database $MYSQL_DB character set utf8mb4 collate utf8mb4_unicode_ci"
    rm -rf "$BENCH_DIR/data"
  else
    rm -rf "$BENCH_DIR/h2" "$BENCH_DIR/data"
  fi
}

start_app() {
  # extra arguments are passed to the app
  # shellcheck disable=SC2046
  # shellcheck disable=SC2086
  java -Xms512m -Xmx1g ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN $(app_args) "$@" \
    >"$BENCH_DIR/app-$DB.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 400); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "app did not start, see $BENCH_DIR/app-$DB.log" >&2
  exit 1
}

stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

sql() {
  if [ "$DB" = "mysql" ]; then
    mariadb -uroot -N -B "$MYSQL_DB" -e "$1"
  else
    java -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$BENCH_DIR/h2/kaesong;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,KEY;AUTO_SERVER=TRUE" \
      -user sa -password "" -sql "$1" | sed '/^(.*row/d' | tail -n +2
  fi
}

login() {
  # $1 = email, $2 = password (default: the demo accounts'); leaves the session in $BENCH_DIR/cookies-$1
  local jar="$BENCH_DIR/cookies-$1" csrf
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$1" --data-urlencode "password=${2:-kaesong-demo-2026}" \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login"
  COOKIES="$jar"
}

enrol_second_factor() {
  # After login of a staff account without a second factor: enrols an authenticator app (reads the key the enrolment
  # page shows, answers with its current TOTP code), so the session has both factors. Uses the cookie jar $COOKIES.
  local page csrf secret code
  page=$(curl -s -c "$COOKIES" -b "$COOKIES" "http://127.0.0.1:$PORT/account/second-factor/enrol")
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' <<< "$page" | head -1 | sed 's/.*value="//;s/"$//')
  secret=$(grep -o 'class="totp-secret">[^<]*' <<< "$page" | sed 's/.*>//;s/ //g')
  code=$(python3 -c 'import base64,hmac,struct,sys,time
k=base64.b32decode(sys.argv[1]+"="*(-len(sys.argv[1])%8))
h=hmac.new(k,struct.pack(">Q",int(time.time())//30),"sha1").digest()
o=h[-1]&15
print("%06d"%((struct.unpack(">I",h[o:o+4])[0]&0x7fffffff)%1000000))' "$secret")
  curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "code=$code" --data-urlencode "_csrf=$csrf" \
    "http://127.0.0.1:$PORT/account/second-factor/enrol"
}

# Times GET $1 with the session $COOKIES: 3 warm-ups, then ${RUNS:-20} requests one after another, each of which
# must answer 200. Leaves the times (total time per request, ms) in $WORK/times and the last answer in $WORK/page.
time_requests() {
  local url="http://127.0.0.1:$PORT$1" code secs
  for _ in 1 2 3; do curl -s -b "$COOKIES" -o /dev/null "$url"; done
  : > "$WORK/times"
  for _ in $(seq 1 "${RUNS:-20}"); do
    read -r code secs < <(curl -s -b "$COOKIES" -o "$WORK/page" -w '%{http_code} %{time_total}\n' "$url")
    [ "$code" = 200 ] || { echo "$1 answered $code" >&2; exit 1; }
    awk -v s="$secs" 'BEGIN {printf "%.1f\n", s * 1000}' >> "$WORK/times"
  done
}

# Nearest-rank percentile $1 (0.5, 0.95) of the numbers on stdin; median() the middle (mean of the two middle ones).
pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {r=int(p*NR); if (r < p*NR) r++; if (r < 1) r = 1; print a[r]}'; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
