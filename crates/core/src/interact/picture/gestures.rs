//! The board's gesture machine: pointer events in, what to do out.

use std::collections::BTreeSet;

use super::scene::{
    Command, DEFAULT_SHAPE, Mode, PALM_MS, PictureOutput, Preview, Scene, handles, pressed_width,
};
use crate::analysis::ink;
use crate::geometry::{Point, Rect};
use crate::interact::view::{Lifted, Pan, Pinch, Pointers, lift};
use crate::interact::{Button, Output, Pointer, PointerKind, Release};
use crate::model::picture::{Arrow, End, Frame, Item, ItemId, Outline, Picture, Shape, Tool};

/// A gesture in progress.
#[derive(Clone, Debug)]
enum Gesture {
    Draw {
        points: Vec<Point>,
        pressures: Vec<f64>,
    },
    Erase,
    /// Items being moved: where the pointer started, the items as they were, and a working
    /// copy of the picture the preview is computed from.
    Move {
        start: Point,
        orig: Vec<Item>,
        work: Picture,
        affected: Vec<ItemId>,
        moved: bool,
    },
    Resize {
        frame: Frame,
        start: Point,
        orig: Item,
        work: Picture,
        affected: Vec<ItemId>,
    },
    Rotate {
        centre: Point,
        start: f64,
        orig: Item,
        work: Picture,
        affected: Vec<ItemId>,
    },
    Band {
        start: Point,
        add: BTreeSet<ItemId>,
    },
    Arrow {
        from: End,
        start: Point,
    },
    Shape {
        outline: Outline,
        start: Point,
    },
    Pan(Pan),
    Pinch(Pinch),
}

/// The board's gesture machine: the gesture in progress and the pointers down.
#[derive(Clone, Debug, Default)]
pub struct Gestures {
    now: Option<(i32, Gesture)>,
    pointers: Pointers,
    last_pen: Option<f64>,
    sweeps: u32,
    /// Space is held: a drag pans, whatever the tool.
    pub space: bool,
}

