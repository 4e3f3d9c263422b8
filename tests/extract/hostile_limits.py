#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Hostile pages through the extractor CLI under 256 MB of address space and a time budget.

Writes 10 MB on one line, 100,000 nested elements, binary junk and an empty file, runs
`extract_dump` (HTML and text mode) on each with RLIMIT_AS = 256 MiB, and checks that every run
ends, within the budget, either with a Document (exit 0) or with a clear error (exit 1 and a
message on stderr) - never a crash, a hang or running out of memory. Prints time and peak
memory of each run.

usage: hostile_limits.py EXTRACT_DUMP [--budget SECONDS] [--no-rlimit]
"""
import os
import resource
import subprocess
import sys
import tempfile
import time

LIMIT = 256 << 20


def cases(tmp):
    sentence = ("GENEVA (12 March 2024) - The Anti-Slavery Network (ASN) and Commissioner Jane Roe "
                "said the Modern Slavery Act 2015 applies; call +44 20 7946 0000 or a@b.org. ")
    big = (sentence * ((10 << 20) // len(sentence) + 1))[:10 << 20]
    out = {
        "one-line-10mb.html": "<html><body><p>" + big + "</p></body></html>",
        "one-line-10mb.txt": big,
        "nested-100k.html": "<html><body>" + "<div>" * 100000 + "<p>Deep text.</p>",
        "nested-100k-inline.html": "<p>" + "<b><i>" * 50000 + "text",
        "empty.html": "",
        "empty.txt": "",
    }
    v = 12345
    junk = bytearray()
    for _ in range(1 << 20):
        v = (v * 1103515245 + 12345) & 0xFFFFFFFF
        junk.append(v >> 24)
    paths = []
    for name, text in out.items():
        p = os.path.join(tmp, name)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(p)
    for name in ("junk.html", "junk.txt"):
        p = os.path.join(tmp, name)
        with open(p, "wb") as f:
            f.write(junk)
        paths.append(p)
    return paths


def main(argv):
    args = argv[1:]
    budget, rlimit = 2.0, True
    if "--budget" in args:
        i = args.index("--budget")
        budget = float(args[i + 1])
        del args[i:i + 2]
    if "--no-rlimit" in args:
        args.remove("--no-rlimit")
        rlimit = False
    if len(args) != 1:
        sys.stderr.write(__doc__)
        return 2
    dump = args[0]

    def limit():
        if rlimit:
            resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))

    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for path in cases(tmp):
            cmd = [dump] + (["--html"] if path.endswith(".html") else []) + [path, os.devnull]
            t0 = time.monotonic()
            try:
                proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      preexec_fn=limit, timeout=max(10.0, budget * 5))
                code, err = proc.returncode, proc.stderr.decode("utf-8", "replace").strip()
            except subprocess.TimeoutExpired:
                code, err = None, "timed out"
            took = time.monotonic() - t0
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
            last = err.splitlines()[-1] if err else ""
            good = (code == 0 or (code == 1 and last != "")) and took <= budget
            ok = ok and good
            print("%-26s exit %-4s %6.2f s  peak RSS so far %6.1f MB  %s%s" %
                  (os.path.basename(path), code, took, peak, last[:90],
                   "" if good else "   << FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
