#!/usr/bin/python3
"""Side-by-side benchmark of `cd4ml metrics` / `cd4ml gate` against scikit-learn + pandas.

Not run by `mvn verify`. Usage (from the repository root):

    /usr/bin/python3 bench/metrics/bench_metrics.py [--dir /tmp/cd4ml-bench] [--rows 10000000] \
        [--runs 3] [--json bench-metrics.json]

Generates preds_<tag>.csv with ../shared/bench/gen_data.py when missing (needs python3-pandas),
builds cli/target/cd4ml.jar when missing, then times, on the same machine in the same run:
  * sklearn_metrics.py (accuracy, ROC AUC, log loss, F1, precision, recall, Brier, MAE/RMSE/R2,
    per-group rates, demographic parity, equalized odds) - the reference;
  * cd4ml metrics --task binary (all binary metrics + fairness by `group`) and
    cd4ml metrics --task regression (MAE/RMSE/R2/MAPE + MAE by group), each with -Xmx1g, and both
    in one command (repeated --task: one read of the file, the reference's work), -Xmx1g, both as
    `java -Xmx1g -jar cli/target/cd4ml.jar` and through the `./cd4ml` launcher users run
    (CD4ML_JAVA_OPTS=-Xmx1g; it adds the class-data-sharing archive the build makes);
  * cd4ml gate on the 1M-row file: 1 000 paired bootstrap resamples of ROC AUC, accuracy,
    demographic parity ratio and log loss, candidate vs baseline (the same predictions file as
    baseline, so both models are evaluated), -Xmx1g.
Reports medians of wall time and peak RSS (from /usr/bin/time when available) as JSON.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("CD4ML_SHARED_BENCH", os.path.join(os.path.dirname(ROOT), "..", "shared", "bench"))
if not os.path.isdir(SHARED):
    SHARED = "/work/shared/bench"
PYTHON = "/usr/bin/python3"
JAR = os.path.join(ROOT, "cli", "target", "cd4ml.jar")

CPU = {}
LAST_CPU = [None]

GATES = """task: binary
columns: {label: label, score: pred_proba}
sensitive: [group]
bootstrap: {resamples: 1000, confidence: 0.95, seed: 42}
gates:
  - {metric: roc_auc, threshold: 0.6, max_regression: 0.01}
  - {metric: accuracy, threshold: 0.6, max_regression: 0.01}
  - {metric: log_loss, max_regression: 0.02}
  - {metric: demographic_parity_ratio, threshold: 0.5}
