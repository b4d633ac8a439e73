//! Making a map read from storage or a file safe to use.

use super::*;

impl ConceptMap {
    /// Makes a map read from storage (or an import) safe to use, reporting each fix: nodes sorted
    /// with unique ids and finite places, links only between existing different nodes (any
    /// number of them between two nodes: what a person drew is kept), kinds unique, node kinds that
    /// exist, groups that nest without cycles, a usable view and a `next_id` past every id.
    pub fn repair(&mut self, report: &mut Vec<String>) {
        let what = format!("map \u{201c}{}\u{201d}", self.display_title());
        crate::order::sort_by_key(&mut self.nodes, |n| n.id);
        let before = self.nodes.len();
        self.nodes.dedup_by_key(|n| n.id);
        if self.nodes.len() < before {
            report.push(format!(
                "{what}: {} nodes repeated an id and were dropped",
                before - self.nodes.len()
            ));
        }
        let mut moved = 0;
        for n in &mut self.nodes {
            if !(n.x.abs() <= MAX_COORD && n.y.abs() <= MAX_COORD) {
                n.x = 0.0;
                n.y = 0.0;
                moved += 1;
            }
        }
        if moved > 0 {
            report.push(format!(
                "{what}: {moved} nodes had no place and were put in the middle"
            ));
        }
        let mut seen_kinds = std::collections::HashSet::new();
        self.kinds.retain(|k| seen_kinds.insert(k.id));
        for k in &mut self.kinds {
            k.colour %= COLOURS.len() as u8;
        }
        let kinds: std::collections::HashSet<KindId> = self.kinds.iter().map(|k| k.id).collect();
        for n in &mut self.nodes {
            if n.kind.is_some_and(|k| !kinds.contains(&k)) {
                n.kind = None;
            }
        }
        // A link ends on a node or on a group (ids never clash: one counter makes them all).
        let nodes: std::collections::HashSet<NodeId> = self
            .nodes
            .iter()
            .map(|n| n.id)
            .chain(self.groups.iter().map(|g| g.id))
            .collect();
        crate::order::sort_by_key(&mut self.links, |l| l.id);
        let mut link_ids = std::collections::HashSet::new();
        let before = self.links.len();
        self.links.retain(|l| {
            l.from != l.to
                && nodes.contains(&l.from)
                && nodes.contains(&l.to)
                && link_ids.insert(l.id)
        });
        if self.links.len() < before {
            report.push(format!(
                "{what}: {} {} pointed nowhere or repeated another's id and {} dropped",
                before - self.links.len(),
                plural(before - self.links.len(), "link", "links"),
                if before - self.links.len() == 1 {
                    "was"
                } else {
                    "were"
                }
            ));
        }
        let fixed = self.repair_groups();
        if fixed > 0 {
            report.push(format!(
                "{what}: {fixed} group {} pointed to a missing group or made a cycle and {} undone",
                plural(fixed, "setting", "settings"),
                if fixed == 1 { "was" } else { "were" }
            ));
        }
        if !self.view.is_valid() {
            self.view = Viewport::default();
        }
        if self.renumber_if_near_the_end() {
            report.push(format!(
                "{what}: its ids were near the largest an id can be and were renumbered"
            ));
        }
        let max = self
            .nodes
            .iter()
            .map(|n| n.id)
            .chain(self.links.iter().map(|l| l.id))
            .chain(self.kinds.iter().map(|k| k.id))
            .chain(self.groups.iter().map(|g| g.id))
            .max()
            .unwrap_or(0);
        if self.next_id <= max {
            self.next_id = max + 1;
        }
    }
}
