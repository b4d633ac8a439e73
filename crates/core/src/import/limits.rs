//! The guards every reader calls before it parses: cheap linear scans that refuse input which
//! would make a parser recurse deeper than the browser's stack allows, or expand into more than
//! the app can hold. Each scan tokenizes the way its parser does (strings, comments, CDATA), so
//! nothing a file hides in a string or comment can make the scan and the parser disagree about
//! how deep the input goes; where a scan cannot be sure, it counts deeper, never shallower.
//!
//! - XML (GraphML, GEXF, CXL, SVG maps and pictures): `roxmltree` parses elements recursively
//!   (one call pair per open element), so [`xml_depth`] counts open elements first.
//! - DOT: the `dot-parser` grammar (pest) recurses per nested `{ }`, per edge in a chain, per
//!   attribute in a list and per list in a row of lists; [`dot_depth`] adds them up.
//!   It also bounds the parser's time: a subgraph is read twice per level of nesting (the
//!   grammar tries it as an edge first), so 30 levels would take 2^30 readings.
//! - JSON: `serde_json` stops at 128 levels by itself (its recursion limit is on: the crate's
//!   `unbounded_depth` feature is not enabled), so JSON needs no scan of its own.
//! - CSV: [`csv_cells`] bounds the number of fields before any row is built.

/// The deepest XML this app reads (open elements inside each other). Real files are a few
/// levels deep; a trap in the browser came at a few thousand.
pub const MAX_XML_DEPTH: usize = 256;
/// The most nested `{ }`, edges in one chain and attributes in one row of lists, added up, in a
/// DOT file.
pub const MAX_DOT_DEPTH: usize = 150;
/// The most `{ }` inside each other in a DOT file. The grammar tries a statement as an edge
/// before it tries it as a subgraph, so each level reads what is inside it twice: the work
/// doubles with every level.
pub const MAX_DOT_NESTING: usize = 8;
/// The most work a DOT file may ask of the parser: each token counts 2^(levels of `{ }` around
/// it, less one), so deep nesting is refused in proportion to the size of what it holds.
pub const MAX_DOT_WORK: u64 = 2_000_000;
/// The most fields a CSV file may hold (a map's two tables at their largest are far fewer).
pub const MAX_CSV_CELLS: usize = 1_000_000;

/// Refuses XML nested deeper than [`MAX_XML_DEPTH`], and DTDs (which the parser refuses too),
/// naming the line. Comments, CDATA, processing instructions and quoted attribute values are
/// skipped exactly as the parser reads them.
pub fn xml_depth(text: &str) -> Result<(), String> {
    let b = text.as_bytes();
    let find = |from: usize, pat: &[u8]| -> usize {
        b.get(from..)
            .and_then(|rest| rest.windows(pat.len()).position(|w| w == pat))
            .map_or(b.len(), |p| from + p + pat.len())
    };
    let line = |at: usize| 1 + b[..at.min(b.len())].iter().filter(|&&c| c == b'\n').count();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i = b[i..]
                .iter()
                .position(|&c| c == b'<')
                .map_or(b.len(), |p| i + p);
            continue;
        }
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            i = find(i + 4, b"-->");
        } else if rest.starts_with(b"<![CDATA[") {
            i = find(i + 9, b"]]>");
        } else if rest.starts_with(b"<?") {
            i = find(i + 2, b"?>");
        } else if rest.starts_with(b"<!") {
            return Err(
                "The file declares a DTD; for safety, files with DTDs are not read.".to_string(),
            );
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            i = find(i + 2, b">");
        } else {
            // A start tag: to its `>`, stepping over quoted attribute values.
            let mut j = i + 1;
            let mut open = true;
            while j < b.len() {
                match b[j] {
                    q @ (b'"' | b'\'') => {
                        j = b[j + 1..]
                            .iter()
                            .position(|&c| c == q)
                            .map_or(b.len(), |p| j + 1 + p);
                    }
                    b'>' => {
                        open = b[j - 1] != b'/';
                        break;
                    }
                    _ => {}
                }
                j += 1;
            }
            if open {
                depth += 1;
                if depth > MAX_XML_DEPTH {
                    return Err(format!(
                        "Line {}: the file's elements are nested more than {MAX_XML_DEPTH} deep, \
                         deeper than this app reads.",
                        line(i)
                    ));
                }
            }
            i = j + 1;
        }
    }
    Ok(())
}

/// What came before the current DOT token, as far as the depth count cares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    Edge,
    Colon,
    Subgraph,
    ListEnd,
    Other,
}

