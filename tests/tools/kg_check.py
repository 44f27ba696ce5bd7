"""Loads kg's exports into the tools users load them into, for tests/kg/export.rs.

Each subcommand reads an export with a real tool (networkx, Ladybug, pyoxigraph, jsonschema)
and prints what it found as JSON on standard output, so that the Rust test compares it with what
`kg` itself says. A failure to load is a traceback and a non-zero exit, which fails the test.

    kg_check.py graphml FILE                  nodes and edges as networkx reads them
    kg_check.py met FILE NAME TOPIC           networkx: who met NAME (name or alias) about TOPIC
    kg_check.py cypher DIR QUERY_FILE         Ladybug: run DIR/ladybug.cypher, then the query
    kg_check.py rdf FILE FORMAT QUERY_FILE    pyoxigraph: load FILE (ntriples|turtle), run SPARQL
    kg_check.py schema SCHEMA FILE            jsonschema: validate FILE against SCHEMA
"""

import json
import os
import sys
import tempfile


def graphml(path):
    import networkx as nx

    graph = nx.read_graphml(path, force_multigraph=True)
    nodes = {node: dict(attrs) for node, attrs in graph.nodes(data=True)}
    edges = [
        {"source": s, "target": t, "id": key, **attrs}
        for s, t, key, attrs in graph.edges(keys=True, data=True)
    ]
    return {"nodes": nodes, "edges": edges}


def met(path, name, topic):
    """The people at the other end of MET edges of the person called `name` whose topics
    include `topic`, read with networkx alone."""
    import networkx as nx

    graph = nx.read_graphml(path, force_multigraph=True)

    def called(attrs, wanted):
        names = [attrs.get("label", "")] + json.loads(attrs.get("aliases", "[]"))
        return wanted.casefold() in (n.casefold() for n in names)

    people = [n for n, attrs in graph.nodes(data=True) if called(attrs, name)]
    found = set()
    for person in people:
        for s, t, attrs in list(graph.out_edges(person, data=True)) + list(
            graph.in_edges(person, data=True)
        ):
            if attrs.get("type") != "MET" or attrs.get("negated"):
                continue
            if topic not in json.loads(attrs.get("topics", "[]")):
                continue
            other = t if s == person else s
            found.add(graph.nodes[other]["label"])
    return sorted(found)


def cypher(folder, query_file):
    import ladybug

    with open(query_file, encoding="utf-8") as f:
        query = f.read()
    with tempfile.TemporaryDirectory() as scratch:
        conn = ladybug.Connection(ladybug.Database(os.path.join(scratch, "kg.lbug")))
        here = os.getcwd()
        os.chdir(folder)
        try:
            with open("ladybug.cypher", encoding="utf-8") as script:
                for line in script:
                    if line.strip() and not line.startswith("//"):
                        conn.execute(line)
        finally:
            os.chdir(here)
        result = conn.execute(query)
        rows = []
        while result.has_next():
            rows.append(result.get_next())
        return rows


def rdf(path, syntax, query_file):
    import pyoxigraph as ox

    formats = {"ntriples": ox.RdfFormat.N_TRIPLES, "turtle": ox.RdfFormat.TURTLE}
    store = ox.Store()
    store.load(path=path, format=formats[syntax])
    with open(query_file, encoding="utf-8") as f:
        query = f.read()
    rows = []
    for solution in store.query(query):
        rows.append([term.value if term is not None else None for term in solution])
    return {"triples": len(store), "rows": rows}


def schema(schema_path, path):
    import jsonschema

    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    validator = jsonschema.Draft202012Validator
    validator.check_schema(schema)
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(schema, format_checker=validator.FORMAT_CHECKER).iter_errors(document)
    ]
    return {"errors": errors[:20], "count": len(errors)}


def main(argv):
    commands = {"graphml": graphml, "met": met, "cypher": cypher, "rdf": rdf, "schema": schema}
    if len(argv) < 2 or argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    # Dates and other values JSON has no type for print as text (ISO for dates).
    json.dump(commands[argv[1]](*argv[2:]), sys.stdout, ensure_ascii=False, default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
