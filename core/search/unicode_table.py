#!/usr/bin/env python3
"""Writes unicode_table.cpp: the character tables of the search tokenizer
(core/search/unicode_table.hpp), read at build time from Debian's
unicode-data (/usr/share/unicode); no table is copied into the repository.

  PROPS   per code point, one byte: its UAX #29 Word_Break value (bits 0-4),
          Extended_Pictographic (bit 5, for WB3c), "a letter or number the
          Word_Break value does not say" (bit 6: general category L or N with
          Word_Break Other, e.g. Han, Hiragana, Thai), and "written without
          spaces: bigrams" (bit 7: scripts Han, Hiragana, Katakana, Hangul).
          Ranges of equal bytes: sorted starts (uint32) + their bytes.
  NORM    the fold applied before stemming: full case folding (C + F), the
          width variants (<wide>, <narrow>: full-width Latin as Latin), the
          typographic apostrophes as ' ; U+0130 folds to plain i.
  STRIP   the fold applied after stemming: canonical decomposition reduced
          to its base (marks of category Mn dropped, "é" e, "ὀ" ο), combining
          marks of the Inherited and Hebrew scripts dropped, and the letters
          without a decomposition as core/search/search.cpp folds them
          (æ ae, ø o, ł l, đ d, ß ss, þ th, œ oe, ı i ...). Kana keep their
          voicing marks (が is not か); the CJK compatibility ideographs are
          not mapped to their unified forms (8 KB for characters rarely met).

NORM and STRIP are runs, 8 bytes each: key = first << 11 | (count - 1),
value = payload << 3 | kind; kinds: 0 DELTA (each cp + payload, signed),
1 DELTA on every second code point (the others unchanged), 2 CONST (each to
the code point payload), 3 STRING (payload = offset << 5 | length into the
UTF-8 pool; length 0 drops the character).

  unicode_table.py UNICODE_DIR OUT.cpp
"""
import os
import sys


def fail(msg):
    sys.exit(f"unicode_table.py: {msg}")


def ranges(path, want_field=1):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            lo, _, hi = fields[0].partition("..")
            yield int(lo, 16), int(hi or lo, 16), fields[want_field]


WB = ["Other", "CR", "LF", "Newline", "Extend", "ZWJ", "Regional_Indicator", "Format", "Katakana",
      "Hebrew_Letter", "ALetter", "Single_Quote", "Double_Quote", "MidNumLet", "MidLetter", "MidNum",
      "Numeric", "ExtendNumLet", "WSegSpace"]
BIGRAM_SCRIPTS = {"Han", "Hiragana", "Katakana", "Hangul"}
EXTRA = {  # letters without a canonical decomposition, as core/search/search.cpp folds them
    "æ": "ae", "ð": "d", "ø": "o", "þ": "th", "đ": "d", "ħ": "h", "ı": "i", "ĳ": "ij", "ĸ": "k",
    "ŀ": "l", "ł": "l", "ŋ": "n", "œ": "oe", "ŧ": "t", "ß": "ss", "ſ": "s",
    "ƀ": "b", "ƈ": "c", "ƌ": "d", "ƒ": "f", "ƙ": "k", "ƚ": "l", "ƞ": "n", "ƥ": "p", "ƫ": "t",
    "ƭ": "t", "ƴ": "y", "ƶ": "z", "ȡ": "d", "ȥ": "z", "ɓ": "b", "ɗ": "d", "ɠ": "g", "ɨ": "i",
    "ʉ": "u",
}


