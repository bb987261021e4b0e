#!/usr/bin/env python3
"""md4c's pathological inputs (test/pathological-tests.py), every case at its
full size, through md_render, each with a time limit:

1. as md4c runs them: md4c-html's markup, the case's own flags, our output
   limit off; the output must match md4c's expected pattern;
2. as a reader's browser gets them: the blog flavor, safe, the blog's parser
   flags (GitHub dialect + LaTeX math) and our limits on; md_render must end
   within the limit, with HTML or with the "output-limit" stop (SECURITY.md).

Usage: pathological.py --md-render PATH --md4c-test-dir DIR (--list | --all | --case NAME...) [--seconds S]
The limit is --seconds (default: $PATHOLOGICAL_SECONDS, else 5) per run.
Every case runs in one process (--all), as CTest runs them: a process per
case spent half its time starting Python and reading md4c's table.
"""

import argparse
import os
import re
import subprocess
import sys
import time

BLOG_FLAGS = ["--ftables", "--fstrikethrough", "--ftasklists", "--fpermissive-url-autolinks",
              "--fpermissive-www-autolinks", "--fpermissive-email-autolinks", "--flatex-math"]


def load_cases(md4c_test_dir):
    """md4c's `pathological` table, read from its script without running it."""
    path = os.path.join(md4c_test_dir, "pathological-tests.py")
    with open(path, encoding="utf-8") as f:
        source = f.read()
    table = source[source.index("pathological = {"):source.index("whitespace_re")]
    scope = {"re": re}
    exec(table, scope)
    return scope["pathological"]


def run(cmd, text, seconds):
    start = time.monotonic()
    try:
        done = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        return None, time.monotonic() - start
    return done, time.monotonic() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--md-render", required=True)
    ap.add_argument("--md4c-test-dir", required=True)
    ap.add_argument("--list", action="store_true", help="print the case names, one per line")
    ap.add_argument("--case", action="append", default=[], help="a case's name (repeatable)")
    ap.add_argument("--all", action="store_true", help="every case")
    ap.add_argument("--seconds", type=float, default=float(os.environ.get("PATHOLOGICAL_SECONDS", "5")))
    args = ap.parse_args()

    cases = load_cases(args.md4c_test_dir)
    if args.list:
        print("\n".join(cases))
        return 0
    names = list(cases) if args.all else args.case
    if not names:
        print("name a case (--case NAME) or run them all (--all)")
        return 1
    failures = []
    for name in names:
        if name not in cases:
            failures.append("%s: no such case in md4c's pathological tests" % name)
            continue
        failures += ["%s: %s" % (name, f) for f in check(name, cases[name], args.md_render, args.seconds)]
    for f in failures:
        print("FAIL %s" % f)
    print("%d cases, %d failures" % (len(names), len(failures)))
    return 1 if failures else 0


def check(name, case, md_render, seconds):
    """The case in both flavors; what went wrong, if anything."""
    text, pattern = case[0], case[1]
    flags = case[2].split() if len(case) > 2 else []
    failures = []

    done, took = run([md_render, "--flavor=md4c", "--unsafe", "--max-output-factor=0"] + flags, text, seconds)
    if done is None:
        failures.append("md4c-html markup: no result within %.1f s" % seconds)
    elif done.returncode != 0:
        failures.append("md4c-html markup: exit %d: %s" % (done.returncode, done.stderr.decode("utf-8", "replace")))
    elif not pattern.search(done.stdout.decode("utf-8", "replace")):
        failures.append("md4c-html markup: the output does not match md4c's expected pattern")
    else:
        print("%-40s md4c-html markup   %7.3f s  %9d bytes in, %9d bytes out"
              % (name, took, len(text.encode("utf-8")), len(done.stdout)))

    done, took = run([md_render, "--flavor=blog"] + BLOG_FLAGS, text, seconds)
    if done is None:
        failures.append("blog flavor: no result within %.1f s" % seconds)
    elif done.returncode != 0 and b"output-limit" not in done.stderr:
        failures.append("blog flavor: exit %d: %s" % (done.returncode, done.stderr.decode("utf-8", "replace")))
    else:
        outcome = "%9d bytes out" % len(done.stdout) if done.returncode == 0 else "stopped by the output limit"
        print("%-40s blog flavor, limits %7.3f s  %s" % (name, took, outcome))
    return failures


if __name__ == "__main__":
    sys.exit(main())
