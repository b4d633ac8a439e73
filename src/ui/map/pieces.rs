//! Each node and link of the map's own layer as a piece of SVG markup (`draw.rs` puts them on
//! the page): a piece is its class, its accessible name and its inner markup, with every user
//! text escaped ([`esc`]), and is made again only when what it was made from (its key)
//! changed. Links name themselves in the markup up to [`TITLED`] links, else on hover
//! ([`name_link`]).

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

use leptos::prelude::*;

use super::{Ed, Look};
use crate::model::map::{
    Direction, Link, LinkId, Metrics, NodeId, Point, Polarity, Shape, Size, wrap_label,
};

/// One drawn node or link: the attributes that change and the inner markup.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Piece {
    pub(super) class: String,
    /// A node's accessible name; a link's `hidden` (both ends in one collapsed group).
    pub(super) aria: String,
    pub(super) hidden: bool,
    pub(super) inner: String,
}

/// What a node's piece was made from: the piece is made again only when this differs.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct NodeKey {
    pub(super) at: Point,
    pub(super) size: Size,
    pub(super) look: Look,
    /// Selected, traced, lifted.
    pub(super) flags: (bool, bool, bool),
    pub(super) halo: Option<f64>,
    /// Drawn whole: false for a large map's node that the canvas paints (`paint/`), which
    /// keeps only its name and focus here (and its place does not matter to its piece).
    pub(super) whole: bool,
}

/// What a link's piece was made from; `ends` are its nodes' generations (see [`Drawn`]).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct LinkKey {
    pub(super) link: Link,
    pub(super) ends: (u64, u64),
    pub(super) flags: (bool, bool, bool),
}

/// A coordinate of a link's path to a tenth (as `Curve::d` writes them), with integer
/// arithmetic: formatting floats was a tenth of a large map's drawing time.
struct Fx(f64);

impl std::fmt::Display for Fx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = (self.0 * 10.0).round();
        if !t.is_finite() || t.abs() > 1e15 {
            return write!(f, "{:.1}", self.0);
        }
        let t = t as i64;
        let (whole, tenth) = (t / 10, (t % 10).abs());
        if t < 0 && whole == 0 {
            f.write_str("-")?;
        }
        if tenth == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{tenth}")
        }
    }
}

/// A curve's SVG path data, as `Curve::d` writes it.
fn path_d(out: &mut String, k: &crate::model::map::Curve) {
    let straight = (k.c.x - (k.p.x + k.q.x) / 2.0).abs() < 1e-6
        && (k.c.y - (k.p.y + k.q.y) / 2.0).abs() < 1e-6;
    let _ = if straight {
        write!(
            out,
            "M{} {}L{} {}",
            Fx(k.p.x),
            Fx(k.p.y),
            Fx(k.q.x),
            Fx(k.q.y)
        )
    } else {
        write!(
            out,
            "M{} {}Q{} {} {} {}",
            Fx(k.p.x),
            Fx(k.p.y),
            Fx(k.c.x),
            Fx(k.c.y),
            Fx(k.q.x),
            Fx(k.q.y)
        )
    };
}

/// Escapes text for SVG markup (element content and double-quoted attributes): the core's XML
/// escape, which every export uses too.
pub(super) use crate::export::xml::escape as esc;

