#!/usr/bin/env python3
"""How kg's cost grows with the archive (issue 15): Reuters at 1x, 4x and 16x, in one run.

    cargo build --release && python3 benches/scale.py [--sizes 1,4,16] [CORPUS.jsonl]

The corpora are made on the fly in a temporary folder: copy 0 is the corpus as it is; copy N
renames every id (`cN-reuters-1`) and ends every text with a line `(copy N of this story)`, so
that no copy is folded as a duplicate of another (the same text under two ids is one source of
facts) and every copy is extracted and merged like a new article. The names are the same in
every copy, so the copies merge into the same people and places, and their relations gather
16 times the evidence: the graph grows less than the text does.

For each size it runs, as users run them, with `/usr/bin/time -v` (CPU = user + system):
  * `kg build --jobs 1` (one extraction thread: CPU is then the work done): CPU, wall, peak
    resident memory, bytes of the graph file;
  * `kg stats` on the graph built (opening it), best of three;
  * the split build: `kg extract --records --jobs 1` (the map, what Spark runs on each
    partition) and `kg build --from` (the reduce, on one machine), CPU and peak memory each.
Words are the texts' whitespace-separated words.

It writes docs/benchmarks.json (the figures), the table between the markers in
docs/benchmarks.md, and docs/benchmarks.png, the plot, drawn with matplotlib in
target/bench-venv (made from benches/plot-requirements.txt when missing).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KG = os.environ.get("KG", os.path.join(ROOT, "target", "release", "kg"))
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "reuters21578.jsonl")
DOCS = os.path.join(ROOT, "docs")
VENV = os.path.join(ROOT, "target", "bench-venv")
BEGIN, END = "<!-- scale.py: table -->", "<!-- /scale.py -->"


def make_corpus(lines, copies, path):
    """Writes `copies` copies of the corpus; returns its word count."""
    words = 0
    with open(path, "w", encoding="utf-8") as f:
        for copy in range(copies):
            for line in lines:
                doc = json.loads(line)
                if copy:
                    doc["id"] = f"c{copy}-{doc['id']}"
                    doc["text"] += f"\n\n(copy {copy} of this story)\n"
                words += len(doc["text"].split())
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return words


def timed(args, stdout=subprocess.DEVNULL):
    """Runs a command under /usr/bin/time -v: (CPU s, wall s, peak resident bytes)."""
    proc = subprocess.run(["/usr/bin/time", "-v", *args], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, check=False)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{proc.stderr[-2000:]}")
    field = lambda name: re.search(rf"{name}: (.*)", proc.stderr).group(1).strip()
    cpu = float(field(r"User time \(seconds\)")) + float(field(r"System time \(seconds\)"))
    wall = field(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)")
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss = int(field(r"Maximum resident set size \(kbytes\)")) * 1024
    return cpu, seconds, rss


def measure(corpus, words, tmp):
    graph = os.path.join(tmp, "graph.kg")
    cpu, wall, rss = timed([KG, "build", "--jobs", "1", corpus, "--output", graph])
    opens = [timed([KG, "stats", "--graph", graph]) for _ in range(3)]
    records = os.path.join(tmp, "records.jsonl")
    with open(records, "w", encoding="utf-8") as out:
        map_cpu, _, map_rss = timed([KG, "extract", "--records", "--jobs", "1", corpus], out)
    reduced = os.path.join(tmp, "reduced.kg")
    reduce_cpu, _, reduce_rss = timed([KG, "build", "--from", records, "--output", reduced])
    with open(graph, "rb") as a, open(reduced, "rb") as b:
        if a.read() != b.read():
            sys.exit("the graph of the split build differs from kg build's")
    return {
        "words": words,
        "build_cpu_s": round(cpu, 2),
        "build_wall_s": round(wall, 2),
        "build_peak_bytes": rss,
        "graph_bytes": os.path.getsize(graph),
        "open_cpu_s": round(min(o[0] for o in opens), 2),
        "open_wall_s": round(min(o[1] for o in opens), 2),
        "open_peak_bytes": min(o[2] for o in opens),
        "map_cpu_s": round(map_cpu, 2),
        "map_peak_bytes": map_rss,
        "records_bytes": os.path.getsize(records),
        "reduce_cpu_s": round(reduce_cpu, 2),
        "reduce_peak_bytes": reduce_rss,
    }


def table(results):
    base = results[0]
    rows = [
        "| corpus | words | build CPU | CPU / M words | peak memory | bytes / word | graph file "
        "| open (`kg stats`) CPU | map CPU | reduce CPU | reduce peak |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        ratio = r["build_cpu_s"] / base["build_cpu_s"]
        rows.append(
            f"| Reuters x{r['copies']} | {r['words'] / 1e6:.1f}M | {r['build_cpu_s']:.1f} s "
            f"({ratio:.1f}x) | {r['build_cpu_s'] / r['words'] * 1e6:.2f} s "
            f"| {r['build_peak_bytes'] / 1e6:,.0f} MB | {r['build_peak_bytes'] / r['words']:.0f} "
            f"| {r['graph_bytes'] / 1e6:,.0f} MB | {r['open_cpu_s']:.2f} s "
            f"| {r['map_cpu_s']:.1f} s | {r['reduce_cpu_s']:.1f} s "
            f"| {r['reduce_peak_bytes'] / 1e6:,.0f} MB |")
    return "\n".join(rows)


def write_table(results):
    path = os.path.join(DOCS, "benchmarks.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text[:start] + "\n" + table(results) + "\n" + text[end:])


PLOT = r"""
import json, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
results = json.load(open(sys.argv[1]))["results"]
words = [r["words"] / 1e6 for r in results]
fig, axes = plt.subplots(1, 3, figsize=(12, 3.6))
series = [
    ("build CPU per million words (s)", [r["build_cpu_s"] / r["words"] * 1e6 for r in results],
     None),
    ("peak build memory per word (bytes)", [r["build_peak_bytes"] / r["words"] for r in results],
     20),
    ("opening the graph, CPU (s)", [r["open_cpu_s"] for r in results], 0.5),
]
for ax, (title, ys, target) in zip(axes, series):
    ax.plot(words, ys, marker="o")
    for x, y, r in zip(words, ys, results):
        ax.annotate(f"x{r['copies']}", (x, y), textcoords="offset points", xytext=(4, 4))
    if target is not None:
        ax.axhline(target, color="grey", linestyle="--", linewidth=1, label="target")
        ax.legend(loc="best")
    ax.set_xscale("log")
    ax.minorticks_off()
    ax.set_xticks(words, [f"{w:.1f}" for w in words])
    ax.set_xlabel("corpus (million words)")
    ax.set_title(title, fontsize=10)
    ax.set_ylim(bottom=0)
