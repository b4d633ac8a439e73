//! The board's gestures as a table: a tool, a selection and a view, a sequence of pointer
//! events, and what the editor is asked to do (commits, selections, edits, views). Commits
//! are applied between events, as the board does, so later events see them.

use std::collections::BTreeSet;

use super::*;
use crate::geometry::Point;
use crate::interact::{Button, Output, Pointer, PointerKind, Release};
use crate::model::map::Viewport;
use crate::model::picture::{Arrow, End, Icon, Item, ItemId, Outline, Picture, Shape, Tool};
use crate::model::picture::{Sticker, Stroke, Text};

const STICKER_A: ItemId = 1;
const STROKE: ItemId = 2;
const STICKER_B: ItemId = 3;
const TEXT: ItemId = 4;

fn sticker(id: ItemId, x: f64, y: f64) -> Item {
    Item::Sticker(Sticker {
        id,
        icon: Icon::Person,
        x,
        y,
        size: 72.0,
        rotation: 0.0,
        caption: String::new(),
        stakeholder: None,
    })
}

fn picture() -> Picture {
    let mut p = Picture::new("p".into(), "Test");
    p.add(sticker(0, 100.0, 100.0));
    let mut line = Stroke {
        id: 0,
        tool: Tool::Pen,
        colour: 0,
        width: 4.0,
        points: Vec::new(),
        unreadable: None,
    };
    line.set_points([Point::new(300.0, 300.0), Point::new(400.0, 300.0)]);
    p.add(Item::Stroke(line));
    p.add(sticker(0, 500.0, 100.0));
    p.add(Item::Text(Text {
        id: 0,
        x: 100.0,
        y: 400.0,
        text: "hi".into(),
        colour: 0,
        size: 24.0,
        rotation: 0.0,
    }));
    p
}

#[derive(Clone, Copy)]
enum Ev {
    Down(Pointer),
    Move(Pointer),
    Up(Pointer),
    Cancel(Pointer),
    Double(f64, f64),
    Wheel(f64, f64, f64),
}

fn at(x: f64, y: f64) -> Pointer {
    Pointer::mouse(x, y)
}
fn shift(x: f64, y: f64) -> Pointer {
    Pointer {
        shift: true,
        ..at(x, y)
    }
}
fn pen(x: f64, y: f64, pressure: f64) -> Pointer {
    Pointer {
        kind: PointerKind::Pen,
        pressure,
        ..at(x, y)
    }
}
fn finger(id: i32, x: f64, y: f64, time: f64) -> Pointer {
    Pointer {
        id,
        kind: PointerKind::Touch,
        time,
        ..at(x, y)
    }
}
fn middle(x: f64, y: f64) -> Pointer {
    Pointer {
        button: Button::Middle,
        ..at(x, y)
    }
}
fn click(x: f64, y: f64) -> Vec<Ev> {
    vec![Ev::Down(at(x, y)), Ev::Up(at(x, y))]
}
fn drag(path: &[(f64, f64)]) -> Vec<Ev> {
    let mut evs = vec![Ev::Down(at(path[0].0, path[0].1))];
    evs.extend(path[1..].iter().map(|(x, y)| Ev::Move(at(*x, *y))));
    let last = path[path.len() - 1];
    evs.push(Ev::Up(at(last.0, last.1)));
    evs
}

const PEN: PenChoice = PenChoice {
    mode: Mode::Pen,
    colour: 2,
    width: 4.0,
};
const VIEW: Viewport = Viewport {
    x: 0.0,
    y: 0.0,
    zoom: 1.0,
};

/// What a run asked for: every output, and the picture, selection and view at the end.
struct Run {
    all: Vec<PictureOutput>,
    picture: Picture,
    selected: BTreeSet<ItemId>,
}

