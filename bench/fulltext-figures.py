#!/usr/bin/python3
"""Full-text search's figures for an index written by `wasm-blog index --out
DIR`: the index's bytes (raw and gzip -9) and what a first query fetches
(the manifest, the shards of its terms, the files of its first five posts;
typo shards not counted). Usage: python3 bench/fulltext-figures.py DIR WORD..."""
import bisect
import gzip
import json
import os
import sys

root = os.path.join(sys.argv[1], "search")
def size(path):
    data = open(path, "rb").read()
    return len(data), len(gzip.compress(data, 9))

total = [0, 0]
count = 0
for folder, _, names in os.walk(root):
    for name in names:
        raw, gz = size(os.path.join(folder, name))
        total[0] += raw
        total[1] += gz
        count += 1
manifest = json.load(open(os.path.join(root, "manifest.json")))
m = size(os.path.join(root, "manifest.json"))
shards = [size(os.path.join(root, f)) for f in manifest["files"]]
print("files %d, total %d B, gzip %d B; manifest %d B (gzip %d); %d shards, largest %d B (gzip %d)"
      % (count, total[0], total[1], m[0], m[1], len(shards), max(s[0] for s in shards), max(s[1] for s in shards)))
starts = manifest["starts"]
for word in sys.argv[2:]:
    i = bisect.bisect_right(starts, word) - 1
    sh = size(os.path.join(root, manifest["files"][i]))
    text = open(os.path.join(root, manifest["files"][i]), encoding="utf-8").read()
    docs = 0
    for line in text.split("\n")[1:]:
        if line.startswith(word + "\t"):
            docs = line.count(" ") + 1
    d = [size(os.path.join(root, "d", "%d.json" % k)) for k in range(min(5, manifest["docs"]))]
    print("query %r: manifest + 1 shard + 5 post files = %d B, gzip %d B (term in %d posts)"
          % (word, m[0] + sh[0] + sum(x[0] for x in d), m[1] + sh[1] + sum(x[1] for x in d), docs))
