//! GraphML as yEd, Gephi, Cytoscape, NetworkX and this app write it. Keys are matched by their
//! `attr.name` (label/name, kind/type, colour/color, shape, x, y, description/notes; link label,
//! Gephi's "Edge Label", Cytoscape's interaction, direction, polarity/sign), and a key's
//! `<default>` applies wherever a node or edge leaves it out; yEd's own node and edge labels
//! (HTML labels read as their text), geometry, fill and arrowheads are read too (an arrow at
//! the source end only points the link the other way), and yEd Live's (yFiles for HTML's)
//! NodeLabels, EdgeLabels and NodeGeometry. A node without a label is called by its
//! id, as NetworkX graphs usually are.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::{Builder, Imported, Source, direction, number, polarity, xml_ends, xml_line};
use crate::model::map::{Direction, Point, Polarity, Shape};

/// The text of a `<data>` element, or of the first yEd label inside it.
fn data_text<'a>(d: Node<'a, 'a>) -> Option<&'a str> {
    if d.has_children() && d.children().any(|c| c.is_element()) {
        None
    } else {
        Some(d.text().unwrap_or(""))
    }
}

/// A yEd label's text: its first text (the label model follows it as elements); yEd's HTML
/// labels (`<html>…</html>`) as the text they show.
fn yed_label(l: Node) -> String {
    let text = l.text().unwrap_or("");
    if text
        .trim_start()
        .get(..6)
        .is_some_and(|h| h.eq_ignore_ascii_case("<html>"))
    {
        super::html::to_text(text, true).trim().to_string()
    } else {
        text.to_string()
    }
}

/// The first label in yFiles for HTML's (yEd Live's) NodeLabels / EdgeLabels data:
/// `<x:List><y:Label Text="…">` or `<y:Label><y:Label.Text>…</y:Label.Text>`.
fn yfiles_label(d: Node) -> Option<String> {
    let l = d.descendants().find(|g| g.tag_name().name() == "Label")?;
    let text = l.attribute("Text").or_else(|| {
        l.children()
            .find(|c| c.tag_name().name() == "Label.Text")
            .map(|t| t.text().unwrap_or(""))
    })?;
    Some(text.to_string())
}

/// How strongly a field names a node's or an edge's label: an explicit label beats Gephi's
/// "Edge Label", which beats Cytoscape's `interaction`, which beats a `name` (Cytoscape names
/// an edge "source (interaction) target").
fn label_rank(field: &str) -> Option<u8> {
    match field {
        "label" => Some(0),
        "edge label" => Some(1),
        "interaction" => Some(2),
        "name" => Some(3),
        _ => None,
    }
}

/// A key: its `attr.name` (lower-cased), the elements it is `for` and its `<default>`.
struct Key<'a> {
    name: String,
    domain: &'a str,
    default: Option<Node<'a, 'a>>,
}

/// The data of an element, as (field, element holding the value): its own `<data>`, then the
/// defaults of the keys for its kind of element that it leaves out.
fn entries<'a>(
    keys: &HashMap<&'a str, Key<'a>>,
    defaults: &[&'a str],
    e: Node<'a, 'a>,
) -> Vec<(&'a str, Node<'a, 'a>)> {
    let mut out: Vec<(&str, Node)> = Vec::new();
    let mut given: Vec<&str> = Vec::new();
    for d in e.children().filter(|c| c.tag_name().name() == "data") {
        let key = d.attribute("key").unwrap_or("");
        given.push(key);
        if let Some((id, _)) = keys.get_key_value(key) {
            out.push((id, d));
        }
    }
    for id in defaults {
        if !given.contains(id)
            && let Some(d) = keys[id].default
        {
            out.push((id, d));
        }
    }
    out
}