fn run_with(
    machine: &mut Gestures,
    mode: Mode,
    selected: &[ItemId],
    view: Viewport,
    evs: &[Ev],
) -> Run {
    let mut picture = picture();
    let mut selected: BTreeSet<ItemId> = selected.iter().copied().collect();
    let mut view = view;
    let mut all = Vec::new();
    for ev in evs {
        let b = Scene {
            picture: &picture,
            selected: &selected,
            view,
            pen: PenChoice { mode, ..PEN },
        };
        let outs = match *ev {
            Ev::Down(p) => machine.down(&b, &p),
            Ev::Move(p) => machine.moved(&b, &p),
            Ev::Up(p) => machine.up(&b, &p, Release::Lifted),
            Ev::Cancel(p) => machine.up(&b, &p, Release::Cancelled),
            Ev::Double(x, y) => machine.double_click(&b, Point::new(x, y)),
            Ev::Wheel(x, y, d) => machine.wheel(&b, Point::new(x, y), d, false),
        };
        for o in &outs {
            match o {
                Output::Commit(c) => {
                    if let Some(made) = c.apply(&mut picture)
                        && matches!(c, Command::Add { select: true, .. })
                    {
                        selected = BTreeSet::from([made]);
                    }
                }
                Output::Select(s) => selected = s.clone(),
                Output::View(v) => view = *v,
                _ => {}
            }
        }
        all.extend(outs);
    }
    Run {
        all,
        picture,
        selected,
    }
}

fn run(mode: Mode, selected: &[ItemId], view: Viewport, evs: &[Ev]) -> Run {
    run_with(&mut Gestures::default(), mode, selected, view, evs)
}

/// The outputs that change something (not previews, focus or capture).
fn effects(all: &[PictureOutput]) -> Vec<PictureOutput> {
    all.iter()
        .filter(|o| !matches!(o, Output::Preview(_) | Output::Focus | Output::Capture))
        .cloned()
        .collect()
}

fn sel(ids: &[ItemId]) -> PictureOutput {
    Output::Select(ids.iter().copied().collect())
}

fn shape(outline: Outline, x: f64, y: f64, w: f64, h: f64) -> PictureOutput {
    Output::Commit(Command::Add {
        item: Item::Shape(Shape {
            id: 0,
            outline,
            x,
            y,
            w,
            h,
            rotation: 0.0,
            colour: PEN.colour,
            width: PEN.width,
        }),
        select: true,
    })
}

fn stroke(points: &[(f64, f64)], tool: Tool, width: f64) -> PictureOutput {
    Output::Commit(Command::AddStroke {
        points: points.iter().map(|(x, y)| Point::new(*x, *y)).collect(),
        tool,
        colour: PEN.colour,
        width,
    })
}

fn arrow(from: End, to: End) -> PictureOutput {
    Output::Commit(Command::Add {
        item: Item::Arrow(Arrow {
            id: 0,
            from,
            to,
            colour: PEN.colour,
            width: 4.0,
        }),
        select: false,
    })
}

fn replaced(item: Item) -> PictureOutput {
    Output::Commit(Command::Replace(item))
}

fn zoomed(zoom: f64) -> Viewport {
    Viewport { zoom, ..VIEW }
}

/// A case: its name, the tool, the selection, the view, the events, what they ask for.
type Case = (
    &'static str,
    Mode,
    &'static [ItemId],
    Viewport,
    Vec<Ev>,
    Vec<PictureOutput>,
);

