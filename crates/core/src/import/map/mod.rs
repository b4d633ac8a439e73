//! Maps from files: the app's own map JSON (also carried inside our SVG and PNG exports),
//! GraphML (yEd, Gephi, NetworkX), GEXF (Gephi, NetworkX), Kumu's JSON, the elements and
//! connections CSV tables (Kumu's spreadsheet shape), CmapTools CXL, Graphviz DOT, GML and
//! Mermaid flowcharts.
//!
//! Every importer reads into a [`Builder`], which enforces the limits ([`MAX_BYTES`],
//! [`MAX_NODES`], [`MAX_LINKS`]), matches kinds by name, drops what a map cannot hold (links
//! from a node to itself, an exact repeat of a link) with a note; parallel links that differ in
//! label, direction or polarity are all kept, and lays the
//! nodes out when the file had no positions. An import returns a new map or a message naming
//! the line or field at fault; it never touches the workshop, so on any error nothing changes.
//! No importer panics on any input: `crates/core/tests/native/map_formats.rs` and `map_readers.rs`
//! feed them byte soup, `limits.rs` deep nesting.

mod builder;
mod cxl;
mod dot;
mod dot_parse;
mod gexf;
mod gml;
mod graphml;
mod html;
mod kumu;
mod merge;
mod mermaid;
mod table;

pub(crate) use builder::Builder;
use builder::short;
pub use merge::merge;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::analysis::layout;
use crate::export::map::{json as own, nearest_colour, png, svg};
use crate::import::text::decode;
use crate::model::map::{
    ConceptMap, Direction, GroupId, KindId, Link, Metrics, NodeId, Point, Polarity, RepeatKey,
    Shape, plural,
};

/// Files larger than this are refused before they are read.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
/// At most this many nodes in one imported map.
pub const MAX_NODES: usize = 5_000;
/// At most this many links in one imported map.
pub const MAX_LINKS: usize = 20_000;
/// The XML parser stops after this many XML nodes (elements, attributes' text, comments).
pub const XML_NODES: u32 = 2_000_000;

/// The formats an import can read, as the messages name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Json,
    Svg,
    Png,
    GraphMl,
    Gexf,
    Cxl,
    Dot,
    Gml,
    Mermaid,
    Kumu,
    Csv,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Json => "CST Workbench map",
            Source::Svg => "SVG",
            Source::Png => "PNG",
            Source::GraphMl => "GraphML",
            Source::Gexf => "GEXF",
            Source::Cxl => "CmapTools CXL",
            Source::Dot => "Graphviz DOT",
            Source::Gml => "GML",
            Source::Mermaid => "Mermaid",
            Source::Kumu => "Kumu JSON",
            Source::Csv => "CSV tables",
        }
    }
}

/// A map read from files, with notes on what was changed or left out.
#[derive(Debug)]
pub struct Imported {
    pub map: ConceptMap,
    pub source: Source,
    pub notes: Vec<String>,
}

/// Reads one file, or the two CSV tables, into a new map with the id `id`.
pub fn import(files: &[(String, Vec<u8>)], id: String) -> Result<Imported, String> {
    if files.is_empty() {
        return Err("No file was chosen.".into());
    }
    for (name, bytes) in files {
        if bytes.len() > MAX_BYTES {
            return Err(format!(
                "\u{201c}{name}\u{201d} is {:.1} MB; files up to {} MB can be imported.",
                bytes.len() as f64 / 1e6,
                MAX_BYTES / 1_000_000
            ));
        }
    }
    let name = &files[0].0;
    let bytes = &files[0].1;
    let mut legacy = false;
    let mut imported = if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
        let text = png::extract(bytes)?.ok_or(
            "This PNG carries no map: only pictures exported by CST Workbench can be opened as maps.",
        )?;
        let mut i = own_json(&text, id)?;
        i.source = Source::Png;
        i
    } else {
        let text = text_of(name, bytes, &mut legacy)?;
        let text = text.as_ref();
        let head = text.trim_start();
        if files.len() > 1 || sniff_csv(head) {
            let texts = files
                .iter()
                .map(|(n, b)| text_of(n, b, &mut legacy))
                .collect::<Result<Vec<_>, String>>()?;
            let texts: Vec<&str> = texts.iter().map(AsRef::as_ref).collect();
            for t in &texts {
                crate::import::limits::csv_cells(t)?;
            }
            table::import(&texts, id)?
        } else if head.starts_with('{') {
            json_any(text, id)?
        } else if head.starts_with('<') {
            xml(text, id)?
        } else if gml::sniff(head) {
            gml::import(text, id)?
        } else if mermaid::sniff(head) {
            mermaid::import(text, id)?
        } else if looks_like_dot(head) {
            dot::import(text, id)?
        } else {
            return Err(format!(
                "\u{201c}{name}\u{201d} is not a format this app reads. It reads map JSON, SVG and PNG \
                 from this app, GraphML, GEXF, GML, Kumu JSON, CSV tables, CmapTools CXL, Graphviz DOT and Mermaid."
            ));
        }
    };
    if imported.map.title.trim().is_empty() {
        imported.map.title = title_from_file_name(name);
    }
    if legacy {
        imported.notes.push(
            "The file was not UTF-8, so it was read as Windows-1252 (Western European), as Excel \
             on Windows saves CSV; if letters look wrong, save it as \u{201c}CSV UTF-8\u{201d}."
                .into(),
        );
    }
    Ok(imported)
}

