//! Repairing a picture read from storage.

use super::{End, Item, ItemId, MAX_SIZE, MIN_SIZE, MIN_TEXT, PALETTE, Picture};
use crate::geometry::Point;

impl Picture {
    /// Makes a picture read from storage safe: unique ids, finite numbers, readable strokes,
    /// arrows that point at items that exist, a `next_id` past every id. Reports each fix.
    pub fn repair(&mut self, report: &mut Vec<String>) {
        let what = format!("picture \u{201c}{}\u{201d}", self.display_title());
        let mut seen = std::collections::HashSet::new();
        let before = self.items.len();
        self.items.retain(|i| seen.insert(i.id()));
        let finite = |v: f64| v.is_finite();
        self.items.retain(|i| match i {
            Item::Stroke(s) => finite(s.width) && s.unreadable.is_none(),
            Item::Sticker(s) => finite(s.x) && finite(s.y) && finite(s.size) && finite(s.rotation),
            Item::Text(t) => finite(t.x) && finite(t.y) && finite(t.size) && finite(t.rotation),
            Item::Arrow(a) => finite(a.width),
            Item::Shape(s) => [s.x, s.y, s.w, s.h, s.rotation, s.width]
                .into_iter()
                .all(finite),
        });
        if self.items.len() < before {
            report.push(format!(
                "{what}: {} items were damaged or repeated an id and were dropped",
                before - self.items.len()
            ));
        }
        let ids: std::collections::HashSet<ItemId> = self.items.iter().map(Item::id).collect();
        let anchors: Vec<(ItemId, Point)> = ids
            .iter()
            .filter_map(|id| Some((*id, self.anchor(*id)?)))
            .collect();
        let mut loose = 0;
        for item in &mut self.items {
            if let Item::Arrow(a) = item {
                for end in [&mut a.from, &mut a.to] {
                    match *end {
                        End::Item { item } if !anchors.iter().any(|(id, _)| *id == item) => {
                            *end = End::Point { x: 0.0, y: 0.0 };
                            loose += 1;
                        }
                        End::Point { x, y } if !x.is_finite() || !y.is_finite() => {
                            *end = End::Point { x: 0.0, y: 0.0 };
                            loose += 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        if loose > 0 {
            report.push(format!(
                "{what}: {loose} arrow ends pointed nowhere and were put in the middle"
            ));
        }
        for item in &mut self.items {
            match item {
                Item::Stroke(s) => s.colour %= PALETTE.len() as u8,
                Item::Text(t) => t.colour %= PALETTE.len() as u8,
                Item::Arrow(a) => a.colour %= PALETTE.len() as u8,
                Item::Shape(s) => s.colour %= PALETTE.len() as u8,
                Item::Sticker(_) => {}
            }
        }
        let mut clamped = 0;
        let mut bound = |v: &mut f64, lo: f64, hi: f64| {
            let c = v.clamp(lo, hi);
            clamped += usize::from(c != *v);
            *v = c;
        };
        let (far, wide) = (crate::model::map::MAX_COORD, 20.0 * MAX_SIZE);
        for item in &mut self.items {
            match item {
                Item::Stroke(s) => bound(&mut s.width, 0.5, 64.0),
                Item::Sticker(s) => {
                    bound(&mut s.x, -far, far);
                    bound(&mut s.y, -far, far);
                    bound(&mut s.size, MIN_SIZE, MAX_SIZE);
                    bound(&mut s.rotation, -360.0, 360.0);
                }
                Item::Text(t) => {
                    bound(&mut t.x, -far, far);
                    bound(&mut t.y, -far, far);
                    bound(&mut t.size, MIN_TEXT, MAX_SIZE);
                    bound(&mut t.rotation, -360.0, 360.0);
                }
                Item::Arrow(a) => {
                    bound(&mut a.width, 0.5, 64.0);
                    for end in [&mut a.from, &mut a.to] {
                        if let End::Point { x, y } = end {
                            bound(x, -far, far);
                            bound(y, -far, far);
                        }
                    }
                }
                Item::Shape(s) => {
                    bound(&mut s.x, -far, far);
                    bound(&mut s.y, -far, far);
                    bound(&mut s.w, MIN_SIZE / 4.0, wide);
                    bound(&mut s.h, MIN_SIZE / 4.0, wide);
                    bound(&mut s.rotation, -360.0, 360.0);
                    bound(&mut s.width, 0.5, 64.0);
                }
            }
        }
        if clamped > 0 {
            report.push(format!(
                "{what}: {clamped} sizes or places were out of range and were brought within it"
            ));
        }
        if !self.view.is_valid() {
            self.view = Picture::new(String::new(), "").view;
        }
        let max = ids.iter().copied().max().unwrap_or(0);
        if max >= crate::model::map::ID_CEILING || self.next_id >= crate::model::map::ID_CEILING {
            // Ids 1, 2, 3… in drawing order, arrows' ends following what they join.
            let new: std::collections::HashMap<ItemId, ItemId> = self
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| (item.id(), i as ItemId + 1))
                .collect();
            for item in &mut self.items {
                item.set_id(new[&item.id()]);
                if let Item::Arrow(a) = item {
                    for end in [&mut a.from, &mut a.to] {
                        if let End::Item { item } = end {
                            *item = new.get(&*item).copied().unwrap_or(*item);
                        }
                    }
                }
            }
            self.next_id = self.items.len() as ItemId + 1;
            report.push(format!(
                "{what}: its ids were near the largest an id can be and were renumbered"
            ));
        } else if self.next_id <= max {
            self.next_id = max + 1;
        }
    }
}
