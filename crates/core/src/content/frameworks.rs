//! The two built-in scoring frameworks, from Fixsen et al. (2020): the positive relational cycle
//! (Fig. 3) and the key elements of sustainable social prescribing (Fig. 2). Names follow the
//! paper; descriptions are our own words. The cycle's elements are in the paper's order (the
//! results picture draws the ring in element order within each side, so keeping the paper's
//! first four on one side and its last four on the other keeps the paper's order round the
//! ring); which side is which is the app's reading, said so in the description. The
//! flowchart's parts come from the paper's text, not its figure. A workshop copies a framework when it starts scoring,
//! so the group can adapt its copy.

/// One element as built in: its id, name, group, description and the parts that make it up
/// (shown as help, not scored separately).
pub struct BuiltinElement {
    pub id: &'static str,
    pub name: &'static str,
    pub group: &'static str,
    pub description: &'static str,
    pub parts: &'static [&'static str],
}

/// A built-in framework.
pub struct Builtin {
    pub key: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    /// The groups an element can belong to, in drawing order.
    pub groups: &'static [&'static str],
    pub elements: &'static [BuiltinElement],
}

/// Groups of the relational cycle: the heart, and the ring's two sides.
pub const HEART: &str = "heart";
pub const OPERATIONAL: &str = "operational";
pub const RELATIONAL: &str = "relational";
/// Groups of the flowchart's boxes.
pub const TOP: &str = "top";
pub const LEFT: &str = "left";
pub const RIGHT: &str = "right";

pub const CYCLE: Builtin = Builtin {
    key: "cycle",
    name: "Positive relational cycle",
    description: "The elements of a cycle, in the paper's order from shared vision to \
                  learning in and from action, with emotional buy-in at the heart. The paper \
                  says the boxes on the left are more operational and those on the right more \
                  relational, but does not say which box is which: the sides given here are \
                  this app's reading (first four relational, last four operational), so move \
                  them as your group sees them. The arrows round the ring are the app's too.",
    groups: &[HEART, OPERATIONAL, RELATIONAL],
    elements: &[
        BuiltinElement {
            id: "buy-in",
            name: "Emotional buy-in",
            group: HEART,
            description: "People care about the scheme and want it to work.",
            parts: &[
                "They regard it as worthy: confidence, passion, commitment",
                "They are well informed about its purpose and their part in it: a clear vision, communication, feedback",
                "They can take part and learn in it: an audit trail, learning loops",
                "They feel valued and rewarded: motivation, encouragement, support for wellbeing",
            ],
        },
        BuiltinElement {
            id: "shared-vision",
            name: "Shared vision",
            group: RELATIONAL,
            description: "Everyone can say what the scheme is for, and says much the same thing.",
            parts: &[],
        },
        BuiltinElement {
            id: "confidence",
            name: "Confidence and commitment",
            group: RELATIONAL,
            description: "People trust the scheme and stay with it when it is hard going.",
            parts: &[],
        },
        BuiltinElement {
            id: "motivation",
            name: "Motivation and encouragement",
            group: RELATIONAL,
            description: "People are encouraged, and encourage each other, to keep going.",
            parts: &[],
        },
        BuiltinElement {
            id: "support",
            name: "Support and wellbeing focus",
            group: RELATIONAL,
            description: "The people doing the work are looked after, not only the people referred.",
            parts: &[],
        },
        BuiltinElement {
            id: "collaboration",
            name: "Collaborative relationships",
            group: OPERATIONAL,
            description: "Partners work with each other as equals rather than passing work along.",
            parts: &[],
        },
        BuiltinElement {
            id: "communication",
            name: "Communication and feedback",
            group: OPERATIONAL,
            description: "News travels both ways: referrers hear what happened, staff are heard.",
            parts: &[],
        },
        BuiltinElement {
            id: "access",
            name: "Access to information and resources",
            group: OPERATIONAL,
            description: "People can find what they need to do their part, when they need it.",
            parts: &[],
        },
        BuiltinElement {
            id: "learning",
            name: "Learning in and from action",
            group: OPERATIONAL,
            description: "The scheme changes as it learns from what happens, and records what it learns.",
            parts: &[],
        },
    ],
};

pub const FLOWCHART: Builtin = Builtin {
    key: "flowchart",
    name: "Key elements of sustainable social prescribing",
    description: "The key elements of a sustainable scheme: a way of thinking at the top, then \
                  operational processes on the left and relational ones on the right. The items \
                  listed under each box come from the paper's text, not from its figure.",
    groups: &[TOP, LEFT, RIGHT],
    elements: &[
        BuiltinElement {
            id: "holistic",
            name: "Holistic thinking, inclusivity, sharing",
            group: TOP,
            description: "The whole system is kept in view, everyone affected is included, and knowledge is shared.",
            parts: &[],
        },
        BuiltinElement {
            id: "planning",
            name: "Strategic planning and implementation",
            group: LEFT,
            description: "A plan that is carried out, and adjusted, over time.",
            parts: &[
                "A phased roll-out plan",
                "Use of existing local assets",
                "Evaluation that secures long-term funding",
            ],
        },
        BuiltinElement {
            id: "learning",
            name: "Learning",
            group: LEFT,
            description: "The team learns from what it does and keeps what it learns.",
            parts: &[
                "Documenting, so that the team learns",
                "Learning in and from action",
            ],
        },
        BuiltinElement {
            id: "buy-in",
            name: "Emotional buy-in",
            group: RIGHT,
            description: "People care about the scheme and want it to work.",
            parts: &[
                "Visible presence of the link worker in partner premises",
                "GP involvement",
            ],
        },
        BuiltinElement {
            id: "communication",
            name: "Communication, feedback, network building",
            group: RIGHT,
            description: "Relationships across the network are built and kept up.",
            parts: &[
                "Feedback to referrers",
                "Community organisations treated as equal partners",
            ],
        },
    ],
};

