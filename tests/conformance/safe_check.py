#!/usr/bin/env python3
"""Runs every example of md4c's suites through md_render in the Blog flavor,
safe mode (what a reader's browser gets), and checks:

1. Safety, on every example, both with the suite's own parser flags and with
   the blog's (GitHub dialect + LaTeX math): the output holds only the tags
   and attributes our renderer writes (so no raw HTML tag from the input, no
   <script, no on*= handler), no comment but "<!-- raw HTML omitted -->", and
   no href/src whose scheme, after entity decoding and what browsers strip, is
   outside the link policy's allowlist: http:, https:, mailto:, tel: or none
   (an img src: http:, https:, none or data:image/png|gif|jpeg|webp).
2. Identity: an example whose Markdown has no raw HTML, heading, image, link
   or math renders exactly as md4c-html does (after md4c's normalisation).
3. Every other example without raw HTML differs only by the policies listed in
   DIFFERENCES.md: undoing them (heading ids and anchors, loading="lazy", math
   spans; neutralising the expected output's dangerous URLs) gives md4c-html's
   output again.

Usage: safe_check.py --md-render PATH --md4c-test-dir DIR --suite FILE=FLAGS...
(a FILE without a slash is looked up in the md4c test folder).
Exit status 1 when any check fails, with each failing example printed.
"""

import argparse
import html
import os
import re
import sys
from collections import Counter
from html.parser import HTMLParser

# The blog's default parser flags (MarkdownOptions::default_parser_flags():
# MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS) spelled as md_render options.
BLOG_FLAGS = ["--ftables", "--fstrikethrough", "--ftasklists", "--fpermissive-url-autolinks",
              "--fpermissive-www-autolinks", "--fpermissive-email-autolinks", "--flatex-math"]

# Every tag the renderer writes, with the attributes it may carry.
ALLOWED = {
    "p": set(), "blockquote": set(), "ul": set(), "ol": {"start"}, "li": {"class"},
    "input": {"type", "class", "disabled", "checked"}, "hr": set(), "br": set(),
    "a": {"href", "title", "class", "aria-hidden"}, "img": {"src", "alt", "title", "loading"},
    "pre": set(), "code": {"class"}, "em": set(), "strong": set(), "u": set(), "del": set(),
    "span": {"class", "data-n"}, "table": set(), "thead": set(), "tbody": set(), "tr": set(),
    "x-wikilink": {"data-target"},  # inert; only with MD_FLAG_WIKILINKS, which the blog does not set
    "th": {"align"}, "td": {"align"},
    **{"h%d" % n: {"id"} for n in range(1, 7)},
}
OMITTED = "<!-- raw HTML omitted -->"

# Why an example may differ, as DIFFERENCES.md names it.
REASONS = {
    "heading": "heading ids and anchor links",
    "raw": "raw HTML omitted",
    "url": "URL outside the allowlist neutralised",
    "math": "math as <span class=\"math ...\">",
    "image": "loading=\"lazy\" on images",
}


def dangerous_url(value, attr):
    """True when a browser would run `value` (entities already decoded) as script."""
    v = value.lstrip("".join(chr(c) for c in range(0x21)))  # leading spaces and C0 controls
    v = re.sub("[\t\n\r]", "", v).lower()                     # browsers drop these anywhere
    m = re.match(r"([a-z][a-z0-9+.-]*):", v)
    if not m:
        return False  # relative
    allowed = ("http", "https") if attr == "src" else ("http", "https", "mailto", "tel")
    if m.group(1) in allowed:
        return False
    return not (attr == "src" and re.match(r"data:image/(png|gif|jpeg|webp)[;,]", v))


