#!/usr/bin/env python3
"""Parses an RSS file with Debian's feedparser (a real feed reader's parser)
and prints what a reader would see, one field per line; exit 1 when the feed
is malformed (feedparser's bozo flag) or has no entries.
Usage: /usr/bin/python3 feed_check.py FEED.xml"""
import sys

import feedparser

feed = feedparser.parse(sys.argv[1])
if feed.bozo:
    print("malformed: %s" % feed.bozo_exception)
    sys.exit(1)
print("title: %s" % feed.feed.title)
print("link: %s" % feed.feed.link)
for e in feed.entries:
    print("entry: %s | %s | %s | %s" % (e.title, e.link, e.get("published", "-"), e.get("author", "-")))
sys.exit(0 if feed.entries else 1)