fig.suptitle("kg build on Reuters-21578 copied 1, 4 and 16 times (--jobs 1)", fontsize=11)
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=110)
"""


def plot(data_path):
    python = os.path.join(VENV, "bin", "python")
    requirements = os.path.join(HERE, "plot-requirements.txt")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-r", requirements], check=True)
    subprocess.run([python, "-c", PLOT, data_path, os.path.join(DOCS, "benchmarks.png")],
                   check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="1,4,16")
    parser.add_argument("--plot-only", action="store_true",
                        help="redraw the table and plot from docs/benchmarks.json")
    args = parser.parse_args()
    data_path = os.path.join(DOCS, "benchmarks.json")
    if args.plot_only:
        with open(data_path, encoding="utf-8") as f:
            results = json.load(f)["results"]
        write_table(results)
        plot(data_path)
        return
    with open(args.corpus, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    tmp = tempfile.mkdtemp(prefix="kg-scale-")
    results = []
    try:
        for copies in (int(s) for s in args.sizes.split(",")):
            corpus = os.path.join(tmp, f"x{copies}.jsonl")
            words = make_corpus(lines, copies, corpus)
            result = {"copies": copies, **measure(corpus, words, tmp)}
            print(json.dumps(result), flush=True)
            results.append(result)
            os.remove(corpus)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with open(data_path, "w", encoding="utf-8") as f:
        json.dump({"command": "python3 benches/scale.py", "results": results}, f, indent=1)
        f.write("\n")
    write_table(results)
    plot(data_path)
    print(table(results))


if __name__ == "__main__":
    main()
