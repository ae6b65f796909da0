#!/usr/bin/python3
"""Compares a cd4ml validation report (JSON) with pandas_checks.py's output, check by check.

Usage: compare_checks.py CD4ML_JSON PANDAS_JSON  -> prints a table, exits 1 on any disagreement.
Row-level checks compare unexpected counts; aggregate checks (pandas reports 1 when violated)
compare the violation flag with cd4ml's status.
"""
import json
import sys

AGGREGATE = ("01_", "02_", "26_", "27_", "31_", "32_")


def main():
    ours = json.load(open(sys.argv[1]))
    theirs = json.load(open(sys.argv[2]))
    bad = 0
    for result in ours["results"]:
        name = result["name"]
        expected = theirs[name]
        if name.startswith(AGGREGATE):
            got = 0 if result["status"] == "PASSED" else 1
        else:
            got = result["unexpectedCount"]
        ok = got == expected
        bad += not ok
        print(f"{'ok ' if ok else 'BAD'} {name:40s} cd4ml={got:<10} pandas={expected}")
    print(f"{len(ours['results']) - bad} agree, {bad} disagree")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
