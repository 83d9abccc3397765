#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft) for development and integration tests,
# run straight from the official jars on Maven Central: no Docker, no tarball.
# Usage: tools/kafka/kafka.sh fetch|start|stop|status|reset   (see README.md)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

KAFKA_VERSION="${KAFKA_VERSION:-4.1.2}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
# Derived from KAFKA_PORT (9093 by default) so brokers on different ports never share a controller port.
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
LIBS_DIR="${KAFKA_CACHE_DIR:-$REPO_ROOT/.cache/kafka/$KAFKA_VERSION/libs}"
DATA_DIR="${KAFKA_DATA_DIR:-$REPO_ROOT/.cache/kafka-data/$KAFKA_PORT}"

BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
LOG_DIRS="$DATA_DIR/kraft-logs"
PID_FILE="$DATA_DIR/kafka.pid"
LOG_FILE="$DATA_DIR/kafka.log"
CONFIG_FILE="$DATA_DIR/server.properties"
FORMATTED_VERSION_FILE="$DATA_DIR/formatted-with-version"
PROBE_DIR="$LIBS_DIR/.probe"

log() { printf '[kafka.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require_java() {
  command -v java >/dev/null 2>&1 || die "java not found on PATH (Kafka needs Java 17+)"
}

validate_env() {
  [[ "$KAFKA_VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "KAFKA_VERSION must look like 4.1.2, got '$KAFKA_VERSION'"
  [[ "$KAFKA_PORT" =~ ^[0-9]+$ && "$KAFKA_CONTROLLER_PORT" =~ ^[0-9]+$ ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must be numbers"
  [[ "$KAFKA_PORT" != "$KAFKA_CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"
  [[ "$KAFKA_START_TIMEOUT" =~ ^[0-9]+$ ]] || die "KAFKA_START_TIMEOUT must be a number of seconds"
}

kafka_major() { echo "${KAFKA_VERSION%%.*}"; }

# ---------------------------------------------------------------- fetch

fetch() {
  local marker="$LIBS_DIR/.complete"
  if [[ -f "$marker" && "$(cat "$marker")" == "$KAFKA_VERSION" ]]; then
    echo "$LIBS_DIR"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH (needed once to download the Kafka jars)"
  mkdir -p "$LIBS_DIR"
  # Two concurrent starts must not interleave two Maven runs into the same folder.
  exec 8>"$LIBS_DIR/.fetch.lock"
  flock -w 600 8 || die "timed out waiting for another fetch into $LIBS_DIR"
  if [[ -f "$marker" && "$(cat "$marker")" == "$KAFKA_VERSION" ]]; then
    exec 8>&-
    echo "$LIBS_DIR"
    return 0
  fi

  log "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central into $LIBS_DIR"
  # A partial or other-version download would put mixed jars on the classpath.
  rm -rf "$marker" "$PROBE_DIR" "$LIBS_DIR"/*.jar
  # The pom defaults to Kafka 4's log4j2 backend; 3.x needs reload4j instead.
  local logging_args=()
  if (( $(kafka_major) < 4 )); then
    logging_args=(-Dkafka.logging=reload4j)
  fi
  local started=$SECONDS
  # Maven 3.8 prints bare ESC[0m codes even with -q; strip them, and keep stdout for the folder path.
  mvn -q -B -f "$SCRIPT_DIR/pom.xml" \
    -Dkafka.version="$KAFKA_VERSION" -Dkafka.libs.dir="$LIBS_DIR" "${logging_args[@]}" \
    package 2>&1 | sed -e 's/\x1b\[0m//g' -e '/^$/d' >&2 || die "Maven could not resolve org.apache.kafka:kafka_2.13:$KAFKA_VERSION (see output above)"
  ls "$LIBS_DIR"/kafka_2.13-"$KAFKA_VERSION".jar >/dev/null 2>&1 || die "Maven finished but kafka_2.13-$KAFKA_VERSION.jar is missing in $LIBS_DIR"
  echo "$KAFKA_VERSION" >"$marker"
  exec 8>&-
  log "fetched $(find "$LIBS_DIR" -maxdepth 1 -name '*.jar' | wc -l) jars in $((SECONDS - started))s"
  echo "$LIBS_DIR"
}

# ---------------------------------------------------------------- readiness probe

# A TCP connect is not enough: a KRaft broker binds its port long before it serves
# requests. The probe asks for cluster metadata through the real Admin client and
# only succeeds once the broker answers with itself as a live node.
write_probe() {
  mkdir -p "$PROBE_DIR"
  local src="$PROBE_DIR/KafkaProbe.java" tmp="$PROBE_DIR/KafkaProbe.java.new"
  cat >"$tmp" <<'JAVA'
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/** Usage: KafkaProbe host:port timeoutMs. Exit 0 once describeCluster lists a live broker. */
public final class KafkaProbe {
  public static void main(String[] args) throws InterruptedException {
    long deadline = System.currentTimeMillis() + Long.parseLong(args[1]);
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
    String lastError = "no attempt finished";
    try (Admin admin = Admin.create(props)) {
      while (true) {
        try {
          DescribeClusterResult cluster = admin.describeCluster();
          Collection<Node> nodes = cluster.nodes().get(3, TimeUnit.SECONDS);
          String clusterId = cluster.clusterId().get(3, TimeUnit.SECONDS);
          if (!nodes.isEmpty()) {
            System.out.println("cluster " + clusterId + ", brokers " + nodes);
            return;
          }
          lastError = "cluster reports no live brokers yet";
        } catch (Exception e) {
          lastError = String.valueOf(e.getCause() != null ? e.getCause() : e);
        }
        if (System.currentTimeMillis() >= deadline) {
          System.err.println("not ready: " + lastError);
          System.exit(1);
        }
        Thread.sleep(300);
      }
    }
  }
}
JAVA
  if cmp -s "$tmp" "$src"; then rm -f "$tmp"; else mv "$tmp" "$src"; fi
  if [[ ! -f "$PROBE_DIR/KafkaProbe.class" || "$src" -nt "$PROBE_DIR/KafkaProbe.class" ]]; then
    command -v javac >/dev/null 2>&1 || die "javac not found (a JDK, not just a JRE, is needed for the readiness probe)"
    javac -nowarn -d "$PROBE_DIR" -cp "$LIBS_DIR/*" "$src" || die "could not compile the readiness probe"
  fi
}

# probe TIMEOUT_MS: exit status 0 when a Kafka broker serves metadata on $BOOTSTRAP.
probe() {
  java -Xmx64m -XX:TieredStopAtLevel=1 \
    -Dlog4j.configuration="file:$PROBE_DIR/quiet-log4j.properties" \
    -Dlog4j2.configurationFile="$PROBE_DIR/quiet-log4j2.properties" \
    -cp "$PROBE_DIR:$LIBS_DIR/*" KafkaProbe "$BOOTSTRAP" "$1"
}

write_quiet_logging() {
  # The Admin client logs every refused connection; tools only need errors.
  printf '%s\n' \
    'log4j.rootLogger=ERROR, stderr' \
    'log4j.appender.stderr=org.apache.log4j.ConsoleAppender' \
    'log4j.appender.stderr.Target=System.err' \
    'log4j.appender.stderr.layout=org.apache.log4j.PatternLayout' \
    'log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n' \
    >"$PROBE_DIR/quiet-log4j.properties"
  printf '%s\n' \
    'status = error' \
    'shutdownHook = disable' \
    'appender.stderr.type = Console' \
    'appender.stderr.name = STDERR' \
    'appender.stderr.target = SYSTEM_ERR' \
    'appender.stderr.layout.type = PatternLayout' \
    'appender.stderr.layout.pattern = [%d] %p %m (%c)%n' \
    'rootLogger.level = error' \
    'rootLogger.appenderRef.stderr.ref = STDERR' \
    >"$PROBE_DIR/quiet-log4j2.properties"
}

prepare_probe() {
  require_java
  fetch >/dev/null
  write_probe
  write_quiet_logging
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Answers "is some Kafka broker serving on $KAFKA_PORT right now" within a few seconds.
broker_answers() {
  port_open "$KAFKA_PORT" || return 1
  prepare_probe
  probe 4000 >/dev/null 2>&1
}

# ---------------------------------------------------------------- pid handling

# Prints the pid from the pid file if that process is still our broker (guards against pid reuse).
our_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "kafka.Kafka $CONFIG_FILE" || return 1
  echo "$pid"
}

lock_data_dir() {
  mkdir -p "$DATA_DIR"
  exec 9>"$DATA_DIR/.lock"
  flock -w 300 9 || die "timed out waiting for another kafka.sh command on $DATA_DIR"
}

# ---------------------------------------------------------------- start

write_configs() {
  cat >"$CONFIG_FILE" <<EOF
# Generated by tools/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$LOG_DIRS
num.partitions=3
auto.create.topics.enable=false
# Single node: internal topics cannot have more than one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# Tests join groups constantly; the default 3 s delay only slows them down.
group.initial.rebalance.delay.ms=0
EOF
  printf '%s\n' \
    'log4j.rootLogger=INFO, stdout' \
    'log4j.appender.stdout=org.apache.log4j.ConsoleAppender' \
    'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout' \
    'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n' \
    'log4j.logger.kafka.request.logger=WARN' \
    >"$DATA_DIR/log4j.properties"
  printf '%s\n' \
    'status = warn' \
    'shutdownHook = disable' \
    'appender.stdout.type = Console' \
    'appender.stdout.name = STDOUT' \
    'appender.stdout.layout.type = PatternLayout' \
    'appender.stdout.layout.pattern = [%d] %p %m (%c)%n' \
    'rootLogger.level = info' \
    'rootLogger.appenderRef.stdout.ref = STDOUT' \
    'logger.requests.name = kafka.request.logger' \
    'logger.requests.level = warn' \
    >"$DATA_DIR/log4j2.properties"
}

# Both logging systems' settings are always passed; the one not on the classpath ignores its property.
logging_jvm_args() {
  printf '%s\n' \
    "-Dlog4j.configuration=file:$DATA_DIR/log4j.properties" \
    "-Dlog4j2.configurationFile=$DATA_DIR/log4j2.properties"
}

format_storage_if_needed() {
  if [[ -f "$LOG_DIRS/meta.properties" ]]; then
    local formatted_with
    formatted_with="$(cat "$FORMATTED_VERSION_FILE" 2>/dev/null || echo unknown)"
    if [[ "$formatted_with" != "$KAFKA_VERSION" ]]; then
      log "note: $LOG_DIRS was formatted by Kafka $formatted_with, starting $KAFKA_VERSION on it (run 'reset' if it refuses to start)"
    fi
    return 0
  fi
  local cluster_id jvm_logging
  mapfile -t jvm_logging < <(logging_jvm_args)
  cluster_id="$(java "${jvm_logging[@]}" -cp "$LIBS_DIR/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
  [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "kafka.tools.StorageTool random-uuid returned '$cluster_id'"
  log "formatting $LOG_DIRS (cluster id $cluster_id)"
  java "${jvm_logging[@]}" -cp "$LIBS_DIR/*" kafka.tools.StorageTool format \
    --config "$CONFIG_FILE" --cluster-id "$cluster_id" >>"$LOG_FILE" 2>&1 \
    || { tail -n 30 "$LOG_FILE" >&2; die "storage format failed (full log: $LOG_FILE)"; }
  echo "$KAFKA_VERSION" >"$FORMATTED_VERSION_FILE"
}

wait_until_ready() {
  local pid="$1" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  log "waiting up to ${KAFKA_START_TIMEOUT}s for the broker on $BOOTSTRAP to serve metadata"
  while (( SECONDS < deadline )); do
    kill -0 "$pid" 2>/dev/null || fail_start "the broker process $pid exited during startup"
    if port_open "$KAFKA_PORT"; then
      local remaining_ms=$(( (deadline - SECONDS) * 1000 ))
      local slice_ms=$(( remaining_ms < 5000 ? remaining_ms : 5000 ))
      if (( slice_ms > 0 )) && probe "$slice_ms" >&2 2>/dev/null; then
        return 0
      fi
    else
      sleep 0.5
    fi
  done
  fail_start "the broker was not ready within ${KAFKA_START_TIMEOUT}s (pid $pid still running; use 'stop' to end it)"
}

fail_start() {
  # Only this start attempt's output: the log file is appended to across restarts.
  local first_line
  first_line="$(grep -n '^===== ' "$LOG_FILE" | tail -n 1 | cut -d: -f1)"
  log "---- last 40 lines of this start in $LOG_FILE ----"
  tail -n "+${first_line:-1}" "$LOG_FILE" | tail -n 40 >&2
  die "$1"
}

start() {
  validate_env
  require_java
  lock_data_dir
  if broker_answers; then
    log "a Kafka broker already answers on $BOOTSTRAP; nothing to start"
    echo "already running"
    return 0
  fi
  local pid
  if pid="$(our_pid)"; then
    # Started earlier (maybe by a concurrent caller that gave up waiting) but not ready yet.
    log "broker process $pid from $PID_FILE is still starting"
    wait_until_ready "$pid"
    log "Kafka $KAFKA_VERSION is ready on $BOOTSTRAP"
    echo "already running"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_open "$KAFKA_PORT"; then
    die "port $KAFKA_PORT is in use by something that is not a Kafka broker"
  fi
  if port_open "$KAFKA_CONTROLLER_PORT"; then
    die "controller port $KAFKA_CONTROLLER_PORT is already in use (set KAFKA_CONTROLLER_PORT)"
  fi

  fetch >/dev/null
  prepare_probe
  mkdir -p "$LOG_DIRS"
  write_configs
  format_storage_if_needed

  printf '\n===== %s starting Apache Kafka %s on %s =====\n' "$(date -Is)" "$KAFKA_VERSION" "$BOOTSTRAP" >>"$LOG_FILE"
  local started=$SECONDS
  local heap_opts jvm_logging
  read -r -a heap_opts <<<"$KAFKA_HEAP_OPTS"
  mapfile -t jvm_logging < <(logging_jvm_args)
  # setsid: the broker must outlive the calling shell or test runner and not get its Ctrl-C.
  # stdio goes to files so callers reading our pipes are not held open by the broker, and
  # the lock fd is closed so the broker does not hold the data-dir lock for its whole life.
  setsid java "${heap_opts[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    "${jvm_logging[@]}" -cp "$LIBS_DIR/*" kafka.Kafka "$CONFIG_FILE" \
    </dev/null >>"$LOG_FILE" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"
  log "started Kafka $KAFKA_VERSION (pid $pid), log: $LOG_FILE"
  wait_until_ready "$pid"
  log "Kafka $KAFKA_VERSION is ready on $BOOTSTRAP after $((SECONDS - started))s"
  echo "started"
}

# ---------------------------------------------------------------- stop / status / reset

stop_locked() {
  local pid
  if ! pid="$(our_pid)"; then
    rm -f "$PID_FILE"
    if port_open "$KAFKA_PORT"; then
      log "something listens on $BOOTSTRAP but it was not started by this script from $DATA_DIR; leaving it alone"
    else
      log "no broker started from $DATA_DIR is running"
    fi
    return 0
  fi
  log "stopping Kafka (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && (( SECONDS < deadline )); do
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still running after 30s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  rm -f "$PID_FILE"
  log "stopped"
}

stop() {
  validate_env
  lock_data_dir
  stop_locked
}

status() {
  validate_env
  if broker_answers; then
    echo "running"
    return 0
  fi
  echo "not running"
  return 1
}

reset() {
  validate_env
  lock_data_dir
  stop_locked
  rm -rf "$DATA_DIR"
  log "deleted $DATA_DIR"
}

usage() {
  cat >&2 <<EOF
Usage: $(basename "$0") <command>
  fetch    download the Kafka $KAFKA_VERSION jars (once) and print their folder
  start    start a single-node KRaft broker on $BOOTSTRAP and wait until it is ready;
           prints "started", or "already running" when a broker was already there
  stop     stop the broker started by 'start' (SIGTERM, SIGKILL after 30s)
  status   print "running" (exit 0) if a broker answers on $BOOTSTRAP, else exit 1
  reset    stop and delete the data folder $DATA_DIR
EOF
}

case "${1:-}" in
  fetch) validate_env; fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) reset ;;
  -h | --help | help) usage ;;
  *) usage; exit 2 ;;
esac