class SafetyAudit(HTMLParser):
    """Collects every way the output could carry markup or script from the input."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED:
            self.problems.append("tag <%s> passed through" % tag)
            return
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append("event handler %s= on <%s>" % (name, tag))
            elif name not in ALLOWED[tag]:
                self.problems.append("attribute %s= on <%s>" % (name, tag))
            if name in ("href", "src") and value is not None and dangerous_url(value, name):
                self.problems.append("%s=%r on <%s>" % (name, value, tag))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in ALLOWED:
            self.problems.append("end tag </%s> passed through" % tag)

    def handle_comment(self, data):
        if "<!--%s-->" % data != OMITTED:
            self.problems.append("comment <!--%s--> passed through" % data)

    def handle_decl(self, decl):
        self.problems.append("declaration <!%s> passed through" % decl)

    def unknown_decl(self, data):
        self.problems.append("declaration <![%s> passed through" % data)

    def handle_pi(self, data):
        self.problems.append("processing instruction <?%s> passed through" % data)


def audit(output):
    parser = SafetyAudit()
    parser.feed(output)
    parser.close()
    if re.search(r"<\s*script", output, re.IGNORECASE):
        parser.problems.append("<script in the output")
    return parser.problems


def undo_blog_policies(output):
    """Our Blog-flavor markup turned back into md4c-html's, where only a listed
    policy made them differ (examples without raw HTML only)."""
    output = re.sub(r'<a class="anchor" aria-hidden="true" href="[^"]*">#</a>(</h[1-6]>)', r"\1", output)
    output = re.sub(r'<(h[1-6]) id="[^"]*">', r"<\1>", output)
    output = output.replace('" loading="lazy">', '">')  # '"' never appears unescaped in text
    output = output.replace('<span class="math inline">', "<x-equation>")
    output = output.replace('<span class="math display">', '<x-equation type="display">')
    return output.replace("</span>", "</x-equation>")


def markdown_url(attribute):
    """The URL as the Markdown gave it, from md4c-html's href/src attribute:
    entities decoded, and the spaces and control bytes md4c-html percent-encodes
    (the ones a browser would strip) decoded back, since our policy judges the
    URL before it is encoded."""
    return re.sub("%([01][0-9A-F]|20)", lambda m: chr(int(m.group(1), 16)), html.unescape(attribute))


def neutralise_expected(expected):
    """md4c-html's expected output with our URL policy applied to it."""
    def link(m):
        return '<a class="unsafe-link"' if dangerous_url(markdown_url(m.group(1)), "href") else m.group(0)

    def image(m):
        return "<img alt=" if dangerous_url(markdown_url(m.group(1)), "src") else m.group(0)

    expected = re.sub(r'<a href="([^"]*)"', link, expected)
    return re.sub(r'<img src="([^"]*)" alt=', image, expected)


def features(expected, md4c_safe_output):
    """What in the example's Markdown our policies touch, from md4c's own output."""
    found = set()
    if OMITTED in md4c_safe_output:
        found.add("raw")
    if re.search(r"<h[1-6][\s>]", expected):
        found.add("heading")
    if re.search(r"<img[\s/>]", expected):
        found.add("image")
    if re.search(r"<a[\s>]", expected):
        found.add("link")
    if "<x-equation" in expected:
        found.add("math")
    return found


