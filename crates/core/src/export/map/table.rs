//! The two tables Kumu's spreadsheet import reads (and any spreadsheet opens): elements, one
//! row a node, and connections, one row a link. `From` and `To` hold the labels Kumu matches
//! on; `From ID` and `To ID` make the link exact when labels repeat. Both files start with a
//! byte order mark so Excel reads UTF-8, and cells a spreadsheet would run as a formula are
//! defused (see `crate::export::csv::defuse`).

use super::{kind_hex, kind_name, kumu_direction};
use crate::export::csv::{CsvWriter, defuse};
use crate::model::map::ConceptMap;

pub const ELEMENT_COLUMNS: [&str; 8] = [
    "ID",
    "Label",
    "Type",
    "Colour",
    "Shape",
    "X",
    "Y",
    "Description",
];
pub const CONNECTION_COLUMNS: [&str; 8] = [
    "ID",
    "From",
    "To",
    "Label",
    "Direction",
    "Polarity",
    "From ID",
    "To ID",
];

pub fn elements(map: &ConceptMap) -> String {
    let mut w = CsvWriter::new();
    w.row(ELEMENT_COLUMNS);
    for n in &map.nodes {
        let kind = n.kind.and_then(|k| map.kind(k));
        let id = format!("n{}", n.id);
        let label = defuse(&n.label);
        let ty = defuse(kind_name(map, n));
        let shape = kind.map_or("", |k| k.shape.as_str());
        let (x, y) = (n.x.to_string(), n.y.to_string());
        let notes = defuse(&n.notes);
        w.row([
            id.as_str(),
            &label,
            &ty,
            kind_hex(kind),
            shape,
            &x,
            &y,
            &notes,
        ]);
    }
    format!("\u{feff}{}", w.finish())
}

pub fn connections(map: &ConceptMap) -> String {
    let mut w = CsvWriter::new();
    w.row(CONNECTION_COLUMNS);
    for l in super::node_links(map) {
        let name = |id| defuse(map.node(id).map_or("", |n| n.label.as_str()));
        let direction = kumu_direction(l.direction);
        let (id, from_id, to_id) = (
            format!("e{}", l.id),
            format!("n{}", l.from),
            format!("n{}", l.to),
        );
        let (from, to, label) = (name(l.from), name(l.to), defuse(&l.label));
        w.row([
            id.as_str(),
            &from,
            &to,
            &label,
            direction,
            l.polarity.as_str(),
            &from_id,
            &to_id,
        ]);
    }
    format!("\u{feff}{}", w.finish())
}
