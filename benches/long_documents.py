#!/usr/bin/env python3
"""Cost against document length, in one run: the same Reuters text as one 1 MB article, as
the same text on one line (one paragraph), as the articles it was made of, and as 4 and 15
times as much (one article each). Prints user CPU and peak memory per MB for each, so that a
cost that grows faster than the text shows as a rising column.

    python3 benches/long_documents.py [--kg target/release/kg] [--corpus ../shared/corpus/reuters21578.jsonl]
"""
import argparse
import json
import os
import resource
import subprocess
import tempfile


def run(kg, path, out):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(
        ["/usr/bin/time", "-f", "%M", kg, "build", path, "--jobs", "1", "--output", out],
        capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise SystemExit(f"kg build {path} failed:\n{p.stderr}")
    peak_kb = int(p.stderr.strip().splitlines()[-1])
    return after.ru_utime - before.ru_utime, peak_kb / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kg", default="target/release/kg")
    ap.add_argument("--corpus", default="../shared/corpus/reuters21578.jsonl")
    a = ap.parse_args()
    docs = []
    size = 0
    with open(a.corpus) as f:
        for line in f:
            text = json.loads(line)["text"]
            docs.append(text)
            size += len(text.encode()) + 2
            if size >= 1_000_000:
                break
    one = "\n\n".join(docs)
    with tempfile.TemporaryDirectory() as d:
        inputs = []

        def write(name, text):
            path = os.path.join(d, name)
            with open(path, "w") as f:
                f.write(text)
            return path

        many = os.path.join(d, "articles.jsonl")
        with open(many, "w") as f:
            for i, text in enumerate(docs):
                f.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
        inputs.append((f"{len(docs)} articles", many, 1))
        inputs.append(("one article, 1 MB", write("one.txt", one), 1))
        inputs.append(("one line, 1 MB", write("line.txt", one.replace("\n", " ")), 1))
        # Distinct copies (a number in each paragraph), so repeats are not folded away.
        for n in (4, 15):
            text = "\n\n".join(
                f"In part {k}, {paragraph}" for k in range(n) for paragraph in one.split("\n\n"))
            inputs.append((f"one article, {n} MB", write(f"x{n}.txt", text), n))
            line = text.replace("\n", " ")
            inputs.append((f"one line, {n} MB", write(f"l{n}.txt", line), n))
        print(f"{'input':<22} {'user s':>8} {'s per MB':>9} {'peak MB':>8} {'MB per MB':>10}")
        for label, path, mb in inputs:
            cpu, peak = run(a.kg, path, os.path.join(d, "out.kg"))
            print(f"{label:<22} {cpu:>8.2f} {cpu / mb:>9.3f} {peak:>8.0f} {peak / mb:>10.1f}")


if __name__ == "__main__":
    main()
