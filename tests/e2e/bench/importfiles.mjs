// Generated map files for the import benchmarks (import.mjs, profile.mjs --import): one node per
// 5.2 links, one link in eight parallel to another, as benches/import.rs makes them, in GEXF,
// GraphML, GML and DOT, every node placed (so the import needs no layout).
export function graph(links) {
  const nodes = Math.ceil(links / 5.2);
  const out = [];
  let step = 1;
  while (out.length < links) {
    for (let a = 0; a < nodes && out.length < links; a++) {
      out.push(out.length % 8 === 7 ? out[out.length - 1] : [a, (a + step) % nodes]);
    }
    step++;
  }
  return { nodes, edges: out };
}

export const place = (i) => [(i % 40) * 150, Math.floor(i / 40) * 90];
export const FORMATS = {
  gexf(links) {
    const { nodes, edges } = graph(links);
    let s = '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">\n<graph defaultedgetype="directed">\n<nodes>\n';
    for (let i = 0; i < nodes; i++) { const [x, y] = place(i); s += `<node id="${i}" label="Node ${i}"><viz:position x="${x}" y="${y}" z="0.0"/></node>\n`; }
    s += '</nodes>\n<edges>\n';
    edges.forEach(([a, b], k) => { s += `<edge id="${k}" source="${a}" target="${b}" label="link ${k}"/>\n`; });
    return s + '</edges>\n</graph>\n</gexf>\n';
  },
  graphml(links) {
    const { nodes, edges } = graph(links);
    let s = '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="l" for="node" attr.name="label" attr.type="string"/>\n<key id="x" for="node" attr.name="x" attr.type="double"/>\n<key id="y" for="node" attr.name="y" attr.type="double"/>\n<key id="el" for="edge" attr.name="label" attr.type="string"/>\n<graph edgedefault="directed">\n';
    for (let i = 0; i < nodes; i++) { const [x, y] = place(i); s += `<node id="n${i}"><data key="l">Node ${i}</data><data key="x">${x}</data><data key="y">${y}</data></node>\n`; }
    edges.forEach(([a, b], k) => { s += `<edge source="n${a}" target="n${b}"><data key="el">link ${k}</data></edge>\n`; });
    return s + '</graph>\n</graphml>\n';
  },
  gml(links) {
    const { nodes, edges } = graph(links);
    let s = 'graph [\n  directed 1\n  multigraph 1\n';
    for (let i = 0; i < nodes; i++) { const [x, y] = place(i); s += `  node [\n    id ${i}\n    label "Node ${i}"\n    graphics [ x ${x}.0 y ${y}.0 ]\n  ]\n`; }
    edges.forEach(([a, b], k) => { s += `  edge [\n    source ${a}\n    target ${b}\n    label "link ${k}"\n  ]\n`; });
    return s + ']\n';
  },
  dot(links) {
    const { nodes, edges } = graph(links);
    let s = 'digraph {\n';
    for (let i = 0; i < nodes; i++) { const [x, y] = place(i); s += `  n${i} [label="Node ${i}", pos="${x},${y}"];\n`; }
    edges.forEach(([a, b], k) => { s += `  n${a} -> n${b} [label="link ${k}"];\n`; });
    return s + '}\n';
  },
};

