//! GEXF (1.1, 1.2 and 1.3, as Gephi and NetworkX write it): node and edge labels, declared
//! attributes by title (kind/type, shape, description/notes, direction, polarity), `viz` colour and position
//! (y up in GEXF, down here), and the edge `type`.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::{Builder, Imported, Source, direction, number, polarity, xml_ends, xml_line};
use crate::model::map::{Direction, Point, Polarity, Shape};

pub fn import(doc: &Document, id: String) -> Result<Imported, String> {
    let root = doc.root_element();
    let graph = root
        .children()
        .find(|n| n.tag_name().name() == "graph")
        .ok_or("The GEXF file has no <graph> element.")?;
    let title = root
        .descendants()
        .find(|n| n.tag_name().name() == "description" || n.tag_name().name() == "title")
        .and_then(|n| n.text())
        .unwrap_or("");
    let undirected = graph.attribute("defaultedgetype") == Some("undirected");
    // attribute id -> title, lower-cased, for nodes and edges
    let mut titles: HashMap<(&str, &str), String> = HashMap::new();
    for attrs in graph
        .children()
        .filter(|n| n.tag_name().name() == "attributes")
    {
        let class = attrs.attribute("class").unwrap_or("node");
        for a in attrs
            .children()
            .filter(|n| n.tag_name().name() == "attribute")
        {
            if let Some(id) = a.attribute("id") {
                let t = a.attribute("title").unwrap_or(id).to_lowercase();
                titles.insert((class, id), t);
            }
        }
    }
    let values = |n: Node<'_, '_>, class: &str| -> Vec<(String, String)> {
        n.descendants()
            .filter(|c| c.tag_name().name() == "attvalue")
            .filter_map(|v| {
                let key = v.attribute("for").or_else(|| v.attribute("id"))?;
                let name = titles
                    .get(&(class, key))
                    .cloned()
                    .unwrap_or_else(|| key.to_lowercase());
                Some((name, v.attribute("value").unwrap_or("").to_string()))
            })
            .collect()
    };
    let mut b = Builder::new(id, title, Source::Gexf);
    // Every node, nested ones too; a node that others name as their parent (`pid`) or that
    // holds <nodes> of its own is a group (Gephi's hierarchy).
    let all: Vec<Node> = graph
        .descendants()
        .filter(|n| {
            n.tag_name().name() == "node"
                && n.parent().is_some_and(|p| p.tag_name().name() == "nodes")
        })
        .collect();
    let parent_of = |n: &Node<'_, '_>| -> Option<String> {
        n.attribute("pid").map(str::to_string).or_else(|| {
            n.ancestors()
                .skip(1)
                .find(|a| a.tag_name().name() == "node")
                .and_then(|a| a.attribute("id"))
                .map(str::to_string)
        })
    };
    let parents: std::collections::HashSet<String> = all.iter().filter_map(parent_of).collect();
    for n in &all {
        if let Some(key) = n.attribute("id").filter(|k| parents.contains(*k)) {
            b.group(key, n.attribute("label").unwrap_or(key), None);
        }
    }
    for n in &all {
        if let Some(key) = n.attribute("id").filter(|k| parents.contains(*k))
            && let (Some(g), Some(p)) = (b.group_of(key), parent_of(n).and_then(|p| b.group_of(&p)))
        {
            b.nest(g, p);
        }
    }
    for n in all.iter().copied() {
        let key = n
            .attribute("id")
            .ok_or_else(|| format!("Line {}: a <node> has no id.", xml_line(doc, n)))?;
        if parents.contains(key) {
            continue;
        }
        let group = parent_of(&n).and_then(|p| b.group_of(&p));
        let label = n.attribute("label").unwrap_or(key);
        let pos = n.children().find(|c| c.tag_name().name() == "position");
        let at = pos.and_then(|p| {
            Some(Point::new(
                number(p.attribute("x"))?,
                -number(p.attribute("y"))?,
            ))
        });
        let colour = n
            .children()
            .find(|c| c.tag_name().name() == "color")
            .map(|c| {
                let part = |k| number(c.attribute(k)).unwrap_or(0.0).clamp(0.0, 255.0) as u8;
                format!("#{:02x}{:02x}{:02x}", part("r"), part("g"), part("b"))
            });
        let node = b.node(key, label, at)?;
        if let Some(g) = group {
            b.in_group(node, g);
        }
        let vals = values(n, "node");
        let get = |k: &[&str]| {
            vals.iter()
                .find(|(n, _)| k.contains(&n.as_str()))
                .map(|(_, v)| v.as_str())
        };
        if let Some(notes) = get(&["description", "notes", "note"]) {
            b.describe(node, notes);
        }
        if let Some(kind) = get(&["kind", "type"]) {
            b.kind(
                node,
                kind,
                colour.as_deref(),
                get(&["shape"]).and_then(Shape::parse),
            );
        }
    }
    let edges = graph.children().find(|n| n.tag_name().name() == "edges");
    for e in edges
        .iter()
        .flat_map(|es| es.children())
        .filter(|n| n.tag_name().name() == "edge")
    {
        let (at, from, to) = xml_ends(doc, e, ("source", "target"))?;
        let vals = values(e, "edge");
        let get = |k: &str| vals.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let mut dir = match e.attribute("type") {
            Some(t) => direction(t).unwrap_or(Direction::Forward),
            None if undirected => Direction::None,
            None => Direction::Forward,
        };
        if let Some(d) = get("direction").and_then(direction) {
            dir = d;
        }
        let pol = get("polarity").map_or(Polarity::None, polarity);
        b.require_ends(at, "edge", from, to)?;
        b.link(
            from,
            to,
            e.attribute("label").unwrap_or(""),
            dir,
            pol,
            false,
        )?;
    }
    Ok(b.finish())
}
