#!/usr/bin/env bash
# The nightly audit at scale, today's build against this one, interleaved in one run (README
# "Performance"), within the CronJob's means: one CPU (taskset -c 0) and a fixed heap.
#
#   bench/night-at-scale.sh BASELINE_JAR [ROUNDS] [FILES] [BUCKETS] [SERIES] [HEAP]
#   e.g. bench/night-at-scale.sh /tmp/baseline/target/residency-auditor.jar 3 2000 2000 1000000 768m
#        bench/night-at-scale.sh /tmp/baseline/target/residency-auditor.jar 1 8000 2000 0 256m
#
# The world comes from the scale generator (src/test/java/io/residency/auditor/bench/ScaleEstate.java):
# FILES config files over four regions, BUCKETS buckets in the in-JVM S3 emulator and, with SERIES > 0,
# a real Prometheus (prometheus and promtool on PATH) backfilled with SERIES series as the querier.
# Each build audits it on its own H2 file database (the data on disk, not in the heap being measured).
# Prints wall, CPU (user+sys) and peak resident memory per run, per-step times, and the ratios.
set -euo pipefail
baseline=${1:?usage: bench/night-at-scale.sh BASELINE_JAR [ROUNDS] [FILES] [BUCKETS] [SERIES] [HEAP]}
rounds=${2:-3}
files=${3:-2000}
buckets=${4:-$files}
series=${5:-0}
heap=${6:-768m}
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
[ -f "$baseline" ] || { echo "no baseline jar at $baseline" >&2; exit 2; }
[ -f "$repo/target/residency-auditor.jar" ] || { echo "package this build first: ./mvnw -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
generator_pid=
cleanup() {
  [ -n "$generator_pid" ] && kill "$generator_pid" 2>/dev/null && wait "$generator_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The generator's class path, made once (delete target/bench.classpath after changing pom.xml).
if [ ! -f "$repo/target/bench.classpath" ] || [ ! -f "$repo/target/test-classes/io/residency/auditor/bench/ScaleEstate.class" ]; then
  (cd "$repo" && ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
fi
cp="$repo/target/test-classes:$repo/target/classes:$(cat "$repo/target/bench.classpath")"
java -cp "$cp" io.residency.auditor.bench.ScaleEstate --files "$files" --buckets "$buckets" --series "$series" --dir "$work/world" \
  > "$work/generator.log" 2>&1 &
generator_pid=$!
until grep -q '^READY ' "$work/generator.log"; do
  kill -0 "$generator_pid" 2>/dev/null || { cat "$work/generator.log" >&2; exit 3; }
  sleep 1
done
estate=$(sed -nE 's/^READY ([^ ]+).*/\1/p' "$work/generator.log")
export AWS_ACCESS_KEY_ID=test-access-key AWS_SECRET_ACCESS_KEY=test-secret-key AWS_REGION=us-east-1
results="$work/results.tsv"

# run LABEL COMMAND...: one audit of the world on one CPU; appends "label wall cpu rss steps" to the results
run() {
  local label=$1; shift
  local db="$work/db-$label-$RANDOM"
  taskset -c 0 /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" audit --estate "$estate" --out "$work/out" \
    --db "jdbc:h2:file:$db" > "$work/stdout" 2> "$work/stderr" || true
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  local steps
  steps=$(sed -nE 's/.* ([A-Za-z]+) COMPLETED in ([0-9]+) ms.*/\1=\2/p' "$work/stderr" | tr '\n' ' ')
  grep -E '^Run ' "$work/stdout" | sed "s/^/$label: /" >&2 || { echo "$label did not complete:" >&2; tail -3 "$work/stderr" >&2; }
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$steps" >> "$results"
  rm -rf "$work/out" "$db".*
}

echo "world: $files config files, $buckets buckets, $series series; heap $heap; one CPU (taskset -c 0)"
echo "load at start: $(uptime)"
for round in $(seq 1 "$rounds"); do
  run baseline java -Xmx"$heap" -jar "$baseline"
  JAVA_OPTS="-Xmx$heap" run new "$repo/bin/residency-auditor"
  echo "round $round of $rounds done: $(uptime)" >&2
done
echo "load at end: $(uptime)"

awk -F'\t' '
  { n[$1]++; wall[$1]+=$2; cpu[$1]+=$3; if ($4>rss[$1]) rss[$1]=$4
    if (!($1 in wmin) || $2<wmin[$1]) wmin[$1]=$2; if ($2>wmax[$1]) wmax[$1]=$2
    split($5, kv, " "); for (i in kv) { split(kv[i], p, "="); step[$1, p[1]]+=p[2]; names[p[1]]=1 } }
  END {
    printf "%-10s %3s %24s %10s %14s\n", "build", "n", "wall s mean (min-max)", "cpu s mean", "peak RSS MiB"
    for (l in n) printf "%-10s %3d %8.1f (%6.1f-%6.1f) %10.1f %14d\n", l, n[l], wall[l]/n[l], wmin[l], wmax[l], cpu[l]/n[l], rss[l]
    print ""
    printf "%-24s", "step ms (mean)"; for (l in n) printf " %10s", l; print ""
    for (s in names) { printf "%-24s", s; for (l in n) printf " %10.0f", step[l, s]/n[l]; print "" }
    if (("baseline" in n) && ("new" in n)) printf "\nbaseline/new: wall %.2fx, cpu %.2fx\n", (wall["baseline"]/n["baseline"])/(wall["new"]/n["new"]), (cpu["baseline"]/n["baseline"])/(cpu["new"]/n["new"])
  }' "$results"
