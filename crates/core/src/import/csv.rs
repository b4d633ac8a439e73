//! Reading CSV into rows of fields with `csv_core` (RFC 4180 quoting, any line ending, a UTF-8
//! byte-order mark ignored).

/// Splits CSV text into records of fields. Never fails: like `csv_core`, it prefers a parse to
/// no parse; the callers check what the fields mean.
pub fn records(text: &str) -> Vec<Vec<String>> {
    records_by(text, b',')
}

/// [`records`] with another separator between fields (`;` as spreadsheets in many locales
/// write CSV, a tab in "Unicode text").
pub fn records_by(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    use csv_core::ReadRecordResult::*;
    let input = text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes();
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut rows = Vec::new();
    let mut pos = 0;
    let mut out = vec![0u8; input.len().max(64)];
    let mut ends = vec![0usize; 16];
    let (mut out_len, mut ends_len) = (0, 0);
    loop {
        let (result, read, written, ended) =
            reader.read_record(&input[pos..], &mut out[out_len..], &mut ends[ends_len..]);
        pos += read;
        out_len += written;
        ends_len += ended;
        match result {
            InputEmpty => {
                if pos >= input.len() {
                    // Tell the reader the input is over; it may still finish a record.
                    continue_at_end(
                        &mut reader,
                        &mut out,
                        &mut ends,
                        &mut out_len,
                        &mut ends_len,
                        &mut rows,
                    );
                    return rows;
                }
            }
            OutputFull => out.resize(out.len() * 2, 0),
            OutputEndsFull => ends.resize(ends.len() * 2, 0),
            Record => {
                rows.push(fields(&out[..out_len], &ends[..ends_len]));
                out_len = 0;
                ends_len = 0;
            }
            End => return rows,
        }
    }
}

fn continue_at_end(
    reader: &mut csv_core::Reader,
    out: &mut Vec<u8>,
    ends: &mut Vec<usize>,
    out_len: &mut usize,
    ends_len: &mut usize,
    rows: &mut Vec<Vec<String>>,
) {
    use csv_core::ReadRecordResult::*;
    loop {
        let (result, _, written, ended) =
            reader.read_record(&[], &mut out[*out_len..], &mut ends[*ends_len..]);
        *out_len += written;
        *ends_len += ended;
        match result {
            Record => {
                rows.push(fields(&out[..*out_len], &ends[..*ends_len]));
                *out_len = 0;
                *ends_len = 0;
            }
            OutputFull => out.resize(out.len() * 2, 0),
            OutputEndsFull => ends.resize(ends.len() * 2, 0),
            End | InputEmpty => return,
        }
    }
}

fn fields(out: &[u8], ends: &[usize]) -> Vec<String> {
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let f = String::from_utf8_lossy(&out[start..end]).into_owned();
            start = end;
            f
        })
        .collect()
}

/// Undoes `crate::export::csv::defuse`: a cell that starts with `'` before a formula character
/// (after any further quotes) loses that one `'`.
pub fn undefuse(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if crate::export::csv::starts_formula(rest.trim_start_matches('\'')) => {
            rest.to_string()
        }
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_line_breaks_and_a_bom() {
        let rows = records("\u{feff}a,b\r\n\"x, y\",\"say \"\"hi\"\"\nthere\"\nlast,\n");
        assert_eq!(
            rows,
            vec![
                vec!["a".to_string(), "b".into()],
                vec!["x, y".into(), "say \"hi\"\nthere".into()],
                vec!["last".into(), "".into()],
            ]
        );
    }

    #[test]
    fn no_final_newline_and_many_fields() {
        let wide = (0..100)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let rows = records(&format!("{wide}\nend"));
        assert_eq!(rows[0].len(), 100);
        assert_eq!(rows[1], vec!["end".to_string()]);
    }

    #[test]
    fn what_our_writer_writes_reads_back() {
        let mut w = crate::export::csv::CsvWriter::new();
        let row = ["plain", "a,b", "\"q\"", "two\nlines", "", "🙂 الخدمة"];
        w.row(row);
        assert_eq!(records(&w.finish()), vec![row.map(String::from).to_vec()]);
    }
}