#[test]
fn gestures_by_table() {
    let c = Point::new(100.0, 100.0);
    let a = sticker(STICKER_A, 100.0, 100.0);
    #[rustfmt::skip]
    let cases: Vec<Case> = vec![
        ("a click with the box tool makes a default-size box centred there",
         Mode::Rectangle, &[], VIEW, click(700.0, 500.0),
         vec![shape(Outline::Rectangle, 700.0, 500.0, 160.0, 100.0)]),
        ("a drag of under 8 screen pixels is a click too",
         Mode::Ellipse, &[], VIEW, drag(&[(700.0, 500.0), (706.0, 505.0)]),
         vec![shape(Outline::Ellipse, 700.0, 500.0, 160.0, 100.0)]),
        ("at zoom 4 a 6-pixel drag is still a click",
         Mode::Rectangle, &[], zoomed(4.0), drag(&[(400.0, 400.0), (406.0, 400.0)]),
         vec![shape(Outline::Rectangle, 100.0, 100.0, 160.0, 100.0)]),
        ("a drag with the box tool makes a box the size dragged",
         Mode::Rectangle, &[], VIEW, drag(&[(700.0, 500.0), (760.0, 520.0), (800.0, 560.0)]),
         vec![shape(Outline::Rectangle, 750.0, 530.0, 100.0, 60.0)]),
        ("a mouse stroke keeps the chosen width",
         Mode::Pen, &[], VIEW, drag(&[(10.0, 10.0), (20.0, 10.0), (30.0, 12.0)]),
         vec![stroke(&[(10.0, 10.0), (20.0, 10.0), (30.0, 12.0)], Tool::Pen, 4.0)]),
        ("the highlighter draws highlighter strokes",
         Mode::Highlighter, &[], VIEW, drag(&[(10.0, 10.0), (50.0, 10.0)]),
         vec![stroke(&[(10.0, 10.0), (50.0, 10.0)], Tool::Highlighter, 4.0)]),
        ("a firm pen thickens the stroke: width × (0.5 + mean pressure)",
         Mode::Pen, &[], VIEW,
         vec![Ev::Down(pen(10.0, 10.0, 0.8)), Ev::Move(pen(20.0, 10.0, 1.0)), Ev::Up(pen(20.0, 10.0, 0.0))],
         vec![stroke(&[(10.0, 10.0), (20.0, 10.0)], Tool::Pen, 5.6)]),
        ("a light pen thins it",
         Mode::Pen, &[], VIEW,
         vec![Ev::Down(pen(10.0, 10.0, 0.2)), Ev::Move(pen(20.0, 10.0, 0.2)), Ev::Up(pen(20.0, 10.0, 0.0))],
         vec![stroke(&[(10.0, 10.0), (20.0, 10.0)], Tool::Pen, 2.8)]),
        ("the stroke is in picture units at any zoom and pan",
         Mode::Pen, &[], Viewport { x: 50.0, y: -20.0, zoom: 2.0 }, drag(&[(0.0, 0.0), (100.0, 40.0)]),
         vec![stroke(&[(50.0, -20.0), (100.0, 0.0)], Tool::Pen, 4.0)]),
        ("a press on an item selects it and a drag moves it",
         Mode::Select, &[], VIEW, drag(&[(100.0, 100.0), (120.0, 100.0), (130.0, 110.0)]),
         vec![sel(&[STICKER_A]), Output::Commit(Command::Move { ids: vec![STICKER_A], dx: 30.0, dy: 10.0 })]),
        ("a drag on a selected item moves the whole selection",
         Mode::Select, &[STICKER_A, STICKER_B], VIEW, drag(&[(500.0, 100.0), (510.0, 120.0)]),
         vec![Output::Commit(Command::Move { ids: vec![STICKER_A, STICKER_B], dx: 10.0, dy: 20.0 })]),
        ("a move at zoom 2 is in picture units",
         Mode::Select, &[], zoomed(2.0), drag(&[(200.0, 200.0), (260.0, 220.0)]),
         vec![sel(&[STICKER_A]), Output::Commit(Command::Move { ids: vec![STICKER_A], dx: 30.0, dy: 10.0 })]),
        ("a press that barely moves selects and does not move",
         Mode::Select, &[], VIEW, drag(&[(100.0, 100.0), (101.0, 101.0)]),
         vec![sel(&[STICKER_A])]),
        ("Shift+click adds to the selection, and again takes away",
         Mode::Select, &[STICKER_A], VIEW,
         vec![Ev::Down(shift(500.0, 100.0)), Ev::Up(shift(500.0, 100.0)),
              Ev::Down(shift(100.0, 100.0)), Ev::Up(shift(100.0, 100.0))],
         vec![sel(&[STICKER_A, STICKER_B]), sel(&[STICKER_B])]),
        ("a press on nothing clears the selection; the marquee selects what it holds",
         Mode::Select, &[TEXT], VIEW, drag(&[(0.0, 0.0), (300.0, 100.0), (600.0, 200.0)]),
         vec![sel(&[]), sel(&[STICKER_A, STICKER_B])]),
        ("a Shift marquee adds to the selection",
         Mode::Select, &[TEXT], VIEW,
         vec![Ev::Down(shift(0.0, 0.0)), Ev::Move(shift(600.0, 200.0)), Ev::Up(shift(600.0, 200.0))],
         vec![sel(&[STICKER_A, STICKER_B, TEXT])]),
        ("the corner handle resizes",
         Mode::Select, &[STICKER_A], VIEW, drag(&[(142.0, 142.0), (178.0, 160.0)]),
         vec![replaced(a.scaled(c, 78.0 / 42.0, 60.0 / 42.0))]),
        ("Shift keeps a resize's proportions",
         Mode::Select, &[STICKER_A], VIEW,
         vec![Ev::Down(shift(142.0, 142.0)), Ev::Move(shift(178.0, 160.0)), Ev::Up(shift(178.0, 160.0))],
         vec![replaced(a.scaled(c, 78.0 / 42.0, 78.0 / 42.0))]),
        ("the top handle turns",
         Mode::Select, &[STICKER_A], VIEW, drag(&[(100.0, 30.0), (170.0, 100.0)]),
         vec![replaced(a.rotated(c, 90.0))]),
        ("Shift snaps a turn to 15°",
         Mode::Select, &[STICKER_A], VIEW,
         vec![Ev::Down(shift(100.0, 30.0)), Ev::Move(shift(170.0, 95.0)), Ev::Up(shift(170.0, 95.0))],
         vec![replaced(a.rotated(c, 90.0))]),
        ("an arrow dragged from a sticker to another joins them",
         Mode::Arrow, &[], VIEW, drag(&[(100.0, 100.0), (300.0, 120.0), (500.0, 100.0)]),
         vec![arrow(End::Item { item: STICKER_A }, End::Item { item: STICKER_B })]),
        ("an arrow into empty space ends at a point",
         Mode::Arrow, &[], VIEW, drag(&[(100.0, 100.0), (100.0, 250.0)]),
         vec![arrow(End::Item { item: STICKER_A }, End::Point { x: 100.0, y: 250.0 })]),
        ("a click with the arrow tool on nothing makes no arrow",
         Mode::Arrow, &[], VIEW, drag(&[(700.0, 700.0), (703.0, 700.0)]),
         vec![]),
        ("an arrow from a sticker to itself is not made",
         Mode::Arrow, &[], VIEW, drag(&[(100.0, 100.0), (104.0, 102.0)]),
         vec![]),
        ("an eraser sweep rubs out the strokes it crosses, as one step",
         Mode::Eraser, &[], VIEW, drag(&[(350.0, 250.0), (350.0, 301.0), (350.0, 350.0)]),
         vec![Output::Commit(Command::Erase { item: STROKE, sweep: 1 }), Output::Seal]),
        ("the eraser leaves stickers alone",
         Mode::Eraser, &[], VIEW, click(100.0, 100.0),
         vec![Output::Seal]),
        ("the text tool on nothing writes new text there",
         Mode::Text, &[], VIEW, click(700.0, 650.0),
         vec![Output::Commit(Command::AddText(Point::new(700.0, 650.0)))]),
        ("the text tool on a text opens it",
         Mode::Text, &[], VIEW, click(100.0, 400.0),
         vec![sel(&[TEXT]), Output::Edit(TEXT)]),
        ("a double click on a sticker opens its caption",
         Mode::Select, &[], VIEW, vec![Ev::Double(100.0, 100.0)],
         vec![sel(&[STICKER_A]), Output::Edit(STICKER_A)]),
        ("a double click on nothing writes text there",
         Mode::Select, &[], VIEW, vec![Ev::Double(700.0, 650.0)],
         vec![Output::Commit(Command::AddText(Point::new(700.0, 650.0)))]),
        ("a double click with the pen does nothing",
         Mode::Pen, &[], VIEW, vec![Ev::Double(100.0, 100.0)],
         vec![]),
        ("the middle button pans in any tool, and the view is kept",
         Mode::Pen, &[], VIEW,
         vec![Ev::Down(middle(100.0, 100.0)), Ev::Move(middle(150.0, 90.0)), Ev::Up(middle(150.0, 90.0))],
         vec![Output::View(Viewport { x: -50.0, y: 10.0, zoom: 1.0 }), Output::KeepView]),
        ("the hand tool pans",
         Mode::Hand, &[STICKER_A], zoomed(2.0), drag(&[(100.0, 100.0), (140.0, 100.0)]),
         vec![Output::View(Viewport { x: -20.0, y: 0.0, zoom: 2.0 }), Output::KeepView]),
        ("the wheel zooms about the pointer and keeps the view",
         Mode::Pen, &[], VIEW, vec![Ev::Wheel(0.0, 0.0, -100.0)],
         vec![Output::View(Viewport { x: 0.0, y: 0.0, zoom: (0.15f64).exp() }), Output::KeepView]),
        ("a cancelled move commits nothing",
         Mode::Select, &[], VIEW,
         vec![Ev::Down(at(100.0, 100.0)), Ev::Move(at(150.0, 100.0)), Ev::Cancel(at(150.0, 100.0))],
         vec![sel(&[STICKER_A])]),
        ("a cancelled stroke is not kept",
         Mode::Pen, &[], VIEW,
         vec![Ev::Down(at(10.0, 10.0)), Ev::Move(at(50.0, 10.0)), Ev::Cancel(at(50.0, 10.0))],
         vec![]),
        ("the right button starts nothing",
         Mode::Pen, &[], VIEW,
         vec![Ev::Down(Pointer { button: Button::Other, ..at(10.0, 10.0) }), Ev::Up(at(10.0, 10.0))],
         vec![]),
        ("a second finger turns the first's stroke into a pinch",
         Mode::Pen, &[], VIEW,
         vec![Ev::Down(finger(1, 100.0, 100.0, 0.0)), Ev::Down(finger(2, 200.0, 100.0, 10.0)),
              Ev::Move(finger(2, 300.0, 100.0, 20.0)), Ev::Up(finger(2, 300.0, 100.0, 30.0)),
              Ev::Up(finger(1, 100.0, 100.0, 40.0))],
         vec![Output::View(Viewport { x: 50.0, y: 50.0, zoom: 2.0 }), Output::KeepView]),
        ("a touch just after the pen is a palm, and ignored",
         Mode::Pen, &[], VIEW,
         vec![Ev::Down(pen(10.0, 10.0, 0.5)), Ev::Up(pen(10.0, 10.0, 0.0)),
              Ev::Down(finger(9, 300.0, 300.0, 500.0)), Ev::Move(finger(9, 350.0, 300.0, 600.0)),
              Ev::Up(finger(9, 350.0, 300.0, 700.0))],
         vec![stroke(&[(10.0, 10.0)], Tool::Pen, 4.0)]),
        ("a touch well after the pen draws",
         Mode::Pen, &[], VIEW,
         vec![Ev::Down(pen(10.0, 10.0, 0.5)), Ev::Up(pen(10.0, 10.0, 0.0)),
              Ev::Down(finger(9, 300.0, 300.0, 2000.0)), Ev::Up(finger(9, 300.0, 300.0, 2100.0))],
         vec![stroke(&[(10.0, 10.0)], Tool::Pen, 4.0), stroke(&[(300.0, 300.0)], Tool::Pen, 4.0)]),
    ];
    for (name, mode, selected, view, evs, expect) in cases {
        let got = run(mode, selected, view, &evs);
        assert_eq!(effects(&got.all), expect, "{name}");
    }
}

