//! The example's rich picture: stickers, texts, arrows and hand-drawn strokes.

use super::*;

pub(super) fn sticker(
    p: &mut Picture,
    icon: Icon,
    (x, y): (f64, f64),
    caption: &str,
    stakeholder: Option<&str>,
) -> ItemId {
    p.add(Item::Sticker(Sticker {
        id: 0,
        icon,
        x,
        y,
        size: 72.0,
        rotation: 0.0,
        caption: caption.into(),
        stakeholder: stakeholder.map(str::to_string),
    }))
}

pub(super) fn text(
    p: &mut Picture,
    (x, y): (f64, f64),
    body: &str,
    size: f64,
    colour: u8,
    rotation: f64,
) {
    p.add(Item::Text(Text {
        id: 0,
        x,
        y,
        text: body.into(),
        colour,
        size,
        rotation,
    }));
}

pub(super) fn arrow(p: &mut Picture, from: ItemId, to: ItemId, colour: u8) {
    p.add(Item::Arrow(Arrow {
        id: 0,
        from: End::Item { item: from },
        to: End::Item { item: to },
        colour,
        width: 3.0,
    }));
}

/// Points along `f(t)` for t in 0..=1, with a small, fixed wobble, as a hand draws them.
pub(super) fn hand_drawn(steps: u32, f: impl Fn(f64) -> (f64, f64)) -> Vec<Point> {
    (0..=steps)
        .map(|i| {
            let t = f64::from(i) / f64::from(steps);
            let (x, y) = f(t);
            let wobble = (f64::from(i) * 1.7).sin() * 1.6 + (f64::from(i) * 0.6).cos() * 0.8;
            Point::new(x + wobble * 0.5, y + wobble)
        })
        .collect()
}

pub(super) fn picture() -> Picture {
    use std::f64::consts::TAU;
    let mut p = Picture::new(
        "pic-situation".into(),
        "The situation as the group drew it (illustrative)",
    );
    // Four columns and three rows, about 900 × 560 units: the board beside the side panel on a
    // 1280 × 720 projector shows all of it at the saved zoom.
    let col = |i: u8| 100.0 + 220.0 * f64::from(i);
    let (top, middle, bottom) = (120.0, 290.0, 455.0);

    // Drawn first, so they sit underneath the stickers.
    // A country road winding from the service user past the bus.
    let road = hand_drawn(40, |t| {
        (150.0 + 460.0 * t, 318.0 + 12.0 * (t * TAU * 1.5).sin())
    });
    p.add_stroke(&road, Tool::Pen, 7, 4.0);
    // A red ring round the people nobody has reached.
    let ring = hand_drawn(36, |t| {
        let a = t * TAU * 1.05;
        (col(3) + 100.0 * a.cos(), bottom + 22.0 + 72.0 * a.sin())
    });
    p.add_stroke(&ring, Tool::Pen, 1, 4.0);
    // A highlighter under the title.
    let underline = hand_drawn(24, |t| (200.0 + 460.0 * t, 50.0 + 3.0 * (t * TAU).sin()));
    p.add_stroke(&underline, Tool::Highlighter, 6, 8.0);

    text(
        &mut p,
        (430.0, 30.0),
        "Social prescribing in a rural county",
        26.0,
        0,
        0.0,
    );

    let gp = sticker(
        &mut p,
        Icon::Clinic,
        (col(0), top),
        "GP practice\nlittle time to refer",
        Some("s-gps"),
    );
    let link = sticker(
        &mut p,
        Icon::Person,
        (col(1), top),
        "Link worker\nmany problems at once",
        Some("s-link"),
    );
    let groups = sticker(
        &mut p,
        Icon::Group,
        (col(2), top),
        "Community groups\nequal partners?",
        Some("s-vcs"),
    );
    sticker(
        &mut p,
        Icon::Organisation,
        (col(3), top),
        "Council public health\nresults for the next funding",
        Some("s-ph-manager"),
    );
    let user = sticker(
        &mut p,
        Icon::Person,
        (col(0), middle),
        "Service user\nheard of it by letter",
        Some("s-users"),
    );
    let bus = sticker(
        &mut p,
        Icon::Transport,
        (col(1), middle),
        "One bus a day,\nand the fare",
        None,
    );
    let clock = sticker(
        &mut p,
        Icon::Clock,
        (col(2), middle),
        "Programme ended\nbefore it helped",
        None,
    );
    let money = sticker(
        &mut p,
        Icon::Money,
        (col(3), middle),
        "Short-term funding",
        None,
    );
    sticker(
        &mut p,
        Icon::Computer,
        (col(0), bottom),
        "Patient notes and GDPR",
        None,
    );
    sticker(
        &mut p,
        Icon::Worry,
        (col(1), bottom),
        "Staff worn out",
        Some("s-link"),
    );
    sticker(
        &mut p,
        Icon::Conflict,
        (col(2), bottom),
        "Rivalry over\nwho does what",
        Some("s-ccc"),
    );
    sticker(
        &mut p,
        Icon::Eye,
        (col(3), bottom),
        "Who is missing?",
        Some("s-disadvantaged"),
    );

    // Arrows along the rows, so none crosses a caption.
    arrow(&mut p, gp, link, 0);
    arrow(&mut p, link, groups, 0);
    arrow(&mut p, user, bus, 2);
    arrow(&mut p, money, clock, 4);
    text(&mut p, (210.0, 96.0), "referrals", 16.0, 2, 0.0);
    text(&mut p, (430.0, 96.0), "feedback?", 16.0, 1, 0.0);
    p.view = Viewport {
        x: -10.0,
        y: -4.0,
        zoom: 0.85,
    };
    p
}
