#!/usr/bin/env python3
"""Adding one article to a built graph against building the graph again (issue 14), in one run.

    cargo build --release && python3 benches/grow.py [CORPUS.jsonl]

The corpus (default: the shared Reuters-21578, 19,043 articles) less its newest article is
built into a graph; then, best of several runs each, the whole corpus is built from scratch
(`kg build`) and the newest article is added to the smaller graph (`kg add`). The newest is the
one the merge takes last: the latest day, and the greatest id on that day, as a new day's news
would be; `kg add` merges it on top of the graph read. It also adds the corpus's last line
(an article of an earlier day, which makes `kg add` merge every record again). All are timed
as the commands users run, wall clock and CPU (user + system), and each grown graph is checked
to be byte for byte the rebuilt one. It also times opening the graph (`kg stats`), which reads
the merged graph saved beside the records. Prints each time and the ratios.
"""

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
KG = os.environ.get("KG", os.path.join(HERE, "..", "target", "release", "kg"))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "..", "..", "shared", "corpus", "reuters21578.jsonl")


def run(args):
    """Runs kg; returns (wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([KG, *args], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


def day(line):
    """An article's day as kg reads the JSON Lines `date` field (ISO 8601 or the Reuters form
    `26-FEB-1987 15:01:01.79`), or None: enough to find the newest article."""
    date = str(json.loads(line).get("date") or "")
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", date)
    if m:
        return tuple(int(g) for g in m.groups())
    m = re.match(r"(\d{1,2})-([A-Z]{3})-(\d{4})", date.upper())
    if m and m.group(2) in MONTHS:
        return (int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
    return None


def grow(tmp, rest, one, full):
    """Builds `rest`, adds `one` seven times to a copy: the best time, and whether the grown
    graph is the rebuilt one."""
    most, new = os.path.join(tmp, "most.jsonl"), os.path.join(tmp, "one.jsonl")
    base, grown = os.path.join(tmp, "base.kg"), os.path.join(tmp, "grown.kg")
    with open(most, "w", encoding="utf-8") as f:
        f.writelines(rest)
    with open(new, "w", encoding="utf-8") as f:
        f.write(one)
    run(["build", most, "--output", base])
    adds = []
    for _ in range(7):
        shutil.copyfile(base, grown)
        adds.append(run(["add", "--graph", grown, new]))
    with open(full, "rb") as a, open(grown, "rb") as b:
        same = a.read() == b.read()
    return best(adds), same


def best(times):
    return min(t[0] for t in times), min(t[1] for t in times)


def main():
    tmp = tempfile.mkdtemp(prefix="kg-grow-")
    try:
        with open(CORPUS, encoding="utf-8") as f:
            lines = [line for line in f if line.strip()]
        full = os.path.join(tmp, "full.kg")
        rebuild = best([run(["build", CORPUS, "--output", full]) for _ in range(3)])

        def merge_key(i):
            d = day(lines[i])
            return (d is not None, d or (0, 0, 0), json.loads(lines[i]).get("id", ""))

        newest = max(range(len(lines)), key=merge_key)
        add, same = grow(tmp, lines[:newest] + lines[newest + 1:], lines[newest], full)
        last = len(lines) - 1
        earlier, same_earlier = grow(tmp, lines[:-1], lines[-1], full)
        load = best([run(["stats", "--graph", full]) for _ in range(3)])
        print(f"corpus: {len(lines)} articles, graph file {os.path.getsize(full):,} bytes")
        print(f"rebuild (kg build, all):      wall {rebuild[0]:.3f} s, cpu {rebuild[1]:.3f} s")
        print(f"add the newest (line {newest + 1}):  wall {add[0]:.3f} s, cpu {add[1]:.3f} s")
        print(f"add the last line ({last + 1}):   wall {earlier[0]:.3f} s, cpu {earlier[1]:.3f} s")
        print(f"open (kg stats):             wall {load[0]:.3f} s, cpu {load[1]:.3f} s")
        print(f"grown graphs == rebuilt graph: {same and same_earlier}")
        print(f"ratio, rebuild / add the newest: wall {rebuild[0] / add[0]:.1f}x, "
              f"cpu {rebuild[1] / add[1]:.1f}x")
        print(f"ratio, rebuild / add the last line: wall {rebuild[0] / earlier[0]:.1f}x, "
              f"cpu {rebuild[1] / earlier[1]:.1f}x")
        if not (same and same_earlier):
            sys.exit("a grown graph differs from the rebuilt one")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
