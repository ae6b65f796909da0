#!/usr/bin/env bash
# Data-validation benchmark (not run by `mvn verify`): the 32-check suite of
# /work/shared/bench/pandas_checks.py as cd4ml expectations (bench/expectations-32.yaml), run side by
# side with pandas, DuckDB (when its JDBC jar is in the local Maven repository) and a single-pass
# JVM parse floor, on the same file in the same run. Writes JSON to bench/results/.
#
#   bench/validate-bench.sh [ROWS] [RUNS]      e.g. bench/validate-bench.sh 1000000 3
#
# Needs /usr/bin/python3 with pandas (apt-get install -y python3-pandas) and ../shared/bench.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
runs="${2:-3}"
shared="${SHARED_BENCH:-$here/../../shared/bench}"
[ -d "$shared" ] || shared=/work/shared/bench
data_dir="${BENCH_DATA:-/tmp/cd4ml-bench}"
tag="r${rows}"
data="$data_dir/data_${tag}.csv"
out="$here/bench/results"
mkdir -p "$data_dir" "$out"
[ -f "$data" ] || /usr/bin/python3 "$shared/gen_data.py" --rows "$rows" --tag "$tag" --seed 42 --drift 0 --out "$data_dir"
(cd "$here" && ./mvnw -B -q -ntp -pl cli -am package -DskipTests)
jar="$here/cli/target/cd4ml.jar"

measure() { # name command... -> appends {"name","wall_s","user_s","max_rss_kb"} lines
  local name="$1"; shift
  /usr/bin/time -f "%e %U %M" -o "$data_dir/time.txt" "$@" > "$data_dir/$name.out" 2>&1 || true
  read -r wall user rss < <(tail -1 "$data_dir/time.txt")
  echo "{\"tool\": \"$name\", \"wall_s\": $wall, \"user_s\": $user, \"max_rss_kb\": $rss}" >> "$data_dir/runs.jsonl"
  echo "$name: ${wall}s wall, ${user}s user CPU, ${rss} KB peak" >&2
}

rm -f "$data_dir/runs.jsonl"
duck_jar="$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar 2>/dev/null | tail -1 || true)"
for i in $(seq "$runs"); do
  measure cd4ml java -Xmx512m -jar "$jar" validate --data "$data" --expectations "$here/bench/expectations-32.yaml" \
      --format json --output "$data_dir/cd4ml.json"
  measure cd4ml_1thread java -Xmx512m -XX:ActiveProcessorCount=1 -jar "$jar" validate --data "$data" \
      --expectations "$here/bench/expectations-32.yaml" --format json --output "$data_dir/cd4ml-1.json"
  measure parse_floor java -Xmx512m -cp "$jar" "$here/bench/ParseFloor.java" "$data"
  measure pandas /usr/bin/python3 "$shared/pandas_checks.py" "$data" --json "$data_dir/pandas.json"
  if [ -n "$duck_jar" ]; then
    measure duckdb java -DDATA="$data" -cp "$duck_jar" "$shared/java/DuckRun.java" "$shared/sql/duck_checks.sql"
  fi
done
/usr/bin/python3 "$here/bench/compare_checks.py" "$data_dir/cd4ml.json" "$data_dir/pandas.json" > "$data_dir/agreement.txt" || true
/usr/bin/python3 - "$data_dir/runs.jsonl" "$rows" "$data_dir/agreement.txt" > "$out/validate-${tag}.json" <<'PY'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
tools = {}
for r in runs:
    tools.setdefault(r["tool"], []).append(r)
summary = {t: {"median_wall_s": statistics.median(x["wall_s"] for x in rs),
               "median_user_s": statistics.median(x["user_s"] for x in rs),
               "max_rss_kb": max(x["max_rss_kb"] for x in rs), "runs": len(rs)} for t, rs in tools.items()}
agreement = open(sys.argv[3]).read().strip().splitlines()[-1]
print(json.dumps({"schemaVersion": "1.0", "benchmark": "validate-32-checks", "rows": int(sys.argv[2]),
                  "summary": summary, "agreement_with_pandas": agreement, "runs": runs}, indent=1))
PY
cat "$out/validate-${tag}.json" | head -40