/// Every built-in framework.
pub const BUILTINS: [&Builtin; 2] = [&CYCLE, &FLOWCHART];

pub fn builtin(key: &str) -> Option<&'static Builtin> {
    BUILTINS.into_iter().find(|b| b.key == key)
}

/// Where an element of a built-in group sits, in words ("at the heart", "on the left").
pub fn group_label(group: &str) -> &str {
    match group {
        HEART => "at the heart",
        OPERATIONAL => "operational",
        RELATIONAL => "relational",
        TOP => "at the top",
        LEFT => "on the left",
        RIGHT => "on the right",
        other => other,
    }
}

impl Builtin {
    /// How many elements it has and where, counted from the elements themselves (never
    /// written by hand): "9 elements: 1 at the heart, 4 operational, 4 relational".
    pub fn elements_summary(&self) -> String {
        let parts: Vec<String> = self
            .groups
            .iter()
            .map(|g| (g, self.elements.iter().filter(|e| e.group == *g).count()))
            .filter(|(_, n)| *n > 0)
            .map(|(g, n)| format!("{n} {}", group_label(g)))
            .collect();
        let n = self.elements.len();
        let head = format!("{n} element{}", if n == 1 { "" } else { "s" });
        if parts.len() > 1 {
            format!("{head}: {}", parts.join(", "))
        } else {
            head
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cycle_has_eight_elements_round_one_heart_nine_in_all() {
        assert_eq!(CYCLE.elements.len(), 9);
        assert_eq!(
            CYCLE.elements.iter().filter(|e| e.group == HEART).count(),
            1
        );
        let heart = CYCLE.elements.iter().find(|e| e.group == HEART).unwrap();
        assert_eq!(heart.parts.len(), 4, "buy-in rests on four foundations");
    }

    #[test]
    fn the_cycle_keeps_the_papers_order_and_owns_its_reading() {
        let names: Vec<&str> = CYCLE
            .elements
            .iter()
            .filter(|e| e.group != HEART)
            .map(|e| e.name)
            .collect();
        assert_eq!(
            names,
            [
                "Shared vision",
                "Confidence and commitment",
                "Motivation and encouragement",
                "Support and wellbeing focus",
                "Collaborative relationships",
                "Communication and feedback",
                "Access to information and resources",
                "Learning in and from action",
            ]
        );
        // Ring order (relational first, then operational, each in element order) is the
        // paper's order.
        let ring: Vec<&str> = [RELATIONAL, OPERATIONAL]
            .iter()
            .flat_map(|g| CYCLE.elements.iter().filter(move |e| e.group == *g))
            .map(|e| e.name)
            .collect();
        assert_eq!(ring, names);
        assert!(CYCLE.description.contains("this app's reading"));
        assert!(
            CYCLE
                .description
                .contains("arrows round the ring are the app's")
        );
        assert!(
            FLOWCHART
                .description
                .contains("from the paper's text, not from its figure")
        );
    }

    #[test]
    fn counts_are_derived_from_the_elements_never_written() {
        assert_eq!(
            CYCLE.elements_summary(),
            "9 elements: 1 at the heart, 4 operational, 4 relational"
        );
        assert_eq!(
            FLOWCHART.elements_summary(),
            "5 elements: 1 at the top, 2 on the left, 2 on the right"
        );
        // No text about a framework spells out a count, which could drift from the elements.
        let words = [
            "one ", "two ", "three ", "four ", "five ", "six ", "seven ", "eight ", "nine ", "ten ",
        ];
        let texts = BUILTINS.iter().flat_map(|b| [b.name, b.description]).chain(
            crate::content::learn::GLOSSARY.iter().filter_map(|t| {
                BUILTINS
                    .iter()
                    .any(|b| b.name.eq_ignore_ascii_case(t.name))
                    .then_some(t.meaning)
            }),
        );
        for text in texts {
            let lower = text.to_lowercase();
            for w in words {
                assert!(
                    !lower.starts_with(w) && !lower.contains(&format!(" {w}elements")),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn each_framework_has_one_name_the_glossary_uses_too() {
        for b in BUILTINS {
            assert!(
                crate::content::learn::GLOSSARY
                    .iter()
                    .any(|t| t.name == b.name),
                "the glossary has no entry named \u{201c}{}\u{201d}",
                b.name
            );
        }
        // The flowchart's name is the paper's title for its Figure 2.
        assert_eq!(
            FLOWCHART.name,
            "Key elements of sustainable social prescribing"
        );
    }

    #[test]
    fn ids_are_unique_and_groups_known() {
        for b in BUILTINS {
            let mut ids: Vec<&str> = b.elements.iter().map(|e| e.id).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), b.elements.len(), "{}", b.key);
            assert!(b.elements.iter().all(|e| b.groups.contains(&e.group)));
        }
        assert_eq!(builtin("flowchart").map(|b| b.name), Some(FLOWCHART.name));
        assert!(builtin("nope").is_none());
    }
}
