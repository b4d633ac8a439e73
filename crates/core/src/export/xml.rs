//! Escaping user text for XML (SVG, GraphML, GEXF, CXL). Every label goes through here, so a
//! label is always text: it can never close an element, start a comment or a CDATA section, or
//! add an attribute.

/// Escapes text for XML 1.0 element content and attribute values alike.
///
/// - `& < > " '` become entities.
/// - Tab, line feed and carriage return become character references. A parser would otherwise
///   turn them into spaces inside an attribute value (attribute-value normalisation) or fold
///   CR LF into LF in text; `&#9;`, `&#10;` and `&#13;` survive both.
/// - Characters XML 1.0 forbids even as references (other C0 controls, U+FFFE, U+FFFF) become
///   U+FFFD, the replacement character, so the file always parses.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !allowed(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 allows the character at all (its `Char` production).
pub fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The text as XML can carry it: forbidden characters replaced by U+FFFD. What an import gives
/// back for a label that went out through [`escape`].
pub fn carried(text: &str) -> String {
    text.chars()
        .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_white_space_are_escaped() {
        assert_eq!(
            escape("a<b>&\"c\"'d'\te\nf\rg"),
            "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;&#9;e&#10;f&#13;g"
        );
        assert_eq!(escape("]]> -- <!--"), "]]&gt; -- &lt;!--");
        assert_eq!(
            escape("\u{1}\u{fffe}x\u{1F600}"),
            "\u{fffd}\u{fffd}x\u{1F600}"
        );
        assert_eq!(carried("a\u{0}b\n"), "a\u{fffd}b\n");
    }
}
