#!/usr/bin/env python3
"""The tokenizer's Snowball stemmers against Debian's own build of the same
Snowball version: every word of Debian's word lists (/usr/share/dict, the w*
packages that scripts/setup.sh installs) stemmed by Debian's stemwords
(libstemmer-tools) and by ours (tests/stem_words.cpp, Tokenizer::stem), and
every stem must be identical.

usage: stemwords_compare.py STEM_WORDS SNOWBALL_VERSION

The lists are read as UTF-8, or as ISO-8859-1 when they are not UTF-8
(Debian 12's bokmaal and swedish), lower-cased and deduplicated, and the same
UTF-8 file is given to both programs (stemwords -c UTF_8).

Every tenth word of each list (in sorted order, so every run compares the
same ones; about 320,000 words in all, a few seconds): the two programs are
built from one source, and a difference in how ours is built shows in any
tenth. BLOG_STEM_ALL=1 compares every word (3.2 million, a minute).
"""
import os
import subprocess
import sys
import tempfile

DICT = "/usr/share/dict"
# Snowball's algorithm -> Debian's word lists for it (package: file).
WORD_LISTS = {
    "danish": ["danish"],                                  # wdanish
    "dutch": ["dutch"],                                    # wdutch
    "english": ["american-english", "british-english"],    # wamerican, wbritish
    "french": ["french"],                                  # wfrench
    "german": ["ngerman"],                                 # wngerman
    "italian": ["italian"],                                # witalian
    "norwegian": ["bokmaal"],                              # wnorwegian (bokmål)
    "portuguese": ["portuguese"],                          # wportuguese
    "spanish": ["spanish"],                                # wspanish
    "swedish": ["swedish"],                                # wswedish
}
# Debian 12 packages no word list for these (no wfinnish, no wrussian).
NO_LIST = {"finnish", "russian"}
MISMATCHES_SHOWN = 10


def read_list(path):
    data = open(path, "rb").read()
    try:
        text, encoding = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("iso-8859-1"), "ISO-8859-1"
    return text.splitlines(), encoding


def stemwords_version():
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libstemmer-tools"],
                             capture_output=True, text=True, check=True).stdout
        return out.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    stem_words, snowball_version = sys.argv[1], sys.argv[2]
    version = stemwords_version()
    if version is None:
        print("FAIL: libstemmer-tools is not installed (its stemwords is the reference): run scripts/setup.sh")
        return 1
    if version.split("-")[0] != snowball_version:
        print(f"FAIL: libstemmer-tools is {version}, the stemmers are built from Snowball {snowball_version}")
        return 1
    languages = subprocess.run([stem_words, "--list"], capture_output=True, text=True,
                               check=True).stdout.split()
    passed = failed = 0
    total_words = 0
    with tempfile.TemporaryDirectory(prefix="stemwords-") as tmp:
        for lang in languages:
            if lang not in WORD_LISTS:
                why = "Debian 12 has no word list for it" if lang in NO_LIST else "no word list named for it here"
                print(f"{lang}: not compared ({why})")
                continue
            words, sources = set(), []
            missing = [f for f in WORD_LISTS[lang] if not os.path.isfile(os.path.join(DICT, f))]
            if missing:
                print(f"FAIL {lang}: {', '.join(os.path.join(DICT, f) for f in missing)} missing: run scripts/setup.sh")
                failed += 1
                continue
            for f in WORD_LISTS[lang]:
                lines, encoding = read_list(os.path.join(DICT, f))
                sources.append(f"{f} ({encoding}, {len(lines)} lines)")
                for line in lines:
                    w = line.strip().lower()
                    if w and not any(c.isspace() for c in w):
                        words.add(w)
            words = sorted(words)
            if os.environ.get("BLOG_STEM_ALL") != "1":
                words = words[::10]
            infile = os.path.join(tmp, lang + ".txt")
            with open(infile, "w", encoding="utf-8", newline="\n") as out:
                out.write("".join(w + "\n" for w in words))
            ref_file = os.path.join(tmp, lang + ".stemwords")
            subprocess.run(["stemwords", "-l", lang, "-c", "UTF_8", "-i", infile, "-o", ref_file], check=True)
            with open(infile, "rb") as fin:
                ours = subprocess.run([stem_words, lang], stdin=fin, capture_output=True, check=True).stdout
            ref = open(ref_file, "rb").read().decode("utf-8").split("\n")
            got = ours.decode("utf-8").split("\n")
            if len(ref) != len(got) or len(ref) != len(words) + 1:
                print(f"FAIL {lang}: {len(words)} words, stemwords gave {len(ref) - 1} lines, stem_words {len(got) - 1}")
                failed += 1
                continue
            wrong = [(w, r, g) for w, r, g in zip(words, ref, got) if r != g]
            for w, r, g in wrong[:MISMATCHES_SHOWN]:
                print(f"  {lang}: {w} -> {g}, stemwords: {r}")
            changed = sum(1 for w, r in zip(words, ref) if w != r)
            status = "ok" if not wrong else "FAIL"
            print(f"{status} {lang}: {len(words)} words compared, {len(wrong)} differ "
                  f"({changed} changed by stemming) from {' + '.join(sources)}")
            total_words += len(words)
            if wrong or len(words) < 100:
                failed += 1
            else:
                passed += 1
    print(f"{total_words} words in {passed + failed} languages compared with Debian's stemwords {version}")
    print(f"languages whose stems are all identical: {passed}; differing or not compared: {failed}")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