/// A file's text: UTF-8 or UTF-16 by [`decode`]; a CSV table that is not UTF-8 and has no UTF-8
/// in it at all (no character beyond ASCII written as UTF-8, no zero byte, as in a
/// spreadsheet's own binary format) is in a legacy code page, as Excel on Windows saves CSV,
/// and is read as Windows-1252 (`legacy` set). A UTF-8 file with a damaged byte, and any other
/// format, is refused, not guessed at.
fn text_of<'a>(name: &str, bytes: &'a [u8], legacy: &mut bool) -> Result<Cow<'a, str>, String> {
    let refused = |e| format!("\u{201c}{name}\u{201d} {e}.");
    match decode(bytes) {
        Ok(text) => Ok(text),
        Err(e)
            if e.encoding == crate::import::text::Encoding::Utf8
                && !bytes.contains(&0)
                && bytes.utf8_chunks().all(|c| c.valid().is_ascii()) =>
        {
            let text: String = bytes.iter().map(|&b| windows_1252(b)).collect();
            if !sniff_csv(text.trim_start()) {
                return Err(refused(e));
            }
            *legacy = true;
            Ok(Cow::Owned(text))
        }
        Err(e) => Err(refused(e)),
    }
}

/// A Windows-1252 byte as a character (the five bytes it leaves undefined as the C1 controls,
/// as browsers read them).
fn windows_1252(b: u8) -> char {
    const HIGH: [u16; 32] = [
        0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
        0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
        0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    match b {
        0x80..=0x9f => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or('\u{fffd}'),
        _ => char::from(b),
    }
}

fn title_from_file_name(name: &str) -> String {
    let stem = name.split(['/', '\\']).next_back().unwrap_or(name);
    let stem = stem.split('.').next().unwrap_or(stem);
    stem.replace(['-', '_'], " ").trim().to_string()
}

fn looks_like_dot(head: &str) -> bool {
    let first = head
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with('#'))
        .unwrap_or("")
        .to_lowercase();
    first.starts_with("digraph")
        || first.starts_with("graph")
        || first.starts_with("strict")
        || first.starts_with("/*")
}

fn sniff_csv(head: &str) -> bool {
    let cells = table::header(head);
    let has = |name: &str| cells.iter().any(|c| c == name);
    has("label") || (has("from") && has("to"))
}

fn json_any(text: &str, id: String) -> Result<Imported, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "The JSON is damaged at line {}, column {}: {e}.",
            e.line(),
            e.column()
        )
    })?;
    if value.get("format").is_some() || value.get("map").is_some() {
        own_value(value, id)
    } else if value.get("elements").is_some() || value.get("connections").is_some() {
        kumu::import(&value, id)
    } else {
        Err("This JSON is neither a CST Workbench map nor a Kumu file (it has no \u{201c}map\u{201d}, \u{201c}elements\u{201d} or \u{201c}connections\u{201d}).".into())
    }
}

fn own_json(text: &str, id: String) -> Result<Imported, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "The map inside the file is damaged at line {}, column {}: {e}.",
            e.line(),
            e.column()
        )
    })?;
    own_value(value, id)
}

