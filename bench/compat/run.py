#!/usr/bin/python3
"""Hugo compatibility corpus: build real public Hugo blogs with Debian's Hugo
and with our tool, and compare.

    /usr/bin/python3 bench/compat/run.py [--tool build/native/wasm-blog]
        [--assets dist] [--only NAME[,NAME]] [--hugo hugo] [--keep]

For every site of bench/compat/sites.json: clone the site from its mirror
(/work/.mirror/owner+name/repo, brought by the `fetch` tool) into
bench/compat/sites/<name> at the pinned commit, put the theme in place,
write the stubs, build it with Hugo (baseURL http://compat.test/), read
Hugo's sitemap (following a sitemap index), then build the checkout with our
tool and check that every Hugo URL answers in our output; then have Hugo
dump its own view of each post (content, summary, date) and compare how the
posts read (shortcodes left as text, raw HTML dropped, summary length, the
site's language). Prints one
Markdown table and writes it to bench/results/compat.md (and the details to
bench/results/compat.json).

Standard library only. Nothing here reaches the network: a missing mirror is
reported and the site skipped.
"""

import argparse
import csv
import datetime
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MIRRORS = "/work/.mirror"
BASE = "http://compat.test/"
SITES_DIR = os.path.join(HERE, "sites")            # git-ignored
OUT_DIR = os.path.join(SITES_DIR, "_out")           # git-ignored too
RESULTS_DIR = os.path.join(ROOT, "bench", "results")  # git-ignored


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def run(cmd, cwd=None, env=None, timeout=1800):
    t0 = time.time()
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=timeout)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"), time.time() - t0)


def mirror_of(repo):
    """The local git directory the fetch tool left for owner/name, or None."""
    d = os.path.join(MIRRORS, repo.replace("/", "+"), "repo")
    for cand in (os.path.join(d, ".git"), d):
        if os.path.isfile(os.path.join(cand, "HEAD")):
            return cand
    return None


def resolve(mirror, rev):
    rc, out, err, _ = run(["git", "--git-dir", mirror, "rev-parse", "--verify",
                           "-q", rev + "^{commit}"])
    return out.strip() if rc == 0 else None


# ---------------------------------------------------------------- checkout

def checkout_site(site, keep):
    """Clone the site at its commit (or reuse a clean checkout of it)."""
    repo, commit = site["repo"], site["commit"]
    mirror = mirror_of(repo)
    if not mirror:
        return None, "no mirror: run the fetch tool for github:%s first" % repo
    if not resolve(mirror, commit):
        return None, ("commit %s is not in the mirror of %s: run the fetch "
                      "tool for github:%s again" % (commit[:12], repo, repo))
    dest = os.path.join(SITES_DIR, site["name"])
    if os.path.isdir(os.path.join(dest, ".git")):
        rc, out, _, _ = run(["git", "-C", dest, "rev-parse", "HEAD"])
        if rc == 0 and out.strip() == commit:
            if keep:
                return dest, None
            # back to the pinned tree: drop stubs, theme, Hugo's leftovers
            run(["git", "-C", dest, "reset", "-q", "--hard", commit])
            run(["git", "-C", dest, "clean", "-q", "-ffdx"])
            return dest, "reused"
    shutil.rmtree(dest, ignore_errors=True)
    os.makedirs(SITES_DIR, exist_ok=True)
    rc, _, err, _ = run(["git", "clone", "-q", "--shared", "--no-checkout",
                         mirror, dest])
    if rc != 0:
        return None, "git clone failed: " + err.strip()[:300]
    rc, _, err, _ = run(["git", "-C", dest, "-c", "advice.detachedHead=false",
                         "checkout", "-q", commit])
    if rc != 0:
        return None, "git checkout failed: " + err.strip()[:300]
    return dest, None


def place_theme(site, dest):
    th = site.get("theme") or {}
    if not th.get("repo") or th.get("vendored"):
        return None
    mirror = mirror_of(th["repo"])
    if not mirror:
        return "no theme mirror: run the fetch tool for github:%s first" % th["repo"]
    rev = th.get("commit") or th.get("tag")
    commit = resolve(mirror, rev)
    if not commit:
        return "theme %s has no %s: run the fetch tool for github:%s again" % (
            th["repo"], rev, th["repo"])
    tdir = os.path.join(dest, th.get("dir") or os.path.join("themes", th["name"]))
    shutil.rmtree(tdir, ignore_errors=True)
    os.makedirs(tdir)
    missing = export_tree(mirror, commit, tdir)
    if missing:
        log("  theme: %d file(s) not in the mirror (the snapshot leaves out "
            "files of 4 MiB and more): %s" % (len(missing), ", ".join(missing[:3])))
    return None


