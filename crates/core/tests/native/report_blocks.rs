//! The report's document tree and its two renderers: hostile text in every kind of block and
//! run stays text in HTML (only the renderer's own tags appear) and in Markdown (every markup
//! character escaped, no heading, list or table row that the user started), and the parts one
//! format shows alone stay out of the other.

use cstw_core::export::blocks::{Block, Cell, Format, Span, Tag, html, markdown};

const HOSTILE: [&str; 4] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)> | # - 1. `x` *y* [z](w) &amp;",
    "line one\n# line two\r\n- three\r> four",
    "]]><!-- \u{0}\u{1b} ' <style>",
];

/// One block of every kind and one run of every kind, each holding `t`.
fn tree(t: &str) -> Vec<Block> {
    let spans = || {
        vec![
            Span::Text(t.into()),
            Span::Strong(t.into()),
            Span::Emphasis(t.into()),
            Span::Kept(t.into()),
            Span::Lines(t.into()),
            Span::Missing("Not answered"),
            Span::Plain(" ".into()),
        ]
    };
    vec![Block::Group {
        tag: Tag::Article,
        class: "report",
        labelled_by: Some("report-x"),
        blocks: vec![
            Block::Heading {
                depth: 0,
                text: t.into(),
                id: Some("report-x"),
            },
            Block::Paragraph {
                class: Some("report-notes"),
                spans: spans(),
            },
            Block::Label("Stickers"),
            Block::Terms {
                class: Some("report-facts"),
                rows: vec![(t.into(), spans())],
            },
            Block::List {
                ordered: false,
                class: None,
                item_class: Some("report-text"),
                items: vec![spans(), spans()],
            },
            Block::List {
                ordered: true,
                class: None,
                item_class: None,
                items: vec![spans()],
            },
            Block::Table {
                class: Some("report-scores"),
                head: vec![t.into(), t.into()],
                row_heads: true,
                rows: vec![
                    vec![Cell::Spans(spans()), Cell::List(vec![spans(), spans()])],
                    vec![Cell::Missing("Nothing placed"), Cell::Spans(spans())],
                ],
            },
            Block::Figure {
                svg: "<?xml version=\"1.0\"?>\n<svg id=\"a\"><title>&lt;x&gt;</title></svg>".into(),
                id: "report-map-1".into(),
                caption: t.into(),
            },
            Block::Quote(t.into()),
            Block::Details {
                class: "report-list",
                summary: "Links as a list",
                blocks: vec![Block::text(t)],
            },
            Block::Group {
                tag: Tag::Section,
                class: "report-part",
                labelled_by: None,
                blocks: vec![Block::heading(1, t), Block::text(t)],
            },
        ],
    }]
}

/// The tags the HTML renderer writes; anything else would be the user's.
const TAGS: [&str; 27] = [
    "article",
    "section",
    "header",
    "div",
    "h1",
    "h2",
    "h3",
    "p",
    "dl",
    "dt",
    "dd",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "strong",
    "em",
    "span",
    "br",
    "figure",
    "figcaption",
    "details",
];

#[test]
fn hostile_text_in_every_block_stays_text_in_html() {
    for t in HOSTILE {
        let page = html::render(&tree(t), 1);
        let mut rest = page.as_str();
        while let Some(at) = rest.find('<') {
            let tag = rest[at + 1..]
                .trim_start_matches('/')
                .split(|c: char| !c.is_ascii_alphanumeric())
                .next()
                .unwrap_or("");
            assert!(
                TAGS.contains(&tag) || ["svg", "title", "summary"].contains(&tag),
                "a <{tag}> for {t:?} in\n{page}"
            );
            rest = &rest[at + 1..];
        }
        let lower = page.to_lowercase();
        assert!(!lower.contains("<script") && !lower.contains("<style") && !lower.contains("<img"));
        assert!(!lower.contains(" style="), "no style attribute");
        assert!(!page.contains('\u{0}') && !page.contains('\u{1b}'));
        // Line breaks: kept as `<br>` only where the run asks for it.
        if t.contains('\n') {
            assert!(
                page.contains("line one<br># line two<br>- three<br>&gt; four"),
                "{page}"
            );
            assert!(page.contains("line one&#10;# line two"), "{page}");
        }
        assert!(page.contains("<svg id=\"report-map-1-a\">"), "ids prefixed");
        assert!(!page.contains("<?xml"));
    }
}

#[test]
fn hostile_text_in_every_block_stays_text_in_markdown() {
    for t in HOSTILE {
        let md = markdown::render(&tree(t));
        for (i, _) in md.match_indices(['<', '`', '[', '|', '&']) {
            let c = &md[i..=i];
            // Table pipes are the renderer's: at a row's start or after a space.
            let ours = c == "|"
                && (i == 0 || md[..i].ends_with('\n') || md[..i].ends_with(' '))
                && (md[i + 1..].starts_with(' ')
                    || md[i + 1..].starts_with('\n')
                    || md[i + 1..].starts_with('-'));
            let table_rule = c == "|" && md[..i].ends_with('-');
            if ours || table_rule {
                continue;
            }
            assert_eq!(
                &md[i - 1..i],
                "\\",
                "unescaped {c} at byte {i} for {t:?} in\n{md}"
            );
        }
        // Every line that starts a heading, a list item or a quote is one the tree asked for.
        let headings = md.lines().filter(|l| l.starts_with('#')).count();
        assert_eq!(headings, 2, "{md}");
        let items = md.lines().filter(|l| l.starts_with("- ")).count();
        assert_eq!(
            items, 2,
            "two list items (the links list is in Details) in\n{md}"
        );
        let numbered = md.lines().filter(|l| l.starts_with("1. ")).count();
        assert_eq!(numbered, 1);
        let quoted = md.lines().filter(|l| l.starts_with('>')).count();
        let lines = t.replace("\r\n", "\n").replace('\r', "\n");
        assert_eq!(quoted, lines.lines().count(), "{md}");
        assert!(md.contains("Stickers:\n\n") && md.contains("Links as a list:\n\n"));
        assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
        assert!(!md.contains("<svg"), "no figure in Markdown");
    }
}

#[test]
fn the_parts_one_format_shows_stay_out_of_the_other() {
    let tree = vec![
        Block::Only(Format::Markdown, vec![Block::text("for Markdown")]),
        Block::Only(Format::Html, vec![Block::text("for HTML")]),
        Block::Nested("# Own title\n\n## Part\n\ntext\n".into()),
        Block::Code {
            lang: "mermaid",
            text: "flowchart LR\n".into(),
        },
    ];
    let md = markdown::render(&tree);
    assert_eq!(
        md,
        "for Markdown\n\n### Part\n\ntext\n```mermaid\nflowchart LR\n```\n"
    );
    let page = html::render(&tree, 2);
    assert!(page.contains("<p>for HTML</p>") && !page.contains("Markdown"));
    assert!(
        !page.contains("Part"),
        "nested Markdown is Markdown's alone"
    );
    assert!(page.contains("<pre><code class=\"language-mermaid\">flowchart LR\n</code></pre>"));
}

#[test]
fn headings_follow_the_title_level_and_stop_at_six() {
    let tree = vec![
        Block::heading(0, "T"),
        Block::heading(1, "S"),
        Block::heading(7, "Deep"),
    ];
    assert_eq!(
        html::render(&tree, 2),
        "<h2>T</h2>\n<h3>S</h3>\n<h6>Deep</h6>\n"
    );
    assert_eq!(markdown::render(&tree), "# T\n\n## S\n\n######## Deep\n");
}