/// Refuses DOT that would make the parser recurse more than [`MAX_DOT_DEPTH`] deep, naming the
/// line. Strings end where the grammar ends them (a `\"` never ends one, whatever comes before
/// the backslash), HTML-like ids run to their matching `>` (nested `<>` counted, quotes inside
/// are text), comments end at any line break (`\n`, `\r\n` or `\r`).
pub fn dot_depth(text: &str) -> Result<(), String> {
    let b = text.as_bytes();
    let mut line = 1;
    // One chain length per open `{`; the sum of them, the open braces and the current row of
    // attributes is how deep the parser is.
    let mut chains: Vec<usize> = Vec::new();
    let mut chain_sum = 0usize;
    let mut attrs = 0usize;
    let mut in_list = false;
    let mut prev = Prev::Other;
    let mut work = 0u64;
    let mut i = 0;
    let too_deep = |line: usize, what: &str| {
        Err(format!(
            "Line {line}: {what} goes deeper than this app reads (at most {MAX_DOT_NESTING} levels \
             of {{ }}; {MAX_DOT_DEPTH} of {{ }}, edges in a chain and attributes together)."
        ))
    };
    let newline =
        |b: &[u8], at: usize| b[at] == b'\n' || (b[at] == b'\r' && b.get(at + 1) != Some(&b'\n'));
    while i < b.len() {
        let c = b[i];
        // Whitespace and comments do not change `prev`.
        if c.is_ascii_whitespace() {
            line += usize::from(newline(b, i));
            i += 1;
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                i += 1;
            }
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                line += usize::from(newline(b, i));
                i += 1;
            }
            i += 2;
            continue;
        }
        work += 1u64 << chains.len().saturating_sub(1).min(40);
        if work > MAX_DOT_WORK {
            return too_deep(line, "the nesting of { } around this much text");
        }
        if prev == Prev::ListEnd && c != b'[' {
            attrs = 0;
        }
        let reset_chain = |chains: &mut Vec<usize>, chain_sum: &mut usize| {
            if let Some(ch) = chains.last_mut() {
                *chain_sum -= *ch;
                *ch = 0;
            }
        };
        let is_edge = c == b'-' && matches!(b.get(i + 1), Some(b'-' | b'>'));
        if is_edge {
            i += 2;
            if let Some(ch) = chains.last_mut() {
                *ch += 1;
                chain_sum += 1;
            }
            prev = Prev::Edge;
            if chains.len() + chain_sum + attrs > MAX_DOT_DEPTH {
                return too_deep(line, "a chain of edges");
            }
            continue;
        }
        match c {
            b'{' => {
                chains.push(0);
                prev = Prev::Other;
                if chains.len() > MAX_DOT_NESTING
                    || chains.len() + chain_sum + attrs > MAX_DOT_DEPTH
                {
                    return too_deep(line, "the nesting of { }");
                }
                i += 1;
            }
            b'}' => {
                if let Some(ch) = chains.pop() {
                    chain_sum -= ch;
                }
                prev = Prev::Other;
                i += 1;
            }
            b'[' => {
                attrs = if prev == Prev::ListEnd { attrs + 1 } else { 1 };
                reset_chain(&mut chains, &mut chain_sum);
                in_list = true;
                prev = Prev::Other;
                if chains.len() + chain_sum + attrs > MAX_DOT_DEPTH {
                    return too_deep(line, "a list of attributes");
                }
                i += 1;
            }
            b']' => {
                in_list = false;
                prev = Prev::ListEnd;
                i += 1;
            }
            b'=' => {
                if in_list {
                    attrs += 1;
                    if chains.len() + chain_sum + attrs > MAX_DOT_DEPTH {
                        return too_deep(line, "a list of attributes");
                    }
                }
                prev = Prev::Other;
                i += 1;
            }
            b':' => {
                prev = Prev::Colon;
                i += 1;
            }
            b';' | b',' => {
                if !in_list {
                    reset_chain(&mut chains, &mut chain_sum);
                }
                prev = Prev::Other;
                i += 1;
            }
            _ => {
                // An id: a quoted string, an HTML-like id or a word (keywords included: the
                // grammar takes `node` for an id where no space follows it).
                let start = i;
                if c == b'"' {
                    i += 1;
                    while i < b.len() {
                        if b[i] == b'\\' && b.get(i + 1) == Some(&b'"') {
                            i += 2;
                            continue;
                        }
                        if b[i] == b'"' {
                            break;
                        }
                        line += usize::from(newline(b, i));
                        i += 1;
                    }
                    i += 1;
                } else if c == b'<' {
                    let mut open = 0usize;
                    while i < b.len() {
                        match b[i] {
                            b'<' => open += 1,
                            b'>' => open -= 1,
                            _ => line += usize::from(newline(b, i)),
                        }
                        i += 1;
                        if open == 0 {
                            break;
                        }
                    }
                } else if c.is_ascii_alphanumeric()
                    || c == b'_'
                    || c == b'.'
                    || c == b'-'
                    || c >= 0x80
                {
                    i += 1;
                    while i < b.len()
                        && (b[i].is_ascii_alphanumeric()
                            || b[i] == b'_'
                            || b[i] == b'.'
                            || b[i] >= 0x80)
                    {
                        i += 1;
                    }
                } else {
                    // Anything else ends what came before; the parser refuses it.
                    i += 1;
                    reset_chain(&mut chains, &mut chain_sum);
                    prev = Prev::Other;
                    continue;
                }
                let word = &b[start..i.min(b.len())];
                if !in_list && !matches!(prev, Prev::Edge | Prev::Colon | Prev::Subgraph) {
                    reset_chain(&mut chains, &mut chain_sum);
                }
                prev = if word == b"subgraph" {
                    Prev::Subgraph
                } else {
                    Prev::Other
                };
            }
        }
    }
    Ok(())
}

/// Refuses CSV text with more than [`MAX_CSV_CELLS`] fields, counted as separators (commas
/// and line ends, quoted ones too, so never fewer than the parser finds).
pub fn csv_cells(text: &str) -> Result<(), String> {
    let cells = 1 + text
        .bytes()
        .filter(|&c| c == b',' || c == b'\n' || c == b'\r')
        .count();
    if cells > MAX_CSV_CELLS {
        return Err(format!(
            "The CSV file has about {cells} fields; this app reads up to {MAX_CSV_CELLS}."
        ));
    }
    Ok(())
}
