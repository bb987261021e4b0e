#!/usr/bin/python3
"""`wasm-blog build` end to end, as a blogger runs it: the built binary on the
fixture sites (tests/fixtures/), its exit codes, what it writes to stdout and
stderr, the files in OUT, and the RSS feed read by Debian's python3-feedparser
(tests/feed_check.py). Python 3 from Debian only; prints each failed check
and exits 1 when there is one.
Usage: /usr/bin/python3 build_e2e.py WASM_BLOG SOURCE_DIR"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import e2e
from e2e import check, files_in, finish, run

e2e.TOOL, SOURCE = sys.argv[1], sys.argv[2]
FIXTURES = os.path.join(SOURCE, "tests", "fixtures")



def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


with tempfile.TemporaryDirectory(prefix="wasm-blog-build-e2e-") as tmp:
    # A stand-in for `make dist`: the widget's files and the sample the build leaves out.
    assets = os.path.join(tmp, "dist")
    os.makedirs(os.path.join(assets, "posts"))
    for name, text in [("wasm-blog.js", "// widget\n"), ("blog-core.wasm", "\0asm"), ("blog-core.js", "//\n"),
                       ("blog-full.wasm", "\0asm"), ("blog-full.js", "//\n"),
                       ("wasm-blog.css", "/* css */\n"), ("index.html", "<!doctype html>sample\n"),
                       ("posts/index.json", "{\"posts\": []}\n")]:
        with open(os.path.join(assets, name), "w") as f:
            f.write(text)
    site = os.path.join(FIXTURES, "hugo-site")
    out = os.path.join(tmp, "public")

    # The fixture site: exit 0, the summary on stdout, nothing on stderr (its figure shortcode is rendered).
    code, stdout, stderr = run("build", site, out, "--assets", assets)
    check(code == 0, "build exits 0, got %d (%s)" % (code, stderr))
    # 2 redirects: the alias /2024/first-light/ and the section's list page /posts/ (to the home list)
    check(re.fullmatch(r"wasm-blog build: 4 posts, 14 pages, 2 redirects, 5 feeds into %s \(\d+\.\d\d s\)\n"
                       % re.escape(out), stdout) is not None, "the summary line, got %r" % stdout)
    check(stderr == "", "stderr is empty: %r" % stderr)
    check('<figure><img src="/' in open(os.path.join(out, "posts/in-toml/index.html"), encoding="utf-8").read(),
          "the post shows its figure")
    files = files_in(out)
    for f in ["index.html", "404.html", "posts/first-light/index.html", "posts/in-toml/index.html",
              "posts/my-trip/index.html", "posts/my-trip/lake.png", "posts/my-trip/index.md", "posts/index.json",
              "tags/index.html", "archive/index.html", "search/index.html", "tags/formats/index.html", "tags/formats/index.xml", "categories/index.html", "categories/notes/index.html",
              "categories/notes/index.xml", "index.xml", "sitemap.xml",
              "robots.txt", "2024/first-light/index.html", "posts/index.html", "wasm-blog.js", "blog-core.wasm",
              "blog-full.wasm"]:
        check(f in files, "OUT has " + f)
    for f in ["posts/draft-post/secret.jpg", "posts/draft-post/index.html", "posts/future-post/plan.jpg",
              "posts/_index.md"]:
        check(f not in files, "OUT has no " + f)
    check("sample" not in read(os.path.join(out, "index.html")), "the sample's index.html is not copied")
    check('<meta http-equiv="refresh" content="0; url=https://example.org/blog/">' in
          read(os.path.join(out, "posts/index.html")), "the section's list page /posts/ redirects to the home list")
    page = read(os.path.join(out, "posts/first-light/index.html"))
    check('<link rel="canonical" href="https://example.org/blog/posts/first-light/">' in page, "the canonical URL")
    check('<wasm-blog src="/blog/posts/index.json" routing="path" root="/blog/" page-size="5" data-kind="post" data-engine="full">' in page,
          "the widget's element")

    # The feed parses with a real feed reader's parser (bozo == 0), with absolute links.
    feed = subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "tests", "feed_check.py"),
                           os.path.join(out, "index.xml")], capture_output=True, text=True)
    check(feed.returncode == 0, "feedparser reads index.xml: " + feed.stdout + feed.stderr)
    check("title: Field Notes\nlink: https://example.org/blog/\n" in feed.stdout, "the feed's title and link")
    check("entry: First light | https://example.org/blog/posts/first-light/ |" in feed.stdout, "the feed's entries")
    tag_feed = subprocess.run(["/usr/bin/python3", os.path.join(SOURCE, "tests", "feed_check.py"),
                               os.path.join(out, "tags", "formats", "index.xml")], capture_output=True, text=True)
    check(tag_feed.returncode == 0 and "https://example.org/blog/posts/in-toml/" in tag_feed.stdout,
          "feedparser reads the tag feed: " + tag_feed.stdout)

    # --base-url, --drafts, --future; the previous OUT is replaced.
    code, stdout, stderr = run("build", site, out, "--assets=" + assets, "--base-url", "http://localhost:8000",
                               "--drafts", "--future")
    check(code == 0, "build --drafts --future exits 0")
    check(stdout.startswith("wasm-blog build: 6 posts, "), "6 posts with drafts and future ones: %r" % stdout)
    check(os.path.isfile(os.path.join(out, "posts/draft-post/secret.jpg")), "a draft's image with --drafts")
    check("http://localhost:8000/posts/first-light/" in read(os.path.join(out, "sitemap.xml")), "--base-url is used")
    check(not [n for n in os.listdir(tmp) if n.startswith(".")], "no temporary folder left: %s" % os.listdir(tmp))

    # A broken site: exit 1, the error at the line of the "[" never closed, the count, OUT as it was.
    with open(os.path.join(out, "marker"), "w") as f:
        f.write("kept")
    before = files_in(out)
    broken = os.path.join(FIXTURES, "hugo-site-broken")
    code, stdout, stderr = run("build", broken, out, "--assets", assets, "--base-url", "https://example.org/")
    check(code == 1, "a broken site exits 1, got %d" % code)
    check(stdout == "", "nothing on stdout for a broken site")
    check(stderr == broken + '/content/posts/bad.md:3: YAML front matter: unterminated list: the "[" on this line '
          "is never closed\nwasm-blog build: 1 error, 0 warnings\n", "the broken site's error: %r" % stderr)
    check(files_in(out) == before and read(os.path.join(out, "marker")) == "kept", "OUT is untouched")

    # Refusals, each with its message and nothing written.
    code, _, stderr = run("build", site, out, "--assets", assets, "--base-url", "ftp://x")
    check(code == 1 and stderr.endswith('wasm-blog build: --base-url "ftp://x": the base URL must be an absolute '
                                        'http(s) URL such as https://example.com/blog/\n'
                                        'wasm-blog build: 1 error, 0 warnings\n'),
          "a non-http base URL is refused: %r" % stderr)
    nobase = os.path.join(tmp, "nobase")
    os.makedirs(os.path.join(nobase, "content", "posts"))
    with open(os.path.join(nobase, "hugo.yaml"), "w") as f:
        f.write("title: No base\n")
    with open(os.path.join(nobase, "content", "posts", "a.md"), "w") as f:
        f.write("---\ntitle: A\n---\nText.\n")
    code, _, stderr = run("build", nobase, os.path.join(tmp, "other"), "--assets", assets)
    check(code == 1 and stderr == "wasm-blog build: no base URL: set baseURL in %s/hugo.yaml or pass --base-url URL "
          "(the base URL must be an absolute http(s) URL such as https://example.com/blog/)\n"
          "wasm-blog build: 1 error, 0 warnings\n" % nobase
          and not os.path.exists(os.path.join(tmp, "other")), "no base URL: exit 1, nothing written: %r" % stderr)
    copy = os.path.join(tmp, "site")
    shutil.copytree(site, copy)
    for bad_out, why in [(copy, "is SITE itself"), (tmp, "contains SITE"),
                         (os.path.join(copy, "content", "x"), "is inside SITE's content folder")]:
        code, _, stderr = run("build", copy, bad_out, "--assets", assets)
        check(code == 1 and why in stderr, "OUT %s is refused: %r" % (why, stderr))
    check(files_in(copy) == files_in(site), "the site copy is untouched")
    code, _, stderr = run("build", site, os.path.join(tmp, "x"), "--assets", os.path.join(tmp, "nowhere"))
    check(code == 1 and stderr.endswith(" has no wasm-blog.js: run make dist first, or pass --assets DIR\n"
                                        "wasm-blog build: 1 error, 0 warnings\n"),
          "assets without the widget are refused: %r" % stderr)

    # A missing image: a warning with its line from build (which goes on) and from index --check.
    trip = os.path.join(tmp, "trip-site")
    os.makedirs(os.path.join(trip, "content", "posts", "trip"))
    with open(os.path.join(trip, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.org/"\ntitle = "Trip"\n')
    with open(os.path.join(trip, "content", "posts", "trip", "index.md"), "w") as f:
        f.write("---\ntitle: Trip\n---\nIntro.\n\n![Gone](missing.png)\n")
    warning = (trip + '/content/posts/trip/index.md:6: warning: image "missing.png" is not in the site '
               "(the page shows a broken image)\n")
    code, _, stderr = run("build", trip, os.path.join(tmp, "trip-out"), "--assets", assets)
    check(code == 0 and stderr == warning + "wasm-blog build: 0 errors, 1 warning\n" and os.path.isfile(os.path.join(tmp, "trip-out", "posts", "trip",
                                                                          "index.html")),
          "a missing image is a warning and the build goes on: %r" % stderr)
    code, stdout, stderr = run("index", trip, "--check")
    check(code == 1 and stdout == "" and stderr == warning + "wasm-blog index: 0 errors, 1 warning\n",
          "index --check reports the missing image, then the count: %r" % stderr)
    code, stdout, stderr = run("index", trip)
    check(code == 0 and stdout != "" and stderr == warning + "wasm-blog index: 0 errors, 1 warning\n",
          "index reports the missing image and the count, and writes the index: %r" % stderr)
    code, stdout, stderr = run("index", broken, "--check")
    check(code == 1 and stdout == "" and stderr.endswith("\nwasm-blog index: 1 error, 0 warnings\n"),
          "index --check on a broken site ends with the count: %r" % stderr)

    # Usage: --help documents every option; a missing OUT is a usage error.
    code, stdout, _ = run("build", "--help")
    check(code == 0 and all(o in stdout for o in ["--base-url URL", "--drafts", "--future", "--expired",
                                                   "--assets DIR"]), "build --help documents every option")
    code, stdout, _ = run("--help")
    check(code == 0 and "build SITE OUT" in stdout, "the usage names build")
    code, _, stderr = run("build", site)
    check(code == 2 and "SITE and OUT are needed" in stderr, "a missing OUT is a usage error: %r" % stderr)

finish()