/// A node's accessible name: its label on one line, its kind and how many links it has.
pub(super) fn node_name(label: &str, kind: Option<&str>, links: usize) -> String {
    let plain = !label.is_empty()
        && !label.starts_with(' ')
        && !label.ends_with(' ')
        && !label.contains("  ")
        && !label.contains(|c: char| c.is_whitespace() && c != ' ');
    let text = if plain {
        label.to_string()
    } else if label.trim().is_empty() {
        "(no label)".to_string()
    } else {
        label.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let kind = kind.map(|k| format!(", {k}")).unwrap_or_default();
    format!(
        "{text}{kind}, {links} link{}",
        if links == 1 { "" } else { "s" }
    )
}

/// The editor's sets a piece's flags come from, read once for a whole drawing.
pub(super) struct Sets {
    pub(super) selected: BTreeSet<NodeId>,
    pub(super) lifted: BTreeSet<NodeId>,
    pub(super) link: Option<LinkId>,
    pub(super) highlight: super::Highlight,
    pub(super) halo: HashMap<NodeId, f64>,
}

impl Sets {
    pub(super) fn read(ed: Ed) -> Sets {
        Sets {
            selected: ed.selected.get_untracked(),
            lifted: ed.lifted.get_untracked(),
            link: ed.link.get_untracked(),
            highlight: ed.highlight.get_untracked(),
            halo: ed.halo.get_untracked(),
        }
    }
}

pub(super) fn node_key(
    ed: Ed,
    id: NodeId,
    sets: &Sets,
    front: Option<&super::paint::Front>,
) -> NodeKey {
    let live = ed.live(id);
    let whole = front.is_none_or(|f| f.nodes.contains(&id));
    NodeKey {
        whole,
        at: if whole {
            live.pos.get_untracked()
        } else {
            Point::default()
        },
        size: if whole {
            live.size.get_untracked()
        } else {
            Size::default()
        },
        look: live.look.get_untracked(),
        flags: (
            sets.selected.contains(&id),
            sets.highlight.nodes.contains(&id),
            sets.lifted.contains(&id),
        ),
        halo: sets.halo.get(&id).copied().filter(|v| *v > 0.0),
    }
}

pub(super) fn node_piece(
    id: NodeId,
    key: &NodeKey,
    prev: Option<&Piece>,
    metrics: Metrics,
) -> Piece {
    let look = &key.look;
    let (selected, traced, lifted) = key.flags;
    let sel = if selected { " selected" } else { "" };
    let traced = if traced { " traced" } else { "" };
    let up = if lifted { " lifted" } else { "" };
    let gone = if look.hidden { " hidden" } else { "" };
    let class = format!(
        "node c-{} s-{}{sel}{traced}{up}{gone}",
        look.colour,
        look.shape.as_str()
    );
    let aria = node_name(&look.label, look.kind.as_deref(), look.links);
    // Painted on the canvas: here only its name and its focus.
    if !key.whole {
        return Piece {
            class,
            aria,
            hidden: false,
            inner: String::new(),
        };
    }
    // While it is dragged, the map's copy stays where it was (drawn on the lift layer instead).
    if lifted && let Some(p) = prev {
        return Piece {
            class,
            aria,
            hidden: false,
            inner: p.inner.clone(),
        };
    }
    let (at, s) = (key.at, key.size);
    let mut inner = String::with_capacity(256);
    if let Some(v) = key.halo {
        let _ = write!(
            inner,
            r#"<circle class="halo" cx="{}" cy="{}" r="{}"></circle>"#,
            at.x,
            at.y,
            s.w.max(s.h) / 2.0 + 8.0 + v * 60.0
        );
    }
    let rx = match look.shape {
        Shape::Box => 2.0,
        Shape::Pill => s.h / 2.0,
        Shape::Rounded | Shape::Dashed => 10.0,
    };
    let _ = write!(
        inner,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}"></rect><text"#,
        at.x - s.w / 2.0,
        at.y - s.h / 2.0,
        s.w,
        s.h,
        rx
    );
    let lines = wrap_label(&look.label);
    let lh = metrics.line_height();
    let top = -(lines.len() as f64 - 1.0) * lh / 2.0 + metrics.font * 0.35;
    if let [line] = lines.as_slice() {
        // One line (most labels): the text itself, one element fewer a node.
        let _ = write!(inner, r#" x="{}" y="{}">{}"#, at.x, at.y + top, esc(line));
    } else {
        inner.push('>');
        for (i, l) in lines.iter().enumerate() {
            // A space before each later line keeps the words apart in the text's content,
            // which is what screen readers and search read.
            let _ = write!(
                inner,
                r#"<tspan x="{}" y="{}">{}{}</tspan>"#,
                at.x,
                at.y + top + i as f64 * lh,
                if i == 0 { "" } else { " " },
                esc(l)
            );
        }
    }
    let _ = write!(
        inner,
        r#"</text><circle class="handle" data-handle="{id}" cx="{}" cy="{}" r="7"></circle>"#,
        at.x + s.w / 2.0,
        at.y
    );
    Piece {
        class,
        aria,
        hidden: false,
        inner,
    }
}

pub(super) fn link_flags(link: &Link, id: LinkId, sets: &Sets) -> (bool, bool, bool) {
    (
        sets.link == Some(id),
        sets.highlight.links.contains(&id),
        sets.lifted.contains(&link.from) || sets.lifted.contains(&link.to),
    )
}

/// Where each end of a link is drawn (nodes' places and boxes), and the facts its curve needs.
pub(super) struct Ends<'a> {
    pub(super) nodes: &'a HashMap<NodeId, (NodeKey, u64)>,
    pub(super) around: super::frames::Around<'a>,
    pub(super) metrics: Metrics,
    pub(super) tiny: bool,
    /// Every link carries its name (a map of at most [`TITLED`] links).
    pub(super) titled: bool,
}

/// Maps with at most this many links name every link in the markup.
pub(super) const TITLED: usize = 500;

impl Ends<'_> {
    pub(super) fn of(&self, ed: Ed, id: NodeId) -> (Point, Size) {
        match self.nodes.get(&id) {
            Some((k, _)) => (k.at, k.size),
            // An end on a group: its frame is looked up by the curve.
            None => {
                let live = ed.live(id);
                (live.pos.get_untracked(), live.size.get_untracked())
            }
        }
    }
}