fn own_value(value: serde_json::Value, id: String) -> Result<Imported, String> {
    if let Some(format) = value.get("format")
        && format.as_str() != Some(own::FORMAT)
    {
        return Err(format!(
            "The field \u{201c}format\u{201d} is {format}, not \u{201c}{}\u{201d}.",
            own::FORMAT
        ));
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(1);
    if version > own::VERSION {
        return Err(format!(
            "This map was saved by a newer version of CST Workbench (map format {version}); this one reads up to {}.",
            own::VERSION
        ));
    }
    let inner = value
        .get("map")
        .cloned()
        .ok_or("The field \u{201c}map\u{201d} is missing.")?;
    let mut map: ConceptMap = serde_json::from_value(inner)
        .map_err(|e| format!("The field \u{201c}map\u{201d} cannot be read: {e}."))?;
    if map.nodes.len() > MAX_NODES {
        return Err(too_many_nodes(map.nodes.len()));
    }
    if map.links.len() > MAX_LINKS {
        return Err(too_many_links(map.links.len()));
    }
    let mut notes = Vec::new();
    map.repair(&mut notes);
    map.id = id;
    Ok(Imported {
        map,
        source: Source::Json,
        notes,
    })
}

fn too_many_nodes(n: usize) -> String {
    format!("The file has {n} nodes or more; a map can hold up to {MAX_NODES}.")
}

fn too_many_links(n: usize) -> String {
    format!("The file has {n} links or more; a map can hold up to {MAX_LINKS}.")
}

/// XML read safely: DTDs refused (so no entity expansion) and at most [`XML_NODES`] nodes, each
/// refusal said plainly; any other error goes through `damaged`. Map and picture imports share
/// it.
pub fn parse_xml(
    text: &str,
    damaged: impl FnOnce(roxmltree::Error) -> String,
) -> Result<roxmltree::Document<'_>, String> {
    crate::import::limits::xml_depth(text)?;
    roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: false,
            nodes_limit: XML_NODES,
        },
    )
    .map_err(|e| match e {
        roxmltree::Error::DtdDetected => {
            "The file declares a DTD; for safety, files with DTDs are not read.".to_string()
        }
        roxmltree::Error::NodesLimitReached => {
            "The file is too large to read (over two million XML nodes).".to_string()
        }
        e => damaged(e),
    })
}

fn xml(text: &str, id: String) -> Result<Imported, String> {
    let doc = parse_xml(text, |e| format!("The XML is damaged: {e}."))?;
    let root = doc.root_element();
    match root.tag_name().name() {
        "graphml" => graphml::import(&doc, id),
        "gexf" => gexf::import(&doc, id),
        "cmap" => cxl::import(&doc, id),
        "svg" => {
            let carried = root
                .descendants()
                .find(|n| n.tag_name().namespace() == Some(svg::META_NS) && n.tag_name().name() == "map")
                .and_then(|n| n.text())
                .ok_or("This SVG carries no map: only pictures exported by CST Workbench can be opened as maps.")?;
            let mut i = own_json(carried, id)?;
            i.source = Source::Svg;
            Ok(i)
        }
        other => Err(format!(
            "This XML file is a \u{201c}{other}\u{201d} document; the app reads GraphML, GEXF, CXL and its own SVG."
        )),
    }
}

/// Which way a link points, from the words tools use.
pub fn direction(word: &str) -> Option<Direction> {
    match word.trim().to_lowercase().as_str() {
        "forward" | "directed" | "true" | "->" => Some(Direction::Forward),
        "both" | "mutual" | "bidirectional" => Some(Direction::Both),
        "none" | "undirected" | "false" | "--" => Some(Direction::None),
        _ => None,
    }
}

/// A link's polarity, from words, signs or numbers.
pub fn polarity(word: &str) -> Polarity {
    match word.trim().to_lowercase().as_str() {
        "positive" | "+" | "1" | "+1" | "plus" => Polarity::Positive,
        "negative" | "-" | "\u{2212}" | "-1" | "minus" => Polarity::Negative,
        _ => Polarity::None,
    }
}

/// The line an XML element starts on, for messages.
fn xml_line(doc: &roxmltree::Document, n: roxmltree::Node) -> u32 {
    doc.text_pos_at(n.range().start).row
}

/// Where an XML element starts, shown as its line number only when a message needs it:
/// finding a line means counting from the start of the file, so doing it for every element
/// made imports quadratic.
#[derive(Clone, Copy)]
pub(crate) struct At<'a, 'input> {
    doc: &'a roxmltree::Document<'input>,
    pos: usize,
}

impl std::fmt::Display for At<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.doc.text_pos_at(self.pos).row)
    }
}

/// Where an edge-like XML element is and the ids in its two end attributes, or a message
/// naming the line and the missing attribute.
fn xml_ends<'a, 'input>(
    doc: &'a roxmltree::Document<'input>,
    e: roxmltree::Node<'a, 'input>,
    (from, to): (&str, &str),
) -> Result<(At<'a, 'input>, &'a str, &'a str), String> {
    let at = At {
        doc,
        pos: e.range().start,
    };
    let name = e.tag_name().name();
    let get = |attr: &str| {
        e.attribute(attr)
            .ok_or_else(|| format!("Line {at}: a <{name}> has no {attr}."))
    };
    Ok((at, get(from)?, get(to)?))
}

/// A number from a file's text, if it is a finite one.
fn number(s: Option<&str>) -> Option<f64> {
    s.and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|x| x.is_finite())
}
