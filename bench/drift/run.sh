#!/usr/bin/env bash
# Drift benchmark: cd4ml drift vs the pandas/scipy reference (shared/bench/pandas_drift.py) on the
# same generated files, side by side in one run. Not part of `mvn verify`.
#
# Usage: bench/drift/run.sh [--rows N] [--runs R] [--out DIR]
# Needs: /usr/bin/python3 with pandas + scipy (apt-get install -y python3-pandas python3-scipy), GNU time.
# Writes DIR/drift-bench-<rows>.json with every timing, the medians and the speed-up.
set -euo pipefail
rows=1000000
runs=3
out=/tmp/cd4ml-drift-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${CD4ML_SHARED:-$here/../shared}"
[ -d "$shared/bench" ] || shared=/work/shared
jar="$here/cli/target/cd4ml.jar"
[ -f "$jar" ] || (cd "$here" && ./mvnw -B -q -ntp -DskipTests -pl cli -am package)
mkdir -p "$out"
tag="${rows}"
base="$out/data_${tag}.csv"
cur="$out/data_${tag}_cur.csv"
[ -f "$base" ] || /usr/bin/python3 "$shared/bench/gen_data.py" --rows "$rows" --tag "$tag" --seed 42 --drift 0 --out "$out"
[ -f "$cur" ] || /usr/bin/python3 "$shared/bench/gen_data.py" --rows "$rows" --tag "${tag}_cur" --seed 7 --drift 1 --out "$out"
columns=age,income,credit_score,balance,tenure_months,txn_amount,feature_x1,feature_x2,country,segment,channel,group
heap="${CD4ML_BENCH_HEAP:--Xmx8g}"

# prints "wall_seconds max_rss_kb user_seconds system_seconds" for one command
measure() {
  /usr/bin/time -f "%e %M %U %S" -o "$out/.time" "$@" > /dev/null 2> "$out/.stderr" || {
    rc=$?; if [ $rc -ne 0 ] && [ $rc -ne 1 ] && [ $rc -ne 4 ]; then cat "$out/.stderr" >&2; exit $rc; fi; }
  cat "$out/.time"
}

declare -a pandas cd4ml profiled
java -jar "$jar" profile --data "$base" --output "$out/profile_${tag}.json" > /dev/null
for i in $(seq "$runs"); do
  pandas+=("$(measure /usr/bin/python3 "$shared/bench/pandas_drift.py" "$base" "$cur" --json "$out/pandas_${tag}.json")")
  cd4ml+=("$(measure java $heap -jar "$jar" drift --baseline "$base" --current "$cur" --columns "$columns" \
    --format json --output "$out/cd4ml_${tag}.json")")
  profiled+=("$(measure java $heap -jar "$jar" drift --baseline "$out/profile_${tag}.json" --current "$cur" \
    --columns "$columns" --format json)")
done
profile_run="$(measure java -Xmx512m -jar "$jar" profile --data "$base" --output "$out/profile_${tag}.json")"

/usr/bin/python3 - "$out/drift-bench-${tag}.json" "$rows" "$(nproc)" "${pandas[@]/#/p:}" "${cd4ml[@]/#/c:}" \
  "${profiled[@]/#/s:}" "r:$profile_run" <<'PY'
import json, statistics, sys
path, rows, cores = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
runs = {"p": [], "c": [], "s": [], "r": []}
for arg in sys.argv[4:]:
    kind, value = arg.split(":", 1)
    seconds, rss, user, system = value.split()
    runs[kind].append({"seconds": float(seconds), "max_rss_mib": round(int(rss) / 1024, 1),
                       "cpu_seconds": round(float(user) + float(system), 2)})
def median(kind):
    return statistics.median(r["seconds"] for r in runs[kind])
result = {
    "rows": rows, "cores": cores,
    "pandas_scipy": runs["p"], "cd4ml_drift_data_baseline": runs["c"],
    "cd4ml_drift_profile_baseline": runs["s"], "cd4ml_profile_xmx512m": runs["r"],
    "median_seconds": {"pandas_scipy": median("p"), "cd4ml_data_baseline": median("c"),
                        "cd4ml_profile_baseline": median("s")},
    "speedup_vs_pandas": round(median("p") / median("c"), 2),
    "median_cpu_seconds": {k: statistics.median(r["cpu_seconds"] for r in runs[v])
                           for k, v in (("pandas_scipy", "p"), ("cd4ml_data_baseline", "c"),
                                        ("cd4ml_profile_baseline", "s"))},
}
with open(path, "w") as f:
    json.dump(result, f, indent=1)
print(json.dumps(result["median_seconds"]), json.dumps(result["median_cpu_seconds"]),
      "speed-up", result["speedup_vs_pandas"])
PY
echo "results: $out/drift-bench-${tag}.json"
