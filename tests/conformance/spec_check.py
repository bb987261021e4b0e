#!/usr/bin/env python3
"""md4c's suite runner (test/run-testsuite.py) with one md_render process per
suite: each example is rendered by md_render --flavor=md4c --unsafe with its
flags and compared with the suite's expected HTML through md4c's own
normaliser, as run-testsuite.py compares them; a failure prints the example
and a diff. Same summary line as md4c's runner.

Usage: spec_check.py --md-render PATH --md4c-test-dir DIR --suite FILE=FLAGS
"""

import argparse
import os
import sys
from difflib import unified_diff


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--md-render", required=True)
    ap.add_argument("--md4c-test-dir", required=True)
    ap.add_argument("--suite", required=True, metavar="FILE=FLAGS")
    args = ap.parse_args()

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from batch import render_batch
    from suites import suites
    sys.path.insert(0, args.md4c_test_dir)
    from normalize import normalize_html

    [(name, examples)] = list(suites(args.md4c_test_dir, [args.suite]))
    results = render_batch(args.md_render, [(flags, t["markdown"].encode("utf-8")) for t, flags in examples],
                           ["--flavor=md4c", "--unsafe"])
    counts = {"pass": 0, "fail": 0, "error": 0}
    for (t, _), (ok, output) in zip(examples, results):
        header = "Example %d (lines %d-%d) %s\n" % (t["example"], t["start_line"], t["end_line"], t["section"])
        if not ok:
            sys.stdout.write(header + "md_render refused it: %s\n\n" % output.decode("utf-8", "replace"))
            counts["error"] += 1
            continue
        actual, expected = output.decode("utf-8", "replace"), t["html"]
        if t["no_normalize"]:
            passed = actual == expected
        else:
            passed = normalize_html(actual) == normalize_html(expected)
        if passed:
            counts["pass"] += 1
            continue
        counts["fail"] += 1
        sys.stdout.write(header + t["markdown"] + "\n")
        sys.stdout.writelines(unified_diff(expected.splitlines(True), actual.splitlines(True),
                                           "expected HTML", "actual HTML"))
        sys.stdout.write("\n")
    print("%s: {pass} passed, {fail} failed, {error} errored, 0 skipped".format(**counts) % name)
    return 1 if counts["fail"] or counts["error"] or not counts["pass"] else 0


if __name__ == "__main__":
    sys.exit(main())
