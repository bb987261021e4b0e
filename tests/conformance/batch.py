"""Many renderings through one md_render process (md_render --batch): under
AddressSanitizer starting a process costs far more than rendering an example,
so the checkers send a whole suite at once.

render_batch(md_render, [(options, markdown_bytes)]) -> [(ok, output_bytes)]
in the same order; `ok` is False when md_render refused that input (its
message is the output).
"""

import subprocess


def render_batch(md_render, requests, base_options=()):
    records = bytearray()
    for options, markdown in requests:
        records += (" ".join(options) + "\n%d\n" % len(markdown)).encode("utf-8") + markdown
    done = subprocess.run([md_render, "--batch"] + list(base_options), input=bytes(records), capture_output=True)
    if done.returncode != 0:
        raise RuntimeError("md_render --batch exited with %d: %s"
                           % (done.returncode, done.stderr.decode("utf-8", "replace")))
    results, at, out = [], 0, done.stdout
    while at < len(out):
        end = out.index(b"\n", at)
        status, length = out[at:end].split()
        at = end + 1 + int(length)
        results.append((status == b"0", out[end + 1:at]))
    if len(results) != len(requests):
        raise RuntimeError("md_render --batch answered %d of %d inputs" % (len(results), len(requests)))
    return results
