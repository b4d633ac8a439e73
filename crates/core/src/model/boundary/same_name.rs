//! Perspectives named exactly as a roster entry but not linked to it: the challenge view (and
//! the legitimacy aside) sort perspectives by the roster entries they speak for, so a critique
//! whose perspectives were never linked shows nothing there, though "GPs" plainly speaks for
//! the roster's "GPs". These are offered as links for the facilitator to make in one step;
//! nothing is ever linked without them.

use super::BoundaryCritique;
use crate::model::roster::Stakeholder;

/// A name compared without case and with runs of white space as one space.
fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Each perspective linked to no roster entry whose name matches exactly one roster entry's
/// name (case and spacing aside), with that entry: `(perspective id, roster id)`, in the
/// perspectives' order. A name shared by two roster entries is ambiguous and left out, as are
/// blank names.
pub fn same_name_links(
    critique: &BoundaryCritique,
    roster: &[Stakeholder],
) -> Vec<(String, String)> {
    critique
        .perspectives
        .iter()
        .filter(|p| p.roster_ids.is_empty())
        .filter_map(|p| {
            let k = key(&p.name);
            if k.is_empty() {
                return None;
            }
            let mut matches = roster.iter().filter(|s| key(&s.name) == k);
            let first = matches.next()?;
            matches
                .next()
                .is_none()
                .then(|| (p.id.clone(), first.id.clone()))
        })
        .collect()
}

impl BoundaryCritique {
    /// Makes the links [`same_name_links`] offers; returns how many it made.
    pub fn link_same_names(&mut self, roster: &[Stakeholder]) -> usize {
        let links = same_name_links(self, roster);
        for (pid, sid) in &links {
            if let Some(p) = self.perspectives.iter_mut().find(|p| &p.id == pid) {
                p.roster_ids.push(sid.clone());
            }
        }
        links.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::boundary::Stance;
    use crate::model::{Involvement, Workshop};

    #[test]
    fn only_unlinked_perspectives_matching_one_entry_exactly_are_offered() {
        let mut w = Workshop::new("w".into(), "t", 0.0);
        w.add_stakeholder("gp".into(), "GPs", "", Involvement::Involved);
        w.add_stakeholder("users".into(), "Service  users", "", Involvement::Affected);
        w.add_stakeholder("a".into(), "Carers", "", Involvement::Affected);
        w.add_stakeholder("b".into(), "carers", "", Involvement::Involved);
        w.add_stakeholder("team".into(), "Team", "", Involvement::Involved);
        let c = &mut w.boundary;
        for (id, name) in [
            ("p1", " gps "),
            ("p2", "SERVICE USERS"),
            ("p3", "Carers"),
            ("p4", "GP"),
            ("p5", "Team"),
            ("p6", ""),
        ] {
            c.add_perspective(id.into(), name);
        }
        c.perspectives[4].roster_ids = vec!["gp".into()];
        assert_eq!(
            same_name_links(c, &w.roster),
            [
                ("p1".to_string(), "gp".to_string()),
                ("p2".to_string(), "users".to_string())
            ],
            "case and spaces aside; not ambiguous (Carers), not partial (GP), not already linked (Team)"
        );
        let roster = w.roster.clone();
        assert_eq!(w.boundary.stance("p2", &roster), Stance::Unclear);
        assert_eq!(w.boundary.link_same_names(&roster), 2);
        assert_eq!(w.boundary.stance("p1", &roster), Stance::Involved);
        assert_eq!(w.boundary.stance("p2", &roster), Stance::Affected);
        assert!(same_name_links(&w.boundary, &roster).is_empty());
        assert_eq!(w.boundary.link_same_names(&roster), 0);
    }
}