pub fn import(doc: &Document, id: String) -> Result<Imported, String> {
    let root = doc.root_element();
    // key id -> attr.name (lower-cased), domain, default
    let keys: HashMap<&str, Key> = root
        .children()
        .filter(|n| n.tag_name().name() == "key")
        .filter_map(|k| {
            let id = k.attribute("id")?;
            let name = k
                .attribute("attr.name")
                .or_else(|| k.attribute("yfiles.type"))
                .unwrap_or(id);
            let default = k.children().find(|c| c.tag_name().name() == "default");
            Some((
                id,
                Key {
                    name: name.to_lowercase(),
                    domain: k.attribute("for").unwrap_or("all"),
                    default,
                },
            ))
        })
        .collect();
    let defaults_for = |domain: &str| -> Vec<&str> {
        let mut ids: Vec<&str> = keys
            .iter()
            .filter(|(_, k)| k.default.is_some() && (k.domain == domain || k.domain == "all"))
            .map(|(id, _)| *id)
            .collect();
        crate::order::sort(&mut ids);
        ids
    };
    let (node_defaults, edge_defaults) = (defaults_for("node"), defaults_for("edge"));
    let graph = root
        .children()
        .find(|n| n.tag_name().name() == "graph")
        .ok_or("The GraphML file has no <graph> element.")?;
    let undirected = graph.attribute("edgedefault") == Some("undirected");
    let field = |id: &str| keys.get(id).map(|k| k.name.as_str());
    let mut title = String::new();
    let mut focus = String::new();
    for (k, d) in entries(&keys, &[], graph) {
        match field(k) {
            Some("title" | "name" | "label") => title = data_text(d).unwrap_or("").to_string(),
            Some("focus_question" | "focus question") => {
                focus = data_text(d).unwrap_or("").to_string()
            }
            _ => {}
        }
    }
    let mut b = Builder::new(id, &title, Source::GraphMl);
    b.focus(&focus);
    for n in graph
        .descendants()
        .filter(|n| n.tag_name().name() == "node")
    {
        let key = n
            .attribute("id")
            .ok_or_else(|| format!("Line {}: a <node> has no id.", xml_line(doc, n)))?;
        let (mut label, mut kind, mut colour, mut shape) = (None, None, None, None);
        let mut rank = u8::MAX;
        let mut notes = None;
        let (mut x, mut y) = (None, None);
        // Gephi writes a node's colour as three keys.
        let mut rgb = [None; 3];
        for (k, d) in entries(&keys, &node_defaults, n) {
            let text = data_text(d);
            match field(k) {
                Some(f) if label_rank(f).is_some_and(|r| r <= rank) && text.is_some() => {
                    rank = label_rank(f).unwrap_or(rank);
                    label = text.map(str::to_string);
                }
                Some("kind" | "type" | "element type") => kind = text.map(str::to_string),
                Some("colour" | "color") => colour = text.map(str::to_string),
                Some("r") => rgb[0] = number(text),
                Some("g") => rgb[1] = number(text),
                Some("b") => rgb[2] = number(text),
                Some("shape") => shape = text.and_then(Shape::parse),
                Some("description" | "notes" | "note") => notes = text.map(str::to_string),
                Some("x") => x = number(text),
                Some("y") => y = number(text),
                Some("nodelabels") if label.is_none() => label = yfiles_label(d),
                Some("nodegeometry") => {
                    // yFiles for HTML: <y:RectD X Y Width Height/>, the top-left corner.
                    if let Some(r) = d.descendants().find(|g| g.tag_name().name() == "RectD") {
                        let w = number(r.attribute("Width")).unwrap_or(0.0);
                        let h = number(r.attribute("Height")).unwrap_or(0.0);
                        x = number(r.attribute("X")).map(|v| v + w / 2.0);
                        y = number(r.attribute("Y")).map(|v| v + h / 2.0);
                    }
                }
                Some("nodegraphics") => {
                    // yEd: <y:ShapeNode><y:Geometry x y width height/><y:Fill color/><y:NodeLabel>
                    for g in d.descendants() {
                        match g.tag_name().name() {
                            "Geometry" => {
                                let w = number(g.attribute("width")).unwrap_or(0.0);
                                let h = number(g.attribute("height")).unwrap_or(0.0);
                                x = number(g.attribute("x")).map(|v| v + w / 2.0);
                                y = number(g.attribute("y")).map(|v| v + h / 2.0);
                            }
                            "Fill" if colour.is_none() => {
                                colour = g.attribute("color").map(str::to_string)
                            }
                            "NodeLabel" if label.is_none() => label = Some(yed_label(g)),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        if colour.is_none()
            && let [Some(r), Some(g), Some(b)] = rgb
        {
            let part = |v: f64| v.clamp(0.0, 255.0) as u8;
            colour = Some(format!("#{:02x}{:02x}{:02x}", part(r), part(g), part(b)));
        }
        let at = x.zip(y).map(|(x, y)| Point::new(x, y));
        let label = label.unwrap_or_else(|| key.to_string());
        // The group it sits in: the nearest <node> around it (yEd, GraphML's nested graphs).
        let parent = n
            .ancestors()
            .skip(1)
            .find(|a| a.tag_name().name() == "node")
            .and_then(|a| a.attribute("id"))
            .and_then(|k| b.group_of(k));
        if n.children().any(|c| c.tag_name().name() == "graph") {
            let group = b.group(key, &label, None);
            if let Some(p) = parent {
                b.nest(group, p);
            }
            continue;
        }
        let node = b.node(key, &label, at)?;
        if let Some(notes) = notes {
            b.describe(node, &notes);
        }
        if let Some(g) = parent {
            b.in_group(node, g);
        }
        if let Some(kind) = kind {
            b.kind(node, &kind, colour.as_deref(), shape);
        }
    }
    for e in graph
        .descendants()
        .filter(|n| n.tag_name().name() == "edge")
    {
        let (at, mut from, mut to) = xml_ends(doc, e, ("source", "target"))?;
        let mut dir = match e.attribute("directed") {
            Some("false" | "0") => Direction::None,
            Some("true" | "1") => Direction::Forward,
            _ if undirected => Direction::None,
            _ => Direction::Forward,
        };
        let (mut label, mut pol) = (String::new(), Polarity::None);
        let mut rank = u8::MAX;
        let mut sign = None;
        let mut backwards = false;
        for (k, d) in entries(&keys, &edge_defaults, e) {
            let text = data_text(d).unwrap_or("");
            match field(k) {
                Some(f) if label_rank(f).is_some_and(|r| r <= rank) => {
                    rank = label_rank(f).unwrap_or(rank);
                    label = text.to_string();
                }
                Some("edgelabels") => {
                    if let Some(l) = yfiles_label(d) {
                        label = l;
                        rank = 0;
                    }
                }
                Some("direction") => dir = direction(text).unwrap_or(dir),
                Some("polarity") => pol = polarity(text),
                Some("sign") => sign = Some(polarity(text)),
                Some("edgegraphics") => {
                    if let Some(l) = d.descendants().find(|g| g.tag_name().name() == "EdgeLabel") {
                        label = yed_label(l);
                        rank = 0;
                    }
                    // yEd draws direction as arrowheads at either end.
                    if let Some(a) = d.descendants().find(|g| g.tag_name().name() == "Arrows") {
                        let head = |end| a.attribute(end).is_some_and(|v| v != "none");
                        (dir, backwards) = match (head("source"), head("target")) {
                            (true, true) => (Direction::Both, false),
                            (false, false) => (Direction::None, false),
                            (true, false) => (Direction::Forward, true),
                            (false, true) => (Direction::Forward, false),
                        };
                    }
                }
                _ => {}
            }
        }
        if pol == Polarity::None
            && let Some(s) = sign
        {
            pol = s;
        }
        b.require_ends(at, "edge", from, to)?;
        if backwards {
            std::mem::swap(&mut from, &mut to);
        }
        b.link(from, to, &label, dir, pol, false)?;
    }
    Ok(b.finish())
}
