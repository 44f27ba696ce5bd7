#!/usr/bin/env python3
"""Draws 40 random MET, VISITED and SAID edges of an exported kg graph (JSON) with a seed and
writes, for each relation, a context file (`MET_ctx.txt`, ...) in the current folder: the edge,
one of its evidence sentences drawn at random, the rule, and the article around the sentence
(from the corpus). Each file is then judged by reading, by the rules of `METHOD.md` beside this
script (the judged samples of the README):

    kg build ../shared/corpus/reuters21578.jsonl --output reuters.kg
    kg export --graph reuters.kg --format json --output reuters.json
    python3 benches/judged/sample.py reuters.json SEED [CORPUS.jsonl]
"""
import json
import os
import random
import sys

graph_path, seed = sys.argv[1], int(sys.argv[2])
corpus = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'corpus',
    'reuters21578.jsonl')
g = json.load(open(graph_path))
nodes = {n['id']: n for n in g['nodes']}
docs = {}
for line in open(corpus, encoding='utf-8'):
    if line.strip():
        d = json.loads(line)
        docs[d['id']] = d
rng = random.Random(seed)
for rel in ['MET', 'VISITED', 'SAID']:
    edges = sorted((e for e in g['edges'] if e['type'] == rel), key=lambda e: int(e['id'][1:]))
    picked = rng.sample(edges, min(40, len(edges)))
    out = open(f'{rel}_ctx.txt', 'w', encoding='utf-8')
    for i, e in enumerate(picked, 1):
        s, t = nodes[e['source']], nodes[e['target']]
        ev = rng.choice(e['evidence'])
        a = e.get('attributes', {})
        extra = {k: ev.get(k) for k in ('status', 'date', 'place', 'topics', 'role') if ev.get(k)}
        out.write(f"=== {i}. {s['name']} ({s['type']}) -[{rel}]-> {t['name']} ({t['type']})\n")
        out.write(f"edge: {e['id']}  evidence sentences: {len(e['evidence'])}  attributes: {json.dumps(a)}\n")
        out.write(f"rule: {ev.get('rule')}  this sentence: {json.dumps(extra)}  doc: {ev['doc']}\n")
        out.write(f"sentence: {ev['sentence']}\n")
        d = docs.get(ev['doc'])
        if d:
            text = d.get('text', '')
            key = ev['sentence'][:40]
            at = text.find(key)
            if at < 0:
                at = text.find(' '.join(key.split()[:4]))
            lo = max(0, (at if at >= 0 else 0) - 900)
            hi = min(len(text), (at if at >= 0 else 0) + len(ev['sentence']) + 700)
            out.write(f"title: {d.get('title', '')}  date: {d.get('date', '')}\n")
            out.write("article excerpt:\n" + text[lo:hi] + "\n")
        out.write("\n")
    out.close()
    print(rel, len(edges), 'edges,', len(picked), 'drawn')
