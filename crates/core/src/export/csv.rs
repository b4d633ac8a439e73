//! CSV writing shared by the exports: RFC 4180 quoting by `csv_core` (the allocation-free
//! writer under the `csv` crate), and the guard against spreadsheet formulas.

/// Defuses a cell a spreadsheet would run as a formula: one that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'` (OWASP's advice for CSV injection), so
/// Excel, LibreOffice and Google Sheets show it as text. A cell that already starts with quotes
/// before such a character gets one more, so `crate::import::csv::undefuse` can always give back
/// the original.
pub fn defuse(cell: &str) -> String {
    if starts_formula(cell.trim_start_matches('\'')) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Whether a spreadsheet would read the cell as a formula.
pub fn starts_formula(cell: &str) -> bool {
    matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// Writes CSV rows with `csv_core` (RFC 4180: a field is quoted when it holds a comma, quote or
/// line break, and quotes inside are doubled); rows end with `\n`.
pub struct CsvWriter {
    core: csv_core::Writer,
    out: Vec<u8>,
}

impl CsvWriter {
    pub fn new() -> CsvWriter {
        CsvWriter {
            core: csv_core::Writer::new(),
            out: Vec::new(),
        }
    }

    /// Runs one step of the writer until it has written everything it wants to.
    fn drain(&mut self, mut step: impl FnMut(&mut csv_core::Writer, &mut [u8]) -> (bool, usize)) {
        let mut buf = [0u8; 256];
        loop {
            let (done, n) = step(&mut self.core, &mut buf);
            self.out.extend_from_slice(&buf[..n]);
            if done {
                break;
            }
        }
    }

    pub fn row<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) {
        use csv_core::WriteResult::InputEmpty;
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.drain(|w, buf| {
                    let (r, n) = w.delimiter(buf);
                    (r == InputEmpty, n)
                });
            }
            let mut input = field.as_bytes();
            self.drain(|w, buf| {
                let (r, read, n) = w.field(input, buf);
                input = &input[read..];
                (r == InputEmpty, n)
            });
        }
        self.drain(|w, buf| {
            let (r, n) = w.terminator(buf);
            (r == InputEmpty, n)
        });
    }

    pub fn finish(mut self) -> String {
        use csv_core::WriteResult::InputEmpty;
        self.drain(|w, buf| {
            let (r, n) = w.finish(buf);
            (r == InputEmpty, n)
        });
        // Every field came from a `&str` and the quoting is ASCII, so this is UTF-8.
        String::from_utf8(self.out).unwrap_or_default()
    }
}

impl Default for CsvWriter {
    fn default() -> CsvWriter {
        CsvWriter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_defused() {
        assert_eq!(defuse("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(defuse("+44 1743"), "'+44 1743");
        assert_eq!(defuse("-5%"), "'-5%");
        assert_eq!(defuse("@cmd"), "'@cmd");
        assert_eq!(defuse("\tx"), "'\tx");
        assert_eq!(defuse("GPs"), "GPs");
        assert_eq!(defuse(""), "");
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut w = CsvWriter::new();
        w.row(["plain", "a,b", "say \"hi\"", "two\nlines", ""]);
        assert_eq!(
            w.finish(),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n"
        );
    }
}
