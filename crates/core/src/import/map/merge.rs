//! An import put beside the current map.

use super::*;

/// Puts `other` beside `current` (to its right, kinds matched by name, every id new), as
/// "merge into the current map" does. Returns the merged map and how many nodes were added.
pub fn merge(current: &ConceptMap, other: &ConceptMap) -> Result<ConceptMap, String> {
    if current.nodes.len() + other.nodes.len() > MAX_NODES {
        return Err(too_many_nodes(current.nodes.len() + other.nodes.len()));
    }
    if current.links.len() + other.links.len() > MAX_LINKS {
        return Err(too_many_links(current.links.len() + other.links.len()));
    }
    let mut map = current.clone();
    let m = Metrics::STANDARD;
    let shift = match (current.bounds(m), other.bounds(m)) {
        (Some(a), Some(b)) => Point::new(a.x1 + 120.0 - b.x0, a.y0 - b.y0),
        _ => Point::default(),
    };
    let mut kinds: HashMap<KindId, KindId> = HashMap::new();
    for k in &other.kinds {
        let id = match map.kinds.iter().find(|x| x.name == k.name) {
            Some(x) => x.id,
            None => {
                let id = map.add_kind(&k.name);
                map.edit_kind(id, |x| {
                    x.colour = k.colour;
                    x.shape = k.shape;
                });
                id
            }
        };
        kinds.insert(k.id, id);
    }
    let mut nodes: HashMap<NodeId, NodeId> = HashMap::new();
    for n in &other.nodes {
        let id = map.add_node(
            &n.label,
            Point::new(n.x + shift.x, n.y + shift.y),
            n.kind.and_then(|k| kinds.get(&k).copied()),
        );
        map.set_notes(id, n.notes.clone());
        nodes.insert(n.id, id);
    }
    let mut groups: HashMap<GroupId, GroupId> = HashMap::new();
    for g in &other.groups {
        let id = map.add_group(&g.name, &[]);
        map.edit_group(id, |x| {
            x.colour = g.colour;
            x.collapsed = g.collapsed;
        });
        groups.insert(g.id, id);
    }
    for g in &other.groups {
        if let (Some(id), Some(p)) = (groups.get(&g.id), g.parent.and_then(|p| groups.get(&p))) {
            map.set_group_parent(*id, Some(*p));
        }
    }
    for n in &other.nodes {
        if let (Some(id), Some(g)) = (nodes.get(&n.id), n.group.and_then(|g| groups.get(&g))) {
            map.set_node_group(*id, Some(*g));
        }
    }
    for l in &other.links {
        if let (Some(a), Some(b)) = (nodes.get(&l.from), nodes.get(&l.to)) {
            map.push_link(*a, *b, l.label.clone(), l.direction, l.polarity);
        }
    }
    Ok(map)
}
