//! HTML in labels reduced to the text a person reads: Mermaid labels (`<b>`, `<br>`) and
//! Graphviz's HTML-like labels (`<<TABLE><TR><TD>…</TD></TR></TABLE>>`). `<br>` and the end of
//! a table row become line breaks, cells in a row are joined by a space, every other tag goes,
//! and character references (`&amp;`, `&#233;`, `&#x1F331;`) are read ([`entities`], which
//! reads Mermaid's `#quot;` codes too). Something that only looks like a tag (`a < b`) stays
//! text.

/// The text of `html`. With `collapse`, runs of white space become one space, as HTML shows
/// them (Graphviz); without, line breaks in the text stay (Mermaid's Markdown strings).
pub fn to_text(html: &str, collapse: bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        push_text(&mut out, &rest[..i], collapse);
        rest = &rest[i..];
        let is_tag =
            rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match rest.find('>').filter(|_| is_tag) {
            Some(end) => {
                let tag = rest[1..end].trim_start_matches('/').trim_start();
                let name: String = tag
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                let closing = rest[1..].starts_with('/');
                match name.as_str() {
                    "br" => newline(&mut out, collapse),
                    "tr" if closing => newline(&mut out, collapse),
                    "td" | "th" if closing => out.push(' '),
                    _ => {}
                }
                rest = &rest[end + 1..];
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    push_text(&mut out, rest, collapse);
    let text = entities(&out, '&');
    // Tidy each line: the spaces tags and cells leave at the ends go.
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| if collapse { l.trim() } else { l })
        .collect();
    let mut joined = lines.join("\n");
    if collapse {
        joined = joined.trim_matches('\n').to_string();
        while joined.contains("\n\n") {
            joined = joined.replace("\n\n", "\n");
        }
    }
    joined
}

fn push_text(out: &mut String, text: &str, collapse: bool) {
    if !collapse {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.ends_with([' ', '\n']) && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

fn newline(out: &mut String, collapse: bool) {
    while collapse && out.ends_with(' ') {
        out.pop();
    }
    out.push('\n');
}

/// The character a reference names (the part between `&` and `;`): `quot`, `amp`, `lt`, `gt`,
/// `apos`, `nbsp`, `#N` and `#xH`; with `bare_numbers`, a number alone too (Mermaid's `#35;`).
/// The one decoder every reader uses.
pub fn char_ref(name: &str, bare_numbers: bool) -> Option<char> {
    let c = match name {
        "quot" => '"',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let code = match name.strip_prefix('#') {
                Some(n) => match n.strip_prefix(['x', 'X']) {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => n.parse().ok(),
                },
                None if bare_numbers => name.parse().ok(),
                None => None,
            };
            return code.and_then(char::from_u32);
        }
    };
    Some(c)
}

/// Reads `#quot;`, `#35;`, `#x1F331;`-style codes (Mermaid's, with `#`) or the same with `&`.
pub fn entities(s: &str, lead: char) -> String {
    if !s.contains(lead) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(lead) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest[1..]
            .find(';')
            .filter(|&j| (1..=10).contains(&j))
            .and_then(|j| {
                let name = &rest[1..=j];
                // Mermaid's own form has no second `#`: `#35;`.
                let c = char_ref(name, lead == '#');
                c.map(|c| (c, j + 1))
            });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len + 1..];
            }
            None => {
                out.push(lead);
                rest = &rest[lead.len_utf8()..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_rows_cells_breaks_and_entities() {
        let table = "<TABLE BORDER=\"0\">\n  <TR><TD><B>Audit</B></TD></TR>\n  <TR><TD>id</TD><TD>int</TD></TR>\n  <TR><TD ALIGN=\"left\">a &amp; b<BR/>c</TD></TR>\n</TABLE>";
        assert_eq!(to_text(table, true), "Audit\nid int\na & b\nc");
        assert_eq!(to_text("<b>bun:sqlite</b>", true), "bun:sqlite");
        assert_eq!(to_text("a < b &lt;c&gt; &#233;", true), "a < b <c> \u{e9}");
        assert_eq!(to_text("one<br>two<br />three", false), "one\ntwo\nthree");
        assert_eq!(to_text("<!-- note -->x", true), "x");
    }
}
