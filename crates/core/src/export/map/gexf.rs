//! GEXF 1.2 (Gephi's own format; NetworkX reads it too). Labels are the `label` attribute;
//! kind, shape, a node's description (its notes), direction and polarity are declared
//! attributes; colour and position use the
//! `viz` extension (y up, as Gephi has it). Every link is written under the graph's default
//! (directed) type, since readers refuse a mixed graph; its real direction is the `direction`
//! attribute. GEXF has no place for graph attributes, so the title goes in the description and
//! the focus question is left out.

use std::fmt::Write;

use super::{kind_hex, kind_name, rgb};
use crate::export::xml::escape;
use crate::model::map::ConceptMap;

pub const NS: &str = "http://www.gexf.net/1.2draft";
pub const VIZ: &str = "http://www.gexf.net/1.2draft/viz";

pub fn gexf(map: &ConceptMap) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<gexf xmlns=\"{NS}\" xmlns:viz=\"{VIZ}\" version=\"1.2\">"
    );
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>CST Workbench</creator>\n    <description>{}</description>\n  </meta>",
        escape(&map.title)
    );
    out.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    out.push_str(
        "    <attributes class=\"node\">\n      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n      \
         <attribute id=\"shape\" title=\"shape\" type=\"string\"/>\n      \
         <attribute id=\"description\" title=\"description\" type=\"string\"/>\n    </attributes>\n",
    );
    out.push_str(
        "    <attributes class=\"edge\">\n      <attribute id=\"direction\" title=\"direction\" type=\"string\"/>\n      \
         <attribute id=\"polarity\" title=\"polarity\" type=\"string\"/>\n    </attributes>\n",
    );
    out.push_str("    <nodes>\n");
    // Groups with something in them are parent nodes (`pid`, Gephi's hierarchy).
    let frames = map.group_frames(crate::model::map::Metrics::STANDARD);
    for g in map.groups.iter().filter(|g| frames.contains_key(&g.id)) {
        let pid = g
            .parent
            .map(|p| format!(" pid=\"g{p}\""))
            .unwrap_or_default();
        let (r, gr, b) = rgb(super::HEX[g.colour as usize % super::HEX.len()]);
        let _ = writeln!(
            out,
            "      <node id=\"g{}\" label=\"{}\"{pid}>\n        <viz:color r=\"{r}\" g=\"{gr}\" b=\"{b}\"/>\n      </node>",
            g.id,
            escape(&g.name)
        );
    }
    for n in &map.nodes {
        let kind = n.kind.and_then(|k| map.kind(k));
        let pid = n
            .group
            .map(|g| format!(" pid=\"g{g}\""))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "      <node id=\"n{}\" label=\"{}\"{pid}>",
            n.id,
            escape(&n.label)
        );
        if kind.is_some() || !n.notes.is_empty() {
            out.push_str("        <attvalues>\n");
            if let Some(k) = kind {
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"kind\" value=\"{}\"/>\n          \
                     <attvalue for=\"shape\" value=\"{}\"/>",
                    escape(kind_name(map, n)),
                    k.shape.as_str()
                );
            }
            if !n.notes.is_empty() {
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"description\" value=\"{}\"/>",
                    escape(&n.notes)
                );
            }
            out.push_str("        </attvalues>\n");
        }
        let (r, g, b) = rgb(kind_hex(kind));
        let _ = writeln!(
            out,
            "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>\n        <viz:position x=\"{}\" y=\"{}\" z=\"0.0\"/>\n      </node>",
            n.x, -n.y
        );
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for l in &map.links {
        let _ = write!(
            out,
            "      <edge id=\"e{}\" source=\"{}\" target=\"{}\"",
            l.id,
            super::end_id(map, l.from),
            super::end_id(map, l.to)
        );
        if !l.label.is_empty() {
            let _ = write!(out, " label=\"{}\"", escape(&l.label));
        }
        let _ = writeln!(
            out,
            ">\n        <attvalues>\n          <attvalue for=\"direction\" value=\"{}\"/>\n          \
             <attvalue for=\"polarity\" value=\"{}\"/>\n        </attvalues>\n      </edge>",
            l.direction.as_str(),
            l.polarity.as_str()
        );
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}
