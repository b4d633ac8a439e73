//! GraphML as yEd, Gephi, NetworkX and this app write it. Keys are matched by their
//! `attr.name` (label/name, kind/type, colour/color, shape, x, y, description/notes; link label, direction,
//! polarity/sign); yEd's own node and edge labels, geometry and fill are read too. A node
//! without a label is called by its id, as NetworkX graphs usually are.

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

pub fn import(doc: &Document, id: String) -> Result<Imported, String> {
    let root = doc.root_element();
    // key id -> attr.name, lower-cased
    let keys: HashMap<&str, String> = root
        .children()
        .filter(|n| n.has_tag_name("key") || n.tag_name().name() == "key")
        .filter_map(|k| {
            let id = k.attribute("id")?;
            let name = k
                .attribute("attr.name")
                .or_else(|| k.attribute("yfiles.type"))
                .unwrap_or(id);
            Some((id, name.to_lowercase()))
        })
        .collect();
    let graph = root
        .children()
        .find(|n| n.tag_name().name() == "graph")
        .ok_or("The GraphML file has no <graph> element.")?;
    let undirected = graph.attribute("edgedefault") == Some("undirected");
    let field = |d: &Node| {
        keys.get(d.attribute("key").unwrap_or(""))
            .map(String::as_str)
    };
    let mut title = String::new();
    let mut focus = String::new();
    for d in graph.children().filter(|n| n.tag_name().name() == "data") {
        match field(&d) {
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
        let mut notes = None;
        let (mut x, mut y) = (None, None);
        for d in n.children().filter(|c| c.tag_name().name() == "data") {
            let text = data_text(d);
            match field(&d) {
                Some("label" | "name") => label = text.map(str::to_string),
                Some("kind" | "type" | "element type") => kind = text.map(str::to_string),
                Some("colour" | "color") => colour = text.map(str::to_string),
                Some("shape") => shape = text.and_then(Shape::parse),
                Some("description" | "notes" | "note") => notes = text.map(str::to_string),
                Some("x") => x = number(text),
                Some("y") => y = number(text),
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
                            "NodeLabel" if label.is_none() => {
                                label = Some(g.text().unwrap_or("").to_string())
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
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
        let (at, from, to) = xml_ends(doc, e, ("source", "target"))?;
        let mut dir = match e.attribute("directed") {
            Some("false") => Direction::None,
            Some("true") => Direction::Forward,
            _ if undirected => Direction::None,
            _ => Direction::Forward,
        };
        let (mut label, mut pol) = (String::new(), Polarity::None);
        for d in e.children().filter(|c| c.tag_name().name() == "data") {
            let text = data_text(d).unwrap_or("");
            match field(&d) {
                Some("label" | "name") => label = text.to_string(),
                Some("direction") => dir = direction(text).unwrap_or(dir),
                Some("polarity") => pol = polarity(text),
                Some("sign") if pol == Polarity::None => pol = polarity(text),
                Some("edgegraphics") => {
                    if let Some(l) = d.descendants().find(|g| g.tag_name().name() == "EdgeLabel") {
                        label = l.text().unwrap_or("").to_string();
                    }
                    // yEd draws direction as arrowheads at either end.
                    if let Some(a) = d.descendants().find(|g| g.tag_name().name() == "Arrows") {
                        let head = |end| a.attribute(end).is_some_and(|v| v != "none");
                        dir = match (head("source"), head("target")) {
                            (true, true) => Direction::Both,
                            (false, false) => Direction::None,
                            _ => Direction::Forward,
                        };
                    }
                }
                _ => {}
            }
        }
        b.require_ends(at, "edge", from, to)?;
        b.link(from, to, &label, dir, pol, false)?;
    }
    Ok(b.finish())
}