#[test]
fn a_press_is_focused_and_captured_and_a_palm_is_not() {
    let got = run(Mode::Pen, &[], VIEW, &click(10.0, 10.0));
    assert_eq!(got.all[..2], [Output::Focus, Output::Capture]);
    let mut m = Gestures::default();
    run_with(
        &mut m,
        Mode::Pen,
        &[],
        VIEW,
        &click(10.0, 10.0)
            .iter()
            .map(|e| match e {
                Ev::Down(p) => Ev::Down(Pointer {
                    kind: PointerKind::Pen,
                    ..*p
                }),
                Ev::Up(p) => Ev::Up(Pointer {
                    kind: PointerKind::Pen,
                    ..*p
                }),
                other => *other,
            })
            .collect::<Vec<_>>(),
    );
    let palm = run_with(
        &mut m,
        Mode::Pen,
        &[],
        VIEW,
        &[Ev::Down(finger(3, 5.0, 5.0, 100.0))],
    );
    assert!(palm.all.is_empty());
}

#[test]
fn a_move_previews_the_working_copy_and_the_model_changes_once() {
    let mut m = Gestures::default();
    let p = picture();
    let none = BTreeSet::new();
    let b = Scene {
        picture: &p,
        selected: &none,
        view: VIEW,
        pen: PenChoice {
            mode: Mode::Select,
            ..PEN
        },
    };
    m.down(&b, &at(100.0, 100.0));
    let one = BTreeSet::from([STICKER_A]);
    let b = Scene {
        selected: &one,
        ..b
    };
    let outs = m.moved(&b, &at(140.0, 100.0));
    assert_eq!(outs, vec![Output::Preview(Preview::Items(vec![STICKER_A]))]);
    assert_eq!(
        m.working().and_then(|w| w.item(STICKER_A)).cloned(),
        Some(sticker(STICKER_A, 140.0, 100.0))
    );
    // The model itself is untouched until the end.
    assert_eq!(
        p.item(STICKER_A).cloned(),
        Some(sticker(STICKER_A, 100.0, 100.0))
    );
    let outs = m.up(&b, &at(140.0, 100.0), Release::Cancelled);
    assert_eq!(
        outs,
        vec![
            Output::Preview(Preview::Clear),
            Output::Preview(Preview::Restore(vec![STICKER_A]))
        ]
    );
    assert!(!m.busy() && m.working().is_none());
}

