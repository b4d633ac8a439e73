//! GML (Graph Modelling Language), as NetworkX, igraph, yEd, Cytoscape and PRSM read it. Nodes
//! are numbered by their ids, labels and every other string are quoted with character
//! references: `&quot;` and `&amp;` (the ones igraph reads), numeric ones for line breaks and
//! anything outside printable ASCII (NetworkX reads only ASCII files). A node's kind is `kind` and `shape`,
//! its colour and centre `graphics [ x y fill ]` (y down, as yEd and Cytoscape have it); a
//! link's looks are `direction` and `polarity`, under a graph that is `directed 1`. When two
//! links join the same two nodes the graph says `multigraph 1`, so readers keep both.

use std::collections::HashSet;
use std::fmt::Write;

use super::{kind_hex, kind_name};
use crate::model::map::ConceptMap;

/// A string as GML writes it, quotes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            // Named, as igraph reads only these; NetworkX reads both forms.
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            ' '..='~' => out.push(c),
            c => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// A coordinate as a GML real: always with a decimal point, never an exponent.
fn real(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x}");
    if s.contains('.') { s } else { format!("{s}.0") }
}

pub fn gml(map: &ConceptMap) -> String {
    let mut out = String::from("Creator \"CST Workbench\"\ngraph [\n  directed 1\n");
    let mut pairs = HashSet::new();
    if !map.links.iter().all(|l| pairs.insert((l.from, l.to))) {
        out.push_str("  multigraph 1\n");
    }
    let _ = writeln!(out, "  label {}", quote(&map.title));
    if !map.focus_question.is_empty() {
        let _ = writeln!(out, "  focus_question {}", quote(&map.focus_question));
    }
    // Groups as yEd writes them: nodes with `isGroup 1`; `gid` names the group a node or a
    // group sits in (ids are unique across nodes and groups).
    for g in &map.groups {
        let _ = writeln!(
            out,
            "  node [\n    id {}\n    label {}\n    isGroup 1",
            g.id,
            quote(&g.name)
        );
        if let Some(p) = g.parent {
            let _ = writeln!(out, "    gid {p}");
        }
        let _ = writeln!(
            out,
            "    graphics [\n      fill \"{}\"\n    ]\n  ]",
            super::HEX[g.colour as usize % super::HEX.len()]
        );
    }
    for n in &map.nodes {
        let kind = n.kind.and_then(|k| map.kind(k));
        let _ = writeln!(
            out,
            "  node [\n    id {}\n    label {}",
            n.id,
            quote(&n.label)
        );
        if let Some(g) = n.group {
            let _ = writeln!(out, "    gid {g}");
        }
        if !n.notes.is_empty() {
            let _ = writeln!(out, "    description {}", quote(&n.notes));
        }
        if let Some(k) = kind {
            let _ = writeln!(
                out,
                "    kind {}\n    shape \"{}\"",
                quote(kind_name(map, n)),
                k.shape.as_str()
            );
        }
        let _ = writeln!(
            out,
            "    graphics [\n      x {}\n      y {}\n      fill \"{}\"\n    ]\n  ]",
            real(n.x),
            real(n.y),
            kind_hex(kind)
        );
    }
    for l in &map.links {
        let _ = writeln!(
            out,
            "  edge [\n    source {}\n    target {}\n    label {}\n    direction \"{}\"\n    polarity \"{}\"\n  ]",
            l.from,
            l.to,
            quote(&l.label),
            l.direction.as_str(),
            l.polarity.as_str()
        );
    }
    out.push_str("]\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_numbers_as_gml_has_them() {
        assert_eq!(
            quote("a \"b\" & c\nd \u{e9}\u{1f331}"),
            "\"a &quot;b&quot; &amp; c&#10;d &#233;&#127793;\""
        );
        assert_eq!(real(3.0), "3.0");
        assert_eq!(real(-250.25), "-250.25");
        assert_eq!(real(1e20), "100000000000000000000.0");
        assert_eq!(real(f64::NAN), "0.0");
    }
}
