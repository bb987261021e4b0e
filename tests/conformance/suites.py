"""md4c's suite files as our checkers read them: md4c's own parser of the
format (test/run-testsuite.py's get_tests), and each example's md2html flags.

Since md4c 0.5, an example may carry its own flags (a third section after a
second "."); an example without them takes the flags given for its suite on
our command line (`--suite FILE=FLAGS`), as our hostile-input.txt does.
"""

import importlib.util
import os
import sys


def load_get_tests(md4c_test_dir):
    if md4c_test_dir not in sys.path:
        sys.path.insert(0, md4c_test_dir)  # run-testsuite.py imports its neighbours
    spec = importlib.util.spec_from_file_location("md4c_run_testsuite",
                                                  os.path.join(md4c_test_dir, "run-testsuite.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # its argument parsing only runs under __main__
    return module.get_tests


def suites(md4c_test_dir, suite_args):
    """Yields (suite name, [(test, flags)]) for every --suite FILE=FLAGS."""
    get_tests = load_get_tests(md4c_test_dir)
    for spec in suite_args:
        name, _, default_flags = spec.partition("=")
        path = name if os.sep in name else os.path.join(md4c_test_dir, name)
        examples = []
        for t in get_tests(path):
            own = t["cmdline_options"].split()
            examples.append((t, own if own else default_flags.split()))
        yield os.path.basename(path), examples
