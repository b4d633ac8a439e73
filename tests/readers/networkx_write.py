"""Writes the fixtures tests/fixtures/map-networkx.graphml and map-networkx.gexf with NetworkX
itself, so the import tests read files the real tool wrote. Rerun to regenerate:
python3 tests/readers/networkx_write.py
"""
import pathlib

import networkx as nx

g = nx.DiGraph()
g.add_node("gp", label="GP practices", kind="Involved")
g.add_node("link", label="Link workers & <volunteers>", kind="Involved")
g.add_node("patients", label="Patients\n(lonely, isolated)", kind="Affected")
g.add_node("vcse", label="Voluntary groups \u2014 VCSE", kind="Affected")
g.add_edge("gp", "link", label="refer", polarity="positive")
g.add_edge("link", "patients", label="support", polarity="positive")
g.add_edge("patients", "vcse", label="join")
g.add_edge("vcse", "gp", label="less demand on", polarity="negative")
out = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
nx.write_graphml(g, out / "map-networkx.graphml")
nx.write_gexf(g, out / "map-networkx.gexf")