def main(udir, out_path):
    data = {}  # cp -> (gc, decomposition field)
    with open(os.path.join(udir, "UnicodeData.txt"), encoding="utf-8") as f:
        for line in f:
            p = line.split(";")
            data[int(p[0], 16)] = (p[2], p[5])
    gc = lambda cp: data.get(cp, ("Cn", ""))[0]
    # ranges "<CJK Ideograph, First>" .. "Last>" carry their category
    with open(os.path.join(udir, "UnicodeData.txt"), encoding="utf-8") as f:
        first = None
        for line in f:
            p = line.split(";")
            if p[1].endswith(", First>"):
                first = int(p[0], 16)
            elif p[1].endswith(", Last>"):
                for cp in range(first, int(p[0], 16)):
                    data.setdefault(cp, (p[2], ""))
    script = {}
    for lo, hi, v in ranges(os.path.join(udir, "Scripts.txt")):
        for cp in range(lo, hi + 1):
            script[cp] = v
    wb = {}
    for lo, hi, v in ranges(os.path.join(udir, "auxiliary", "WordBreakProperty.txt")):
        if v not in WB:
            fail(f"unknown Word_Break value {v}")
        for cp in range(lo, hi + 1):
            wb[cp] = WB.index(v)
    pict = set()
    for lo, hi, v in ranges(os.path.join(udir, "emoji", "emoji-data.txt")):
        if v == "Extended_Pictographic":
            pict.update(range(lo, hi + 1))

    def props(cp):
        w = wb.get(cp, 0)
        b = w | (0x20 if cp in pict else 0)
        if w == 0 and gc(cp)[0] in "LN":
            b |= 0x40
        # Katakana's Word_Break value covers ー and the kana repeat marks (script Common)
        if w == 8 or (script.get(cp) in BIGRAM_SCRIPTS and w in (0, 10) and gc(cp)[0] in "LN"):
            b |= 0x80
        return b

    prop_starts, prop_values, prev = [], [], None
    for cp in range(0x110000):
        b = props(cp)
        if b != prev:
            prop_starts.append(cp)
            prop_values.append(b)
            prev = b

    # NORM: case folding C + F, width variants, apostrophes.
    casefold = {}
    with open(os.path.join(udir, "CaseFolding.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            code, status, mapping = [x.strip() for x in line.split(";")[:3]]
            if status in ("C", "F"):
                casefold[int(code, 16)] = [int(x, 16) for x in mapping.split()]
    casefold[0x130] = [0x69]  # İ: i without the dot above (Turkish; see tokenizer.hpp)
    for cp, (_, dec) in data.items():
        if dec.startswith("<wide>") or dec.startswith("<narrow>"):
            casefold.setdefault(cp, [int(x, 16) for x in dec.split()[1:]])
    casefold[0x2018] = casefold[0x2019] = [0x27]

    def norm(cps):
        for _ in range(4):
            nxt = []
            for c in cps:
                nxt += casefold.get(c, [c])
            if nxt == cps:
                return cps
            cps = nxt
        return cps

    def canonical(cp):
        dec = data.get(cp, ("", ""))[1]
        if not dec or dec.startswith("<"):
            return [cp]
        out = []
        for x in dec.split():
            out += canonical(int(x, 16))
        return out

    kana = {"Hiragana", "Katakana"}

    def strip_one(cp):
        # Kana keep their voicing marks; the CJK compatibility ideographs
        # (a thousand singletons, 8 KB of runs) stay as they are.
        if script.get(cp) in kana or cp in (0x3099, 0x309A) or script.get(cp) == "Han":
            return [cp]
        if gc(cp) == "Mn" and script.get(cp) in ("Inherited", "Hebrew"):
            return []
        dec = canonical(cp)
        out = dec if gc(dec[0]) == "Mn" else [dec[0]] + [c for c in dec[1:] if gc(c) != "Mn"]
        res = []
        for c in out:
            e = EXTRA.get(chr(c))
            res += [ord(x) for x in e] if e else [c]
        return res

    def strip(cps):
        for _ in range(4):
            nxt = []
            for c in cps:
                nxt += strip_one(c)
            nxt = norm(nxt)
            if nxt == cps:
                return cps
            cps = nxt
        return cps

    norm_map, strip_map = {}, {}
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        n = norm([cp])
        if n != [cp]:
            norm_map[cp] = n
        s = strip([cp])
        if s != [cp] and n == [cp]:  # STRIP reads only what NORM wrote
            strip_map[cp] = s
    # The fold is idempotent: strip(norm(strip(norm(x)))) == strip(norm(x)).
    for cp in list(norm_map) + list(strip_map):
        once = strip(norm([cp]))
        if strip(norm(once)) != once:
            fail(f"the fold of U+{cp:04X} is not stable")

    norm_runs, norm_pool = encode(norm_map)
    # A code point NORM changes never reaches STRIP: any run may cover it.
    strip_runs, strip_pool = encode(strip_map, set(norm_map))

    ascii_props = prop_values_for(prop_starts, prop_values, 128)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("// Written by core/search/unicode_table.py from Debian's unicode-data: do not edit.\n")
        f.write(f"// PROPS {len(prop_starts)} ranges ({len(prop_starts) * 5} B), NORM {len(norm_runs)} runs + "
                f"{len(norm_pool)} B, STRIP {len(strip_runs)} runs + {len(strip_pool)} B; total "
                f"{len(prop_starts) * 5 + 128 + 8 * (len(norm_runs) + len(strip_runs)) + len(norm_pool) + len(strip_pool)} B.\n")
        f.write('#include "core/search/unicode_table.hpp"\n\nnamespace blog::unicode_table {\n\n')
        f.write(f"const size_t kPropCount = {len(prop_starts)};\n")
        f.write("const uint32_t kPropStarts[] = {" + ",".join(map(str, prop_starts)) + "};\n")
        f.write("const uint8_t kPropValues[] = {" + ",".join(map(str, prop_values)) + "};\n")
        f.write("const uint8_t kAsciiProps[128] = {" + ",".join(map(str, ascii_props)) + "};\n")
        for name, runs, pool in (("Norm", norm_runs, norm_pool), ("Strip", strip_runs, strip_pool)):
            f.write(f"const size_t k{name}Count = {len(runs)};\n")
            f.write(f"const uint32_t k{name}Keys[] = {{" + ",".join(str(k) for k, _ in runs) + "};\n")
            f.write(f"const int32_t k{name}Values[] = {{" + ",".join(str(v) for _, v in runs) + "};\n")
            f.write(f"const char k{name}Pool[] = \"" + "".join(f"\\x{b:02x}" for b in pool) + "\";\n")
        f.write("\n}  // namespace blog::unicode_table\n")


def prop_values_for(starts, values, n):
    out, j = [], 0
    for cp in range(n):
        while j + 1 < len(starts) and starts[j + 1] <= cp:
            j += 1
        out.append(values[j])
    return out


def encode(mapping, free=frozenset()):
    """Runs over the sorted mapping (see the module's comment); the code
    points in `free` are never looked up: a run may cover them."""
    runs, pool, pool_index = [], bytearray(), {}
    cps = sorted(mapping)
    i = 0
    while i < len(cps):
        cp, m = cps[i], mapping[cps[i]]
        if len(m) == 1:
            # the longest run of each kind starting here
            best = (1, 0, m[0] - cp)
            for kind, step in ((0, 1), (1, 2), (2, 1)):
                n, j = 1, i
                while True:
                    nxt = cp + n * step
                    if step == 1 and nxt in free and n < 2047:
                        n += 1
                        continue
                    if n >= 2048 // step or nxt not in mapping or len(mapping[nxt]) != 1:
                        break
                    if kind == 2 and mapping[nxt][0] != m[0]:
                        break
                    if kind != 2 and mapping[nxt][0] - nxt != m[0] - cp:
                        break
                    if step == 2 and (cp + n * 2 - 1) in mapping and (cp + n * 2 - 1) not in free:
                        break
                    n += 1
                span = (n - 1) * step + 1
                if n > best[0]:
                    best = (n, kind, m[0] if kind == 2 else m[0] - cp, span, step)
            if best[0] == 1:
                best = (1, 0, m[0] - cp, 1, 1)
            n, kind, payload, span, step = best
            while span > 1 and cp + span - 1 not in mapping:  # no free code points at the end
                span -= 1
            runs.append(((cp << 11) | (span - 1), (payload << 3) | kind))
            end = cp + span
            while i < len(cps) and cps[i] < end:
                i += 1
            continue
        # STRING: consecutive code points with the same string (dropped marks) share a run
        s = "".join(chr(c) for c in m).encode("utf-8")
        if s not in pool_index:
            pool_index[s] = len(pool)
            pool += s
        n = 1
        while i + n < len(cps) and cps[i + n] == cp + n and mapping[cps[i + n]] == m and n < 2048:
            n += 1
        if len(s) >= 32 or pool_index[s] >= 1 << 20:
            fail("a fold string does not fit the run layout")
        runs.append(((cp << 11) | (n - 1), (((pool_index[s] << 5) | len(s)) << 3) | 3))
        i += n
    return runs, pool


if __name__ == "__main__":
    if len(sys.argv) != 3:
        fail("usage: unicode_table.py UNICODE_DIR OUT.cpp")
    main(sys.argv[1], sys.argv[2])
