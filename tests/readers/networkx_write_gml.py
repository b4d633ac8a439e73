"""Writes the GML fixtures with NetworkX itself, so the import tests read files the real tool
wrote. Rerun to regenerate: python3 tests/readers/networkx_write_gml.py

- map-networkx.gml: a small directed map with a title, kinds, positions and fill colours
  (`graphics`), labels with quotes, ampersands, a line break and non-ASCII text;
- map-karate.gml: Zachary's karate club (34 nodes, 78 undirected edges), as NetworkX ships it.
"""
import pathlib

import networkx as nx

out = pathlib.Path(__file__).resolve().parent.parent / "fixtures"

g = nx.DiGraph(label="Social prescribing")
nodes = [
    ("GP practices", "Involved", 100.0, 50.0, "#1F6FB2"),
    ('Link workers & "volunteers"', "Involved", 300.5, 50.0, "#1F6FB2"),
    ("Patients\n(lonely, isolated)", "Affected", 300.0, 220.0, "#C35A00"),
    ("Voluntary groups \u2014 VCSE \U0001F331", "Affected", 100.0, 220.25, "#C35A00"),
    ("Public health", None, -40.0, 135.0, None),
]
for name, kind, x, y, fill in nodes:
    attrs = {"graphics": {"x": x, "y": y}}
    if kind:
        attrs["kind"] = kind
        attrs["graphics"]["fill"] = fill
    g.add_node(name, **attrs)
names = [n[0] for n in nodes]
g.add_edge(names[0], names[1], label="refer", polarity="positive")
g.add_edge(names[1], names[2], label="support", polarity="positive")
g.add_edge(names[2], names[3], label="join")
g.add_edge(names[3], names[0], label="less demand on", polarity="negative")
g.add_edge(names[4], names[0], label="funds")
nx.write_gml(g, out / "map-networkx.gml")

nx.write_gml(nx.karate_club_graph(), out / "map-karate.gml")