#[test]
fn a_drawn_stroke_is_previewed_point_by_point_and_added_simplified() {
    let evs = drag(&[(0.0, 0.0), (10.0, 0.0), (20.0, 0.0), (30.0, 0.0)]);
    let got = run(Mode::Pen, &[], VIEW, &evs);
    let previews: Vec<&PictureOutput> = got
        .all
        .iter()
        .filter(|o| matches!(o, Output::Preview(_)))
        .collect();
    assert_eq!(
        previews,
        [
            &Output::Preview(Preview::StrokeStart(Point::new(0.0, 0.0))),
            &Output::Preview(Preview::StrokeTo(Point::new(10.0, 0.0))),
            &Output::Preview(Preview::StrokeTo(Point::new(20.0, 0.0))),
            &Output::Preview(Preview::StrokeTo(Point::new(30.0, 0.0))),
            &Output::Preview(Preview::Clear),
            &Output::Preview(Preview::StrokeEnd),
        ]
    );
    let Some(Item::Stroke(s)) = got.picture.items.last() else {
        panic!("no stroke added");
    };
    // A straight line keeps only its ends.
    assert_eq!(s.points, [Point::new(0.0, 0.0), Point::new(30.0, 0.0)]);
    assert_eq!((s.colour, s.width), (PEN.colour, PEN.width));
}

