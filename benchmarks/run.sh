#!/usr/bin/env bash
# Builds the benchmark module and runs it. See docs/performance.md.
#   benchmarks/run.sh [--quick | --smoke] [--url R2DBC_URL] [--out DIR] ...   Rowflow vs raw R2DBC vs Spring Data R2DBC
#   benchmarks/run.sh --jmh [JMH options]                                        the JMH microbenchmarks
#   benchmarks/run.sh --replicas [--url URL] [--replica-url URL] [--out FILE]   reads through a replica vs the primary only
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl benchmarks -am -DskipTests package
classpath="benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"

if [[ "${1:-}" == "--jmh" ]]; then
  shift
  # Defaults: 1 fork, 3 warm-up and 5 measured iterations of 1 s; any JMH option given overrides them.
  exec java -cp "$classpath" org.openjdk.jmh.Main -f 1 -wi 3 -w 1s -i 5 -r 1s "$@" 'io.rowflow.benchmarks.jmh'
fi
if [[ "${1:-}" == "--replicas" ]]; then
  shift
  exec java -Xms1g -Xmx1g -cp "$classpath" io.rowflow.benchmarks.ReplicaBenchmark "$@"
fi
exec java -Xms1g -Xmx1g -cp "$classpath" io.rowflow.benchmarks.BenchmarkMain "$@"
