//! The one table of keyboard shortcuts, by where they work. Each row is what the "?" sheet
//! shows (the keys as a person reads them, and what they do) and, for the canvases, the keys
//! it binds to an [`Action`]: the picture board's and the map canvas's key handlers look a key
//! up here ([`action`]), and the hints under them are written from the same rows ([`hint`]),
//! so the sheet, the hint and the handler cannot disagree.

use super::picture::Mode;

/// Where a group of shortcuts works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Everywhere,
    Presenting,
    Boundary,
    Map,
    Picture,
    Scoring,
}

/// A direction, for arrow keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Left,
    Right,
    Up,
    Down,
}

impl Direction {
    /// One step this way: (dx, dy) with y down.
    pub fn step(self, by: f64) -> (f64, f64) {
        match self {
            Direction::Left => (-by, 0.0),
            Direction::Right => (by, 0.0),
            Direction::Up => (0.0, -by),
            Direction::Down => (0.0, by),
        }
    }
}

pub use crate::model::picture::Stack;

/// What a bound key does on a canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Pick a drawing tool.
    Tool(Mode),
    /// Held: a drag pans, whatever the tool.
    PanWhileHeld,
    SelectAll,
    ClearSelection,
    /// Move the selection (the focused node on a map); Shift goes further.
    Nudge(Direction),
    Remove,
    Duplicate,
    Restack(Stack),
    /// Type into the selected caption, text or label.
    EditText,
    ZoomIn,
    ZoomOut,
    Fit,
    AddNode,
    AddLinkedNode,
    StartLink,
    /// Walk the focused node's links.
    NextLink,
    PreviousLink,
}

/// A key as the browser names it (`KeyboardEvent.key`), with the modifiers it needs. Letters
/// match either case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub key: &'static str,
    /// Ctrl (or ⌘) held.
    pub ctrl: bool,
    pub alt: bool,
    /// `Some`: Shift must be up (`false`) or down (`true`); `None`: either.
    pub shift: Option<bool>,
}

/// A plain key (no Ctrl, no Alt), Shift either way.
const fn k(key: &'static str) -> Key {
    Key {
        key,
        ctrl: false,
        alt: false,
        shift: None,
    }
}
/// A plain letter with Shift up.
const fn letter(key: &'static str) -> Key {
    Key {
        shift: Some(false),
        ..k(key)
    }
}
const fn ctrl(key: &'static str) -> Key {
    Key {
        ctrl: true,
        ..k(key)
    }
}
const fn alt(key: &'static str) -> Key {
    Key {
        alt: true,
        ..k(key)
    }
}
const fn shifted(key: &'static str) -> Key {
    Key {
        shift: Some(true),
        ..k(key)
    }
}

impl Key {
    /// Whether a key press is this key.
    pub fn matches(&self, press: &Press) -> bool {
        let same = if self.key.chars().count() == 1 {
            self.key.eq_ignore_ascii_case(press.key)
        } else {
            self.key == press.key
        };
        same && self.ctrl == press.ctrl
            && self.alt == press.alt
            && self.shift.is_none_or(|s| s == press.shift)
    }
}

/// A key press, as the browser reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Press<'a> {
    pub key: &'a str,
    /// Ctrl or ⌘.
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// One row of the sheet: the keys as a person reads them, what they do, and the keys it binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    pub keys: &'static str,
    pub does: &'static str,
    pub binds: &'static [(Key, Action)],
}

/// The shortcuts of one part of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Group {
    pub name: &'static str,
    pub area: Area,
    pub shortcuts: &'static [Shortcut],
}

/// A row the sheet lists, whose keys another handler reads (no binding here).
const fn s(keys: &'static str, does: &'static str) -> Shortcut {
    Shortcut {
        keys,
        does,
        binds: &[],
    }
}

const fn b(keys: &'static str, does: &'static str, binds: &'static [(Key, Action)]) -> Shortcut {
    Shortcut { keys, does, binds }
}

const ARROWS: &[(Key, Action)] = &[
    (k("ArrowLeft"), Action::Nudge(Direction::Left)),
    (k("ArrowRight"), Action::Nudge(Direction::Right)),
    (k("ArrowUp"), Action::Nudge(Direction::Up)),
    (k("ArrowDown"), Action::Nudge(Direction::Down)),
];

const ZOOM_PICTURE: &[(Key, Action)] = &[
    (k("+"), Action::ZoomIn),
    (k("="), Action::ZoomIn),
    (k("-"), Action::ZoomOut),
    (k("0"), Action::Fit),
];

const ZOOM_MAP: &[(Key, Action)] = &[
    (k("+"), Action::ZoomIn),
    (k("="), Action::ZoomIn),
    (k("-"), Action::ZoomOut),
    (k("_"), Action::ZoomOut),
    (k("0"), Action::Fit),
];

const REMOVE: &[(Key, Action)] = &[
    (k("Delete"), Action::Remove),
    (k("Backspace"), Action::Remove),
];

const EDIT: &[(Key, Action)] = &[(k("Enter"), Action::EditText), (k("F2"), Action::EditText)];

const TOOLS: &[(Key, Action)] = &[
    (letter("V"), Action::Tool(Mode::Select)),
    (letter("P"), Action::Tool(Mode::Pen)),
    (letter("M"), Action::Tool(Mode::Highlighter)),
    (letter("E"), Action::Tool(Mode::Eraser)),
    (letter("T"), Action::Tool(Mode::Text)),
    (letter("A"), Action::Tool(Mode::Arrow)),
    (letter("R"), Action::Tool(Mode::Rectangle)),
    (letter("O"), Action::Tool(Mode::Ellipse)),
    (letter("H"), Action::Tool(Mode::Hand)),
];

