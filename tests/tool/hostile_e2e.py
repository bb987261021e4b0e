#!/usr/bin/python3
"""`wasm-blog build` on hostile site folders, as a pull request to a blog's
repository could make them (issue 15; SECURITY.md, "The site folder"). Each
case builds a SITE in a temporary folder, beside a secret the build must not
publish, and runs the built binary with a wall-clock and a memory bound kept
by this harness (a run that passes either is killed and fails its case):
what is checked is the tool's answer (exit status, message, OUT), not how
fast it came. Python 3 from Debian only; prints each failed check and exits 1
when there is one.
Usage: /usr/bin/python3 hostile_e2e.py WASM_BLOG SOURCE_DIR"""
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

import e2e
from e2e import check, files_in, finish

e2e.TOOL, SOURCE = sys.argv[1], sys.argv[2]
# Generous bounds: an AddressSanitizer build runs this test too. The tool's
# own limits keep each case to well under a second and tens of MB.
SECONDS = 60
MAX_RSS_MB = 1536
SECRET = "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n"


def rss_mb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def bounded(args):
    """Runs the tool; returns (status, stdout, stderr). A run over SECONDS
    is killed, one over MAX_RSS_MB of resident memory fails its check."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([e2e.TOOL, *args], stdout=out, stderr=err)
        deadline = time.monotonic() + SECONDS
        status = None
        while status is None:
            pid, wstatus, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(wstatus)
                check(usage.ru_maxrss < MAX_RSS_MB * 1024,
                      "%s: %d MB of memory, more than %d" % (" ".join(args[:2]), usage.ru_maxrss // 1024, MAX_RSS_MB))
            elif rss_mb(p.pid) > MAX_RSS_MB:
                p.kill()
                os.wait4(p.pid, 0)
                check(False, "%s: more than %d MB of memory; killed" % (" ".join(args[:2]), MAX_RSS_MB))
                status = -signal.SIGKILL
            elif time.monotonic() > deadline:
                p.kill()
                os.wait4(p.pid, 0)
                check(False, "%s: still running after %d s; killed" % (" ".join(args[:2]), SECONDS))
                status = -signal.SIGKILL
            else:
                time.sleep(0.02)
        p.returncode = status
        out.seek(0), err.seek(0)
        return status, out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode) as f:
        f.write(text)


def post(title, extra="", body="Some words.\n"):
    return "---\ntitle: %s\ndate: 2024-01-02\n%s---\n%s" % (title, extra, body)


def published(folder, text):
    """Files under `folder` whose bytes hold `text`."""
    hits = []
    for f in files_in(folder):
        with open(os.path.join(folder, f), "rb") as fh:
            if text.encode() in fh.read():
                hits.append(f)
    return hits


with tempfile.TemporaryDirectory(prefix="wasm-blog-hostile-") as tmp:
    assets = os.path.join(tmp, "dist")
    for name in ["wasm-blog.js", "blog-core.wasm", "blog-core.js", "blog-full.wasm", "blog-full.js", "wasm-blog.css"]:
        write(os.path.join(assets, name), "//\n")
    n = [0]

    def site(files, config='baseURL = "https://example.org/"\ntitle = "Hostile"\n'):
        """A fresh SITE (and beside it ext/ with a private key): `files` maps
        paths below SITE to text, or to a callable that makes the path."""
        n[0] += 1
        root = os.path.join(tmp, "case%d" % n[0])
        write(os.path.join(root, "ext", "id_rsa"), SECRET)
        write(os.path.join(root, "ext", "hugo.toml"), 'baseURL = "https://evil.example/"\ntitle = "Outside title"\n')
        write(os.path.join(root, "ext", "a.md"), post("Outside post", body=SECRET))
        s = os.path.join(root, "site")
        os.makedirs(s)
        if config is not None:
            write(os.path.join(s, "hugo.toml"), config)
        for path, text in files.items():
            full = os.path.join(s, path)
            if callable(text):
                os.makedirs(os.path.dirname(full), exist_ok=True)
                text(full)
            else:
                write(full, text)
        return s, os.path.join(root, "out")

    def build(s, out, *more):
        return bounded(["build", s, out, "--assets", assets, *more])

    def link(target):
        return lambda path: os.symlink(target, path)

    # 1. Nothing outside SITE is read or published: a linked posts folder,
    #    content folder, config, post, bundle file or bundle index.
    for label, files, config, named in [
        ("content/posts linked outside", {"content/posts": link("../../ext")}, "", "content/posts"),
        ("content linked outside", {"content": link("../ext")}, "", "content"),
        ("posts/ linked outside (no content/)", {"posts": link("../ext")}, "", "/posts"),
        ("a post linked outside", {"content/posts/a.md": link("../../../ext/a.md"), "content/posts/b.md": post("B")},
         "", "content/posts/a.md"),
        ("a bundle's file linked outside", {"content/posts/trip/index.md": post("Trip"),
                                             "content/posts/trip/key.png": link("../../../../ext/id_rsa")},
         "", "content/posts/trip/key.png"),
        ("a bundle's index linked outside", {"content/posts/trip/index.md": link("../../../../ext/a.md")},
         "", "content/posts/trip/index.md"),
        ("a bundle's file linked to SITE/.git/config", {".git/config": "[http]\n\textraheader = " + SECRET,
                                                        "content/posts/trip/index.md": post("Trip"),
                                                        "content/posts/trip/notes.txt": link("../../../.git/config")},
         "", "content/posts/trip/notes.txt"),
        ("hugo.toml linked outside", {"hugo.toml": link("../ext/hugo.toml"), "content/posts/a.md": post("A")},
         None, "hugo.toml"),
    ]:
        s, out = site(files, 'baseURL = "https://example.org/"\n' if config == "" else config)
        code, stdout, stderr = build(s, out)
        check(code == 1, "%s: exit 1, got %d (%s)" % (label, code, stderr))
        check(named in stderr and ("a symbolic link that leaves the site folder; refused" in stderr
                                   or "a symbolic link to a hidden file or folder of the site" in stderr),
              "%s: the message names the link: %r" % (label, stderr))
        check(not os.path.exists(out), "%s: nothing is written" % label)
        check("Outside title" not in stderr + stdout, "%s: the outside config is not read" % label)

    # 2. Links that loop inside SITE: each real folder is read once.
    s, out = site({"content/posts/a.md": post("A"), "content/posts/l1": link("."), "content/posts/l2": link("."),
                   "content/posts/sub/l3": link("..")})
    code, stdout, stderr = build(s, out)
    check(code == 0, "symlink loops: exit 0, got %d (%s)" % (code, stderr))
    check(os.path.isfile(os.path.join(out, "posts", "a", "index.html")), "symlink loops: the post is built once")

    # 3. Parsers bounded: an alias bomb, deep nesting in each format.
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        "%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n" % ((chr(98 + i), chr(98 + i)) + (chr(97 + i),) * 10)
        for i in range(9))
    deep_json = "{\"title\": \"x\", \"a\": " + "[" * 100000 + "]" * 100000 + "}\n"
    deep_toml = "title = \"x\"\n" + ".".join(["a"] * 30000) + " = 1\n"
    for label, files, config, named in [
        ("a YAML alias bomb in front matter", {"content/posts/a.md": "---\ntitle: A\n" + bomb + "---\nx\n",
                                               "content/posts/b.md": post("B")}, "", "content/posts/a.md"),
        ("a YAML alias bomb in hugo.yaml", {"hugo.yaml": "baseURL: https://example.org/\n" + bomb,
                                            "content/posts/b.md": post("B")}, None, "hugo.yaml"),
        ("10^5 levels of [ in JSON front matter", {"content/posts/a.md": deep_json, "content/posts/b.md": post("B")},
         "", "content/posts/a.md"),
        ("10^5 levels of [ in hugo.json", {"hugo.json": "{\"baseURL\": \"https://example.org/\", \"a\": " +
                                           "[" * 100000 + "]" * 100000 + "}", "content/posts/b.md": post("B")},
         None, "hugo.json"),
        ("3x10^4 levels of TOML dotted keys", {"content/posts/a.md": "+++\n" + deep_toml + "+++\nx\n",
                                               "content/posts/b.md": post("B")}, "", "content/posts/a.md"),
    ]:
        s, out = site(files, 'baseURL = "https://example.org/"\n' if config == "" else config)
        code, stdout, stderr = build(s, out)
        check(code == 1, "%s: exit 1 with a message, got %d (%s)" % (label, code, stderr[-300:]))
        check(named in stderr, "%s: the message names the file: %r" % (label, stderr[-300:]))

    # 4. Sizes asked before reading: a 3 GB post (sparse) and a 2 MB config.
    def sparse(size):
        def make(path):
            with open(path, "wb") as f:
                f.truncate(size)
        return make
    s, out = site({"content/posts/huge.md": sparse(3 << 30), "content/posts/b.md": post("B")})
    code, stdout, stderr = build(s, out)
    check(code == 1 and "content/posts/huge.md: is 3072.0 MB, more than the 4.0 MB a post may have" in stderr,
          "a 3 GB post: its size in the message, got %d %r" % (code, stderr))
    s, out = site({"content/posts/b.md": post("B"), "hugo.toml": sparse(2 << 20)}, None)
    code, stdout, stderr = build(s, out)
    check(code == 1 and "hugo.toml: is 2.0 MB, more than the 1.0 MB a config file may have" in stderr,
          "a 2 MB config: its size in the message, got %d %r" % (code, stderr))

    # 5. Terms bounded per post, and the work per term linear.
    many = "tags:\n" + "".join("  - t%d\n" % i for i in range(100000))
    s, out = site({"content/posts/a.md": post("A", many), "content/posts/b.md": post("B")})
    code, stdout, stderr = build(s, out)
    check(code == 1 and re.search(r"content/posts/a\.md:[45]: tags: 100000 tags, more than the 100 a post may have",
                                  stderr) is not None,
          "10^5 tags on a post: the limit in the message, got %d %r" % (code, stderr[-300:]))
    hundred = "tags: [%s]\n" % ", ".join("t%d" % i for i in range(100))
    long_body = ("A line of a long post that goes on and on. " * 20 + "\n\n") * 2400  # ~2 MB
    s, out = site({"content/posts/a.md": post("A", hundred, long_body), "content/posts/b.md": post("B", hundred)})
    code, stdout, stderr = build(s, out)
    check(code == 0, "100 tags on a 2 MB post: builds, got %d (%s)" % (code, stderr[-300:]))
    if code == 0:
        total = sum(os.path.getsize(os.path.join(out, f)) for f in files_in(out))
        check(total < 64 << 20, "100 tags on a 2 MB post: OUT is %d MB, under 64 MB" % (total >> 20))
        with open(os.path.join(out, "index.xml"), encoding="utf-8") as f:
            check(f.read().count("on and on") > 40000, "the site's feed carries the long post in full")
        with open(os.path.join(out, "tags", "t7", "index.xml"), encoding="utf-8") as f:
            check(f.read().count("on and on") < 1000, "a tag's feed carries the long post's summary")

    # 6. Bundle files: only what cannot run script on the blog's origin.
    clean_svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>\n'
    bundle = {"content/posts/trip/index.md": post("Trip", body="![map](map.svg) ![lake](lake.png)\n"),
              "content/posts/trip/lake.png": "\x89PNG\r\n",
              "content/posts/trip/diagram.svg": clean_svg,
              "content/posts/trip/map.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>\n',
              "content/posts/trip/photos.html": "<script>localStorage.x=1</script>\n",
              "content/posts/trip/sw.js": "self.addEventListener('fetch', () => {})\n",
              "content/posts/trip/notes.txt": "plain\n"}
    s, out = site(bundle)
    code, stdout, stderr = build(s, out)
    check(code == 0, "a bundle with active files: builds, got %d (%s)" % (code, stderr))
    files = files_in(out)
    for f in ["posts/trip/lake.png", "posts/trip/diagram.svg", "posts/trip/notes.txt"]:
        check(f in files, "a bundle: %s is published" % f)
    for f in ["posts/trip/map.svg", "posts/trip/photos.html", "posts/trip/sw.js"]:
        check(f not in files, "a bundle: %s is not published" % f)
        check("content/posts/%s: warning: not published: " % f[len("posts/"):] in stderr,
              "a bundle: %s is reported: %r" % (f, stderr))
    check("an event handler (onload)" in stderr, "a bundle: the SVG's reason is given: %r" % stderr)
    s, out = site(bundle, 'baseURL = "https://example.org/"\n[params.wasmBlog]\npublishActiveFiles = true\n')
    code, stdout, stderr = build(s, out)
    files = files_in(out)
    check(code == 0 and all(f in files for f in ["posts/trip/map.svg", "posts/trip/photos.html", "posts/trip/sw.js"]),
          "a bundle with publishActiveFiles: every file is published, got %d %r" % (code, stderr))
    check(stderr.count("published because params.wasmBlog.publishActiveFiles is set") == 3,
          "a bundle with publishActiveFiles: each active file is reported: %r" % stderr)

    # 7. Terminal escape bytes in file names and image targets are printed escaped.
    #    (The image's target is in <>: CommonMark allows control bytes there,
    #    so the missing image is a warning that names both.)
    s, out = site({"content/posts/evil\x1b[2J\x1b]0;pwned\x07.md": post("E", body="![x](<\x1b[31mred.png>)\n")})
    code, stdout, stderr = build(s, out)
    check("\x1b" not in stderr and "\x07" not in stderr, "escape bytes never reach stderr raw: %r" % stderr)
    check("evil\\x1B[2J\\x1B]0;pwned\\x07.md" in stderr, "the escaped name is readable: %r" % stderr)
    check('image "\\x1B[31mred.png"' in stderr, "the escaped image target is readable: %r" % stderr)

    # 8. Characters XML 1.0 forbids, in the site's title and a post's text:
    #    every feed and the sitemap still read as well-formed. The post's
    #    front matter is TOML: YAML (as Hugo) refuses U+FFFE and U+FFFF.
    s, out = site({"content/posts/a.md": "+++\ntitle = \"Bad \ufffe title\"\ndate = 2024-01-02\n"
                                         "tags = [\"x\uffffy\", \"plain\"]\n+++\n"
                                         "Text with \ufffe and \uffff and \x01 in it.\n",
                   "content/posts/b.md": post("B", "tags: [plain]\n")},
                  'baseURL = "https://example.org/"\ntitle = "Site \uffff title"\n')
    code, stdout, stderr = build(s, out)
    check(code == 0, "forbidden XML characters: builds, got %d (%s)" % (code, stderr))
    feeds = [f for f in files_in(out) if f.endswith(".xml")]
    check(len(feeds) >= 4, "forbidden XML characters: the feeds and the sitemap are written: %r" % feeds)
    for f in feeds:
        if f == "sitemap.xml":
            import xml.dom.minidom
            try:
                xml.dom.minidom.parse(os.path.join(out, f))
            except Exception as e:  # noqa: BLE001 - any parse error fails the check
                check(False, "forbidden XML characters: sitemap.xml is well-formed: %s" % e)
            continue
        r = subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "tests", "feed_check.py"), os.path.join(out, f)],
                           capture_output=True, text=True)
        check(r.returncode == 0, "forbidden XML characters: feedparser reads %s: %s" % (f, r.stdout + r.stderr))

    # Nothing of ext/ (the secret) in any OUT of any case.
    for d in os.listdir(tmp):
        o = os.path.join(tmp, d, "out")
        if os.path.isdir(o):
            check(not published(o, "BEGIN OPENSSH PRIVATE KEY"), "%s: the secret is not published" % d)

finish()
