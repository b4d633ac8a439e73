//! CmapTools CXL. Concepts become nodes (placed where their `concept-appearance` is, their
//! `long-comment`, CmapTools' hover info, as the node's notes); each
//! linking phrase joins every concept that points to it with every concept it points to, as
//! one link labelled with the phrase. A concept joined straight to another gives an unlabelled
//! link. Nested nodes (a concept naming another as its `parent-id`) become groups, and a
//! phrase joined to a nested node gives a link that ends on the group.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::{Builder, Imported, MAX_LINKS, Source, number, xml_ends, xml_line};
use crate::model::map::{Direction, Point, Polarity};

fn named<'a, 'i>(n: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> {
    n.descendants().filter(move |c| c.tag_name().name() == name)
}

pub fn import(doc: &Document, id: String) -> Result<Imported, String> {
    let root = doc.root_element();
    let title = named(root, "title")
        .next()
        .and_then(|n| n.text())
        .unwrap_or("");
    let mut b = Builder::new(id, title, Source::Cxl);
    let places: HashMap<&str, Point> = named(root, "concept-appearance")
        .filter_map(|a| {
            Some((
                a.attribute("id")?,
                Point::new(number(a.attribute("x"))?, number(a.attribute("y"))?),
            ))
        })
        .collect();
    // Nested nodes: a concept whose id another concept names as its `parent-id` is a group
    // (named by its label) holding those concepts; groups nest the same way.
    let parent_of: HashMap<&str, &str> = named(root, "concept")
        .filter_map(|c| Some((c.attribute("id")?, c.attribute("parent-id")?)))
        .filter(|(id, p)| id != p)
        .collect();
    let holders: std::collections::HashSet<&str> = parent_of.values().copied().collect();
    let concepts: Vec<Node> = named(root, "concept").collect();
    // Groups outermost first, so each finds its parent made (cut at a cycle by the depth).
    let depth = |id: &str| {
        let (mut at, mut d) = (id, 0);
        while let Some(p) = parent_of.get(at) {
            d += 1;
            if d > 32 {
                break;
            }
            at = p;
        }
        d
    };
    let mut groups: Vec<(usize, &str, &str)> = concepts
        .iter()
        .filter_map(|c| {
            let id = c.attribute("id")?;
            holders
                .contains(id)
                .then(|| (depth(id), id, c.attribute("label").unwrap_or("")))
        })
        .collect();
    crate::order::sort(&mut groups);
    for (_, id, label) in &groups {
        b.group(id, label, parent_of.get(id).copied());
    }
    for c in concepts {
        let key = c
            .attribute("id")
            .ok_or_else(|| format!("Line {}: a <concept> has no id.", xml_line(doc, c)))?;
        if holders.contains(key) {
            continue;
        }
        let node = b.node(
            key,
            c.attribute("label").unwrap_or(""),
            places.get(key).copied(),
        )?;
        // CmapTools keeps a concept's "info" (hover text) in `long-comment`.
        if let Some(notes) = c.attribute("long-comment") {
            b.describe(node, notes);
        }
        if let Some(g) = parent_of.get(key).and_then(|p| b.group_of(p)) {
            b.in_group(node, g);
        }
    }
    let phrases: HashMap<&str, &str> = named(root, "linking-phrase")
        .filter_map(|p| Some((p.attribute("id")?, p.attribute("label").unwrap_or(""))))
        .collect();
    let mut into: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut out_of: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut direct = Vec::new();
    for c in named(root, "connection") {
        let (at, from, to) = xml_ends(doc, c, ("from-id", "to-id"))?;
        match (phrases.contains_key(from), phrases.contains_key(to)) {
            (false, true) => into.entry(to).or_default().push(from),
            (true, false) => out_of.entry(from).or_default().push(to),
            (false, false) => direct.push((from, to, at)),
            (true, true) => {}
        }
    }
    // Each phrase joins every concept into it with every concept out of it: count the pairs
    // (ends listed twice counted once) before making any, so a file cannot expand without bound.
    for ends in into.values_mut().chain(out_of.values_mut()) {
        crate::order::sort(ends);
        ends.dedup();
    }
    let pairs = phrases.keys().fold(0usize, |sum, p| {
        let n = |m: &HashMap<&str, Vec<&str>>| m.get(p).map_or(0, Vec::len);
        sum.saturating_add(n(&into).saturating_mul(n(&out_of)))
    });
    if pairs > 2 * MAX_LINKS {
        return Err(format!(
            "The file's linking phrases join {pairs} pairs of concepts; a map can hold up to {MAX_LINKS} links."
        ));
    }
    let mut loose = 0;
    let mut ids: Vec<&&str> = phrases.keys().collect();
    crate::order::sort(&mut ids);
    for p in ids {
        let (ins, outs) = (into.get(*p), out_of.get(*p));
        let (Some(ins), Some(outs)) = (ins, outs) else {
            loose += 1;
            continue;
        };
        for a in ins {
            for z in outs {
                if b.has_end(a) && b.has_end(z) {
                    b.link(a, z, phrases[*p], Direction::Forward, Polarity::None, false)?;
                }
            }
        }
    }
    for (from, to, at) in direct {
        if !b.has_end(from) || !b.has_end(to) {
            return Err(format!(
                "Line {at}: a <connection> joins \u{201c}{from}\u{201d}, which is neither a concept nor a linking phrase."
            ));
        }
        b.link(from, to, "", Direction::Forward, Polarity::None, false)?;
    }
    if loose > 0 {
        b.notes.push(format!(
            "{loose} linking phrases were not joined to a concept at both ends and were left out."
        ));
    }
    Ok(b.finish())
}
