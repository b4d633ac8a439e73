//! Starting points for a concept map: blank, the paper's team vision map (Fig. 1), a
//! stakeholder map from the workshop's roster, and the positive relational cycle (Fig. 3).
//! Each builds a whole [`ConceptMap`] with kinds, nodes, links and places.

use std::f64::consts::TAU;

use crate::analysis::layout::ring;
use crate::content::frameworks::{CYCLE, HEART};
use crate::model::map::{ConceptMap, Direction, Point, Polarity, Shape};
use crate::model::{Involvement, Stakeholder};

/// A template a new map can start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    Blank,
    Vision,
    Stakeholders,
    Cycle,
}

impl Template {
    pub const ALL: [Template; 4] = [
        Template::Blank,
        Template::Vision,
        Template::Stakeholders,
        Template::Cycle,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Template::Blank => "blank",
            Template::Vision => "vision",
            Template::Stakeholders => "stakeholders",
            Template::Cycle => "cycle",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Template::Blank => "Blank map",
            Template::Vision => "Team vision map",
            Template::Stakeholders => "Stakeholder map",
            Template::Cycle => "Positive relational cycle",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Template::Blank => "An empty canvas and a focus question.",
            Template::Vision => {
                "The shared focus in the centre and the target areas around it, as in the \
                 paper's map from six core-stakeholder interviews. Rename and add to it."
            }
            Template::Stakeholders => {
                "The programme in the centre, involved stakeholders from the roster on the inner \
                 ring and those affected but not involved on the outer ring."
            }
            Template::Cycle => {
                "The paper's elements in its order, with emotional buy-in at the heart. \
                 The arrows and their + signs are this app's reading: the paper draws the \
                 cycle but does not say what each link means."
            }
        }
    }

    pub fn parse(key: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.key() == key)
    }

    /// A new map from this template. `programme` names the centre of a stakeholder map (the
    /// workshop's title); `roster` supplies its stakeholders.
    pub fn build(self, id: String, programme: &str, roster: &[Stakeholder]) -> ConceptMap {
        let mut map = ConceptMap::new(id, self.name());
        map.template = self.key().into();
        let origin = Point::new(0.0, 0.0);
        match self {
            Template::Blank => {
                map.title = "Concept map".into();
            }
            Template::Vision => {
                map.focus_question = "What is the scheme for, as the core team sees it?".into();
                let focus = map.add_kind("Focus");
                map.edit_kind(focus, |k| k.shape = Shape::Pill);
                let area = map.add_kind("Target area");
                let centre = map.add_node("People with low agency", origin, Some(focus));
                let areas = [
                    "Loneliness and isolation",
                    "Frequent attenders at GP practices",
                    "Health inequalities",
                    "Poorly managed diseases",
                    "High cost to NHS and social services",
                ];
                for (label, at) in areas.iter().zip(ring(areas.len(), origin, 260.0)) {
                    let n = map.add_node(label, at, Some(area));
                    if let Some(l) = map.add_link(centre, n) {
                        map.edit_link(l, |l| l.direction = Direction::None);
                    }
                }
            }
            Template::Stakeholders => {
                map.focus_question =
                    "Who is involved in the programme, and who is affected?".into();
                let centre_kind = map.add_kind("Programme");
                map.edit_kind(centre_kind, |k| k.shape = Shape::Pill);
                let involved = map.add_kind("Involved");
                let affected = map.add_kind("Affected but not involved");
                map.edit_kind(affected, |k| k.shape = Shape::Dashed);
                let name = if programme.trim().is_empty() {
                    "The programme"
                } else {
                    programme
                };
                let centre = map.add_node(name, origin, Some(centre_kind));
                let (inner, outer): (Vec<_>, Vec<_>) = roster
                    .iter()
                    .partition(|s| s.involvement == Involvement::Involved);
                let label = |s: &Stakeholder| {
                    let name = if s.name.trim().is_empty() {
                        "(unnamed)"
                    } else {
                        s.name.trim()
                    };
                    if s.group.trim().is_empty() {
                        name.to_string()
                    } else {
                        format!("{name}\n{}", s.group.trim())
                    }
                };
                let r_inner = ring_radius(inner.len(), 260.0);
                for (s, at) in inner.iter().zip(ring(inner.len(), origin, r_inner)) {
                    let n = map.add_node(&label(s), at, Some(involved));
                    if let Some(l) = map.add_link(centre, n) {
                        map.edit_link(l, |l| l.direction = Direction::None);
                    }
                }
                let r_outer = ring_radius(outer.len(), r_inner + 220.0);
                for (s, at) in outer.iter().zip(ring(outer.len(), origin, r_outer)) {
                    map.add_node(&label(s), at, Some(affected));
                }
            }
            Template::Cycle => {
                map.focus_question =
                    "What keeps stakeholders' buy-in going? (Arrows and signs: the app's reading.)"
                        .into();
                let heart = map.add_kind("Heart");
                map.edit_kind(heart, |k| k.shape = Shape::Pill);
                let element = map.add_kind("Element");
                let mut ring_ids = Vec::new();
                let elements: Vec<_> = CYCLE.elements.iter().filter(|e| e.group != HEART).collect();
                let centre_name = CYCLE
                    .elements
                    .iter()
                    .find(|e| e.group == HEART)
                    .map_or("Emotional buy-in", |e| e.name);
                let centre = map.add_node(centre_name, origin, Some(heart));
                for (e, at) in elements.iter().zip(ring(elements.len(), origin, 320.0)) {
                    ring_ids.push(map.add_node(e.name, at, Some(element)));
                }
                for i in 0..ring_ids.len() {
                    let next = ring_ids[(i + 1) % ring_ids.len()];
                    if let Some(l) = map.add_link(ring_ids[i], next) {
                        map.edit_link(l, |l| l.polarity = Polarity::Positive);
                    }
                }
                for n in &ring_ids {
                    if let Some(l) = map.add_link(*n, centre) {
                        map.edit_link(l, |l| l.direction = Direction::None);
                    }
                }
            }
        }
        // Rings drawn for one box size can overlap at the projector's: no node over another
        // node or a link label, in either theme.
        crate::analysis::placement::untangle_map(&mut map);
        map
    }
}

