#!/usr/bin/env bash
# Gate latency and demo audit, today's build against this one, interleaved in one run (README
# "Performance"). The machine's load changes both sides alike; the ratios are what to read.
#
#   bench/gate-latency.sh BASELINE_JAR [ROUNDS]
#
# BASELINE_JAR: the jar of the build to compare with, e.g. built once outside the repository:
#   git worktree add /tmp/baseline bd901a4 && (cd /tmp/baseline && ./mvnw -o -q package -DskipTests)
#   bench/gate-latency.sh /tmp/baseline/target/residency-auditor.jar 5
# This build must be packaged first (./mvnw -q package -DskipTests): it runs through bin/residency-auditor,
# the launcher users run. Each round runs: baseline gate, new gate, baseline audit, new audit.
# BASELINE_JAVA names the java binary of the baseline (default: java on the PATH); this build runs on
# the JDK bin/residency-auditor picks (JAVA, else JAVA_HOME, else the PATH), built on that same JDK:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -q package -DskipTests   # its AOT cache
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/gate-latency.sh /tmp/baseline/target/residency-auditor.jar 5
# Prints per-step times (from the job's step log lines), start-up (wall minus steps), wall and CPU
# (user+sys) means with their min-max spread, and the ratios baseline/new.
set -euo pipefail
baseline=${1:?usage: bench/gate-latency.sh BASELINE_JAR [ROUNDS]}
rounds=${2:-5}
repo=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
new="$repo/bin/residency-auditor"
[ -f "$baseline" ] || { echo "no baseline jar at $baseline" >&2; exit 2; }
[ -f "$repo/target/residency-auditor.jar" ] || { echo "package this build first: ./mvnw -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"

gate_args=(gate --offline --estate "$repo/bench/estates/five-files/estate.yaml" --db jdbc:h2:mem:gate)
# The demo estate's files; its querier's host does not resolve here, so both builds record it UNVERIFIED alike.
audit_args=(audit --estate "$repo/src/demo/estate/estate.yaml" --db jdbc:h2:mem:audit)

# run LABEL COMMAND...: one measured run; appends "label wall cpu step=ms..." to the results
run() {
  local label=$1; shift
  local out="$work/out-$label-$RANDOM"
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" --out "$out" > /dev/null 2> "$work/stderr" || true
  # time(1) puts "Command exited with non-zero status N" first when the run exits 1 (findings): the last line holds the figures
  read -r wall user sys < <(tail -n 1 "$work/time")
  local steps
  steps=$(sed -nE 's/.* ([A-Za-z]+) COMPLETED in ([0-9]+) ms.*/\1=\2/p' "$work/stderr" | tr '\n' ' ')
  printf '%s\t%s\t%s\t%s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$steps" >> "$results"
  rm -rf "$out"
}

baseline_java=${BASELINE_JAVA:-java}
echo "baseline: $("$baseline_java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
echo "this build: $(JAVA_OPTS=-XshowSettings:properties "$new" --version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
echo "load at start: $(uptime)"
for round in $(seq 1 "$rounds"); do
  run gate-baseline "$baseline_java" -jar "$baseline" "${gate_args[@]}"
  run gate-new "$new" "${gate_args[@]}"
  run audit-baseline "$baseline_java" -jar "$baseline" "${audit_args[@]}"
  run audit-new "$new" "${audit_args[@]}"
  echo "round $round of $rounds done: $(uptime)" >&2
done
echo "load at end: $(uptime)"

awk -F'\t' '
  { n[$1]++; wall[$1]+=$2; cpu[$1]+=$3
    if (!($1 in wmin) || $2<wmin[$1]) wmin[$1]=$2; if ($2>wmax[$1]) wmax[$1]=$2
    if (!($1 in cmin) || $3<cmin[$1]) cmin[$1]=$3; if ($3>cmax[$1]) cmax[$1]=$3
    split($4, kv, " "); total=0
    for (i in kv) { split(kv[i], p, "="); step[$1, p[1]]+=p[2]; total+=p[2]; names[p[1]]=1 }
    startup[$1]+=$2*1000-total }
  END {
    printf "%-15s %5s %22s %22s %12s\n", "run", "n", "wall s mean (min-max)", "cpu s mean (min-max)", "start-up ms"
    for (l in n) printf "%-15s %5d %8.2f (%5.2f-%6.2f) %8.2f (%5.2f-%6.2f) %12.0f\n", l, n[l], wall[l]/n[l], wmin[l], wmax[l], cpu[l]/n[l], cmin[l], cmax[l], startup[l]/n[l]
    print ""
    printf "%-24s", "step ms (mean)"; for (l in n) printf " %15s", l; print ""
    for (s in names) { printf "%-24s", s; for (l in n) printf " %15.0f", step[l, s]/n[l]; print "" }
    print ""
    for (k in n) if (k ~ /-baseline$/) { b=k; sub(/-baseline$/, "", k)
      if ((k "-new") in n) printf "%s: baseline/new wall %.2fx, cpu %.2fx\n", k, (wall[b]/n[b])/(wall[k "-new"]/n[k "-new"]), (cpu[b]/n[b])/(cpu[k "-new"]/n[k "-new"]) }
  }' "$results"
