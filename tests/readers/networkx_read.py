"""Reads a GraphML, GEXF or GML file with NetworkX and prints what it sees as JSON: nodes with
their label, and links with their ends' labels and link label. Used by the native tests
(tests/native/map_formats.rs) to prove NetworkX reads our exports.

Usage: python3 networkx_read.py FILE.graphml|FILE.gexf|FILE.gml
"""
import json
import sys

import networkx as nx

path = sys.argv[1]
if path.endswith(".gexf"):
    g = nx.read_gexf(path)
elif path.endswith(".gml"):
    # Nodes by their ids (labels need not be unique in a map); the label stays an attribute.
    g = nx.read_gml(path, label="id")
else:
    g = nx.read_graphml(path)
labels = {n: d.get("label", n) for n, d in g.nodes(data=True)}
out = {
    "directed": g.is_directed(),
    "nodes": sorted(labels.values()),
    "links": sorted(
        [labels[a], labels[b], d.get("label", ""), d.get("polarity", ""), d.get("direction", "")]
        for a, b, d in g.edges(data=True)
    ),
    "kinds": sorted({d["kind"] for _, d in g.nodes(data=True) if "kind" in d}),
}
json.dump(out, sys.stdout, ensure_ascii=False)