pub const GROUPS: &[Group] = &[
    Group {
        name: "Everywhere",
        area: Area::Everywhere,
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
        area: Area::Presenting,
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
        area: Area::Boundary,
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
        area: Area::Map,
        shortcuts: &[
            b(
                "N",
                "Add a node",
                &[
                    (letter("N"), Action::AddNode),
                    (k("Insert"), Action::AddNode),
                ],
            ),
            b(
                "Shift+N",
                "Add a node linked to the focused one",
                &[(shifted("N"), Action::AddLinkedNode)],
            ),
            b("Enter or F2", "Edit the focused node's label", EDIT),
            b(
                "L",
                "Link the focused node to another",
                &[(k("L"), Action::StartLink)],
            ),
            b(
                "Alt+\u{2192} / Alt+\u{2190}",
                "The focused node's links in turn (Alt+\u{2193} / Alt+\u{2191} too)",
                &[
                    (alt("ArrowRight"), Action::NextLink),
                    (alt("ArrowDown"), Action::NextLink),
                    (alt("ArrowLeft"), Action::PreviousLink),
                    (alt("ArrowUp"), Action::PreviousLink),
                ],
            ),
            s(
                "Enter or F2 on a link",
                "Edit the link's label in place; Esc: back to the node",
            ),
            b(
                "Arrow keys (Shift: further)",
                "Move the focused node",
                ARROWS,
            ),
            b("Delete", "Remove what is selected", REMOVE),
            b(
                "Esc",
                "Clear the selection",
                &[(k("Escape"), Action::ClearSelection)],
            ),
            b("+ / \u{2212} / 0", "Zoom in / out / fit the map", ZOOM_MAP),
        ],
    },
    Group {
        name: "Rich pictures (on the board)",
        area: Area::Picture,
        shortcuts: &[
            b(
                "V P M E T A R O H",
                "Select, pen, highlighter, eraser, text, arrow, box, oval, pan",
                TOOLS,
            ),
            b(
                "Space + drag",
                "Pan the board",
                &[(k(" "), Action::PanWhileHeld)],
            ),
            b(
                "Ctrl+A",
                "Select everything",
                &[(ctrl("A"), Action::SelectAll)],
            ),
            b("Arrow keys (Shift: further)", "Nudge the selection", ARROWS),
            b("Delete", "Remove the selection", REMOVE),
            b(
                "Ctrl+D",
                "Duplicate the selection",
                &[(ctrl("D"), Action::Duplicate)],
            ),
            b(
                "] / [",
                "Bring forward / send backward",
                &[
                    (k("]"), Action::Restack(Stack::Forward)),
                    (k("["), Action::Restack(Stack::Backward)),
                ],
            ),
            b(
                "Shift+] / Shift+[",
                "To the front / to the back",
                &[
                    (k("}"), Action::Restack(Stack::ToFront)),
                    (k("{"), Action::Restack(Stack::ToBack)),
                ],
            ),
            b(
                "Enter, F2 or type",
                "Edit the selected caption or text (Enter or Esc keeps it)",
                EDIT,
            ),
            b(
                "Esc",
                "Clear the selection",
                &[(k("Escape"), Action::ClearSelection)],
            ),
            b(
                "+ / \u{2212} / 0",
                "Zoom in / out / fit the picture",
                ZOOM_PICTURE,
            ),
        ],
    },
    Group {
        name: "Scoring",
        area: Area::Scoring,
        shortcuts: &[
            s("1\u{2013}9, 0", "Score the element for the scorer in turn"),
            s("D", "Don't know (where the scale allows it)"),
        ],
    },
];

/// The group of an area.
pub fn group(area: Area) -> &'static Group {
    GROUPS.iter().find(|g| g.area == area).unwrap_or(&GROUPS[0])
}

/// What a key press does in an area, if the table binds it.
pub fn action(area: Area, press: &Press) -> Option<Action> {
    group(area)
        .shortcuts
        .iter()
        .flat_map(|s| s.binds)
        .find(|(key, _)| key.matches(press))
        .map(|(_, a)| *a)
}

/// The key that does `action` in an area, as the browser names it (for `aria-keyshortcuts`).
pub fn key_for(area: Area, action: Action) -> Option<&'static str> {
    group(area)
        .shortcuts
        .iter()
        .flat_map(|s| s.binds)
        .find(|(_, a)| *a == action)
        .map(|(key, _)| key.key)
}

/// Single characters an area binds that are not letters or digits ("[", "+", " "…): typing
/// them on a selected caption keeps their board meaning rather than typing them.
pub fn symbol_keys(area: Area) -> impl Iterator<Item = char> {
    group(area)
        .shortcuts
        .iter()
        .flat_map(|s| s.binds)
        .filter(|(key, _)| !key.ctrl && !key.alt)
        .filter_map(|(key, _)| {
            let mut cs = key.key.chars();
            let c = cs.next()?;
            (cs.next().is_none() && !c.is_alphabetic()).then_some(c)
        })
}

/// The hint under a canvas: its rows, "keys – what they do", in one sentence.
pub fn hint(area: Area) -> String {
    let rows: Vec<String> = group(area)
        .shortcuts
        .iter()
        .map(|s| format!("{} \u{2013} {}", s.keys, lower_first(s.does)))
        .collect();
    format!("Keys: {}.", rows.join("; "))
}

fn lower_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
#[path = "shortcuts_tests.rs"]
mod tests;