/// A radius at least `min` and large enough for `count` boxes about 240 units wide.
fn ring_radius(count: usize, min: f64) -> f64 {
    (count as f64 * 240.0 / TAU).max(min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Workshop;

    #[test]
    fn the_vision_map_has_the_focus_and_five_target_areas() {
        let m = Template::Vision.build("m".into(), "", &[]);
        assert_eq!(m.nodes.len(), 6);
        assert_eq!(m.nodes[0].label, "People with low agency");
        assert_eq!(m.links.len(), 5);
        assert!(m.links.iter().all(|l| l.from == m.nodes[0].id));
        assert!(m.nodes.iter().any(|n| n.label == "Health inequalities"));
        assert_eq!(m.kinds.len(), 2);
    }

    #[test]
    fn the_stakeholder_map_puts_the_affected_outside() {
        let mut w = Workshop::new("w".into(), "Social prescribing", 0.0);
        w.add_stakeholder("a".into(), "Link workers", "", Involvement::Involved);
        w.add_stakeholder("b".into(), "GPs", "Practices", Involvement::Involved);
        w.add_stakeholder("c".into(), "Carers", "", Involvement::Affected);
        let m = Template::Stakeholders.build("m".into(), &w.title, &w.roster);
        assert_eq!(m.nodes[0].label, "Social prescribing");
        let dist = |label: &str| {
            let n = m.nodes.iter().find(|n| n.label.starts_with(label)).unwrap();
            n.x.hypot(n.y)
        };
        assert!(dist("Carers") > dist("GPs"));
        assert_eq!(
            m.nodes
                .iter()
                .find(|n| n.label.starts_with("GPs"))
                .unwrap()
                .label,
            "GPs\nPractices"
        );
        assert_eq!(
            m.links.len(),
            2,
            "only the involved are linked to the programme"
        );
        let empty = Template::Stakeholders.build("m".into(), " ", &[]);
        assert_eq!(empty.nodes.len(), 1);
        assert_eq!(empty.nodes[0].label, "The programme");
    }

    #[test]
    fn the_cycle_has_eight_elements_around_buy_in() {
        let m = Template::Cycle.build("m".into(), "", &[]);
        assert_eq!(m.nodes.len(), 9);
        assert_eq!(m.nodes[0].label, "Emotional buy-in");
        let ring: Vec<_> = m
            .links
            .iter()
            .filter(|l| l.direction == Direction::Forward)
            .collect();
        assert_eq!(ring.len(), 8);
        assert!(ring.iter().all(|l| l.polarity == Polarity::Positive));
        // Around the heart in the paper's order, clockwise from the top (untangled for the
        // projector's boxes, so not on an exact circle).
        let turns: Vec<f64> = m.nodes[1..]
            .iter()
            .map(|n| (n.y.atan2(n.x) + TAU / 4.0).rem_euclid(TAU))
            .collect();
        assert!(turns.windows(2).all(|w| w[0] < w[1]), "{turns:?}");
        assert!(m.nodes[1..].iter().all(|n| n.x.hypot(n.y) >= 300.0));
    }

    #[test]
    fn every_template_builds_a_valid_map() {
        for t in Template::ALL {
            let mut m = t.build("m".into(), "x", &[]);
            let before = m.clone();
            let mut report = Vec::new();
            m.repair(&mut report);
            assert!(report.is_empty(), "{t:?}: {report:?}");
            assert_eq!(m, before);
            assert_eq!(Template::parse(t.key()), Some(t));
        }
    }
}
