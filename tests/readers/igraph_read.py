"""Reads a GML file with python-igraph and prints what it sees as JSON: whether it is
directed, the node labels, and the links as [from label, to label, link label]. Used by the
native tests (tests/native/map_readers.rs) to prove igraph reads our GML.

Usage: python3 igraph_read.py FILE.gml
"""
import json
import sys
import warnings

import igraph

warnings.simplefilter("ignore")
g = igraph.Graph.Read_GML(sys.argv[1])
labels = g.vs["label"] if "label" in g.vs.attributes() else [str(i) for i in range(g.vcount())]
edge_labels = g.es["label"] if "label" in g.es.attributes() else [""] * g.ecount()
out = {
    "directed": g.is_directed(),
    "title": g["label"] if "label" in g.attributes() else "",
    "nodes": labels,
    "links": [[labels[e.source], labels[e.target], edge_labels[e.index]] for e in g.es],
}
json.dump(out, sys.stdout, ensure_ascii=False)
