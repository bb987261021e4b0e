#!/usr/bin/python3
"""A Hugo site of N posts of prose for full-text search's figures: words
drawn from /usr/share/dict/american-english by a Zipf law (s = 1.1, a seeded
generator), 400–1,200 words a post in sections under "## " headings.
Usage: python3 bench/fulltext-site.py N OUT"""
import os
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(18)
with open("/usr/share/dict/american-english", encoding="utf-8") as f:
    vocab = [w.strip() for w in f if w.strip().isalpha() and w.strip().islower()]
rng.shuffle(vocab)
vocab = vocab[:30000]
weights = [1 / (r + 1) ** 1.1 for r in range(len(vocab))]
os.makedirs(os.path.join(out, "content", "posts"), exist_ok=True)
with open(os.path.join(out, "hugo.toml"), "w") as f:
    f.write('baseURL = "https://example.org/"\ntitle = "Prose"\nlanguageCode = "en-us"\n')
for i in range(n):
    words = rng.choices(vocab, weights, k=rng.randint(400, 1200))
    body, k = [], 0
    while k < len(words):
        if k and rng.random() < 0.3:
            body.append("\n## " + " ".join(words[k:k + 3]).capitalize() + "\n")
            k += 3
        sentence = words[k:k + rng.randint(8, 20)]
        k += len(sentence)
        body.append(" ".join(sentence).capitalize() + ".")
    title = " ".join(rng.choices(vocab, weights, k=4)).capitalize()
    tags = rng.choices(vocab[:200], k=2)
    with open(os.path.join(out, "content", "posts", "p%05d.md" % i), "w", encoding="utf-8") as f:
        f.write('---\ntitle: "%s"\ndate: 2020-01-01\ntags: [%s]\n---\n%s\n' % (title, ", ".join(tags), " ".join(body)))