"""


def timed(command, runs):
    """Runs a command `runs` times; returns (median seconds, median peak RSS MiB or None, last stdout).

    The median CPU seconds (user + sys) go to the global CPU dict under the command's key: on a
    shared, loaded machine CPU time is the steadier figure.
    """
    times, peaks, cpus, out = [], [], [], ""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    for _ in range(runs):
        wrapped = ([gnu_time, "-f", "%M %U %S"] + command) if gnu_time else command
        start = time.perf_counter()
        proc = subprocess.run(wrapped, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode not in (0, 1, 4):
            sys.exit("failed: " + " ".join(command) + "\n" + proc.stderr)
        times.append(elapsed)
        if gnu_time:
            try:
                rss, user, system = proc.stderr.strip().splitlines()[-1].split()
                peaks.append(int(rss) / 1024)
                cpus.append(float(user) + float(system))
            except (ValueError, IndexError):
                pass
        out = proc.stdout
    CPU[" ".join(command[-12:])] = statistics.median(cpus) if cpus else None
    LAST_CPU[0] = statistics.median(cpus) if cpus else None
    return statistics.median(times), (statistics.median(peaks) if peaks else None), out


def ensure_data(directory, rows, tag):
    path = os.path.join(directory, "preds_%s.csv" % tag)
    if not os.path.exists(path):
        subprocess.run([PYTHON, os.path.join(SHARED, "gen_data.py"), "--rows", str(rows), "--tag", tag,
                        "--seed", "42", "--drift", "0", "--out", directory], check=True)
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", default="/tmp/cd4ml-bench")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", default=None)
    parser.add_argument("--skip-sklearn", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    if not os.path.exists(JAR):
        subprocess.run([os.path.join(ROOT, "mvnw"), "-B", "-q", "-ntp", "-DskipTests", "-pl", "cli", "-am",
                        "package"], cwd=ROOT, check=True)
    tag = "%dm" % (args.rows // 1_000_000) if args.rows >= 1_000_000 else str(args.rows)
    big = ensure_data(args.dir, args.rows, tag)
    small = ensure_data(args.dir, 1_000_000, "1m")
    java = ["java", "-Xmx1g", "-jar", JAR]
    results = {"rows": args.rows, "runs": args.runs, "cpus": os.cpu_count(), "file": big,
               "file_bytes": os.path.getsize(big)}

    if not args.skip_sklearn:
        t, rss, _ = timed([PYTHON, os.path.join(SHARED, "sklearn_metrics.py"), big], args.runs)
        results["sklearn_pandas"] = {"seconds": round(t, 3), "peak_mib": rss, "cpu_seconds": LAST_CPU[0]}
    duck_jars = sorted(__import__("glob").glob(os.path.expanduser(
        "~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar")))
    if duck_jars:
        t, rss, _ = timed(["java", "-DPREDS=" + big, "-cp", duck_jars[-1], os.path.join(SHARED, "java", "DuckRun.java"),
                           os.path.join(SHARED, "sql", "duck_metrics.sql")], args.runs)
        results["duckdb"] = {"seconds": round(t, 3), "peak_mib": rss, "cpu_seconds": LAST_CPU[0]}
    t, rss, _ = timed(java + ["metrics", "--predictions", big, "--task", "binary", "--label", "label",
                              "--score", "pred_proba", "--sensitive", "group", "--format", "json"], args.runs)
    results["cd4ml_metrics_binary_fairness"] = {"seconds": round(t, 3), "peak_mib": rss, "cpu_seconds": LAST_CPU[0]}
    t2, rss2, _ = timed(java + ["metrics", "--predictions", big, "--task", "regression", "--label", "target",
                                "--prediction", "pred_value", "--sensitive", "group", "--format", "json"], args.runs)
    results["cd4ml_metrics_regression"] = {"seconds": round(t2, 3), "peak_mib": rss2, "cpu_seconds": LAST_CPU[0]}
    results["cd4ml_metrics_total"] = {"seconds": round(t + t2, 3)}
    # the same work as sklearn_metrics.py in one command: both evaluations from one read of the file
    t3, rss3, _ = timed(java + ["metrics", "--predictions", big, "--sensitive", "group", "--format", "json",
                                "--task", "binary", "--label", "label", "--score", "pred_proba",
                                "--task", "regression", "--label", "target", "--prediction", "pred_value"],
                        args.runs)
    results["cd4ml_metrics_one_read"] = {"seconds": round(t3, 3), "peak_mib": rss3, "cpu_seconds": LAST_CPU[0]}
    launcher = [os.path.join(ROOT, "cd4ml")]
    os.environ["CD4ML_JAVA_OPTS"] = "-Xmx1g"
    t4, rss4, _ = timed(launcher + ["metrics", "--predictions", big, "--sensitive", "group", "--format", "json",
                                    "--task", "binary", "--label", "label", "--score", "pred_proba",
                                    "--task", "regression", "--label", "target", "--prediction", "pred_value"],
                        args.runs)
    results["cd4ml_metrics_one_read_launcher"] = {"seconds": round(t4, 3), "peak_mib": rss4,
                                                  "cpu_seconds": LAST_CPU[0]}

    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as gates:
        gates.write(GATES)
    t, rss, out = timed(java + ["gate", "--predictions", small, "--gates", gates.name,
                                "--baseline-predictions", small, "--baseline-version", "self",
                                "--format", "json"], args.runs)
    results["cd4ml_gate_1m_1000_resamples_paired"] = {"seconds": round(t, 3), "peak_mib": rss,
                                                      "verdict": json.loads(out)["verdict"],
                                                      "cpu_seconds": LAST_CPU[0]}
    os.unlink(gates.name)
    if "sklearn_pandas" in results:
        results["speedup_vs_sklearn_two_commands"] = round(results["sklearn_pandas"]["seconds"]
                                                           / results["cd4ml_metrics_total"]["seconds"], 2)
        results["speedup_vs_sklearn"] = round(results["sklearn_pandas"]["seconds"]
                                              / results["cd4ml_metrics_one_read"]["seconds"], 2)
        results["speedup_vs_sklearn_launcher"] = round(results["sklearn_pandas"]["seconds"]
                                                       / results["cd4ml_metrics_one_read_launcher"]["seconds"], 2)
    if "duckdb" in results:
        results["ratio_to_duckdb_binary_fairness"] = round(results["cd4ml_metrics_binary_fairness"]["seconds"]
                                                           / results["duckdb"]["seconds"], 2)
    results["load_average_at_end"] = os.getloadavg()
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
