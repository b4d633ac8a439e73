//! What the board's gestures read and say: the tools ([`Mode`]), the pen, the [`Scene`] a
//! gesture reads, the [`Preview`]s it shows and the [`Command`]s it commits, and the rules
//! that are plain arithmetic (the pressure curve, where the handles are).

use std::collections::BTreeSet;

use crate::analysis::ink;
use crate::geometry::{Point, Rect};
use crate::interact::Output;
use crate::model::map::Viewport;
use crate::model::picture::{Frame, Icon, Item, ItemId, Outline, Picture, Tool};

/// What the pointer does on the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Select,
    Pen,
    Highlighter,
    Eraser,
    Text,
    Arrow,
    Rectangle,
    Ellipse,
    Hand,
}

impl Mode {
    pub const ALL: [Mode; 9] = [
        Mode::Select,
        Mode::Pen,
        Mode::Highlighter,
        Mode::Eraser,
        Mode::Text,
        Mode::Arrow,
        Mode::Rectangle,
        Mode::Ellipse,
        Mode::Hand,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Mode::Select => "Select",
            Mode::Pen => "Pen",
            Mode::Highlighter => "Highlighter",
            Mode::Eraser => "Eraser",
            Mode::Text => "Text",
            Mode::Arrow => "Arrow",
            Mode::Rectangle => "Box",
            Mode::Ellipse => "Oval",
            Mode::Hand => "Pan",
        }
    }

    /// The key that picks this tool (see [`super::shortcuts`]).
    pub fn key(self) -> &'static str {
        match self {
            Mode::Select => "V",
            Mode::Pen => "P",
            Mode::Highlighter => "M",
            Mode::Eraser => "E",
            Mode::Text => "T",
            Mode::Arrow => "A",
            Mode::Rectangle => "R",
            Mode::Ellipse => "O",
            Mode::Hand => "H",
        }
    }
}

/// The pen as chosen in the toolbar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PenChoice {
    pub mode: Mode,
    pub colour: u8,
    pub width: f64,
}

/// What a gesture may read: the picture, the selection, the view and the pen.
#[derive(Clone, Copy, Debug)]
pub struct Scene<'a> {
    pub picture: &'a Picture,
    pub selected: &'a BTreeSet<ItemId>,
    pub view: Viewport,
    pub pen: PenChoice,
}

/// What the pointer does on the board, for the hint under it (the keys follow, from the
/// shortcut table).
pub const POINTER_HINT: &str = "Draw with the mouse, a pen or a finger. Pan with H, Space + drag or the middle button; zoom with the wheel or a pinch. With items selected: drag to move, the corner handle resizes, the top handle turns (Shift snaps).";

/// A box made by a click (not a drag) with the box or oval tool: width, height.
pub const DEFAULT_SHAPE: (f64, f64) = (160.0, 100.0);
/// A touch this soon (ms) after the pen was last seen is a palm, and is ignored.
pub const PALM_MS: f64 = 1500.0;

/// What is drawn while a gesture runs, above the items.
#[derive(Clone, Debug, PartialEq)]
pub enum Preview {
    /// A stroke begins at this point.
    StrokeStart(Point),
    /// The stroke being drawn goes on to this point.
    StrokeTo(Point),
    /// The stroke being drawn is gone (kept or cancelled).
    StrokeEnd,
    /// These items changed in the gesture's working copy ([`Gestures::working`]): show them
    /// from it.
    Items(Vec<ItemId>),
    /// These items show the model again (a cancelled move, resize or turn).
    Restore(Vec<ItemId>),
    Band(Rect),
    Arrow(Point, Point),
    Shape(Outline, Rect),
    /// A sticker dragged in from the column, where it would land.
    Sticker(Icon, Point),
    /// Nothing above the items any more.
    Clear,
}

/// A change to the picture, one undo step (an erase folds with the rest of its sweep).
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    AddStroke {
        points: Vec<Point>,
        tool: Tool,
        colour: u8,
        width: f64,
    },
    /// Rubs out one stroke; the removals of one sweep share its number.
    Erase {
        item: ItemId,
        sweep: u32,
    },
    Move {
        ids: Vec<ItemId>,
        dx: f64,
        dy: f64,
    },
    /// An item resized or turned.
    Replace(Item),
    /// A new item (an arrow or a shape); the shell selects it when `select` is set.
    Add {
        item: Item,
        select: bool,
    },
    /// New text at this point, its editor open.
    AddText(Point),
}

impl Command {
    /// Applies the command; the id of an item it made.
    pub fn apply(&self, p: &mut Picture) -> Option<ItemId> {
        match self {
            Command::AddStroke {
                points,
                tool,
                colour,
                width,
            } => p.add_stroke(points, *tool, *colour, *width),
            Command::Erase { item, .. } => {
                p.remove(&[*item]);
                None
            }
            Command::Move { ids, dx, dy } => {
                p.move_items(ids, *dx, *dy);
                None
            }
            Command::Replace(item) => {
                p.replace(item.clone());
                None
            }
            Command::Add { item, .. } => Some(p.add(item.clone())),
            // Text is made by the shell, which opens its editor in the same undo step.
            Command::AddText(_) => None,
        }
    }
}

pub type PictureOutput = Output<Preview, Command, ItemId>;

/// The width a pen stroke gets from the pressures it was drawn with: the chosen width times
/// (0.5 + the mean pressure), to a tenth, never under 1; the chosen width when no pressure
/// was reported.
pub fn pressed_width(width: f64, pressures: &[f64]) -> f64 {
    let mean = pressures.iter().sum::<f64>() / pressures.len().max(1) as f64;
    if mean > 0.0 {
        ((width * (0.5 + mean)) * 10.0).round().max(10.0) / 10.0
    } else {
        width
    }
}

/// Where the handles of a single selected item are, in picture units: (resize, rotate).
pub fn handles(f: &Frame, zoom: f64) -> (Point, Point) {
    let pad = 6.0 / zoom;
    let corner = ink::rotate(
        Point::new(f.c.x + f.w / 2.0 + pad, f.c.y + f.h / 2.0 + pad),
        f.c,
        f.rotation,
    );
    let top = ink::rotate(
        Point::new(f.c.x, f.c.y - f.h / 2.0 - pad - 28.0 / zoom),
        f.c,
        f.rotation,
    );
    (corner, top)
}
