#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Scores the article body the HTML extractor finds against hand-marked bodies.

For every PAGE.html in the page folder that has a PAGE.body.txt next to it, runs
`extract_dump --html PAGE.html`, joins `articles[0].body[*].text` and compares it with the
hand-marked body by word 4-gram F1: both texts are lower-cased (Unicode), cut into words
(runs of Unicode letters and digits, as Python's `\\w`, underscores excluded) and turned into a
multiset ("bag") of word 4-grams; precision = shared / extracted, recall = shared / expected,
F1 = 2PR / (P + R). This is the measure of the usual article-body benchmarks (shingles of four
words). A dateline the extractor moved out of the first paragraph (`articles[0].dateline.raw`)
is put back in front of the body. Texts shorter than four words count their words as one n-gram.

usage: body_score.py EXTRACT_DUMP PAGE_DIR [--min-mean F] [--min-page F] [--show NAME]
Exit status 0 when the mean F1 and every page reach the thresholds, 1 otherwise.
"""
import collections
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"[^\W_]+", re.UNICODE)


def ngrams(text, n=4):
    words = WORD.findall(text.lower())
    if len(words) < n:
        return collections.Counter([tuple(words)] if words else [])
    return collections.Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def f1(extracted, expected):
    got, want = ngrams(extracted), ngrams(expected)
    if not got and not want:
        return 1.0, 1.0, 1.0
    shared = sum((got & want).values())
    p = shared / sum(got.values()) if got else 0.0
    r = shared / sum(want.values()) if want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def extract(dump, page):
    proc = subprocess.run([dump, "--html", page], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=60)
    if proc.returncode != 0:
        return None, proc.stderr.decode("utf-8", "replace").strip()
    doc = json.loads(proc.stdout.decode("utf-8"))
    arts = doc.get("articles") or []
    if not arts:
        return "", "no article"
    # A dateline ("GENEVA, 12 March 2024 -") is body text moved into its own field.
    dateline = (arts[0].get("dateline") or {}).get("raw", "")
    # body blocks are strings (paragraphs) or objects with "text" (headings, quotes, ...)
    body = "\n".join(b if isinstance(b, str) else b.get("text", "")
                     for b in arts[0].get("body") or [])
    return (dateline + " " + body if dateline else body), ""


def main(argv):
    args = argv[1:]
    min_mean, min_page, show = 0.0, 0.0, None
    pos = []
    i = 0
    while i < len(args):
        if args[i] == "--min-mean":
            min_mean = float(args[i + 1])
            i += 2
        elif args[i] == "--min-page":
            min_page = float(args[i + 1])
            i += 2
        elif args[i] == "--show":
            show = args[i + 1]
            i += 2
        else:
            pos.append(args[i])
            i += 1
    if len(pos) != 2:
        sys.stderr.write(__doc__)
        return 2
    dump, folder = pos
    names = sorted(f[:-5] for f in os.listdir(folder)
                   if f.endswith(".html") and os.path.exists(os.path.join(folder, f[:-5] + ".body.txt")))
    if not names:
        print("no pages in", folder)
        return 1
    scores = []
    ok = True
    print("%-34s %6s %6s %6s" % ("page", "P", "R", "F1"))
    for name in names:
        page = os.path.join(folder, name + ".html")
        with open(os.path.join(folder, name + ".body.txt"), encoding="utf-8") as f:
            expected = f.read()
        got, err = extract(dump, page)
        if got is None:
            print("%-34s  error: %s" % (name, err))
            scores.append(0.0)
            ok = False
            continue
        p, r, score = f1(got, expected)
        scores.append(score)
        flag = "" if score >= min_page else "  << below %.2f" % min_page
        if score < min_page:
            ok = False
        print("%-34s %6.3f %6.3f %6.3f%s" % (name, p, r, score, flag))
        if show == name or show == "all":
            print("---- extracted\n" + got + "\n---- expected\n" + expected + "----")
    mean = sum(scores) / len(scores)
    print("%-34s %20.3f  (%d pages, min %.3f)" % ("mean F1", mean, len(scores), min(scores)))
    if mean < min_mean:
        print("mean F1 %.3f below %.3f" % (mean, min_mean))
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
