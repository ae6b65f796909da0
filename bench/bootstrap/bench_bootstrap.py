#!/usr/bin/python3
"""Benchmark of the paired bootstrap of `cd4ml gate` on 1 M rows (issue 5: "a 1 000-resample
bootstrap CI on 1 M rows under 10 s on 2 cores"). Not run by `mvn verify`.

Usage (from the repository root):

    /usr/bin/python3 bench/bootstrap/bench_bootstrap.py [--data /tmp/bench-data/preds_1m.csv] \
        [--jar label=path ...] [--runs 3] [--resamples 1000] [--json out.json]

The candidate is the data file (gen_data.py, columns id,group,label,pred_proba,...). The baseline
is derived from it once (`<dir>/<data>.baseline.csv`, joined by row order): the same rows and labels, the score perturbed by
seeded Gaussian noise (sd 0.05, clipped, 6 decimals), so the baseline ranks rows in another order
and its predicted classes differ - both models are really evaluated. The gates are those of
bench/metrics/bench_metrics.py (ROC AUC, accuracy, log loss vs baseline, demographic parity ratio
by `group`). Each jar (default: cli/target/cd4ml.jar) runs `--runs` times, alternating jars, with
-Xmx1g; the JSON holds per jar the median wall seconds, CPU seconds (user + sys) and peak RSS, and
whether all jars printed the same gate results (intervals included).
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

GATES = """task: binary
columns: {label: label, score: pred_proba}
sensitive: [group]
bootstrap: {resamples: %d, confidence: 0.95, seed: 42}
gates:
  - {metric: roc_auc, threshold: 0.6, max_regression: 0.01}
  - {metric: accuracy, threshold: 0.6, max_regression: 0.01}
  - {metric: log_loss, max_regression: 0.02}
  - {metric: demographic_parity_ratio, threshold: 0.5}
"""


def derive_baseline(data, directory):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, os.path.basename(data) + ".baseline.csv")
    if os.path.exists(path):
        return path
    rng = random.Random(7)
    with open(data) as src, open(path + ".tmp", "w") as out:
        header = src.readline().rstrip("\n").split(",")
        score = header.index("pred_proba")
        out.write(",".join(header) + "\n")
        for line in src:
            cells = line.rstrip("\n").split(",")
            value = min(0.999999, max(0.000001, float(cells[score]) + rng.gauss(0, 0.05)))
            cells[score] = "%.6f" % value
            out.write(",".join(cells) + "\n")
    os.replace(path + ".tmp", path)
    return path


def run_once(jar, data, baseline, gates):
    gnu_time = "/usr/bin/time" if os.path.exists("/usr/bin/time") else shutil.which("time")
    command = ["java", "-Xmx1g", "-jar", jar, "gate", "--predictions", data, "--gates", gates,
               "--baseline-predictions", baseline, "--baseline-version", "derived", "--format", "json"]
    wrapped = ([gnu_time, "-f", "%M %U %S"] + command) if gnu_time else command
    start = time.perf_counter()
    proc = subprocess.run(wrapped, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1, 4):
        sys.exit("failed: " + " ".join(command) + "\n" + proc.stderr)
    cpu = rss = None
    if gnu_time:
        rss, user, system = proc.stderr.strip().splitlines()[-1].split()
        rss, cpu = int(rss) / 1024, float(user) + float(system)
    return wall, cpu, rss, json.loads(proc.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/tmp/bench-data/preds_1m.csv")
    parser.add_argument("--dir", default="/tmp/cd4ml-bootstrap-bench", help="where the baseline file goes")
    parser.add_argument("--jar", action="append", default=[], help="label=path (repeatable)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--resamples", type=int, default=1000)
    parser.add_argument("--json", default=None)
    args = parser.parse_args()
    jars = dict(j.split("=", 1) for j in args.jar) or {"branch": os.path.join(ROOT, "cli", "target", "cd4ml.jar")}
    baseline = derive_baseline(args.data, args.dir)
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as gates:
        gates.write(GATES % args.resamples)
    samples = {label: [] for label in jars}
    gate_results = {}
    try:
        for _ in range(args.runs):
            for label, jar in jars.items():
                wall, cpu, rss, report = run_once(jar, args.data, baseline, gates.name)
                samples[label].append((wall, cpu, rss))
                gate_results[label] = [{k: g.get(k) for k in sorted(g) if k not in ("detail",)}
                                       for g in report.get("gates", report.get("results", []))]
    finally:
        os.unlink(gates.name)
    results = {"rows_file": args.data, "baseline_file": baseline, "resamples": args.resamples,
               "runs": args.runs, "cpus": os.cpu_count(), "jars": {}}
    for label, values in samples.items():
        results["jars"][label] = {
            "jar": jars[label],
            "wall_seconds": round(statistics.median(v[0] for v in values), 3),
            "cpu_seconds": round(statistics.median(v[1] for v in values), 3) if values[0][1] is not None else None,
            "peak_rss_mib": round(statistics.median(v[2] for v in values)) if values[0][2] is not None else None,
            "all_wall_seconds": [round(v[0], 3) for v in values],
            "all_cpu_seconds": [round(v[1], 3) for v in values if v[1] is not None],
        }
    first = next(iter(gate_results.values()))
    results["same_results_across_jars"] = all(r == first for r in gate_results.values())
    results["gates"] = first
    results["load_average_at_end"] = os.getloadavg()
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
