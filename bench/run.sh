#!/usr/bin/env bash
# Runs the benchmarks of docs/performance.md in bounded time, on loopback only.
#
#   bench/run.sh                 # JMH (about 3 minutes), then the fan-out run (about 2 minutes)
#   bench/run.sh jmh             # JMH only; more JMH arguments may follow, e.g. "bench/run.sh jmh -f 3"
#   bench/run.sh fanout          # fan-out only; FanOut options may follow, e.g. "--client jdk"
#   bench/run.sh cluster         # cross-node fan-out over Redis (about 3 minutes; needs redis-server);
#                                # ClusterFanOut options may follow, e.g. "--rounds 5"
#   bench/run.sh metrics         # metrics on against off (about 2 minutes); not part of "all"
#   bench/run.sh perf            # side by side with raw Undertow and JSR-356 + databind, every
#                                # scenario of issue 13 (about 10 minutes); not part of "all";
#                                # Perf options may follow, e.g. "--repeats 5"
#   bench/run.sh soak            # 2,000 chat members for 10 minutes, a flooder and a slow reader;
#                                # not part of "all"; Soak options may follow, e.g. "--seconds 180"
#   bench/run.sh handoff         # what the default dispatch's two thread hand-offs cost, without a
#                                # socket (JMH, about 2 minutes); not part of "all"
#
# Results (text and JMH's JSON) go to bench/target/results/. Set SKIP_BUILD=1 to reuse the jars.
# On a shared machine, QUIET_WAIT=600 waits up to 10 minutes before each part for 5 seconds in
# which the CPUs are at least 85% idle (builds and tests running alongside skew every figure).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=bench/target/switchboard-bench.jar
jsr_jar=bench-jsr356/target/switchboard-bench-jsr356.jar # the perf run's JSR-356 baseline
results=bench/target/results
what="${1:-all}"
[[ $# -gt 0 ]] && shift

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$jar" || ! -f "$jsr_jar" ]]; then
  mvn -B -q -pl bench -am package -DskipTests
fi
mkdir -p "$results"

machine() {
  echo "machine: $(nproc) CPUs, $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

busy_percent_over_5s() {
  local a b
  read -r -a a < /proc/stat
  sleep 5
  read -r -a b < /proc/stat
  local busy=0 total=0 i
  for i in 1 2 3 4 5 6 7 8; do
    total=$((total + b[i] - a[i]))
    if [[ $i != 4 && $i != 5 ]]; then busy=$((busy + b[i] - a[i])); fi # 4 idle, 5 iowait
  done
  echo $((total > 0 ? 100 * busy / total : 0))
}

wait_for_quiet() {
  local limit="${QUIET_WAIT:-0}" waited=0 busy
  while ((waited < limit)); do
    busy=$(busy_percent_over_5s)
    if ((busy <= 15)); then
      return 0
    fi
    echo "machine ${busy}% busy, waiting for it to calm down ($waited/$limit s)" >&2
    waited=$((waited + 5))
  done
}

run_jmh() {
  wait_for_quiet
  machine | tee "$results/jmh.txt"
  # 12 benchmarks x (3 + 5) one-second iterations in 1 fork each: about 2 minutes of measuring.
  timeout 15m java -jar "$jar" -prof gc -rf json -rff "$results/jmh.json" "$@" \
    'io.switchboard.bench.(codec|dispatch).*' | tee -a "$results/jmh.txt"
  java -cp "$jar" io.switchboard.bench.JmhSummary "$results/jmh.json" | tee "$results/jmh-summary.md"
  # The same methods timed by thread CPU time, the two sides interleaved: robust to a busy machine.
  timeout 5m java -cp "$jar" io.switchboard.bench.InterleavedCpuTime | tee "$results/cpu-time.md"
}

run_fanout() {
  wait_for_quiet
  machine | tee "$results/fanout.txt"
  # The run stops by itself (about 80 s with the defaults); the timeout is only a safety net.
  timeout 10m java -cp "$jar" io.switchboard.bench.fanout.FanOut "$@" 2>&1 | tee -a "$results/fanout.txt"
  return "${PIPESTATUS[0]}"
}

run_cluster() {
  wait_for_quiet
  machine | tee "$results/cluster.txt"
  # Stops by itself (about 3 minutes with the defaults); the timeout is only a safety net.
  timeout 15m java -cp "$jar" io.switchboard.bench.fanout.ClusterFanOut "$@" 2>&1 | tee -a "$results/cluster.txt"
  return "${PIPESTATUS[0]}"
}

run_metrics() {
  wait_for_quiet
  machine | tee "$results/metrics.txt"
  timeout 10m java -cp "$jar" io.switchboard.bench.metrics.MetricsOverhead "$@" 2>&1 | tee -a "$results/metrics.txt"
  return "${PIPESTATUS[0]}"
}

run_perf() {
  # The sample's start-up is one of the rows; the jar is not part of the bench build above.
  if [[ ! -f sample-chat/target/switchboard-sample-chat.jar ]]; then
    mvn -B -q -pl sample-chat -am package -DskipTests
  fi
  # 10,000 idle connections take a file descriptor each in the load generator and in the server.
  ulimit -n "$(ulimit -Hn)"
  wait_for_quiet
  machine | tee "$results/perf.txt"
  # Stops by itself (about 10 minutes with the defaults); the timeout is only a safety net.
  timeout 30m java -cp "$jar" io.switchboard.bench.perf.Perf "$@" 2>&1 | tee -a "$results/perf.txt"
  return "${PIPESTATUS[0]}"
}

run_handoff() {
  wait_for_quiet
  machine | tee "$results/handoff.txt"
  # 3 benchmarks x (3 + 5) one-second iterations in 3 forks each: about 2 minutes.
  timeout 10m java -jar "$jar" -rf json -rff "$results/handoff.json" "$@" \
    'io.switchboard.bench.handoff.*' 2>&1 | tee -a "$results/handoff.txt"
}

run_soak() {
  wait_for_quiet
  machine | tee "$results/soak.txt"
  # Stops by itself (about 11 minutes with the defaults); the timeout is only a safety net.
  timeout 20m java -cp "$jar" io.switchboard.bench.soak.Soak "$@" 2>&1 | tee -a "$results/soak.txt"
  return "${PIPESTATUS[0]}"
}

case "$what" in
  jmh) run_jmh "$@" ;;
  fanout) run_fanout "$@" ;;
  cluster) run_cluster "$@" ;;
  metrics) run_metrics "$@" ;;
  perf) run_perf "$@" ;;
  soak) run_soak "$@" ;;
  handoff) run_handoff "$@" ;;
  all) run_jmh && run_fanout ;;
  *) echo "usage: bench/run.sh [all|jmh|fanout|cluster|metrics|perf|soak|handoff] [arguments...]" >&2; exit 2 ;;
esac