def policies_applied(blog_output):
    """Which of our policies show in a Blog-flavor output."""
    applied = set()
    if re.search(r'<h[1-6] id="', blog_output):
        applied.add("heading")
    if OMITTED in blog_output:
        applied.add("raw")
    if '<a class="unsafe-link"' in blog_output or re.search(r"<img alt=", blog_output):
        applied.add("url")
    if '<span class="math' in blog_output:
        applied.add("math")
    if 'loading="lazy"' in blog_output:
        applied.add("image")
    return applied


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--md-render", required=True, help="path to the md_render tool")
    ap.add_argument("--md4c-test-dir", required=True, help="md4c's test/ folder (suites, runner, normaliser)")
    ap.add_argument("--suite", action="append", required=True, metavar="FILE=FLAGS",
                    help="a suite file in the test folder and its md2html flags, e.g. tables.txt=--ftables")
    args = ap.parse_args()

    sys.path.insert(0, args.md4c_test_dir)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from normalize import normalize_html  # md4c's normaliser, as run-testsuite.py uses it
    from suites import suites

    from batch import render_batch

    # Every example three ways (the suite's flags, the blog's flags, md4c-html
    # markup in safe mode), all through one md_render process.
    examples_of = list(suites(args.md4c_test_dir, args.suite))
    requests = []
    for _, examples in examples_of:
        for t, flags in examples:
            markdown = t["markdown"].encode("utf-8")
            requests += [(["--flavor=blog"] + flags, markdown), (["--flavor=blog"] + BLOG_FLAGS, markdown),
                         (["--flavor=md4c"] + flags, markdown)]
    rendered = iter(render_batch(args.md_render, requests))

    failures = []
    total = identical = required_identical = 0
    differing = Counter()          # differing examples by the set of policies that show
    reason_counts = Counter()      # differing examples per policy (one may count under several)
    per_suite = []

    for name, examples in examples_of:
        suite_identical = 0
        for t, flags in examples:
            total += 1
            where = "%s example %d (lines %d-%d, %s)" % (name, t["example"], t["start_line"],
                                                           t["end_line"], t["section"])
            answers = [next(rendered) for _ in range(3)]
            refused = [output for ok, output in answers if not ok]
            if refused:
                failures.append((where, t["markdown"], "md_render refused it: " + refused[0].decode("utf-8", "replace")))
                continue
            blog, blog_own_flags, md4c_safe = (output.decode("utf-8") for _, output in answers)

            problems = audit(blog) + ["with the blog's parser flags: " + p for p in audit(blog_own_flags)]
            if problems:
                failures.append((where, t["markdown"], "unsafe output:\n  " + "\n  ".join(problems)
                                 + "\noutput:\n" + blog))

            expected = t["html"]
            same = normalize_html(blog) == normalize_html(expected)
            found = features(expected, md4c_safe)
            if same:
                identical += 1
                suite_identical += 1
            if not found & {"raw", "heading", "image", "link", "math"}:
                required_identical += 1
                if not same:
                    failures.append((where, t["markdown"], "differs from md4c-html with no policy to explain it:"
                                     "\nexpected:\n" + expected + "got:\n" + blog))
                continue
            if same:
                continue
            applied = policies_applied(blog)
            differing[frozenset(applied)] += 1
            for reason in applied:
                reason_counts[reason] += 1
            if "raw" not in found and normalize_html(undo_blog_policies(blog)) != \
                    normalize_html(neutralise_expected(expected)):
                failures.append((where, t["markdown"], "differs by more than the listed policies:"
                                 "\nexpected:\n" + expected + "got:\n" + blog))
        per_suite.append((name, len(examples), suite_identical))

    out = sys.stdout
    for where, markdown, message in failures:
        out.write("FAIL %s\nmarkdown:\n%s\n%s\n\n" % (where, markdown, message))

    out.write("Blog flavor, safe mode: %d examples in %d suites, each also rendered with the blog's parser flags\n"
              % (total, len(per_suite)))
    for name, count, same in per_suite:
        out.write("  %-32s %4d examples, %4d identical to md4c-html\n" % (name, count, same))
    out.write("identical to md4c-html after normalisation: %d (of which %d have no raw HTML, heading, "
              "image, link or math and must be)\n" % (identical, required_identical))
    out.write("differing by policy: %d\n" % sum(differing.values()))
    for reason, label in REASONS.items():
        out.write("  %-48s %4d\n" % (label, reason_counts[reason]))
    out.write("  (an example may differ for several reasons; by combination: %s)\n" % ", ".join(
        "%s=%d" % ("+".join(sorted(k)) or "none", v) for k, v in sorted(differing.items(), key=lambda kv: -kv[1])))
    out.write("unsafe or unexplained: %d\n" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
