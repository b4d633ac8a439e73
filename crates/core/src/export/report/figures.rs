//! The report's concept maps, rich pictures and scoring rounds: lists and Mermaid in
//! Markdown, SVG figures in HTML.

use super::super::blocks::{Block, Cell, Format, Span, Tag};
use super::super::by_group;
use super::super::map::{label_with_sign, mermaid::mermaid, svg::svg as map_svg};
use super::super::picture::svg as picture_svg;
use super::super::scoring::{comments, summary_markdown, summary_rows};
use super::super::scoring_svg::Chart;
use super::no_label;
use crate::analysis::stats;
use crate::model::Workshop;
use crate::model::map::{ConceptMap, Direction, NodeId};
use crate::model::picture::{Item, Picture, Sticker};
use crate::model::scoring::{Round, Scoring};

fn direction_arrow(d: Direction) -> &'static str {
    match d {
        Direction::Forward => "\u{2192}",
        Direction::Both => "\u{2194}",
        Direction::None => "\u{2014}",
    }
}

fn node_label(map: &ConceptMap, id: NodeId) -> String {
    map.node(id)
        .map(|n| n.label.clone())
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| "(no label)".into())
}

fn md_only(blocks: Vec<Block>) -> Block {
    Block::Only(Format::Markdown, blocks)
}

fn html_only(blocks: Vec<Block>) -> Block {
    Block::Only(Format::Html, blocks)
}

/// Every concept map: its concepts, links and a Mermaid source in Markdown; its SVG, the notes
/// on its concepts and its links as a list in HTML.
pub fn maps(w: &Workshop) -> Vec<Block> {
    let mut out = Vec::new();
    if w.maps.is_empty() {
        out.push(Block::plain("No concept maps yet."));
    }
    for (i, map) in w.maps.iter().enumerate() {
        out.push(Block::heading(2, format!("Map: {}", map.display_title())));
        if !map.focus_question.trim().is_empty() {
            out.push(Block::Paragraph {
                class: None,
                spans: vec![
                    Span::Plain("Focus question: ".into()),
                    Span::Text(map.focus_question.clone()),
                ],
            });
        }
        let links = Block::list(
            map.links
                .iter()
                .map(|l| {
                    let mut item = vec![
                        Span::Text(node_label(map, l.from)),
                        Span::Plain(format!(" {} ", direction_arrow(l.direction))),
                        Span::Text(node_label(map, l.to)),
                    ];
                    let label = label_with_sign(l);
                    if !label.trim().is_empty() {
                        item.extend([Span::Plain(": ".into()), Span::Text(label)]);
                    }
                    item
                })
                .collect(),
        );

        let mut md = vec![Block::plain(format!(
            "{} concepts, {} links.",
            map.nodes.len(),
            map.links.len()
        ))];
        if !map.nodes.is_empty() {
            md.push(Block::Label("Concepts"));
            md.push(Block::list(
                map.nodes
                    .iter()
                    .map(|n| {
                        let mut item = vec![Span::Text(no_label(&n.label, "(no label)"))];
                        if let Some(k) = n.kind.and_then(|k| map.kind(k))
                            && !k.name.trim().is_empty()
                        {
                            item.extend([
                                Span::Plain(" (".into()),
                                Span::Text(k.name.clone()),
                                Span::Plain(")".into()),
                            ]);
                        }
                        // The node's notes, on one line after it (a list item holds no block).
                        if !n.notes.trim().is_empty() {
                            item.extend([Span::Plain(": ".into()), Span::Text(n.notes.clone())]);
                        }
                        item
                    })
                    .collect(),
            ));
        }
        if !map.links.is_empty() {
            md.push(Block::Label("Links"));
            md.push(links.clone());
        }
        if !map.nodes.is_empty() {
            // Mermaid writes every special character as an entity, backticks included, so a
            // label can never close the fence.
            md.push(Block::Code {
                lang: "mermaid",
                text: mermaid(map),
            });
        }
        out.push(md_only(md));

        let mut html = vec![Block::Figure {
            svg: map_svg(map),
            id: format!("report-map-{}", i + 1),
            caption: format!(
                "{}: {} concepts, {} links",
                map.display_title(),
                map.nodes.len(),
                map.links.len()
            ),
        }];
        let noted: Vec<_> = map
            .nodes
            .iter()
            .filter(|n| !n.notes.trim().is_empty())
            .map(|n| {
                (
                    no_label(&n.label, "(no label)"),
                    vec![Span::Lines(n.notes.trim().to_string())],
                )
            })
            .collect();
        if !noted.is_empty() {
            // What the group wrote about its concepts, line breaks kept.
            html.push(Block::Group {
                tag: Tag::Div,
                class: "report-notes",
                labelled_by: None,
                blocks: vec![
                    Block::plain("Notes on concepts:"),
                    Block::Terms {
                        class: None,
                        rows: noted,
                    },
                ],
            });
        }
        if !map.links.is_empty() {
            html.push(Block::Details {
                class: "report-list",
                summary: "Links as a list",
                blocks: vec![links],
            });
        }
        out.push(html_only(html));
    }
    out
}