def export_tree(gitdir, commit, dest):
    """Write the tree of `commit` into `dest` (no .git), as `git archive`
    would, but skipping blobs the mirror lacks. Returns the missing paths."""
    rc, out, err, _ = run(["git", "--git-dir", gitdir, "ls-tree", "-r", "-z", commit])
    if rc != 0:
        raise RuntimeError("git ls-tree: " + err.strip())
    entries = []
    for item in out.split("\0"):
        if not item:
            continue
        meta, path = item.split("\t", 1)
        mode, typ, sha = meta.split()
        if typ == "blob":
            entries.append((mode, sha, path))
    missing = []
    p = subprocess.Popen(["git", "--git-dir", gitdir, "cat-file", "--batch"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    for mode, sha, path in entries:
        p.stdin.write((sha + "\n").encode())
        p.stdin.flush()
        header = p.stdout.readline().decode().split()
        if len(header) < 3 or header[1] == "missing":
            missing.append(path)
            continue
        data = p.stdout.read(int(header[2]))
        p.stdout.read(1)
        f = os.path.join(dest, path)
        os.makedirs(os.path.dirname(f), exist_ok=True)
        if mode == "120000":
            os.symlink(data.decode(), f)
        else:
            with open(f, "wb") as fh:
                fh.write(data)
            if mode == "100755":
                os.chmod(f, 0o755)
    p.stdin.close()
    p.wait()
    return missing


# Hugo's built-in shortcodes that fetch from the network while building
# (getJSON of an oEmbed service): stubbed in every site that does not define
# them itself, so that Hugo builds offline. They change no URL.
OFFLINE_SHORTCODES = ["tweet", "twitter", "twitter_simple", "instagram",
                      "instagram_simple", "vimeo_simple"]


def apply_stubs(site, dest):
    """The site's `remove` (paths deleted), `patches` (a file's text replaced:
    {file, find, replace}, for settings Hugo 0.111 does not know) and `stubs`
    (files written: missing shortcodes and partials), then the offline
    shortcodes."""
    for pt in site.get("patches", []):
        p = os.path.join(dest, pt["file"])
        with open(p, encoding="utf-8") as f:
            text = f.read()
        if pt["find"] not in text:
            raise RuntimeError("patch: %r not in %s" % (pt["find"], pt["file"]))
        with open(p, "w", encoding="utf-8") as f:
            f.write(text.replace(pt["find"], pt["replace"]))
    for name in OFFLINE_SHORTCODES:
        p = os.path.join(dest, "layouts", "shortcodes", name + ".html")
        if not os.path.exists(p):
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w") as f:
                f.write("")
    for rel in site.get("remove", []):
        p = os.path.join(dest, rel)
        if os.path.isdir(p):
            shutil.rmtree(p)
        elif os.path.exists(p):
            os.remove(p)
    for rel, text in (site.get("stubs") or {}).items():
        p = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)


# ---------------------------------------------------------------- Hugo

LIST_FLAGS = {"--themesDir", "--config", "--configDir", "-e", "--environment",
              "--clock", "--ignoreVendorPaths"}


def list_args(hugo_args):
    """`hugo list all` takes few flags: pass those, turn the others into
    HUGO_* environment settings (Hugo reads its config from them too)."""
    args, env = [], {}
    i = 0
    while i < len(hugo_args):
        a = hugo_args[i]
        if "=" in a:
            k, v = a.split("=", 1)
            nxt = 1
        else:
            k = a
            if i + 1 < len(hugo_args) and not hugo_args[i + 1].startswith("-"):
                v, nxt = hugo_args[i + 1], 2
            else:
                v, nxt = "true", 1
        if k in LIST_FLAGS:
            args += [k, v]
        elif k.startswith("--"):
            env["HUGO_" + k[2:].upper()] = v
        i += nxt
    return args, env


def hugo_env(out):
    env = dict(os.environ)
    env["HUGO_CACHEDIR"] = os.path.join(OUT_DIR, "_hugo_cache")
    return env


def read_sitemap(root, path, seen=None):
    """URLs of Hugo's sitemap.xml, following a sitemap index into files of
    the same output. Returns (urls, notes)."""
    seen = seen or set()
    notes = []
    f = os.path.join(root, path)
    if path in seen or not os.path.isfile(f):
        return [], ["no " + path]
    seen.add(path)
    try:
        tree = ET.parse(f)
    except ET.ParseError as e:
        return [], ["%s: %s" % (path, e)]
    r = tree.getroot()
    tag = r.tag.split("}")[-1]
    locs = [e.text.strip() for e in r.iter() if e.tag.split("}")[-1] == "loc" and e.text]
    if tag == "sitemapindex":
        urls = []
        for loc in locs:
            sub = urllib.parse.urlparse(loc).path.lstrip("/")
            u, n = read_sitemap(root, urllib.parse.unquote(sub), seen)
            urls += u
            notes += n
        return urls, notes
    return locs, notes


def url_path(u):
    """The path of a URL of the built site. Taken literally after the base:
    Hugo's sitemap can hold a raw '#' or '?' (a tag "C#" gives
    http://compat.test/tags/c#/), which a URL parser would cut off."""
    if u.startswith(BASE):
        p = "/" + u[len(BASE):]
    else:
        p = urllib.parse.urlparse(u).path
    return p if p.startswith("/") else "/" + p


def answers(out, path):
    """Does URL path `path` name a file in the output `out`? A folder answers
    with its index.html; an alias redirect page is a file like any other."""
    for p in {path, urllib.parse.unquote(path)}:
        rel = p.lstrip("/")
        cands = [os.path.join(rel, "index.html")] if (p.endswith("/") or not rel) \
            else [rel, os.path.join(rel, "index.html")]
        for c in cands:
            if os.path.isfile(os.path.join(out, c)):
                return True
    return False


TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
REFRESH_RE = re.compile(r'<meta[^>]+http-equiv=["\']?refresh["\']?[^>]*content=["\']?\d+\s*;\s*url=([^"\'>]+)', re.I)


def home_title(out, depth=0):
    f = os.path.join(out, "index.html")
    if not os.path.isfile(f):
        return None
    with open(f, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    m = REFRESH_RE.search(text)
    if m and depth < 3:   # a redirect home (a language in a subfolder)
        target = url_path(html.unescape(m.group(1)))
        return home_title(os.path.join(out, urllib.parse.unquote(target).strip("/")), depth + 1)
    m = TITLE_RE.search(text)
    if not m:
        return None
    return " ".join(html.unescape(m.group(1)).split())


# ---------------------------------------------------------------- our tool

DIAG_FILE_RE = re.compile(
    r"^(?:.*?\.(?:md|markdown|html?|toml|ya?ml|json|xml)|[^\s:]+)(?::\d+)*:\s+")


def diag_kind(line, site_dir=""):
    """A problem's kind: the message without its file and line, quoted parts,
    shortcode text and numbers replaced, first words kept."""
    line = line.strip()
    if site_dir and line.startswith(site_dir + "/"):
        line = line[len(site_dir) + 1:]
    msg = DIAG_FILE_RE.sub("", line, count=1)
    if site_dir:
        msg = msg.replace(site_dir + "/", "")
    msg = re.sub(r"\S+\.(?:md|markdown|html?)\b", "FILE", msg)
    msg = re.sub(r"\{\{.*?(?:\}\}|\.\.\.|…)", "{{…}}", msg)
    msg = re.sub(r'"[^"]*"|“[^”]*”|`[^`]*`', "…", msg)
    msg = re.sub(r"\d+", "N", msg)
    words = msg.split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")


# ---------------------------------------------------------------- how posts read

# Hugo's own view of every regular page, rendered by Hugo itself in a second
# build: a content file at the content root with a layout of ours that
# writes, for each page of each language, its URL, `.Content` (shortcodes
# run, raw HTML as the site's `unsafe` decides), `.Summary | plainify`, the
# date as PaperMod prints it (`time.Format` in the site's language, with
# `params.DateFormat` when a string, else "January 2, 2006"), and the default language's
# PaperMod words. Theme-independent: no theme template is involved.
DUMP_URL = "/compat-dump-17/"
DUMP_CONTENT = """---
title: compat dump
type: compatdump
layout: compatdump
url: %s
outputs: [html]
---
""" % DUMP_URL
DUMP_LAYOUT = """{{- $out := slice -}}
{{- $fmt := site.Params.DateFormat -}}
{{- if or (not $fmt) (ne (printf "%T" $fmt) "string") -}}{{- $fmt = "January 2, 2006" -}}{{- end -}}
{{- range .Sites -}}{{- $lang := .Language.Lang -}}
{{- range .RegularPages -}}
{{- $out = $out | append (dict "url" .RelPermalink "lang" $lang "summary" (.Summary | plainify | htmlUnescape) "truncated" .Truncated "content" (string .Content) "date" (.Date | time.Format $fmt) "undated" .Date.IsZero) -}}
{{- end -}}{{- end -}}
{{- dict "pages" $out "lang" site.Language.Lang "next_page" (i18n "next_page") "prev_page" (i18n "prev_page") | jsonify -}}
"""


def hugo_dump(site, dest, out, opts):
    """Hugo's pages as Hugo renders them (see DUMP_LAYOUT): {url: page},
    plus the words. Adds two files to the checkout, builds into a scratch
    folder, and removes both again. Returns (dump, error)."""
    cdir = next((d for d in site.get("content_dirs", ["content"])
                 if os.path.isdir(os.path.join(dest, d))), "content")
    content = os.path.join(dest, cdir, "_compat_dump_17.md")
    layout = os.path.join(dest, "layouts", "_default", "compatdump.html")
    scratch = os.path.join(out, "hugo-dump")
    made_layout_dir = not os.path.isdir(os.path.dirname(layout))
    os.makedirs(os.path.dirname(layout), exist_ok=True)
    try:
        with open(content, "w", encoding="utf-8") as f:
            f.write(DUMP_CONTENT)
        with open(layout, "w", encoding="utf-8") as f:
            f.write(DUMP_LAYOUT)
        cmd = [opts.hugo, "--quiet", "-s", dest, "-d", scratch, "--baseURL", BASE] + \
            list(site.get("hugo_args", []))
        rc, _, se, _ = run(cmd, env=hugo_env(out))
        f = os.path.join(scratch, DUMP_URL.strip("/"), "index.html")
        if rc != 0 or not os.path.isfile(f):
            return None, "Hugo dump failed: " + (se.strip().splitlines() or ["?"])[-1][:200]
        with open(f, encoding="utf-8") as fh:
            dump = json.load(fh)
    finally:
        for p in (content, layout):
            if os.path.exists(p):
                os.remove(p)
        if made_layout_dir:
            shutil.rmtree(os.path.dirname(layout), ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)
    pages = {}
    for pg in dump.get("pages", []):
        if pg["url"] != DUMP_URL:
            pages.setdefault(pg["url"], pg)
    dump["pages"] = pages
    with open(os.path.join(out, "hugo-dump.json"), "w", encoding="utf-8") as fh:
        json.dump(dump, fh, ensure_ascii=False)
    return dump, None


UNSAFE_RE = re.compile(r"renderer:map\[[^\]]*\bunsafe:true")


def hugo_unsafe(site, dest, opts):
    """markup.goldmark.renderer.unsafe of the site, from `hugo config`."""
    largs, lenv = list_args(list(site.get("hugo_args", [])))
    env = hugo_env(None)
    env.update(lenv)
    rc, so, _, _ = run([opts.hugo, "config", "-s", dest] + largs, env=env)
    return bool(UNSAFE_RE.search(so)) if rc == 0 else None


def read_text(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return None


def page_file(root, path):
    """The HTML file that URL path `path` names in the output `root`."""
    for p in (path, urllib.parse.unquote(path)):
        rel = p.lstrip("/")
        for c in ([os.path.join(rel, "index.html")] if p.endswith("/") or not rel
                  else [rel, os.path.join(rel, "index.html")]):
            f = os.path.join(root, c)
            if os.path.isfile(f):
                return f
    return None


def our_post_content(text):
    """The post's body in our page: PaperMod's <div class="post-content">,
    up to the post's footer (our pages all have PaperMod's shape)."""
    i = text.find('<div class="post-content">')
    if i < 0:
        return None
    j = text.find('<footer class="post-footer"', i)
    if j < 0:
        j = text.find("</article>", i)
    return text[i + len('<div class="post-content">'): j if j >= 0 else len(text)]


# `{{<` and `{{%` as a reader sees them: escaped in HTML, or raw (a raw
# `{{<` that opens a tag, as in `<code>{{</code>`, is not one).
SHORTCODE_TEXT_RE = re.compile(r"\{\{(?:&lt;|&#60;|&#x3c;|%|<(?![a-zA-Z/!?]))", re.I)
OMITTED = "<!-- raw HTML omitted -->"
KEPT_TAGS = ("details", "summary", "u", "kbd", "sup", "sub", "mark", "img",
             "video", "iframe", "div", "span", "br")
TAG_RE = re.compile(r"<(%s)(?=[\s>/])([^>]*)>" % "|".join(KEPT_TAGS), re.I)
PRE_RE = re.compile(r"<pre\b.*?</pre>", re.S | re.I)


def tag_counts(content):
    """Opening tags of KEPT_TAGS in a post's HTML, leaving out what Markdown
    itself makes rather than the author's HTML or a shortcode: code blocks
    (Hugo highlights them into spans server-side, we in the browser), their
    `highlight`/`chroma` wrappers, and footnote markers and lists."""
    c = Counter()
    for m in TAG_RE.finditer(PRE_RE.sub("", content)):
        tag, attrs = m.group(1).lower(), m.group(2)
        if re.search(r'class="(?:highlight|chroma|footnotes)', attrs) or \
                re.search(r'id="fnref', attrs):
            continue
        c[tag] += 1
    return c


def plain_len(s):
    s = " ".join(html.unescape(s or "").split())
    for tail in ("...", "…"):
        if s.endswith(tail):
            s = s[: -len(tail)].rstrip()
    return len(s)


def median(xs):
    xs = sorted(xs)
    if not xs:
        return None
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2.0


INDEX_FILE_RE = re.compile(r"^index(?:-\d+)?\.json$")


def our_summaries(our_out):
    """{URL path: summary} from every post index our tool wrote: <p>posts/
    index.json and its shards index-N.json. A post's `url` is relative to
    <p>; without one, the post lives at <p>posts/<slug>/."""
    found = {}
    for d, _, fs in os.walk(our_out):
        if os.path.basename(d) != "posts":
            continue
        for name in sorted(fs):
            if not INDEX_FILE_RE.match(name):
                continue
            try:
                with open(os.path.join(d, name), encoding="utf-8") as fh:
                    idx = json.load(fh)
            except (OSError, ValueError):
                continue
            if not isinstance(idx, dict) or not isinstance(idx.get("posts"), list):
                continue
            rel = os.path.relpath(d, our_out).replace(os.sep, "/")
            prefix = rel[: -len("posts")]
            for p in idx["posts"]:
                if not isinstance(p, dict):
                    continue
                if p.get("url") is not None:
                    u = "/" + prefix + p["url"].lstrip("/")
                elif p.get("slug"):
                    u = "/" + rel + "/" + p["slug"] + "/"
                else:
                    continue
                found[u] = p.get("summary") or ""
    return found


HTML_LANG_RE = re.compile(r"<html\b[^>]*?\blang=[\"']?([^\"'\s>]+)", re.I)
ENTRY_RE = re.compile(r'<div class="entry-content"><p>(.*?)</p></div>.*?'
                      r'class="entry-link"[^>]*href="([^"]+)"', re.S)
NEXT_RE = re.compile(r'<a class="next"[^>]*>(.*?)</a>', re.S)
PREV_RE = re.compile(r'<a class="prev"[^>]*>(.*?)</a>', re.S)


def primary(lang):
    return (lang or "").split("-")[0].split("_")[0].lower()


def words(s):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", s or "")).split())


def reading(res, hugo_out, our_out, paths, dump, unsafe):
    """How the posts read: shortcodes left as text, raw HTML dropped,
    summary length, the site's language (README, "How posts read")."""
    posts = res.get("posts") or []
    hpages = dump["pages"] if dump else {}
    sc = {"ours": 0, "hugo": 0, "posts_ours": 0, "extra": 0, "posts": 0}
    raw = {"unsafe": unsafe, "omitted_ours": 0, "omitted_hugo": 0,
           "posts_omitted_ours": 0, "missing": Counter(), "posts_missing": 0,
           "examples": []}
    for p in posts:
        f = page_file(our_out, p)
        ours = our_post_content(read_text(f) or "") if f else None
        hp = hpages.get(p) or hpages.get(urllib.parse.unquote(p))
        if ours is None or hp is None:
            continue
        hc = hp.get("content") or ""
        sc["posts"] += 1
        o, h = len(SHORTCODE_TEXT_RE.findall(ours)), len(SHORTCODE_TEXT_RE.findall(hc))
        sc["ours"] += o
        sc["hugo"] += h
        sc["posts_ours"] += o > h
        sc["extra"] += max(0, o - h)
        om = ours.count(OMITTED)
        raw["omitted_ours"] += om
        raw["posts_omitted_ours"] += om > 0
        raw["omitted_hugo"] += hc.count(OMITTED)
        miss = tag_counts(hc) - tag_counts(ours)
        if miss:
            raw["missing"].update(miss)
            raw["posts_missing"] += 1
            if len(raw["examples"]) < 5:
                raw["examples"].append({"post": p, "missing": dict(miss)})
    raw["missing_total"] = sum(raw["missing"].values())
    raw["missing"] = raw["missing"].most_common()
    res["shortcodes"], res["raw_html"] = sc, raw

    # summaries: per post (our index.json against Hugo's .Summary), and the
    # entries of both home pages as ours shows them
    summ = {"posts": 0, "within_2x": 0}
    ours_by_url = our_summaries(our_out)
    hl, ol = [], []
    for p in posts:
        hp = hpages.get(p) or hpages.get(urllib.parse.unquote(p))
        o = ours_by_url.get(p, ours_by_url.get(urllib.parse.unquote(p)))
        if hp is None or o is None:
            continue
        h, o = plain_len(hp.get("summary")), plain_len(o)
        hl.append(h)
        ol.append(o)
        summ["posts"] += 1
        summ["within_2x"] += (h == o) or (h > 0 and 0.5 <= o / h <= 2)
    summ["median_hugo"], summ["median_ours"] = median(hl), median(ol)
    home = read_text(os.path.join(our_out, "index.html")) or ""
    hh, oh = [], []
    for text, href in ENTRY_RE.findall(home):
        hp = hpages.get(url_path(html.unescape(href)))
        if hp is not None:
            oh.append(plain_len(words(text)))
            hh.append(plain_len(hp.get("summary")))
    summ["home_entries"] = len(oh)
    summ["home_median_hugo"], summ["home_median_ours"] = median(hh), median(oh)
    res["summaries"] = summ

    # the site's language
    lang = {"pages": 0, "same_lang": 0, "same_lang_exact": 0, "examples": []}
    for p in paths:
        hf, of = page_file(hugo_out, p), page_file(our_out, p)
        if not hf or not of or not hf.endswith(".html") or not of.endswith(".html"):
            continue
        ht, ot = read_text(hf) or "", read_text(of) or ""
        if REFRESH_RE.search(ht[:2000]) or REFRESH_RE.search(ot[:2000]):
            continue          # an alias or a language redirect
        hm, om = HTML_LANG_RE.search(ht), HTML_LANG_RE.search(ot)
        if not hm:
            continue          # Hugo's theme states no language
        lang["pages"] += 1
        olang = om.group(1) if om else ""
        lang["same_lang"] += primary(hm.group(1)) == primary(olang)
        lang["same_lang_exact"] += hm.group(1).lower() == olang.lower()
        if primary(hm.group(1)) != primary(olang) and len(lang["examples"]) < 5:
            lang["examples"].append({"page": p, "hugo": hm.group(1), "ours": olang})
    if dump:
        lang["dump_lang"] = dump.get("lang")
        for key, rx, page in (("next_page", NEXT_RE, "index.html"),
                              ("prev_page", PREV_RE, "page/2/index.html")):
            want = words(dump.get(key))
            text = read_text(os.path.join(our_out, page)) or ""
            got = [words(t) for t in rx.findall(text)]
            lang[key] = {"hugo": want, "ours": got[0] if got else None,
                         "shown": bool(want) and any(want in g for g in got)}
        dates = shown = 0
        for p in posts:
            hp = hpages.get(p) or hpages.get(urllib.parse.unquote(p))
            f = page_file(our_out, p)
            if not hp or not f or hp.get("lang") != dump.get("lang") or hp.get("undated"):
                continue
            dates += 1
            ok = words(hp.get("date")) in words(read_text(f))
            shown += ok
            if not ok and "date_example" not in lang:
                lang["date_example"] = {"post": p, "hugo": hp.get("date")}
        lang["dates"], lang["dates_shown"] = dates, shown
    res["language"] = lang


# ---------------------------------------------------------------- one site

def posts_of(list_csv, sitemap_paths, content_dirs):
    """Posts: Hugo's regular pages (`hugo list all`) whose content file is in
    a section (a folder under the content directory) and that Hugo put in
    its sitemap (drafts, future and expired pages are left out that way)."""
    rows = list(csv.DictReader(io.StringIO(list_csv)))
    posts = []
    for r in rows:
        path = (r.get("path") or "").replace("\\", "/")
        rel = path
        for cd in content_dirs:
            cd = cd.strip("/") + "/"
            if rel.startswith(cd):
                rel = rel[len(cd):]
                break
        if "/" not in rel:
            continue          # a page at the content root (about.md…)
        p = url_path(r.get("permalink") or "")
        if p in sitemap_paths or urllib.parse.unquote(p) in sitemap_paths:
            posts.append(p)
    return sorted(set(posts)), len(rows)


def do_site(site, opts):
    name = site["name"]
    res = {"name": name, "repo": site["repo"], "commit": site["commit"],
           "theme": (site.get("theme") or {}).get("name", "?"),
           "lang": site.get("lang", "?"), "skipped": None}
    if site.get("skip"):
        res["skipped"] = site["skip"]
        return res
    dest, note = checkout_site(site, opts.keep)
    if not dest:
        res["skipped"] = note
        log("  skip:", note)
        return res
    err = place_theme(site, dest)
    if err:
        res["skipped"] = err
        log("  skip:", err)
        return res
    apply_stubs(site, dest)

    out = os.path.join(OUT_DIR, name)
    hugo_out, our_out = os.path.join(out, "hugo"), os.path.join(out, "ours")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)

    # Hugo (one build at a time: it uses every core)
    args = list(site.get("hugo_args", []))
    cmd = [opts.hugo, "--quiet", "-s", dest, "-d", hugo_out, "--baseURL", BASE] + args
    rc, so, se, secs = run(cmd, env=hugo_env(out))
    res["hugo_rc"], res["hugo_secs"] = rc, round(secs, 1)
    with open(os.path.join(out, "hugo.stderr"), "w") as f:
        f.write(se)
    if rc != 0:
        res["skipped"] = "Hugo failed: " + (se.strip().splitlines() or ["?"])[-1][:300]
        log("  ", res["skipped"])
        return res
    urls, notes = read_sitemap(hugo_out, "sitemap.xml")
    res["sitemap_notes"] = notes
    paths = sorted({url_path(u) for u in urls})
    foreign = [u for u in urls if not u.startswith(BASE)]
    res["sitemap_foreign"] = foreign[:20]
    res["hugo_title"] = home_title(hugo_out)
    res["hugo_html_files"] = sum(1 for _, _, fs in os.walk(hugo_out)
                                 for f in fs if f.endswith(".html"))
    if not os.path.isfile(os.path.join(hugo_out, "index.html")):
        res["skipped"] = ("Hugo wrote no home page (%d HTML files): its "
                          "layouts are missing" % res["hugo_html_files"])
        log("  ", res["skipped"])
        return res

    largs, lenv = list_args(args)
    env = hugo_env(out)
    env.update(lenv)
    env["HUGO_BASEURL"] = BASE
    rc, so, se, _ = run([opts.hugo, "list", "all", "-s", dest] + largs, env=env)
    with open(os.path.join(out, "hugo-list.csv"), "w") as f:
        f.write(so)
    if rc == 0:
        posts, nregular = posts_of(so, set(paths), site.get("content_dirs", ["content"]))
        res["posts"], res["regular_pages"] = posts, nregular
    else:
        res["posts"] = None
        res["list_error"] = (se.strip().splitlines() or ["?"])[-1][:300]

    # sitemap entries Hugo wrote that are not pages of its own output
    res["sitemap_not_in_hugo_output"] = [p for p in paths if not answers(hugo_out, p)][:20]

    # our tool, on the checkout as it is
    cmd = [opts.tool, "build", dest, our_out, "--base-url", BASE, "--assets", opts.assets]
    rc, so, se, secs = run(cmd)
    res["our_rc"], res["our_secs"] = rc, round(secs, 1)
    res["our_summary"] = so.strip().splitlines()[-1][:200] if so.strip() else ""
    with open(os.path.join(out, "ours.stderr"), "w") as f:
        f.write(se)
    lines = [l for l in se.splitlines() if l.strip()]
    res["our_diag_count"] = len(lines)
    res["our_diag_kinds"] = Counter(diag_kind(l, dest) for l in lines).most_common()
    ok = [p for p in paths if answers(our_out, p)]
    res["urls"], res["urls_ok"] = len(paths), len(ok)
    res["urls_missing"] = [p for p in paths if p not in set(ok)][:30]
    if res.get("posts") is not None:
        pok = [p for p in res["posts"] if answers(our_out, p)]
        res["posts_ok"] = len(pok)
        res["posts_missing"] = [p for p in res["posts"] if p not in set(pok)][:30]
    res["our_title"] = home_title(our_out)

    # how the posts read (after our build: the dump adds files to the checkout)
    dump, err = hugo_dump(site, dest, out, opts)
    if err:
        res["dump_error"] = err
        log("  ", err)
    reading(res, hugo_out, our_out, paths, dump, hugo_unsafe(site, dest, opts))
    return res


# ---------------------------------------------------------------- table

def pct(a, b):
    return "%d/%d (%d%%)" % (a, b, round(100.0 * a / b)) if b else "0/0"


def esc(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def num(x):
    return "–" if x is None else ("%g" % round(x, 1))


def ratio(o, h):
    return "" if not o or not h else " (%.1f×)" % (o / h)


def reading_cells(r):
    """The four "how posts read" cells of a site's row."""
    if r.get("dump_error") or "shortcodes" not in r:
        why = esc(r.get("dump_error") or "not measured")
        return (why, "", "", "")
    if not r["shortcodes"]["posts"]:
        return ("– (no post of ours to read)",) * 4
    sc, raw, su, la = r["shortcodes"], r["raw_html"], r["summaries"], r["language"]
    c1 = "%d (%d)" % (sc["ours"], sc["hugo"])
    if sc["extra"]:
        c1 += "; %d more than Hugo's in %d posts" % (sc["extra"], sc["posts_ours"])
    unsafe = {True: "unsafe", False: "safe", None: "?"}[raw["unsafe"]]
    c2 = "%s: %d (%d)" % (unsafe, raw["omitted_ours"], raw["omitted_hugo"])
    if raw["omitted_ours"]:
        c2 += " in %d posts" % raw["posts_omitted_ours"]
    if raw["missing_total"]:
        c2 += "; %d in %d posts: %s" % (raw["missing_total"], raw["posts_missing"],
                                         ", ".join("%s ×%d" % (t, n) for t, n in raw["missing"][:4]))
    else:
        c2 += "; none"
    c3 = "%s / %s%s, %d/%d posts within 2× (home %s / %s)" % (
        num(su["median_ours"]), num(su["median_hugo"]),
        ratio(su["median_ours"], su["median_hugo"]), su["within_2x"], su["posts"],
        num(su["home_median_ours"]), num(su["home_median_hugo"]))
    c4 = "%s (exact %d)" % (pct(la["same_lang"], la["pages"]), la["same_lang_exact"]) \
        if la["pages"] else "– (Hugo's pages state none)"
    nx = la.get("next_page") or {}
    if nx.get("hugo"):
        c4 += "; Next %s" % ("yes" if nx["shown"] else "no: %s ≠ %s" % (
            esc(nx.get("ours")), esc(nx["hugo"])))
    if la.get("dates"):
        c4 += "; dates %s" % pct(la["dates_shown"], la["dates"])
        if la.get("date_example") and la["dates_shown"] < la["dates"]:
            c4 += " (Hugo: %s)" % esc(la["date_example"]["hugo"])
    return (c1, c2, c3, c4)


def table(results):
    head = ("| site | theme | lang | posts | builds unchanged (exit code) | "
            "Hugo URLs answering | post URLs answering | title same | "
            "shortcodes left as text: ours (Hugo's) | "
            "raw HTML omitted: ours (Hugo's); elements Hugo kept, we lack | "
            "summary median chars: ours / Hugo's, per post (home) | "
            "site's language: `<html lang>`; Next; dates | "
            "our errors/warnings by kind (top 3) |\n"
            "|---|---|---|---:|---|---:|---:|---|---|---|---|---|---|\n")
    rows = []
    for r in results:
        if r.get("skipped"):
            rows.append("| %s | %s | %s | – | skipped: %s | | | | | | | | |" % (
                esc(r["name"]), esc(r["theme"]), esc(r["lang"]), esc(r["skipped"])))
            continue
        posts = r.get("posts")
        nposts = len(posts) if posts is not None else "?"
        built = "yes (0)" if r["our_rc"] == 0 else "no (%s)" % r["our_rc"]
        postcol = pct(r["posts_ok"], len(posts)) if posts is not None else \
            "hugo list failed"
        ht, ot = r.get("hugo_title"), r.get("our_title")
        if ot is None:
            same = "– (no page)"
        elif ht == ot:
            same = "yes"
        else:
            same = "no: %s ≠ %s" % (esc(ht), esc(ot))
        kinds = "; ".join("%s ×%d" % (esc(k), n) for k, n in r["our_diag_kinds"][:3])
        if not kinds:
            kinds = "none"
        elif len(r["our_diag_kinds"]) > 3:
            kinds += " (%d lines, %d kinds)" % (r["our_diag_count"], len(r["our_diag_kinds"]))
        rows.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % ((
            esc(r["name"]), esc(r["theme"]), esc(r["lang"]), nposts, built,
            pct(r["urls_ok"], r["urls"]), postcol, same) + reading_cells(r) + (kinds,)))
    return head + "\n".join(rows) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tool", default=os.path.join(ROOT, "build/native/wasm-blog"))
    ap.add_argument("--assets", default=os.path.join(ROOT, "dist"))
    ap.add_argument("--hugo", default="hugo")
    ap.add_argument("--only", help="comma list of site names")
    ap.add_argument("--sites", default=os.path.join(HERE, "sites.json"))
    ap.add_argument("--keep", action="store_true",
                    help="reuse a checkout at the pinned commit as it is")
    ap.add_argument("--results", default=RESULTS_DIR)
    opts = ap.parse_args()
    opts.tool = os.path.abspath(opts.tool)
    opts.assets = os.path.abspath(opts.assets)

    with open(opts.sites, encoding="utf-8") as f:
        sites = json.load(f)["sites"]
    if opts.only:
        want = set(opts.only.split(","))
        unknown = want - {s["name"] for s in sites}
        if unknown:
            sys.exit("unknown site(s): " + ", ".join(sorted(unknown)))
        sites = [s for s in sites if s["name"] in want]
    if not shutil.which(opts.hugo):
        sys.exit("no hugo on PATH: apt-get install -y hugo (Debian's 0.111.3)")
    if not os.access(opts.tool, os.X_OK):
        sys.exit("no tool at %s (make native, or --tool PATH)" % opts.tool)

    hv = run([opts.hugo, "version"])[1].strip()
    rc, head, _, _ = run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    tool_commit = head.strip() if rc == 0 else "?"
    started = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")

    results = []
    for s in sites:
        log("== %s (%s)" % (s["name"], s["repo"]))
        try:
            results.append(do_site(s, opts))
        except Exception as e:  # one bad site must not stop the table
            results.append({"name": s["name"], "theme": (s.get("theme") or {}).get("name", "?"),
                            "lang": s.get("lang", "?"), "skipped": "run.py error: %r" % e})

    header = ("Hugo compatibility corpus, %s; tool %s (repository at %s); %s\n\n" % (
        started, os.path.relpath(opts.tool, ROOT) if opts.tool.startswith(ROOT) else opts.tool,
        tool_commit, hv))
    text = header + table(results)
    print(text)
    os.makedirs(opts.results, exist_ok=True)
    if not opts.only:
        with open(os.path.join(opts.results, "compat.md"), "w", encoding="utf-8") as f:
            f.write(text)
    name = "compat.json" if not opts.only else "compat-only.json"
    with open(os.path.join(opts.results, name), "w", encoding="utf-8") as f:
        json.dump({"date": started, "tool": opts.tool, "tool_commit": tool_commit,
                   "hugo": hv, "results": results}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
