#!/usr/bin/env bash
# Builds the benchmark module and runs it. See docs/performance.md.
#   benchmarks/run.sh [--quick | --smoke] [--url R2DBC_URL] [--out DIR] ...   Rowflow against raw R2DBC and the peers
#   benchmarks/run.sh --jmh [JMH options]                                        the JMH microbenchmarks
#   benchmarks/run.sh --replicas [--url URL] [--replica-url URL] [--out FILE]   reads through a replica vs the primary only
# The harness runs on the default java (17). jOOQ's open-source edition needs Java 21: when a JDK 25 is installed
# (JDK25_HOME, else /usr/lib/jvm/temurin-25*), the jooq profile compiles that contender with it and the harness
# runs the contender in a JDK 25 JVM of its own; without one, the jooq contender is left out.
set -euo pipefail
cd "$(dirname "$0")/.."

jdk25="${JDK25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1 || true)}"
jooq_options=()
if [[ "${1:-}" != "--jmh" && -n "$jdk25" && -x "$jdk25/bin/java" ]]; then
  mvn -B -q -pl benchmarks -am -DskipTests -Pjooq -Djdk25.home="$jdk25" package
  jooq_options=(-Drowflow.bench.jooq.java="$jdk25/bin/java"
                -Drowflow.bench.jooq.classpath="$PWD/benchmarks/target/jooq-classes:$(cat benchmarks/target/jooq-classpath.txt)")
else
  [[ "${1:-}" == "--jmh" ]] || echo "No JDK 25 found (set JDK25_HOME): the jooq contender is left out." >&2
  mvn -B -q -pl benchmarks -am -DskipTests package
fi
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
exec java -Xms1g -Xmx1g "${jooq_options[@]}" -cp "$classpath" io.rowflow.benchmarks.BenchmarkMain "$@"
