//! A concept map in the formats other tools read: standalone SVG (carrying the map, so it can be
//! imported again), Graphviz DOT, GraphML (yEd, Gephi, NetworkX, Cytoscape), GEXF (Gephi),
//! GML (NetworkX, igraph), Mermaid, the two CSV tables Kumu and spreadsheets read, Kumu's JSON,
//! and the app's own map JSON. PNG is made in the browser from the SVG; [`png`] adds the map to it as a text chunk.
//!
//! Every exporter is a pure function of the map. Every label goes through the escaping of its
//! format (`crate::export::xml`, [`dot::quote`], [`gml::quote`], [`mermaid::quote`], the CSV
//! writer, JSON), so user text is always text.

pub mod dot;
pub mod gexf;
pub mod gml;
pub mod graphml;
pub mod json;
pub mod kumu;
pub mod mermaid;
pub mod png;
pub mod svg;
pub mod table;

use crate::model::id::slug;
use std::collections::HashMap;

use crate::model::map::{ConceptMap, Direction, Group, GroupId, Kind, Link, Node, Polarity};

/// A link end's id in a file that names groups too: `g…` for a group, `n…` for a node.
pub(crate) fn end_id(map: &ConceptMap, id: u32) -> String {
    if map.is_group(id) {
        format!("g{id}")
    } else {
        format!("n{id}")
    }
}

/// The links between two nodes: what a format that has no groups can carry (a link that
/// ends on a group is left out of Kumu, CSV and GML files).
pub(crate) fn node_links(map: &ConceptMap) -> impl Iterator<Item = &Link> {
    map.links
        .iter()
        .filter(|l| map.node(l.from).is_some() && map.node(l.to).is_some())
}

/// The formats a map can be exported to, in the order the menu lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
    Dot,
    GraphMl,
    Gexf,
    Gml,
    Mermaid,
    ElementsCsv,
    ConnectionsCsv,
    Kumu,
    Json,
}

impl Format {
    pub const ALL: [Format; 11] = [
        Format::Svg,
        Format::Png,
        Format::Dot,
        Format::GraphMl,
        Format::Gexf,
        Format::Gml,
        Format::Mermaid,
        Format::ElementsCsv,
        Format::ConnectionsCsv,
        Format::Kumu,
        Format::Json,
    ];

    /// The end of the file name (after the map's name and the date).
    pub fn suffix(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Dot => "dot",
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::Gml => "gml",
            Format::Mermaid => "mmd",
            Format::ElementsCsv => "elements.csv",
            Format::ConnectionsCsv => "connections.csv",
            Format::Kumu => "kumu.json",
            Format::Json => "map.json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Svg => "image/svg+xml",
            Format::Png => "image/png",
            Format::Dot => "text/vnd.graphviz;charset=utf-8",
            Format::GraphMl | Format::Gexf => "application/xml",
            Format::Mermaid | Format::Gml => "text/plain;charset=utf-8",
            Format::ElementsCsv | Format::ConnectionsCsv => "text/csv;charset=utf-8",
            Format::Kumu | Format::Json => "application/json",
        }
    }

    /// The name on the button.
    pub fn label(self) -> &'static str {
        match self {
            Format::Svg => "SVG picture",
            Format::Png => "PNG picture",
            Format::Dot => "Graphviz DOT",
            Format::GraphMl => "GraphML",
            Format::Gexf => "GEXF",
            Format::Gml => "GML",
            Format::Mermaid => "Mermaid",
            Format::ElementsCsv => "Elements CSV",
            Format::ConnectionsCsv => "Connections CSV",
            Format::Kumu => "Kumu JSON",
            Format::Json => "Map JSON",
        }
    }

    /// Which tools read it, for the line under the button.
    pub fn readers(self) -> &'static str {
        match self {
            Format::Svg => "Browsers, Inkscape, slides; opens here again as a map",
            Format::Png => "Slides, documents, chat; opens here again as a map",
            Format::Dot => "Graphviz, Gephi, many graph tools",
            Format::GraphMl => "yEd, Gephi, NetworkX, Cytoscape",
            Format::Gexf => "Gephi, NetworkX",
            Format::Gml => "NetworkX, igraph, yEd, Cytoscape, PRSM",
            Format::Mermaid => "GitHub, GitLab, Notion, Obsidian",
            Format::ElementsCsv => "Kumu, Excel, LibreOffice (with the connections table)",
            Format::ConnectionsCsv => "Kumu, Excel, LibreOffice (with the elements table)",
            Format::Kumu => "Kumu's JSON import",
            Format::Json => "CST Workbench: the exact map",
        }
    }
}

/// The download's name: `workshop-map-2026-11-24.graphml`.
pub fn file_name(workshop: &str, map: &ConceptMap, today: &str, format: Format) -> String {
    format!(
        "{}-{}-{today}.{}",
        slug(workshop, "workshop"),
        slug(&map.title, "map"),
        format.suffix()
    )
}

/// A kind's colour as hex, from the light scheme of the app's map palette.
pub const HEX: [&str; 8] = [
    "#1f6fb2", "#c35a00", "#2f7d32", "#7b3fa0", "#9a7b00", "#00796b", "#b0306a", "#5f6b76",
];
/// The colour of nodes without a kind.
pub const NO_KIND_HEX: &str = "#5f6b76";