pub(super) fn link_piece(
    ed: Ed,
    id: LinkId,
    key: &LinkKey,
    prev: Option<&Piece>,
    ends: &Ends,
) -> Piece {
    let link = &key.link;
    let (selected, traced, lifted) = key.flags;
    let sel = if selected { " selected" } else { "" };
    let traced = if traced { " traced" } else { "" };
    let up = if lifted { " lifted" } else { "" };
    let class = format!("link d-{}{sel}{traced}{up}", link.direction.as_str());
    if lifted && let Some(p) = prev {
        return Piece { class, ..p.clone() };
    }
    let geom = super::frames::curve_in(
        &ends.around,
        id,
        (link.from, link.to),
        ends.of(ed, link.from),
        ends.of(ed, link.to),
    );
    let mut inner = String::with_capacity(192);
    // The name (a `<title>`): on a large map made only for the selected link, which is the
    // focused one, and on hover (see [`name_link`]): 8,000 titles were a third of its elements.
    if selected || ends.titled {
        let name = super::link_keys::link_name(ed, link);
        let _ = write!(inner, "<title>{}</title>", esc(&name));
    }
    let Some(k) = geom else {
        return Piece {
            class,
            aria: String::new(),
            hidden: true,
            inner,
        };
    };
    let arrow = r#""url(#map-arrow)""#;
    // One path a link: a click near it finds it by its geometry (`frames::link_near`), as the
    // wide invisible path that used to lie under each line did (8,000 elements fewer).
    inner.push_str(r#"<path class="line" d=""#);
    path_d(&mut inner, &k);
    let _ = write!(
        inner,
        r#""{}{}></path>"#,
        if link.direction != Direction::None {
            format!(" marker-end={arrow}")
        } else {
            String::new()
        },
        if link.direction == Direction::Both {
            format!(" marker-start={arrow}")
        } else {
            String::new()
        },
    );
    if link.polarity != Polarity::None {
        // Beside the arrowhead, on the left of the line's direction.
        let at = k.sign_at();
        let _ = write!(
            inner,
            r#"<text class="polarity" x="{}" y="{}">{}</text>"#,
            at.x,
            at.y,
            esc(link.polarity.sign())
        );
    }
    // A background the size the placement code gives the label, so a line never runs through
    // its words and nothing placed covers it.
    let mid: Point = k.mid;
    if !ends.tiny
        && let Some(r) = crate::analysis::placement::label_box(&link.label, mid, ends.metrics)
    {
        let _ = write!(
            inner,
            r#"<rect class="link-label-back" x="{}" y="{}" width="{}" height="{}" rx="4"></rect><text class="link-label" x="{}" y="{}" dominant-baseline="central">{}</text>"#,
            r.x0,
            r.y0,
            r.w(),
            r.h(),
            (r.x0 + r.x1) / 2.0,
            (r.y0 + r.y1) / 2.0,
            esc(&link.label)
        );
    }
    Piece {
        class,
        aria: String::new(),
        hidden: false,
        inner,
    }
}

/// Gives a drawn link its name (a `<title>`: the tooltip, and what a screen reader reads) when
/// the pointer comes over it, if it has none yet.
pub(super) fn name_link(ed: Ed, el: &web_sys::Element, id: LinkId) {
    if el.query_selector(":scope > title").ok().flatten().is_some() {
        return;
    }
    let name = ed
        .live_link(id)
        .with_untracked(|l| super::link_keys::link_name(ed, l));
    let _ = el.insert_adjacent_html("afterbegin", &format!("<title>{}</title>", esc(&name)));
}

pub(super) fn node_markup(out: &mut String, id: NodeId, p: &Piece) {
    let _ = write!(
        out,
        r#"<g class="{}" data-node="{id}" tabindex="0" role="button" aria-label="{}">{}</g>"#,
        p.class,
        esc(&p.aria),
        p.inner
    );
}

pub(super) fn link_markup(out: &mut String, id: LinkId, p: &Piece) {
    let _ = write!(
        out,
        r#"<g class="{}" data-link="{id}" tabindex="-1"{}>{}</g>"#,
        p.class,
        if p.hidden { " hidden" } else { "" },
        p.inner
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_text() {
        assert_eq!(
            esc(r#"<b>"A" & 'B'</b>"#),
            "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn coordinates_to_a_tenth() {
        let s = |v: f64| Fx(v).to_string();
        assert_eq!(s(12.0), "12");
        assert_eq!(s(12.34), "12.3");
        assert_eq!(s(-0.25), "-0.3");
        assert_eq!(s(-0.04), "0");
        assert_eq!(s(-3.5), "-3.5");
        assert_eq!(s(f64::NAN), "NaN");
    }

    #[test]
    fn names_read_as_before() {
        assert_eq!(node_name("  a\nb ", Some("Actor"), 1), "a b, Actor, 1 link");
        assert_eq!(node_name("", None, 2), "(no label), 2 links");
    }
}