fn dist(a: Point, b: Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

fn angle(c: Point, p: Point) -> f64 {
    (p.y - c.y).atan2(p.x - c.x).to_degrees()
}

fn one(id: ItemId) -> BTreeSet<ItemId> {
    BTreeSet::from([id])
}

impl Gestures {
    /// Whether a gesture is in progress.
    pub fn busy(&self) -> bool {
        self.now.is_some()
    }

    /// The working copy of a move, resize or turn in progress.
    pub fn working(&self) -> Option<&Picture> {
        match &self.now {
            Some((
                _,
                Gesture::Move { work, .. }
                | Gesture::Resize { work, .. }
                | Gesture::Rotate { work, .. },
            )) => Some(work),
            _ => None,
        }
    }

    /// Whether Space-panning or the hand tool makes a drag pan now (for the cursor).
    pub fn pans(&self, mode: Mode) -> bool {
        self.space || mode == Mode::Hand
    }

    pub fn down(&mut self, b: &Scene, e: &Pointer) -> Vec<PictureOutput> {
        match e.kind {
            PointerKind::Pen => self.last_pen = Some(e.time),
            PointerKind::Touch if self.last_pen.is_some_and(|t| e.time - t < PALM_MS) => {
                return Vec::new();
            }
            _ => {}
        }
        self.pointers.press(e.id, e.at);
        let mut out = vec![Output::Focus];
        // A second finger turns whatever the first began into a pinch.
        if e.kind == PointerKind::Touch && self.pointers.len() == 2 {
            if let Some((_, g)) = self.now.take() {
                out.extend(cancelled(g));
            }
            if let Some((a, c)) = self.pointers.two() {
                self.now = Some((e.id, Gesture::Pinch(Pinch::start(a, c, b.view))));
            }
            return out;
        }
        if self.now.is_some() || e.button == Button::Other {
            return out;
        }
        out.push(Output::Capture);
        let p = b.view.to_map(e.at.x, e.at.y);
        let z = b.view.zoom;
        let mode = b.pen.mode;
        let g = if e.button == Button::Middle || self.pans(mode) {
            Some(Gesture::Pan(Pan::start(e.at)))
        } else {
            match mode {
                Mode::Pen | Mode::Highlighter => {
                    out.push(Output::Preview(Preview::StrokeStart(p)));
                    Some(Gesture::Draw {
                        points: vec![p],
                        pressures: vec![e.pressure],
                    })
                }
                Mode::Eraser => {
                    self.sweeps += 1;
                    out.extend(self.erase_at(b, p));
                    Some(Gesture::Erase)
                }
                Mode::Select => select_start(b, p, e.shift, &mut out),
                Mode::Text => {
                    let hit = b
                        .picture
                        .hit(p, 4.0)
                        .filter(|id| matches!(b.picture.item(*id), Some(Item::Text(_))));
                    match hit {
                        Some(id) => out.extend([Output::Select(one(id)), Output::Edit(id)]),
                        None => out.push(Output::Commit(Command::AddText(p))),
                    }
                    None
                }
                Mode::Arrow => {
                    let from = b
                        .picture
                        .hit(p, 4.0 / z)
                        .filter(|id| b.picture.anchor(*id).is_some())
                        .map_or(End::Point { x: p.x, y: p.y }, |item| End::Item { item });
                    out.push(Output::Preview(Preview::Arrow(p, p)));
                    Some(Gesture::Arrow { from, start: p })
                }
                Mode::Rectangle | Mode::Ellipse => Some(Gesture::Shape {
                    outline: if mode == Mode::Rectangle {
                        Outline::Rectangle
                    } else {
                        Outline::Ellipse
                    },
                    start: p,
                }),
                Mode::Hand => None,
            }
        };
        if let Some(g) = g {
            self.now = Some((e.id, g));
        }
        out
    }

    pub fn moved(&mut self, b: &Scene, e: &Pointer) -> Vec<PictureOutput> {
        self.pointers.moved(e.id, e.at);
        let Some((owner, mut g)) = self.now.take() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if let Gesture::Pinch(pinch) = &g {
            if let Some((a, c)) = self.pointers.two() {
                out.push(Output::View(pinch.to(a, c)));
            }
            self.now = Some((owner, g));
            return out;
        }
        if owner != e.id {
            self.now = Some((owner, g));
            return out;
        }
        if e.kind == PointerKind::Pen {
            self.last_pen = Some(e.time);
        }
        let p = b.view.to_map(e.at.x, e.at.y);
        let z = b.view.zoom;
        match &mut g {
            Gesture::Draw { points, pressures } => {
                points.push(p);
                pressures.push(e.pressure);
                out.push(Output::Preview(Preview::StrokeTo(p)));
            }
            Gesture::Erase => out.extend(self.erase_at(b, p)),
            Gesture::Pan(pan) => out.push(Output::View(pan.to(e.at, b.view))),
            Gesture::Move {
                start,
                orig,
                work,
                affected,
                moved,
            } => {
                let (dx, dy) = (p.x - start.x, p.y - start.y);
                // A press that barely moves is a click, not a move.
                if *moved || dx.hypot(dy) * z >= 3.0 {
                    *moved = true;
                    for item in orig.iter() {
                        work.replace(item.translated(dx, dy));
                    }
                    out.push(Output::Preview(Preview::Items(affected.clone())));
                }
            }
            Gesture::Resize {
                frame,
                start,
                orig,
                work,
                affected,
            } => {
                let now = ink::rotate(p, frame.c, -frame.rotation);
                let factor = |n: f64, s: f64| (n.abs() / s.abs().max(1.0)).max(0.05);
                let (mut fx, mut fy) = (
                    factor(now.x - frame.c.x, start.x - frame.c.x),
                    factor(now.y - frame.c.y, start.y - frame.c.y),
                );
                if e.shift {
                    let f = fx.max(fy);
                    (fx, fy) = (f, f);
                }
                work.replace(orig.scaled(frame.c, fx, fy));
                out.push(Output::Preview(Preview::Items(affected.clone())));
            }
            Gesture::Rotate {
                centre,
                start,
                orig,
                work,
                affected,
            } => {
                let mut turn = angle(*centre, p) - *start;
                if e.shift {
                    turn = (turn / 15.0).round() * 15.0;
                }
                work.replace(orig.rotated(*centre, turn));
                out.push(Output::Preview(Preview::Items(affected.clone())));
            }
            Gesture::Band { start, .. } => {
                let band = Rect::from_corners(*start, p);
                out.push(Output::Preview(Preview::Band(band)));
            }
            Gesture::Arrow { start, .. } => out.push(Output::Preview(Preview::Arrow(*start, p))),
            Gesture::Shape { outline, start } => {
                if let Some(r) = Rect::of(&[*start, p]) {
                    out.push(Output::Preview(Preview::Shape(*outline, r)));
                }
            }
            Gesture::Pinch(_) => {}
        }
        self.now = Some((owner, g));
        out
    }

    /// The pointer was lifted, or the browser took it away.
    pub fn up(&mut self, b: &Scene, e: &Pointer, how: Release) -> Vec<PictureOutput> {
        let g = match lift(&mut self.now, &mut self.pointers, e.id, |g| {
            matches!(g, Gesture::Pinch(_))
        }) {
            Lifted::Nothing => return Vec::new(),
            Lifted::PinchOver => return vec![Output::KeepView],
            Lifted::Own(g) => g,
        };
        let mut out = vec![Output::Preview(Preview::Clear)];
        if how == Release::Cancelled {
            out.extend(cancelled(g));
            return out;
        }
        let p = b.view.to_map(e.at.x, e.at.y);
        let z = b.view.zoom;
        let pen = b.pen;
        match g {
            Gesture::Draw { points, pressures } => {
                out.push(Output::Preview(Preview::StrokeEnd));
                let tool = if pen.mode == Mode::Highlighter {
                    Tool::Highlighter
                } else {
                    Tool::Pen
                };
                let width = if e.kind == PointerKind::Pen {
                    pressed_width(pen.width, &pressures)
                } else {
                    pen.width
                };
                out.push(Output::Commit(Command::AddStroke {
                    points,
                    tool,
                    colour: pen.colour,
                    width,
                }));
            }
            Gesture::Erase => out.push(Output::Seal),
            Gesture::Pan(_) => out.push(Output::KeepView),
            Gesture::Move {
                start, orig, moved, ..
            } => {
                if moved {
                    let ids = orig.iter().map(Item::id).collect();
                    let (dx, dy) = (p.x - start.x, p.y - start.y);
                    out.push(Output::Commit(Command::Move { ids, dx, dy }));
                }
            }
            Gesture::Resize { orig, work, .. } | Gesture::Rotate { orig, work, .. } => {
                if let Some(new) = work.item(orig.id()).cloned() {
                    out.push(Output::Commit(Command::Replace(new)));
                }
            }
            Gesture::Band { start, mut add } => {
                if let Some(r) = Rect::of(&[start, p]) {
                    add.extend(b.picture.inside(r));
                }
                out.push(Output::Select(add));
            }
            Gesture::Arrow { from, start } => {
                let to = b
                    .picture
                    .hit(p, 4.0 / z)
                    .filter(|id| b.picture.anchor(*id).is_some() && End::Item { item: *id } != from)
                    .map_or(End::Point { x: p.x, y: p.y }, |item| End::Item { item });
                let long_enough = dist(start, p) * z >= 10.0;
                if long_enough || matches!((from, to), (End::Item { .. }, End::Item { .. })) {
                    out.push(Output::Commit(Command::Add {
                        item: Item::Arrow(Arrow {
                            id: 0,
                            from,
                            to,
                            colour: pen.colour,
                            width: pen.width.max(2.0),
                        }),
                        select: false,
                    }));
                }
            }
            Gesture::Shape { outline, start } => {
                let (mut w, mut h) = ((p.x - start.x).abs(), (p.y - start.y).abs());
                let mut c = Point::new((p.x + start.x) / 2.0, (p.y + start.y) / 2.0);
                if w * z < 8.0 && h * z < 8.0 {
                    // A click: a box of a useful size, centred there.
                    (w, h, c) = (DEFAULT_SHAPE.0, DEFAULT_SHAPE.1, start);
                }
                out.push(Output::Commit(Command::Add {
                    item: Item::Shape(Shape {
                        id: 0,
                        outline,
                        x: c.x,
                        y: c.y,
                        w: w.max(8.0),
                        h: h.max(8.0),
                        rotation: 0.0,
                        colour: pen.colour,
                        width: pen.width,
                    }),
                    select: true,
                }));
            }
            Gesture::Pinch(_) => {}
        }
        out
    }

    /// A double click: in the Select tool, on a sticker or text opens its editor, on nothing
    /// writes new text there.
    pub fn double_click(&self, b: &Scene, at: Point) -> Vec<PictureOutput> {
        if b.pen.mode != Mode::Select {
            return Vec::new();
        }
        let p = b.view.to_map(at.x, at.y);
        match b.picture.hit(p, 6.0 / b.view.zoom) {
            Some(id) if matches!(b.picture.item(id), Some(Item::Sticker(_) | Item::Text(_))) => {
                vec![Output::Select(one(id)), Output::Edit(id)]
            }
            None => vec![Output::Commit(Command::AddText(p))],
            _ => Vec::new(),
        }
    }

    /// The wheel turned over `at`.
    pub fn wheel(&self, b: &Scene, at: Point, delta_y: f64, ctrl: bool) -> Vec<PictureOutput> {
        vec![
            Output::View(crate::interact::view::wheel(b.view, at, delta_y, ctrl)),
            Output::KeepView,
        ]
    }

    /// The top stroke under `p`, rubbed out as part of this sweep.
    fn erase_at(&self, b: &Scene, p: Point) -> Option<PictureOutput> {
        let slack = 6.0 / b.view.zoom;
        let pic = b.picture;
        let hit = pic
            .items
            .iter()
            .rev()
            .find(|i| matches!(i, Item::Stroke(_)) && pic.hits(i, p, slack))?;
        Some(Output::Commit(Command::Erase {
            item: hit.id(),
            sweep: self.sweeps,
        }))
    }
}

/// What a press in the Select tool starts: a handle (resize, turn), an item (moving the
/// selection), or a marquee.
fn select_start(b: &Scene, p: Point, shift: bool, out: &mut Vec<PictureOutput>) -> Option<Gesture> {
    let z = b.view.zoom;
    let pic = b.picture;
    if let [only] = b.selected.iter().copied().collect::<Vec<_>>()[..]
        && let Some(item) = pic.item(only).filter(|i| !matches!(i, Item::Arrow(_)))
        && let Some(frame) = pic.frame(item)
    {
        let (corner, top) = handles(&frame, z);
        let mut affected = vec![only];
        affected.extend(pic.attached_arrows(&[only]));
        if dist(p, corner) <= 14.0 / z {
            return Some(Gesture::Resize {
                frame,
                start: ink::rotate(p, frame.c, -frame.rotation),
                orig: item.clone(),
                work: pic.clone(),
                affected,
            });
        }
        if dist(p, top) <= 14.0 / z {
            return Some(Gesture::Rotate {
                centre: frame.c,
                start: angle(frame.c, p),
                orig: item.clone(),
                work: pic.clone(),
                affected,
            });
        }
    }
    match pic.hit(p, 6.0 / z) {
        Some(id) if shift => {
            let mut s = b.selected.clone();
            if !s.remove(&id) {
                s.insert(id);
            }
            out.push(Output::Select(s));
            None
        }
        Some(id) => {
            let ids: Vec<ItemId> = if b.selected.contains(&id) {
                b.selected.iter().copied().collect()
            } else {
                out.push(Output::Select(one(id)));
                vec![id]
            };
            let orig = ids.iter().filter_map(|i| pic.item(*i).cloned()).collect();
            let mut affected = ids.clone();
            affected.extend(pic.attached_arrows(&ids));
            Some(Gesture::Move {
                start: p,
                orig,
                work: pic.clone(),
                affected,
                moved: false,
            })
        }
        None => {
            let add = if shift {
                b.selected.clone()
            } else {
                out.push(Output::Select(BTreeSet::new()));
                BTreeSet::new()
            };
            Some(Gesture::Band { start: p, add })
        }
    }
}

/// What ending a gesture without keeping it asks for: the items it touched show the model
/// again, a stroke being drawn goes, an eraser sweep ends.
fn cancelled(g: Gesture) -> Vec<PictureOutput> {
    match g {
        Gesture::Draw { .. } => vec![Output::Preview(Preview::StrokeEnd)],
        Gesture::Erase => vec![Output::Seal],
        Gesture::Move { affected, .. }
        | Gesture::Resize { affected, .. }
        | Gesture::Rotate { affected, .. } => vec![Output::Preview(Preview::Restore(affected))],
        Gesture::Band { .. } | Gesture::Arrow { .. } | Gesture::Shape { .. } => {
            vec![Output::Preview(Preview::Clear)]
        }
        Gesture::Pan(_) | Gesture::Pinch(_) => Vec::new(),
    }
}
