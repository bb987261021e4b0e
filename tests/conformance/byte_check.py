#!/usr/bin/env python3
"""Renders every example of the suites with md4c-html itself (md_html, as
md2html calls it: md_render --flavor=md4c-html) and with md_render
--flavor=md4c --unsafe, and fails unless the two outputs are the same bytes.
Both run in one md_render process (--batch); md2html itself renders the
first SAMPLE examples of each suite and the regressions, which pins the
in-process reference to md2html's output. spec_tests.py compares normalised HTML (whitespace, attribute
order and entity forms are forgiven); this pins the Md4cHtml flavor to
md4c-html's markup exactly.

Besides the suites it runs REGRESSIONS (inputs no suite file can hold) the
same way, and checks KNOWN_DIFFERENCES: where we differ from md4c-html 0.5.3
on purpose (DIFFERENCES.md), our output is the one listed and md2html's is not.

Usage: byte_check.py --md-render PATH --md2html PATH --md4c-test-dir DIR --suite FILE=FLAGS...
(a FILE without a slash is looked up in the md4c test folder).
"""

import argparse
import os
import subprocess
import sys

# NUL bytes cannot be written in a suite file. md4c 0.4.8 hands a NUL on in
# the text after its MD_TEXT_NULLCHAR (and in code spans); md4c-html drops it.
REGRESSIONS = [
    ("a NUL byte in a code span is dropped", b"`a\x00b`\n"),
    ("a NUL byte in a code block is replaced once, not kept", b"\t\x00x\n"),
    ("a NUL in a link destination is written as U+FFFD, not percent-encoded", b"[a](<b\x00c>)\n"),
    ("a NUL in an image source is written as U+FFFD, not percent-encoded", b"![a](<b\x00c>)\n"),
    ("a NUL in a link reference definition's destination", b"[a]\n\n[a]: <b\x00c>\n"),
]

# Examples of each suite also rendered by md2html itself, one process each.
SAMPLE = 10

# (what, markdown, our output); see DIFFERENCES.md, "md4c-html flavor".
KNOWN_DIFFERENCES = [
    ("a numeric reference to a surrogate is U+FFFD, not invalid UTF-8 (CommonMark: invalid code points)",
     b"&#xD800; &#55296; &#xDFFF;\n", "<p>\ufffd \ufffd \ufffd</p>\n".encode("utf-8")),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--md-render", required=True)
    ap.add_argument("--md2html", required=True, help="md2html built from the same md4c source")
    ap.add_argument("--md4c-test-dir", required=True)
    ap.add_argument("--suite", action="append", required=True, metavar="FILE=FLAGS")
    args = ap.parse_args()

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from suites import suites

    from batch import render_batch

    def run(cmd, markdown):
        done = subprocess.run(cmd, input=markdown, capture_output=True)
        return done.returncode, done.stdout

    def same_bytes(label, markdown, flags):
        reference = run([args.md2html] + flags, markdown)
        ours = run([args.md_render, "--flavor=md4c", "--unsafe"] + flags, markdown)
        if reference != ours:
            print("DIFF %s\nmarkdown: %r\nmd2html:  %r\nours:     %r\n" % (label, markdown, reference, ours))
        return reference == ours

    groups = []  # (name, examples, byte-identical)
    for name, examples in suites(args.md4c_test_dir, args.suite):
        requests = []
        for t, flags in examples:
            markdown = t["markdown"].encode("utf-8")
            requests += [(["--flavor=md4c-html"] + flags, markdown), (["--flavor=md4c", "--unsafe"] + flags, markdown)]
        results = render_batch(args.md_render, requests)
        same = 0
        for i, (t, flags) in enumerate(examples):
            reference, ours = results[2 * i], results[2 * i + 1]
            label = "%s example %d (lines %d-%d)" % (name, t["example"], t["start_line"], t["end_line"])
            if reference == ours:
                same += 1
            else:
                print("DIFF %s\nmarkdown: %r\nmd4c-html: %r\nours:      %r\n" % (label, t["markdown"], reference, ours))
            if i < SAMPLE and run([args.md2html] + flags, t["markdown"].encode("utf-8")) != (0, reference[1]):
                same -= 1
                print("REFERENCE %s: md_render --flavor=md4c-html is not md2html's output\n" % label)
        groups.append((name, len(examples), same))
    same = sum(same_bytes("regression: " + what, markdown, []) for what, markdown in REGRESSIONS)
    groups.append(("regressions (NUL bytes)", len(REGRESSIONS), same))

    unexpected = 0
    for what, markdown, wanted in KNOWN_DIFFERENCES:
        reference = run([args.md2html], markdown)[1]
        ours = run([args.md_render, "--flavor=md4c", "--unsafe"], markdown)[1]
        if ours != wanted or reference == wanted:
            unexpected += 1
            print("KNOWN DIFFERENCE no longer as listed: %s\nmarkdown: %r\nwanted:   %r\nmd2html:  %r\nours:     %r\n"
                  % (what, markdown, wanted, reference, ours))

    for name, count, same in groups:
        print("  %-32s %4d examples, %4d byte-identical" % (name, count, same))
    total = sum(g[1] for g in groups)
    identical = sum(g[2] for g in groups)
    print("%d of %d examples byte-identical to md2html" % (identical, total))
    print("%d known differences from md2html (DIFFERENCES.md), %d not as listed" % (len(KNOWN_DIFFERENCES), unexpected))
    return 0 if identical == total and total > 0 and unexpected == 0 else 1

if __name__ == "__main__":
    sys.exit(main())