/// A kind's colour as hex.
pub fn kind_hex(kind: Option<&Kind>) -> &'static str {
    kind.map_or(NO_KIND_HEX, |k| HEX[k.colour as usize % HEX.len()])
}

/// `hex` mixed with white: `part` of the colour (0–1), the rest white. The node fill.
pub fn tint(hex: &str, part: f64) -> String {
    let (r, g, b) = rgb(hex);
    let mix = |c: u8| (f64::from(c) * part + 255.0 * (1.0 - part)).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(r), mix(g), mix(b))
}

/// The red, green and blue of `#rrggbb` (black when it is not one).
pub fn rgb(hex: &str) -> (u8, u8, u8) {
    let h = hex.trim_start_matches('#');
    let part = |i: usize| {
        h.get(i..i + 2)
            .and_then(|p| u8::from_str_radix(p, 16).ok())
            .unwrap_or(0)
    };
    if h.len() == 6 {
        (part(0), part(2), part(4))
    } else {
        (0, 0, 0)
    }
}

/// The palette colour nearest to `hex`, for imports that carry colours.
pub fn nearest_colour(hex: &str) -> u8 {
    let (r, g, b) = rgb(hex);
    let d = |c: &str| {
        let (r2, g2, b2) = rgb(c);
        let sq = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        sq(r, r2) + sq(g, g2) + sq(b, b2)
    };
    (0..HEX.len()).min_by_key(|&i| d(HEX[i])).unwrap_or(0) as u8
}

/// A link's label as drawn where only text can show polarity: "refer (+)", or the sign alone.
pub fn label_with_sign(l: &Link) -> String {
    match l.polarity {
        Polarity::None => l.label.clone(),
        p if l.label.is_empty() => p.sign().to_string(),
        p => format!("{} ({})", l.label, p.sign()),
    }
}

/// A link's direction in Kumu's words (its JSON and its spreadsheet columns).
pub fn kumu_direction(d: Direction) -> &'static str {
    match d {
        Direction::Forward => "directed",
        Direction::Both => "mutual",
        Direction::None => "undirected",
    }
}

/// The name of a node's kind, or "".
pub fn kind_name<'a>(map: &'a ConceptMap, node: &Node) -> &'a str {
    node.kind
        .and_then(|k| map.kind(k))
        .map_or("", |k| k.name.as_str())
}

/// Writes the map's nodes inside their groups, for formats that nest (GraphML, DOT clusters,
/// Mermaid subgraphs): `open` and `close` around each group's nodes and subgroups, `node` for
/// each node, with the nesting depth (0 at the top). Every node is written once, groups in
/// their order, nodes in theirs.
pub fn nested(
    map: &ConceptMap,
    out: &mut String,
    open: &mut dyn FnMut(&mut String, &Group, usize),
    node: &mut dyn FnMut(&mut String, &Node, usize),
    close: &mut dyn FnMut(&mut String, &Group, usize),
) {
    let mut groups: HashMap<Option<GroupId>, Vec<&Group>> = HashMap::new();
    for g in &map.groups {
        groups.entry(g.parent).or_default().push(g);
    }
    let mut nodes: HashMap<Option<GroupId>, Vec<&Node>> = HashMap::new();
    for n in &map.nodes {
        let g = n.group.filter(|g| map.group(*g).is_some());
        nodes.entry(g).or_default().push(n);
    }
    #[allow(clippy::too_many_arguments)]
    fn walk(
        at: Option<GroupId>,
        depth: usize,
        groups: &HashMap<Option<GroupId>, Vec<&Group>>,
        nodes: &HashMap<Option<GroupId>, Vec<&Node>>,
        out: &mut String,
        open: &mut dyn FnMut(&mut String, &Group, usize),
        node: &mut dyn FnMut(&mut String, &Node, usize),
        close: &mut dyn FnMut(&mut String, &Group, usize),
    ) {
        for n in nodes.get(&at).into_iter().flatten() {
            node(out, n, depth);
        }
        // Repair keeps parent chains acyclic and at most MAX_DEPTH long; the depth check
        // guards a map that was never repaired.
        if depth > crate::model::map::MAX_GROUP_DEPTH {
            return;
        }
        for g in groups.get(&at).into_iter().flatten() {
            open(out, g, depth);
            walk(Some(g.id), depth + 1, groups, nodes, out, open, node, close);
            close(out, g, depth);
        }
    }
    walk(None, 0, &groups, &nodes, out, open, node, close);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_colours_and_tints() {
        let m = ConceptMap::new("m".into(), "Team vision: 2027?");
        assert_eq!(
            file_name("Pilot <review>", &m, "2026-11-24", Format::GraphMl),
            "pilot-review-team-vision-2027-2026-11-24.graphml"
        );
        assert_eq!(tint("#1f6fb2", 0.0), "#ffffff");
        assert_eq!(tint("#1f6fb2", 1.0), "#1f6fb2");
        for (i, hex) in HEX.iter().enumerate() {
            assert_eq!(nearest_colour(hex) as usize, i);
        }
        assert_eq!(nearest_colour("#0000ff"), 0);
    }
}
