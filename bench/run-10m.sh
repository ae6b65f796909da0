#!/usr/bin/env bash
# The three side-by-side benchmarks of docs/performance.md on 10 M rows, one after the other, on a
# quiet machine (not part of `mvn verify`). Generates the files with ../shared/bench/gen_data.py when
# missing (about 2.3 minutes each), links them where each harness looks, and leaves the JSON results
# in bench/results/.
#
#   bench/run-10m.sh [RUNS]        RUNS of each tool (default 1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-1}"
data="${BENCH_10M:-/tmp/bench10}"
shared="${SHARED_BENCH:-$here/../shared/bench}"
[ -d "$shared" ] || shared=/work/shared/bench
mkdir -p "$data" /tmp/cd4ml-bench /tmp/cd4ml-drift-bench "$here/bench/results"
gen() { # tag seed drift
  [ -f "$data/data_$1.csv" ] || /usr/bin/python3 "$shared/gen_data.py" --rows "${4:-10000000}" --tag "$1" --seed "$2" \
      --drift "$3" --out "$data"
}
gen 10m 42 0
gen 10m_cur 7 1
gen 1m 42 0 1000000
ln -sf "$data/data_10m.csv" /tmp/cd4ml-bench/data_r10000000.csv
ln -sf "$data/data_10m.csv" /tmp/cd4ml-drift-bench/data_10000000.csv
ln -sf "$data/data_10m_cur.csv" /tmp/cd4ml-drift-bench/data_10000000_cur.csv
(cd "$here" && ./mvnw -B -q -ntp -pl cli -am package -DskipTests)

BENCH_DATA=/tmp/cd4ml-bench "$here/bench/validate-bench.sh" 10000000 "$runs"
"$here/bench/drift/run.sh" --rows 10000000 --runs "$runs" --out /tmp/cd4ml-drift-bench
cp /tmp/cd4ml-drift-bench/drift-bench-10000000.json "$here/bench/results/drift-10m.json"
/usr/bin/python3 "$here/bench/metrics/bench_metrics.py" --dir "$data" --rows 10000000 --runs "$runs" \
    --json "$here/bench/results/metrics-10m.json"