/// A picture's stickers and its texts (non-empty), in drawing order.
fn picture_parts(p: &Picture) -> (Vec<&Sticker>, Vec<&str>) {
    let mut stickers = Vec::new();
    let mut texts = Vec::new();
    for item in &p.items {
        match item {
            Item::Sticker(s) => stickers.push(s),
            Item::Text(t) if !t.text.trim().is_empty() => texts.push(t.text.as_str()),
            _ => {}
        }
    }
    (stickers, texts)
}

/// Who on the roster no sticker stands for.
fn missing_line(w: &Workshop, p: &Picture) -> Block {
    if w.roster.is_empty() {
        return Block::plain("The roster is empty, so nobody can be missing.");
    }
    let missing = p.missing(&w.roster);
    if missing.is_empty() {
        return Block::plain("Everyone on the roster has a sticker.");
    }
    let mut spans = vec![Span::Plain("Not on this picture: ".into())];
    for (i, s) in missing.iter().enumerate() {
        if i > 0 {
            spans.push(Span::Plain(", ".into()));
        }
        spans.push(Span::Text(no_label(&s.name, "(no name)")));
    }
    spans.push(Span::Plain(".".into()));
    Block::Paragraph { class: None, spans }
}

/// Every rich picture: its SVG (HTML), its stickers and texts, and who is missing from it.
pub fn pictures(w: &Workshop) -> Vec<Block> {
    let mut out = Vec::new();
    if w.pictures.is_empty() {
        out.push(Block::plain("No rich pictures yet."));
    }
    for (i, p) in w.pictures.iter().enumerate() {
        out.push(Block::heading(2, format!("Picture: {}", p.display_title())));
        out.push(html_only(vec![Block::Figure {
            svg: picture_svg(p),
            id: format!("report-picture-{}", i + 1),
            caption: p.display_title().to_string(),
        }]));
        let (stickers, texts) = picture_parts(p);
        if stickers.is_empty() && texts.is_empty() {
            out.push(md_only(vec![Block::plain(
                "No stickers or text on this picture.",
            )]));
        }
        if !stickers.is_empty() {
            out.push(Block::Label("Stickers"));
            out.push(Block::list(
                stickers
                    .into_iter()
                    .map(|s| {
                        let mut item = vec![Span::Plain(s.icon.name().into())];
                        if !s.caption.trim().is_empty() {
                            item.extend([Span::Plain(": ".into()), Span::Text(s.caption.clone())]);
                        }
                        if let Some(name) = s
                            .stakeholder
                            .as_deref()
                            .and_then(|id| w.roster.iter().find(|x| x.id == id))
                        {
                            item.extend([
                                Span::Plain(" (stands for ".into()),
                                Span::Text(name.name.clone()),
                                Span::Plain(")".into()),
                            ]);
                        }
                        item
                    })
                    .collect(),
            ));
        }
        if !texts.is_empty() {
            out.push(Block::Label("Text"));
            out.push(Block::List {
                ordered: false,
                class: None,
                item_class: Some("report-text"),
                items: texts
                    .into_iter()
                    .map(|t| vec![Span::Text(t.to_string())])
                    .collect(),
            });
        }
        out.push(missing_line(w, p));
    }
    out
}

