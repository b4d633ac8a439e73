//! The map's gestures as a table: a selection, pointer events with what is under the pointer,
//! and what the canvas is asked to do. Selections are applied between events, as the canvas
//! does; the nodes stay where the model has them (commits are checked, not applied).

use std::collections::BTreeSet;

use super::*;
use crate::interact::PointerKind;

const VIEW: Viewport = Viewport {
    x: 0.0,
    y: 0.0,
    zoom: 1.0,
};

fn place(id: NodeId) -> Option<Point> {
    match id {
        1 => Some(Point::new(0.0, 0.0)),
        2 => Some(Point::new(200.0, 0.0)),
        3 => Some(Point::new(0.0, 200.0)),
        _ => None,
    }
}

fn inside(r: Rect) -> Vec<NodeId> {
    (1..=3)
        .filter(|id| place(*id).is_some_and(|p| r.contains(p)))
        .collect()
}

#[derive(Clone)]
enum Ev {
    Down(Pointer, Target),
    Move(Pointer),
    Up(Pointer, Drop),
    Cancel(Pointer),
    Double(f64, f64, Target),
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
fn finger(id: i32, x: f64, y: f64) -> Pointer {
    Pointer {
        id,
        kind: PointerKind::Touch,
        ..at(x, y)
    }
}
fn on_node(node: NodeId) -> Drop {
    Drop {
        node: Some(node),
        ..Drop::default()
    }
}

fn run(selected: &[NodeId], evs: &[Ev]) -> Vec<MapOutput> {
    let mut m = MapGestures::default();
    let mut selected: BTreeSet<NodeId> = selected.iter().copied().collect();
    let mut view = VIEW;
    let mut all = Vec::new();
    for ev in evs {
        let s = MapScene {
            selected: &selected,
            place: &place,
            inside: &inside,
            view,
        };
        let outs = match ev.clone() {
            Ev::Down(p, t) => m.down(&s, &p, t),
            Ev::Move(p) => m.moved(&s, &p),
            Ev::Up(p, d) => m.up(&s, &p, d, Release::Lifted),
            Ev::Cancel(p) => m.up(&s, &p, Drop::default(), Release::Cancelled),
            Ev::Double(x, y, t) => m.double_click(&s, Point::new(x, y), t),
        };
        for o in &outs {
            match o {
                Output::Select(items) => {
                    selected = items
                        .iter()
                        .filter_map(|i| match i {
                            MapItem::Node(n) => Some(*n),
                            MapItem::Link(_) => None,
                        })
                        .collect();
                }
                Output::View(v) => view = *v,
                _ => {}
            }
        }
        all.extend(outs);
    }
    all
}

fn effects(all: &[MapOutput]) -> Vec<MapOutput> {
    all.iter()
        .filter(|o| !matches!(o, Output::Preview(_) | Output::Capture | Output::Focus))
        .cloned()
        .collect()
}

fn sel(items: &[MapItem]) -> MapOutput {
    Output::Select(items.iter().copied().collect())
}

/// A case: its name, the selection, the events, what they ask for.
type Case = (&'static str, &'static [NodeId], Vec<Ev>, Vec<MapOutput>);

#[test]
fn map_gestures_by_table() {
    use MapItem::{Link, Node};
    #[rustfmt::skip]
    let cases: Vec<Case> = vec![
        ("a drag on a node selects it and moves it by the delta",
         &[], vec![Ev::Down(at(0.0, 0.0), Target::Node(1)), Ev::Move(at(30.0, 10.0)), Ev::Up(at(30.0, 10.0), Drop::default())],
         vec![sel(&[Node(1)]), Output::Commit(MapCommand::MoveNodes { ids: vec![1], dx: 30.0, dy: 10.0, into: None })]),
        ("a drag on a selected node moves the whole selection",
         &[1, 2], vec![Ev::Down(at(200.0, 0.0), Target::Node(2)), Ev::Move(at(210.0, 5.0)), Ev::Up(at(210.0, 5.0), Drop::default())],
         vec![Output::Commit(MapCommand::MoveNodes { ids: vec![1, 2], dx: 10.0, dy: 5.0, into: None })]),
        ("nodes dropped on a group's frame join it",
         &[], vec![Ev::Down(at(0.0, 0.0), Target::Node(1)), Ev::Move(at(50.0, 0.0)),
                   Ev::Up(at(50.0, 0.0), Drop { frame: Some(9), ..Drop::default() })],
         vec![sel(&[Node(1)]), Output::Commit(MapCommand::MoveNodes { ids: vec![1], dx: 50.0, dy: 0.0, into: Some(9) })]),
        ("a click on a node selects it and moves nothing",
         &[2], vec![Ev::Down(at(0.0, 0.0), Target::Node(1)), Ev::Up(at(0.0, 0.0), Drop::default())],
         vec![sel(&[Node(1)])]),
        ("Shift+click toggles a node in the selection",
         &[1], vec![Ev::Down(shift(200.0, 0.0), Target::Node(2)), Ev::Up(shift(200.0, 0.0), Drop::default()),
                    Ev::Down(shift(0.0, 0.0), Target::Node(1)), Ev::Up(shift(0.0, 0.0), Drop::default())],
         vec![sel(&[Node(1), Node(2)]), sel(&[Node(2)])]),
        ("a group's frame moves the group",
         &[1], vec![Ev::Down(at(-50.0, -50.0), Target::Frame { group: 9, members: vec![1, 3] }),
                    Ev::Move(at(-40.0, -50.0)), Ev::Up(at(-20.0, -40.0), Drop::default())],
         vec![sel(&[]), Output::Commit(MapCommand::MoveGroup { group: 9, dx: 30.0, dy: 10.0 })]),
        ("a link drawn from a handle to another node",
         &[], vec![Ev::Down(at(40.0, 0.0), Target::Handle(1)), Ev::Move(at(150.0, 0.0)), Ev::Up(at(200.0, 0.0), on_node(2))],
         vec![Output::Commit(MapCommand::AddLink { from: 1, to: 2 })]),
        ("a link dropped on its own node makes nothing",
         &[], vec![Ev::Down(at(40.0, 0.0), Target::Handle(1)), Ev::Up(at(5.0, 0.0), on_node(1))],
         vec![]),
        ("a link dropped on a group's title ends on the group",
         &[], vec![Ev::Down(at(40.0, 0.0), Target::Handle(1)),
                   Ev::Up(at(300.0, 300.0), Drop { title: Some(9), ..Drop::default() })],
         vec![Output::Commit(MapCommand::AddLink { from: 1, to: 9 })]),
        ("a link dropped on empty space makes a new node there, linked",
         &[], vec![Ev::Down(at(40.0, 0.0), Target::Handle(1)), Ev::Up(at(400.0, 100.0), Drop::default())],
         vec![Output::Commit(MapCommand::AddLinkedNode { from: 1, at: Point::new(400.0, 100.0) })]),
        ("a press on a link selects the link",
         &[1], vec![Ev::Down(at(100.0, 0.0), Target::Link(7)), Ev::Up(at(100.0, 0.0), Drop::default())],
         vec![sel(&[Link(7)])]),
        ("a drag on empty space clears the selection and pans",
         &[1], vec![Ev::Down(at(100.0, 100.0), Target::Nothing), Ev::Move(at(130.0, 90.0)), Ev::Up(at(130.0, 90.0), Drop::default())],
         vec![sel(&[]), Output::View(Viewport { x: -30.0, y: 10.0, zoom: 1.0 }), Output::KeepView]),
        ("a Shift drag on empty space is a marquee adding what it holds",
         &[2], vec![Ev::Down(shift(-10.0, -10.0), Target::Nothing), Ev::Move(shift(10.0, 250.0)), Ev::Up(shift(10.0, 250.0), Drop::default())],
         vec![sel(&[Node(1), Node(2), Node(3)])]),
        ("a cancelled drag commits nothing",
         &[], vec![Ev::Down(at(0.0, 0.0), Target::Node(1)), Ev::Move(at(30.0, 10.0)), Ev::Cancel(at(30.0, 10.0))],
         vec![sel(&[Node(1)])]),
        ("two fingers pinch, and the view is kept when both lift",
         &[], vec![Ev::Down(finger(1, 100.0, 100.0), Target::Node(1)), Ev::Down(finger(2, 200.0, 100.0), Target::Nothing),
                   Ev::Move(finger(2, 300.0, 100.0)), Ev::Up(finger(2, 300.0, 100.0), Drop::default()),
                   Ev::Up(finger(1, 100.0, 100.0), Drop::default())],
         vec![sel(&[Node(1)]), Output::View(Viewport { x: 50.0, y: 50.0, zoom: 2.0 }), Output::KeepView]),
        ("a double click on a node opens its label",
         &[], vec![Ev::Double(0.0, 0.0, Target::Node(1))],
         vec![sel(&[Node(1)]), Output::Edit(Node(1))]),
        ("a double click on a link opens its label",
         &[], vec![Ev::Double(100.0, 0.0, Target::Link(7))],
         vec![sel(&[Link(7)]), Output::Edit(Link(7))]),
        ("a double click on nothing makes a node there",
         &[], vec![Ev::Double(400.0, 300.0, Target::Nothing)],
         vec![Output::Commit(MapCommand::AddNode { at: Point::new(400.0, 300.0) })]),
    ];
    for (name, selected, evs, expect) in cases {
        assert_eq!(effects(&run(selected, &evs)), expect, "{name}");
    }
}

#[test]
fn a_drag_previews_the_nodes_lifts_them_once_and_puts_them_back_when_cancelled() {
    let all = run(
        &[1, 3],
        &[
            Ev::Down(at(0.0, 0.0), Target::Node(1)),
            Ev::Move(at(10.0, 0.0)),
            Ev::Move(at(20.0, 0.0)),
            Ev::Cancel(at(20.0, 0.0)),
        ],
    );
    let previews: Vec<&MapOutput> = all
        .iter()
        .filter(|o| matches!(o, Output::Preview(_)))
        .collect();
    let shown = |dx: f64| {
        Output::Preview(MapPreview::Nodes(vec![
            (1, Point::new(dx, 0.0)),
            (3, Point::new(dx, 200.0)),
        ]))
    };
    assert_eq!(
        previews,
        [
            &shown(10.0),
            &Output::Preview(MapPreview::Lift(vec![1, 3])),
            &shown(20.0),
            &Output::Preview(MapPreview::Clear),
            &shown(0.0),
            &Output::Preview(MapPreview::Lift(Vec::new())),
        ]
    );
}

#[test]
fn a_link_being_drawn_follows_the_pointer() {
    let all = run(
        &[],
        &[
            Ev::Down(at(40.0, 0.0), Target::Handle(1)),
            Ev::Move(at(90.0, 30.0)),
        ],
    );
    assert!(all.contains(&Output::Preview(MapPreview::Link {
        from: 1,
        to: Point::new(90.0, 30.0)
    })));
}
