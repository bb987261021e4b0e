"""Shared by the tool's end-to-end tests (build_e2e.py, index_e2e.py): checks
that print each failure and count it, and the built binary run as a blogger
runs it. Set TOOL first; finish() exits 1 when a check failed."""
import os
import subprocess
import sys

TOOL = None
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL: " + what)


def run(*args):
    p = subprocess.run([TOOL, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def files_in(folder):
    """Every file below `folder`, as paths relative to it."""
    out = set()
    for d, _, names in os.walk(folder):
        for n in names:
            out.add(os.path.relpath(os.path.join(d, n), folder))
    return out


def finish():
    sys.exit(1 if failures else 0)
