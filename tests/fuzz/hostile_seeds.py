#!/usr/bin/env python3
"""Writes the shared hostile corpus (tests/corpus/hostile-markdown.json) as
inputs of the Markdown fuzz target: each payload four times, behind the
target's three option bytes (the blog's parser flags; blog flavor; once
against "posts/a.md", once against "http://127.0.0.1:8000/posts/a.md" with
self_route and link_route; each with raw HTML omitted and with raw HTML
sanitized). `make fuzz` seeds the target with them and CTest
replays them under the target's safety checks.

Usage: hostile_seeds.py CORPUS.json OUT_DIR
"""
import json
import os
import re
import sys

# MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS, as MarkdownOptions::default_parser_flags()
BLOG_FLAGS = 0x0004 | 0x0008 | 0x0400 | 0x0100 | 0x0200 | 0x0800 | 0x1000
OPTIONS = {"relative-base": 0x00, "absolute-base-routes": 0x2C,  # base 0 / base 2 + self_route + link_route
           "relative-base-sanitize": 0x80, "absolute-base-routes-sanitize": 0xAC}  # bit 7: RawHtml::Sanitize


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    with open(corpus, encoding="utf-8") as f:
        payloads = json.load(f)["payloads"]
    os.makedirs(out, exist_ok=True)
    for old in os.listdir(out):
        os.remove(os.path.join(out, old))
    for i, p in enumerate(payloads):
        name = re.sub(r"[^a-z0-9]+", "-", p["name"].lower()).strip("-")
        for variant, opts in OPTIONS.items():
            with open(os.path.join(out, "%03d-%s-%s" % (i, name, variant)), "wb") as f:
                f.write(bytes([BLOG_FLAGS & 0xFF, BLOG_FLAGS >> 8, opts]) + p["markdown"].encode("utf-8"))
    print("%d hostile inputs written to %s" % (len(OPTIONS) * len(payloads), out))


if __name__ == "__main__":
    main()
