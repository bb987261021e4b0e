#!/usr/bin/python3
"""`wasm-blog index --out` and the paged index's options (docs/index-schema.md, "A big blog:
the paged index"), as a blogger runs them: the built binary on generated
sites, its exit codes, messages and files. Python 3 from Debian only; prints
each failed check and exits 1 when there is one.
Usage: /usr/bin/python3 index_e2e.py WASM_BLOG"""
import json
import os
import subprocess
import sys
import tempfile

import e2e
from e2e import check, finish, run

e2e.TOOL = sys.argv[1]



def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def site_of(root, n):
    """A site of n posts: every 10th hidden from the home list."""
    posts = os.path.join(root, "content", "posts")
    os.makedirs(posts)
    with open(os.path.join(root, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.org/"\ntitle = "Many"\n')
    for i in range(1, n + 1):
        with open(os.path.join(posts, "p%05d.md" % i), "w") as f:
            f.write("---\ntitle: P%d\ndate: %d-%02d-%02d\n%s---\nPost %d.\n"
                    % (i, 2000 + i % 25, 1 + i % 12, 1 + i % 28, "hiddenInHomeList: true\n" if i % 10 == 0 else "", i))
    return root


def entries(folder):
    """index.json's and its parts' entries, in order, and index.json itself."""
    first = load(os.path.join(folder, "index.json"))
    posts = list(first["posts"])
    for name in first.get("parts", []):
        part = load(os.path.join(folder, name))
        check(list(part) == ["posts"], "%s holds only posts: %s" % (name, list(part)))
        posts += part["posts"]
    return posts, first


with tempfile.TemporaryDirectory(prefix="wasm-blog-index-e2e-") as tmp:
    big = site_of(os.path.join(tmp, "big"), 1001)

    # stdout: one file whatever the size, as before (make-dist.sh reads it).
    code, stdout, stderr = run("index", big)
    check(code == 0 and stderr == "", "index exits 0: %d %r" % (code, stderr))
    whole = json.loads(stdout)
    check(len(whole["posts"]) == 1001 and "parts" not in whole and "total" not in whole,
          "stdout has the single-file index")

    # --out DIR: paged by default above 200 posts, 100 then parts of 2,000.
    out = os.path.join(tmp, "out", "posts")
    code, stdout, stderr = run("index", big, "--out", out)
    check(code == 0 and stderr == "", "index --out exits 0: %d %r" % (code, stderr))
    check(stdout == "wasm-blog index: 1001 posts into %s/index.json and 1 part beside it, its search index in %s/search\n"
          % (out, out), "the summary line: %r" % stdout)
    check(sorted(os.listdir(out)) == ["index-2.json", "index.json", "search"],
          "DIR has index.json, index-2.json and search/: %s" % sorted(os.listdir(out)))
    posts, first = entries(out)
    check(len(first["posts"]) == 100 and first["parts"] == ["index-2.json"], "index.json: 100 posts, one part")
    check(first["total"] == 1001 - 100, "total counts every post but the hidden ones: %s" % first.get("total"))
    check(posts == whole["posts"], "the files' entries, in order, are the single file's")
    check({k: v for k, v in first.items() if k not in ("posts", "parts", "total", "search")} ==
          {k: v for k, v in whole.items() if k != "posts"}, "index.json has the site's fields")

    # The full-text search index beside index.json: the manifest index.json
    # names, every shard it lists, a file per post; an old run's shards removed.
    manifest = load(os.path.join(out, first["search"]))
    check(first["search"] == "search/manifest.json" and manifest["docs"] == 1001 and len(manifest["slugs"]) == 1001,
          "the manifest counts every post: %s" % first.get("search"))
    check([s["slug"] for s in posts] == manifest["slugs"], "the search index numbers the posts in the index's order")
    shards = sorted(os.listdir(os.path.join(out, "search", "t")))
    check(shards == sorted(f[2:] for f in manifest["files"]), "search/t/ holds the manifest's shards and no other")
    check(len(os.listdir(os.path.join(out, "search", "d"))) == 1001, "search/d/ has a file per post")
    with open(os.path.join(out, "search", "t", "stale.txt"), "w") as f:
        f.write("old")
    run("index", big, "--out", out)
    check(not os.path.exists(os.path.join(out, "search", "t", "stale.txt")), "a shard of an earlier run is removed")

    # wasm-blog search: the posts a reader finds, ranked by the same code as the search screen.
    code, stdout, stderr = run("search", out, "P517")
    lines = stdout.splitlines()
    check(code == 0 and lines[0] == "1 post found" and lines[1].split()[2:] == ["p00517", "P517"],
          "search finds a post by its title: %r %r" % (stdout, stderr))
    proc = subprocess.run([e2e.TOOL, "search", out, "--batch", "--limit", "3"], input="P12 \npost 999\nnothing-here\n",
                          capture_output=True, text=True)
    check(proc.returncode == 0 and proc.stdout.splitlines() == ["p00012", "p00999", ""],
          "search --batch answers a line per query (a last word followed by a space is no prefix): %r %r" % (proc.stdout, proc.stderr))
    proc = subprocess.run([e2e.TOOL, "search", out, "--batch", "--json"], input="P12 \n", capture_output=True, text=True)
    answer = json.loads(proc.stdout.splitlines()[0]) if proc.returncode == 0 and proc.stdout else {}
    check(answer.get("slugs") == ["p00012"] and answer.get("docs") == [posts.index(next(p for p in posts if p["slug"] == "p00012"))]
          and all(f.startswith("t/") for f in answer.get("shards", [None])) and isinstance(answer.get("ms"), float),
          "search --batch --json gives the slugs, post numbers, shards read and time: %r %r" % (proc.stdout, proc.stderr))
    code, _, stderr = run("search", os.path.join(tmp, "nowhere"), "x")
    check(code == 1 and "nowhere/search/manifest.json cannot be read" in stderr, "search without an index says so: %r" % stderr)

    # --first and --part-size, both spellings.
    out2 = os.path.join(tmp, "out2")
    code, stdout, stderr = run("index", big, "--out=" + out2, "--first", "10", "--part-size=400")
    check(code == 0, "--first 10 --part-size=400 exits 0: %r" % stderr)
    posts, first = entries(out2)
    check(first["parts"] == ["index-2.json", "index-3.json", "index-4.json"], "three parts: %s" % first["parts"])
    check([len(load(os.path.join(out2, n))["posts"]) for n in first["parts"]] == [400, 400, 191],
          "parts of 400, 400 and 191")
    check(len(first["posts"]) == 10 and posts == whole["posts"], "10 in index.json, the rest in order")

    # --part-size 0: one file, the same bytes as stdout's.
    out3 = os.path.join(tmp, "out3")
    code, _, _ = run("index", big, "--out", out3, "--part-size", "0")
    with open(os.path.join(out3, "index.json"), encoding="utf-8") as f:
        written = json.load(f)
        check(code == 0 and written.pop("search") == "search/manifest.json" and written == json.loads(run("index", big)[1])
              and sorted(os.listdir(out3)) == ["index.json", "search"],
              "--part-size 0 writes stdout's single file, with the search index's manifest named")

    # A small site: one file by default; --first pages it.
    small = site_of(os.path.join(tmp, "small"), 5)
    out4 = os.path.join(tmp, "out4")
    code, stdout, _ = run("index", small, "--out", out4)
    check(code == 0 and sorted(os.listdir(out4)) == ["index.json", "search"]
          and "parts" not in load(os.path.join(out4, "index.json")), "a small site is one file")
    check(stdout == "wasm-blog index: 5 posts into %s/index.json, its search index in %s/search\n" % (out4, out4),
          "the summary line: %r" % stdout)
    code, _, _ = run("index", small, "--out", out4, "--first", "2", "--part-size", "2")
    posts, first = entries(out4)
    check(code == 0 and first["parts"] == ["index-2.json", "index-3.json"] and first["total"] == 5 and len(posts) == 5,
          "--first 2 --part-size 2 pages a small site: %s" % first.get("parts"))

    # Bad values: a usage error with the option and the value, nothing written.
    out5 = os.path.join(tmp, "out5")
    for args, message in [
            (["--first", "0"], 'wasm-blog index: --first: expected a whole number of at least 1, got "0"\n'),
            (["--first=x"], 'wasm-blog index: --first: expected a whole number of at least 1, got "x"\n'),
            (["--part-size", "-1"], 'wasm-blog index: --part-size: expected a whole number (0: never paged), '
                                    'got "-1"\n'),
            (["--part-size", "99999999999"], 'wasm-blog index: --part-size: expected a whole number (0: never '
                                             'paged), got "99999999999"\n'),
            (["--part-size"], "wasm-blog index: --part-size needs a number\n")]:
        code, stdout, stderr = run("index", small, "--out", out5, *args)
        check(code == 2 and stdout == "" and stderr == message and not os.path.exists(out5),
              "index %s: exit 2 and %r, got %d %r" % (" ".join(args), message, code, stderr))
    code, stdout, stderr = run("index", small, "--first", "5")
    check(code == 2 and stdout == "" and "--first and --part-size need --out DIR" in stderr,
          "--first without --out is a usage error: %r" % stderr)
    code, _, stderr = run("index", small, "--check", "--out", out5)
    check(code == 2 and "--check writes no index" in stderr and not os.path.exists(out5),
          "--check with --out is a usage error: %r" % stderr)
    code, _, stderr = run("index", small, "--out")
    check(code == 2 and "--out needs a folder" in stderr, "--out without a folder: %r" % stderr)

    # build takes the same options; its posts/ holds index.json and the parts.
    assets = os.path.join(tmp, "dist")
    os.makedirs(assets)
    for name in ["wasm-blog.js", "blog-core.wasm", "blog-full.wasm"]:
        with open(os.path.join(assets, name), "w") as f:
            f.write("//\n")
    built = os.path.join(tmp, "public")
    code, _, stderr = run("build", small, built, "--assets", assets, "--first=2", "--part-size", "2")
    check(code == 0, "build --first 2 --part-size 2 exits 0: %r" % stderr)
    if code == 0:
        posts, first = entries(os.path.join(built, "posts"))
        check(first["parts"] == ["index-2.json", "index-3.json"] and len(posts) == 5, "build writes the parts")
        check(os.path.isfile(os.path.join(built, "posts", "p00001", "index.html")), "and every post's page")
    code, _, stderr = run("build", small, built, "--assets", assets, "--part-size", "x")
    check(code == 2 and stderr == 'wasm-blog build: --part-size: expected a whole number (0: never paged), got "x"\n',
          "build --part-size x is a usage error: %r" % stderr)
    for command in ["index", "build"]:
        code, stdout, _ = run(command, "--help")
        check(code == 0 and "--first N" in stdout and "--part-size N" in stdout,
              "%s --help documents --first and --part-size" % command)
    check("--out DIR" in run("index", "--help")[1], "index --help documents --out")

finish()
