#!/usr/bin/env python3
"""Renders every example of the suites with md4c's own md2html and with
md_render --flavor=md4c --unsafe, and fails unless the two outputs are the
same bytes. spec_tests.py compares normalised HTML (whitespace, attribute
order and entity forms are forgiven); this pins the Md4cHtml flavor to
md4c-html's markup exactly.

Usage: byte_check.py --md-render PATH --md2html PATH --md4c-test-dir DIR --suite FILE=FLAGS...
(a FILE without a slash is looked up in the md4c test folder).
"""

import argparse
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--md-render", required=True)
    ap.add_argument("--md2html", required=True, help="md2html built from the same md4c source")
    ap.add_argument("--md4c-test-dir", required=True)
    ap.add_argument("--suite", action="append", required=True, metavar="FILE=FLAGS")
    args = ap.parse_args()

    sys.path.insert(0, args.md4c_test_dir)
    from spec_tests import get_tests  # md4c's suite parser

    def run(cmd, markdown):
        done = subprocess.run(cmd, input=markdown, capture_output=True)
        return done.returncode, done.stdout

    total = differing = 0
    for spec in args.suite:
        name, _, flag_text = spec.partition("=")
        flags = flag_text.split()
        path = name if os.sep in name else os.path.join(args.md4c_test_dir, name)
        tests = get_tests(path)
        suite_differing = 0
        for t in tests:
            markdown = t["markdown"].encode("utf-8")
            reference = run([args.md2html] + flags, markdown)
            ours = run([args.md_render, "--flavor=md4c", "--unsafe"] + flags, markdown)
            if reference != ours:
                suite_differing += 1
                sys.stdout.write("DIFF %s example %d (lines %d-%d)\nmarkdown: %r\nmd2html:  %r\nours:     %r\n\n"
                                 % (os.path.basename(path), t["example"], t["start_line"], t["end_line"],
                                    markdown, reference, ours))
        total += len(tests)
        differing += suite_differing
        print("  %-32s %4d examples, %4d byte-identical" % (os.path.basename(path), len(tests),
                                                            len(tests) - suite_differing))
    print("%d of %d examples byte-identical to md2html" % (total - differing, total))
    return 1 if differing or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
