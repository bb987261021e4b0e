#!/usr/bin/env python3
"""Which examples of md4c 0.5.3's suites md4c 0.4.8 renders differently (the
list in ../DIFFERENCES.md, "What md4c 0.5.3 changed"). A one-off record of the
upgrade, not a test: it needs Debian 12's libmd4c-html0-dev (0.4.8).

  apt-get install libmd4c-dev libmd4c-html0-dev
  gcc -O2 -o /tmp/md2html_system md2html_system.c -lmd4c-html -lmd4c
  python3 compare.py /tmp/md2html_system build/native/tests/conformance/md2html_reference deps/md4c-0.5.3/test
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from suites import suites  # noqa: E402

old, new, test_dir = sys.argv[1:4]
sys.path.insert(0, test_dir)
from normalize import normalize_html  # noqa: E402

files = sorted(f for f in os.listdir(test_dir) if f.endswith(".txt"))
total = 0
for name, examples in suites(test_dir, [f + "=" for f in files]):
    changed = []
    for t, flags in examples:
        md = t["markdown"].encode("utf-8")
        a = subprocess.run([old] + flags, input=md, capture_output=True).stdout.decode("utf-8", "replace")
        b = subprocess.run([new] + flags, input=md, capture_output=True).stdout.decode("utf-8", "replace")
        if a != b:
            changed.append("%d%s" % (t["example"], "" if normalize_html(a) == normalize_html(t["html"]) else "*"))
    total += len(changed)
    print("%-32s %4d examples, %3d changed: %s" % (name, len(examples), len(changed), " ".join(changed)))
print("%d examples changed (* = md4c 0.4.8 fails the example)" % total)
