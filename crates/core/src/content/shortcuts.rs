//! The keyboard shortcuts, by where they work: what the "?" sheet lists. Plain data, kept next
//! to the handlers' own key names so the sheet says what the keys really do.

/// One shortcut: the keys as a person reads them, and what they do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    pub keys: &'static str,
    pub does: &'static str,
}

/// The shortcuts of one part of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub name: &'static str,
    pub shortcuts: &'static [Shortcut],
}

const fn s(keys: &'static str, does: &'static str) -> Shortcut {
    Shortcut { keys, does }
}

pub const GROUPS: &[Group] = &[
    Group {
        name: "Everywhere",
        shortcuts: &[
            s("?", "Show or hide this list"),
            s("Ctrl+Z", "Undo (in a workshop)"),
            s("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
            s(
                "Esc",
                "Close a dialog, stop typing in place, or leave focus mode",
            ),
        ],
    },
    Group {
        name: "Presenting",
        shortcuts: &[
            s("\u{2192}, Space or Page Down", "Next step"),
            s("\u{2190}, Shift+Space or Page Up", "Previous step"),
            s("Home / End", "First / last step"),
            s("\u{2193} / \u{2191}", "Scroll a long step"),
            s("E", "Edit this step (Esc: back to presenting)"),
            s("A", "The agenda: order, skip, minutes"),
            s("T", "Pause or resume the step's timer"),
            s("Esc", "Stop presenting"),
        ],
    },
    Group {
        name: "Boundary critique",
        shortcuts: &[
            s("Alt+\u{2192} / Alt+\u{2190}", "Next / previous question"),
            s(
                "Page Down / Page Up",
                "Next / previous question (presentation clickers)",
            ),
            s(
                "\u{2192} \u{2190} \u{2191} \u{2193}",
                "In focus mode: question, perspective",
            ),
        ],
    },
    Group {
        name: "Concept maps (on the canvas)",
        shortcuts: &[
            s("N", "Add a node"),
            s("Shift+N", "Add a node linked to the focused one"),
            s("Enter or F2", "Edit the focused node's label"),
            s("L", "Link the focused node to another"),
            s(
                "Alt+\u{2192} / Alt+\u{2190}",
                "The focused node's links in turn (Alt+\u{2193} / Alt+\u{2191} too)",
            ),
            s(
                "Enter or F2 on a link",
                "Edit the link's label in place; Esc: back to the node",
            ),
            s("Arrow keys (Shift: further)", "Move the focused node"),
            s("Delete", "Remove what is selected"),
            s("+ / \u{2212} / 0", "Zoom in / out / fit the map"),
        ],
    },
    Group {
        name: "Rich pictures (on the board)",
        shortcuts: &[
            s(
                "V P M E T A R O H",
                "Select, pen, highlighter, eraser, text, arrow, box, oval, pan",
            ),
            s("Space + drag", "Pan the board"),
            s("Ctrl+A", "Select everything"),
            s("Arrow keys (Shift: further)", "Nudge the selection"),
            s("Delete", "Remove the selection"),
            s("Ctrl+D", "Duplicate the selection"),
            s("] / [", "Bring forward / send backward"),
            s("Shift+] / Shift+[", "To the front / to the back"),
            s(
                "Enter, F2 or type",
                "Edit the selected caption or text (Enter or Esc keeps it)",
            ),
            s("+ / \u{2212} / 0", "Zoom in / out / fit the picture"),
        ],
    },
    Group {
        name: "Scoring",
        shortcuts: &[
            s("1\u{2013}9, 0", "Score the element for the scorer in turn"),
            s("D", "Don't know (where the scale allows it)"),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_has_shortcuts_and_no_key_is_listed_twice_in_a_group() {
        for g in GROUPS {
            assert!(!g.shortcuts.is_empty(), "{}", g.name);
            let mut keys: Vec<&str> = g.shortcuts.iter().map(|s| s.keys).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), g.shortcuts.len(), "{}", g.name);
            assert!(g.shortcuts.iter().all(|s| !s.does.is_empty()));
        }
    }
}