#[test]
fn a_clicked_box_is_added_and_selected() {
    let got = run(Mode::Rectangle, &[STICKER_A], VIEW, &click(700.0, 500.0));
    let Some(Item::Shape(s)) = got.picture.items.last() else {
        panic!("no shape added");
    };
    assert_eq!((s.w, s.h, s.x, s.y), (160.0, 100.0, 700.0, 500.0));
    assert_eq!(got.selected, BTreeSet::from([s.id]));
}

#[test]
fn the_pressure_curve() {
    assert_eq!(pressed_width(4.0, &[]), 4.0);
    assert_eq!(pressed_width(4.0, &[0.0, 0.0]), 4.0);
    assert_eq!(pressed_width(4.0, &[0.5]), 4.0);
    assert_eq!(pressed_width(4.0, &[1.0]), 6.0);
    assert_eq!(pressed_width(10.0, &[0.25, 0.75]), 10.0);
    // Never thinner than 1, and to a tenth.
    assert_eq!(pressed_width(1.0, &[0.05]), 1.0);
    assert_eq!(pressed_width(3.0, &[0.33]), 2.5);
}

#[test]
fn space_makes_any_drag_a_pan() {
    let mut m = Gestures::default();
    m.space = true;
    let got = run_with(
        &mut m,
        Mode::Select,
        &[],
        VIEW,
        &drag(&[(100.0, 100.0), (90.0, 100.0)]),
    );
    assert_eq!(
        effects(&got.all),
        vec![
            Output::View(Viewport {
                x: 10.0,
                y: 0.0,
                zoom: 1.0
            }),
            Output::KeepView
        ]
    );
}
