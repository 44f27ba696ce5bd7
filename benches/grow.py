#!/usr/bin/env python3
"""Adding one article to a built graph against building the graph again (issue 14), in one run.

    cargo build --release && python3 benches/grow.py [CORPUS.jsonl]

The corpus (default: the shared Reuters-21578, 19,043 articles) less its last article is built
into a graph; then, best of several runs each, the whole corpus is built from scratch (`kg
build`) and the last article is added to the smaller graph (`kg add`). Both are timed as the
commands users run, wall clock and CPU (user + system), and the grown graph is checked to be
byte for byte the rebuilt one. It also times opening the graph (`kg stats`), which reads the
merged graph saved beside the records. Prints each time and the ratios.
"""

import os
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


def best(times):
    return min(t[0] for t in times), min(t[1] for t in times)


def main():
    tmp = tempfile.mkdtemp(prefix="kg-grow-")
    try:
        with open(CORPUS, encoding="utf-8") as f:
            lines = [line for line in f if line.strip()]
        most, one = os.path.join(tmp, "most.jsonl"), os.path.join(tmp, "one.jsonl")
        with open(most, "w", encoding="utf-8") as f:
            f.writelines(lines[:-1])
        with open(one, "w", encoding="utf-8") as f:
            f.writelines(lines[-1:])
        full, base, grown = (os.path.join(tmp, n) for n in ("full.kg", "base.kg", "grown.kg"))
        run(["build", most, "--output", base])
        rebuild = best([run(["build", CORPUS, "--output", full]) for _ in range(3)])
        adds = []
        for _ in range(7):
            shutil.copyfile(base, grown)
            adds.append(run(["add", "--graph", grown, one]))
        add = best(adds)
        with open(full, "rb") as a, open(grown, "rb") as b:
            same = a.read() == b.read()
        load = best([run(["stats", "--graph", full]) for _ in range(3)])
        print(f"corpus: {len(lines)} articles, graph file {os.path.getsize(full):,} bytes")
        print(f"rebuild (kg build, all):      wall {rebuild[0]:.3f} s, cpu {rebuild[1]:.3f} s")
        print(f"add one (kg add, 1 article):  wall {add[0]:.3f} s, cpu {add[1]:.3f} s")
        print(f"open (kg stats):             wall {load[0]:.3f} s, cpu {load[1]:.3f} s")
        print(f"grown graph == rebuilt graph: {same}")
        print(f"ratio, rebuild / add: wall {rebuild[0] / add[0]:.1f}x, cpu {rebuild[1] / add[1]:.1f}x")
        if not same:
            sys.exit("the grown graph differs from the rebuilt one")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
