//! The report's document tree: what the report says, with no markup. [`super::markdown`] and
//! [`super::html`] walk the same tree, so a section is written once and both formats carry it.
//!
//! Text in a [`Span`] is user text unless the variant says otherwise: each renderer escapes it
//! with its language's one escaper, so no builder ever writes markup.

pub mod html;
pub mod markdown;

/// A renderer's language, for the parts of the tree one format shows alone (a Mermaid source
/// in Markdown, an SVG figure in HTML).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

/// A run of text inside a paragraph, list item or cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    /// User text: escaped; one line in Markdown (white space folded).
    Text(String),
    /// User text shown with emphasis (bold).
    Strong(String),
    /// User text in italics.
    Emphasis(String),
    /// User text whose line breaks matter: kept in HTML (pre-wrap), folded in Markdown.
    Kept(String),
    /// User text whose line breaks become `<br>` in HTML; folded in Markdown.
    Lines(String),
    /// A placeholder for a missing answer ("Not answered"): muted in HTML.
    Missing(&'static str),
    /// Our own text (numbers, fixed words, glue such as `": "`), never user text: written as is
    /// in Markdown (so `2.0` or a leading space survives) and escaped in HTML all the same.
    Plain(String),
}

/// A table cell: text, or a list of items (a zone of the boundary analysis).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Spans(Vec<Span>),
    List(Vec<Vec<Span>>),
    /// Shown when a list cell is empty.
    Missing(&'static str),
}

/// One block of the report.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading `depth` levels below the report's title (0 is the title itself); `id` is the
    /// anchor a section's `aria-labelledby` names.
    Heading {
        depth: u8,
        text: String,
        id: Option<&'static str>,
    },
    Paragraph {
        class: Option<&'static str>,
        spans: Vec<Span>,
    },
    /// A short label over the blocks that follow ("Stickers"): `Stickers:` in Markdown.
    Label(&'static str),
    /// Terms and their descriptions (`Date: …` in Markdown, a `<dl>` in HTML).
    Terms {
        class: Option<&'static str>,
        rows: Vec<(String, Vec<Span>)>,
    },
    List {
        ordered: bool,
        class: Option<&'static str>,
        item_class: Option<&'static str>,
        items: Vec<Vec<Span>>,
    },
    /// A table with a header row; with `row_heads` each row's first cell heads the row.
    Table {
        class: Option<&'static str>,
        head: Vec<String>,
        row_heads: bool,
        rows: Vec<Vec<Cell>>,
    },
    /// An SVG one of our writers made (user text already escaped there), its ids prefixed with
    /// `id` on the page, and a caption.
    Figure {
        svg: String,
        id: String,
        caption: String,
    },
    /// A fenced block of code another writer made safe for a fence (Mermaid).
    Code { lang: &'static str, text: String },
    /// User text as a quotation that keeps its line breaks.
    Quote(String),
    /// A group of blocks: a `<section>` (labelled by its heading's id), `<header>` or `<div>`
    /// in HTML; just its blocks in Markdown.
    Group {
        tag: Tag,
        class: &'static str,
        labelled_by: Option<&'static str>,
        blocks: Vec<Block>,
    },
    /// Blocks behind a summary line that opens them (HTML `<details>`).
    Details {
        class: &'static str,
        summary: &'static str,
        blocks: Vec<Block>,
    },
    /// Blocks only one format shows.
    Only(Format, Vec<Block>),
    /// Markdown another export wrote as a document of its own, nested under the current
    /// section (its headings moved down one level); Markdown only.
    Nested(String),
}

/// The element a [`Block::Group`] is in HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Article,
    Header,
    Section,
    Div,
}

impl Tag {
    pub fn name(self) -> &'static str {
        match self {
            Tag::Article => "article",
            Tag::Header => "header",
            Tag::Section => "section",
            Tag::Div => "div",
        }
    }
}

/// Shorthands for the builders.
impl Block {
    pub fn heading(depth: u8, text: impl Into<String>) -> Block {
        Block::Heading {
            depth,
            text: text.into(),
            id: None,
        }
    }

    /// A paragraph of one run of user text.
    pub fn text(text: impl Into<String>) -> Block {
        Block::Paragraph {
            class: None,
            spans: vec![Span::Text(text.into())],
        }
    }

    /// A paragraph of our own words (a sentence such as "No notes.").
    pub fn plain(text: impl Into<String>) -> Block {
        Block::Paragraph {
            class: None,
            spans: vec![Span::Plain(text.into())],
        }
    }

    pub fn list(items: Vec<Vec<Span>>) -> Block {
        Block::List {
            ordered: false,
            class: None,
            item_class: None,
            items,
        }
    }

    /// A `<section class="report-part">` whose heading (depth 1) carries `id`.
    pub fn part(id: &'static str, title: &str, mut blocks: Vec<Block>) -> Block {
        blocks.insert(
            0,
            Block::Heading {
                depth: 1,
                text: title.to_string(),
                id: Some(id),
            },
        );
        Block::Group {
            tag: Tag::Section,
            class: "report-part",
            labelled_by: Some(id),
            blocks,
        }
    }
}