/// Every round: in Markdown the scoring summary's own export and the tables by group; in HTML
/// a table, the comments, the tables by group and three charts per round.
pub fn scoring(w: &Workshop) -> Vec<Block> {
    let s = &w.scoring;
    if s.rounds.is_empty() {
        return vec![Block::plain("Nothing has been scored yet.")];
    }
    let mut out = vec![
        Block::Paragraph {
            class: None,
            spans: vec![
                Span::Plain("Framework: ".into()),
                Span::Text(s.framework.name.clone()),
                Span::Plain(format!(". Scale {} to {}.", s.scale.min, s.scale.max)),
            ],
        },
        Block::plain(stats::RULE),
        Block::Nested(summary_markdown(s, w.display_title())),
    ];
    for (i, r) in s.rounds.iter().enumerate() {
        let round = no_label(&r.name, "Unnamed round");
        let mut html = vec![
            Block::heading(2, round.clone()),
            Block::Table {
                class: Some("report-scores"),
                head: [
                    "Rank",
                    "Element",
                    "n",
                    "Mean",
                    "Median",
                    "SD",
                    "IQR",
                    "Don\u{2019}t know",
                    "Disagreement",
                ]
                .map(String::from)
                .to_vec(),
                row_heads: false,
                rows: summary_rows(s, r)
                    .into_iter()
                    .map(|row| {
                        let [rank, name, rest @ ..] = row;
                        let mut cells = vec![
                            Cell::Spans(vec![Span::Plain(rank)]),
                            Cell::Spans(vec![Span::Text(name)]),
                        ];
                        cells.extend(rest.map(|c| Cell::Spans(vec![Span::Plain(c)])));
                        cells
                    })
                    .collect(),
            },
        ];
        html.extend(comment_blocks(s, r));
        out.push(html_only(html));
        let tables = by_group::blocks(s, r, &w.roster, 3);
        if !tables.is_empty() {
            out.push(md_only(vec![Block::heading(
                2,
                format!("{}: scores by perspective", round.trim()),
            )]));
            out.extend(tables);
        }
        let results = s.results(r);
        let charts = [Chart::Picture, Chart::Radar, Chart::Distribution].map(|chart| {
            let caption = match chart {
                Chart::Picture => "Mean score of each element; dashed borders mark disagreement",
                Chart::Radar => "Mean and interquartile range of each element",
                Chart::Distribution => "How many chose each level, element by element",
            };
            Block::Figure {
                svg: chart.render(&results, s.scale.range(), &s.framework.based_on, &round),
                id: format!("report-round-{}-{}", i + 1, chart.key()),
                caption: format!("{round}: {caption}"),
            }
        });
        out.push(html_only(charts.to_vec()));
    }
    out
}

/// A round's comments, element by element: who said it (or anonymous) and what, line breaks
/// kept. Nothing when nobody commented. (The Markdown has them from the scoring summary.)
fn comment_blocks(s: &Scoring, r: &Round) -> Vec<Block> {
    let by_element = comments(s, r);
    if by_element.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::heading(3, "Comments")];
    for ec in by_element {
        blocks.push(Block::heading(
            4,
            no_label(&ec.element.name, "Unnamed element"),
        ));
        blocks.push(Block::list(
            ec.comments
                .iter()
                .map(|c| {
                    vec![
                        Span::Strong(format!("{}:", c.said_by())),
                        Span::Plain(" ".into()),
                        Span::Lines(c.text.clone()),
                    ]
                })
                .collect(),
        ));
    }
    vec![Block::Group {
        tag: Tag::Section,
        class: "report-comments",
        labelled_by: None,
        blocks,
    }]
}
