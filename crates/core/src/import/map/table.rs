//! The elements and connections tables (Kumu's spreadsheet shape, and ours): one or two CSV
//! files, told apart by their header. Elements need a `Label` column (and may have `ID`,
//! `Type`, `Colour`, `Shape`, `X`, `Y`, `Description`: the node's notes); connections need
//! `From` and `To` (and may have `ID`, `Label`, `Direction`, `Polarity`, `From ID`, `To ID`). Column names are matched without
//! regard to case. Cells our export defused against spreadsheet formulas are restored.

use super::{Builder, Imported, Source, direction, number, polarity};
use crate::import::csv::{records, undefuse};
use crate::model::map::{Direction, Point, Shape};

struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn col(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.header.iter().position(|h| h == n))
    }
}

fn cell(row: &[String], col: Option<usize>) -> Option<String> {
    col.and_then(|c| row.get(c)).map(|s| undefuse(s))
}

pub fn import(texts: &[&str], id: String) -> Result<Imported, String> {
    let mut elements = None;
    let mut connections = None;
    for (i, text) in texts.iter().enumerate() {
        let mut rows = records(text);
        if rows.is_empty() {
            return Err(format!("File {} is empty.", i + 1));
        }
        let header: Vec<String> = rows
            .remove(0)
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect();
        let t = Table { header, rows };
        if t.col(&["from"]).is_some() && t.col(&["to"]).is_some() {
            connections = Some(t);
        } else if t.col(&["label"]).is_some() {
            elements = Some(t);
        } else {
            return Err(format!(
                "File {}: its first row names neither a \u{201c}Label\u{201d} column (elements) nor \u{201c}From\u{201d} and \u{201c}To\u{201d} columns (connections).",
                i + 1
            ));
        }
    }
    let mut b = Builder::new(id, "", Source::Csv);
    let mut by_label = std::collections::HashMap::new();
    if let Some(t) = &elements {
        let (c_id, c_label, c_type) = (t.col(&["id"]), t.col(&["label"]), t.col(&["type"]));
        let (c_colour, c_shape) = (t.col(&["colour", "color"]), t.col(&["shape"]));
        let (c_x, c_y) = (t.col(&["x"]), t.col(&["y"]));
        let c_notes = t.col(&["description", "notes"]);
        for (i, row) in t.rows.iter().enumerate() {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let label = cell(row, c_label).unwrap_or_default();
            let key = cell(row, c_id)
                .filter(|k| !k.is_empty())
                .unwrap_or_else(|| format!("#row-{}", i + 2));
            let at = number(cell(row, c_x).as_deref())
                .zip(number(cell(row, c_y).as_deref()))
                .map(|(x, y)| Point::new(x, y));
            let node = b.node(&key, &label, at)?;
            if let Some(notes) = cell(row, c_notes) {
                b.describe(node, &notes);
            }
            by_label.entry(label).or_insert(key);
            if let Some(kind) = cell(row, c_type) {
                let shape = cell(row, c_shape).and_then(|s| Shape::parse(&s));
                b.kind(node, &kind, cell(row, c_colour).as_deref(), shape);
            }
        }
    }
    if let Some(t) = &connections {
        let (c_from, c_to) = (t.col(&["from"]), t.col(&["to"]));
        let (c_from_id, c_to_id) = (t.col(&["from id"]), t.col(&["to id"]));
        let (c_label, c_dir, c_pol) = (
            t.col(&["label"]),
            t.col(&["direction"]),
            t.col(&["polarity"]),
        );
        for (i, row) in t.rows.iter().enumerate() {
            if row.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let line = i + 2;
            let end = |ids: Option<usize>, names: Option<usize>| -> Result<String, String> {
                if let Some(k) = cell(row, ids).filter(|k| b.has(k)) {
                    return Ok(k);
                }
                let v = cell(row, names).unwrap_or_default();
                if v.trim().is_empty() {
                    return Err(format!(
                        "Connections, line {line}: the \u{201c}From\u{201d} or \u{201c}To\u{201d} cell is empty."
                    ));
                }
                Ok(by_label.get(&v).cloned().unwrap_or(v))
            };
            let from = end(c_from_id, c_from)?;
            let to = end(c_to_id, c_to)?;
            let dir = match cell(row, c_dir) {
                Some(d) if !d.trim().is_empty() => direction(&d).ok_or_else(|| {
                    format!(
                        "Connections, line {line}: the direction \u{201c}{d}\u{201d} is not directed, mutual or undirected."
                    )
                })?,
                _ => Direction::Forward,
            };
            let pol = polarity(&cell(row, c_pol).unwrap_or_default());
            b.link(
                &from,
                &to,
                &cell(row, c_label).unwrap_or_default(),
                dir,
                pol,
                true,
            )?;
        }
    }
    Ok(b.finish())
}
