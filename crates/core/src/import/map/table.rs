//! The elements and connections tables (Kumu's spreadsheet shape, and ours): one or two CSV
//! files, told apart by their header. Elements need a `Label` column (and may have `ID`,
//! `Type`, `Colour`, `Shape`, `X`, `Y`, `Description`: the node's notes); connections need
//! `From` and `To` (and may have `ID`, `Label`, `Direction`, `Polarity`, `From ID`, `To ID`). Column names are matched without
//! regard to case. Cells our export defused against spreadsheet formulas are restored.
//!
//! The separator is read from each file's first line: a comma, or a semicolon or a tab as
//! spreadsheets in many locales (and Excel's "Unicode text") write them, or the one Excel's
//! `sep=;` line names; with those, numbers may have a decimal comma (`120,5`). Ids and the ends
//! of connections are matched without spaces around them, as typed into a spreadsheet by
//! accident ("GP " is the element "GP").

use super::{Builder, Imported, Source, direction, polarity};
use crate::import::csv::{records_by, undefuse};
use crate::import::limits::MAX_CSV_CELLS;
use crate::model::map::{Direction, Point, Shape};

struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// The separator between cells, so numbers know whether a comma is a decimal comma.
    delimiter: u8,
}

/// Excel's `sep=;` first line, which names the separator: the separator and the text after
/// that line, or none and the text (without a BOM).
fn split_sep(text: &str) -> (Option<u8>, &str) {
    let text = text.trim_start_matches('\u{feff}');
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first = first.trim_end_matches('\r').trim_matches('"');
    match first.get(..4).filter(|s| s.eq_ignore_ascii_case("sep=")) {
        Some(_) if first.len() == 5 && first.is_char_boundary(4) => {
            (Some(first.as_bytes()[4]), rest)
        }
        _ => (None, text),
    }
}

/// The separator a table uses: the one a `sep=` line names, else the most frequent of `,`, `;`
/// and tab outside quotes on its first line (a comma when none is there, or on a tie with it).
pub fn delimiter(text: &str) -> u8 {
    let (sep, text) = split_sep(text);
    if let Some(sep) = sep {
        return sep;
    }
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.trim_start_matches('\u{feff}').bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).rev().max_by_key(|&i| counts[i]).unwrap_or(0);
    if counts[best] > counts[0] {
        [b',', b';', b'\t'][best]
    } else {
        b','
    }
}

/// The header of a table: its first line's cells, trimmed and lower-cased.
pub fn header(text: &str) -> Vec<String> {
    let delimiter = delimiter(text);
    let line = split_sep(text).1;
    line.lines()
        .next()
        .unwrap_or("")
        .split(char::from(delimiter))
        .map(|c| c.trim().trim_matches('"').trim().to_lowercase())
        .collect()
}

impl Table {
    /// A number in a cell; where cells are not separated by commas, a decimal comma too, with
    /// points or spaces grouping the thousands (`1.234,5`, `1 234,5`).
    fn number(&self, cell: Option<&str>) -> Option<f64> {
        let cell = cell?.trim();
        let cell = if self.delimiter != b',' && cell.contains(',') {
            std::borrow::Cow::Owned(
                cell.replace(['.', ' ', '\u{a0}', '\u{202f}'], "")
                    .replacen(',', ".", 1),
            )
        } else {
            std::borrow::Cow::Borrowed(cell)
        };
        super::number(Some(&cell))
    }
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
        let delimiter = delimiter(text);
        // The same bound as `limits::csv_cells`, counted by this table's own separator.
        let cells = 1 + text
            .bytes()
            .filter(|&c| c == delimiter || c == b'\n' || c == b'\r')
            .count();
        if cells > MAX_CSV_CELLS {
            return Err(format!(
                "File {}: the table has about {cells} fields; this app reads up to {MAX_CSV_CELLS}.",
                i + 1
            ));
        }
        let mut rows = records_by(split_sep(text).1, delimiter);
        if rows.is_empty() {
            return Err(format!("File {} is empty.", i + 1));
        }
        let header: Vec<String> = rows
            .remove(0)
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect();
        let t = Table {
            header,
            rows,
            delimiter,
        };
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
                .map(|k| k.trim().to_string())
                .filter(|k| !k.is_empty())
                .unwrap_or_else(|| format!("#row-{}", i + 2));
            let at = t
                .number(cell(row, c_x).as_deref())
                .zip(t.number(cell(row, c_y).as_deref()))
                .map(|(x, y)| Point::new(x, y));
            let node = b.node(&key, &label, at)?;
            if let Some(notes) = cell(row, c_notes) {
                b.describe(node, &notes);
            }
            // Spreadsheet cells often keep a space typed by accident: "GP " is "GP".
            by_label.entry(label.trim().to_string()).or_insert(key);
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
                if let Some(k) = cell(row, ids)
                    .map(|k| k.trim().to_string())
                    .filter(|k| b.has(k))
                {
                    return Ok(k);
                }
                let v = cell(row, names).unwrap_or_default().trim().to_string();
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
