//! What one item looks like on the board now, as its live signal holds it.

use crate::geometry::Point;
use crate::model::picture::{Item, Picture};

/// What one item looks like now: the item, and where its ends are if it is an arrow (they
/// follow the items they are attached to).
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub item: Item,
    pub ends: Option<(Point, Point)>,
}

pub fn shown_of(p: &Picture, item: &Item) -> Shown {
    Shown {
        item: item.clone(),
        ends: match item {
            Item::Arrow(a) => crate::export::picture::arrow_ends(p, a),
            _ => None,
        },
    }
}
