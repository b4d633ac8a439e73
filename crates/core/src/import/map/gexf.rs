//! GEXF (1.1, 1.2 and 1.3, as Gephi and NetworkX write it): node and edge labels, declared
//! attributes by title (kind/type, shape, description/notes, direction, polarity), an
//! attribute's `<default>` where a node or edge leaves it out, `viz` colour (`r`/`g`/`b` or
//! 1.3's `hex`) and position (y up in GEXF, down here), and the edge `type`. Edges are read
//! wherever an `<edges>` list is, also inside a parent node (a hierarchy).

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
    // The meta's title, else its description (Gephi writes both, often one empty).
    let meta_text = |name: &str| {
        root.children()
            .filter(|n| n.tag_name().name() == "meta")
            .flat_map(|m| m.children())
            .filter(|n| n.tag_name().name() == name)
            .find_map(|n| n.text().map(str::trim).filter(|t| !t.is_empty()))
    };
    let title = meta_text("title")
        .or_else(|| meta_text("description"))
        .unwrap_or("");
    let undirected = graph.attribute("defaultedgetype") == Some("undirected");
    // attribute id -> title, lower-cased, for nodes and edges
    let mut titles: HashMap<(&str, &str), String> = HashMap::new();
    // (class, attribute id, default value) of attributes declaring a default
    let mut defaults: Vec<(&str, &str, &str)> = Vec::new();
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
                if let Some(d) = a
                    .children()
                    .find(|c| c.tag_name().name() == "default")
                    .and_then(|d| d.text())
                {
                    defaults.push((class, id, d));
                }
            }
        }
    }
    let values = |n: Node<'_, '_>, class: &str| -> Vec<(String, String)> {
        let name = |key: &str| {
            titles
                .get(&(class, key))
                .cloned()
                .unwrap_or_else(|| key.to_lowercase())
        };
        // Its own values (not those of nodes nested inside it), then the defaults it leaves out.
        let own: Vec<(&str, &str)> = n
            .children()
            .filter(|c| c.tag_name().name() == "attvalues")
            .flat_map(|c| c.children())
            .filter(|c| c.tag_name().name() == "attvalue")
            .filter_map(|v| {
                let key = v.attribute("for").or_else(|| v.attribute("id"))?;
                Some((key, v.attribute("value").unwrap_or("")))
            })
            .collect();
        let missing = defaults
            .iter()
            .filter(|(c, id, _)| *c == class && !own.iter().any(|(k, _)| k == id))
            .map(|(_, id, v)| (*id, *v));
        own.iter()
            .copied()
            .chain(missing)
            .map(|(k, v)| (name(k), v.to_string()))
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
            .map(|c| match c.attribute("hex") {
                Some(hex) => hex.to_string(),
                None => {
                    let part = |k| number(c.attribute(k)).unwrap_or(0.0).clamp(0.0, 255.0) as u8;
                    format!("#{:02x}{:02x}{:02x}", part("r"), part("g"), part("b"))
                }
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
    for e in graph.descendants().filter(|n| {
        n.tag_name().name() == "edge" && n.parent().is_some_and(|p| p.tag_name().name() == "edges")
    }) {
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
