//! The report's boundary critique: in Markdown the critique's own export, nested; in HTML the
//! tensions, open questions, unheard groups, roles, challenges, the boundary analysis and a
//! table of answers per perspective.

use super::super::blocks::{Block, Cell, Format, Span};
use super::super::boundary;
use super::super::margins;
use crate::content::csh::{self, Mode};
use crate::model::boundary::{Level, Role};
use crate::model::{Involvement, Workshop};

/// The section's blocks.
pub fn critique(w: &Workshop) -> Vec<Block> {
    vec![
        Block::Nested(boundary::markdown(w)),
        Block::Only(Format::Html, details(w)),
    ]
}

fn details(w: &Workshop) -> Vec<Block> {
    let b = &w.boundary;
    let mut out = vec![Block::heading(2, "Tensions, strongest first")];
    let tensions = b.tension_summary();
    if tensions.is_empty() {
        out.push(Block::plain("No tensions marked yet."));
    } else {
        let items = tensions
            .into_iter()
            .map(|t| {
                let name = csh::category(t.question).map_or("", |c| c.name);
                let level = if t.level == Level::Strong {
                    "Strong"
                } else {
                    "Some"
                };
                let mut item = vec![
                    Span::Strong(level.into()),
                    Span::Plain(format!(": question {}, {name}: ", t.question)),
                    Span::Text(b.tension_between(t, str::to_string)),
                ];
                if !t.note.trim().is_empty() {
                    item.extend([Span::Plain(". ".into()), Span::Text(t.note.clone())]);
                }
                item
            })
            .collect();
        out.push(ordered(items));
    }

    out.push(Block::heading(2, "Questions nobody has answered yet"));
    let open = b.unanswered();
    if open.is_empty() {
        out.push(Block::plain("Every question has at least one answer."));
    } else {
        out.push(Block::list(
            open.into_iter()
                .map(|q| {
                    let name = csh::category(q).map_or("", |c| c.name);
                    vec![Span::Plain(format!("Question {q}: {name}"))]
                })
                .collect(),
        ));
    }

    out.push(Block::heading(
        2,
        "Affected groups no perspective speaks for",
    ));
    let missing = b.unrepresented(&w.roster);
    if !w
        .roster
        .iter()
        .any(|s| s.involvement == Involvement::Affected)
    {
        out.push(Block::plain(
            "The roster marks nobody as affected but not involved.",
        ));
    } else if missing.is_empty() {
        out.push(Block::plain(
            "None: every affected group on the roster has a perspective.",
        ));
    } else {
        out.push(Block::list(
            missing
                .iter()
                .map(|s| vec![Span::Text(s.name.clone())])
                .collect(),
        ));
    }

    if !b.roles.is_empty() {
        out.push(Block::heading(2, "Roles: who holds them, and who should"));
        let names = |role, is| {
            let list: Vec<String> = b
                .holders(role, is, &w.roster)
                .iter()
                .map(|s| s.name.clone())
                .collect();
            if list.is_empty() {
                Span::Plain("nobody marked".into())
            } else {
                Span::Text(list.join(", "))
            }
        };
        out.push(Block::list(
            Role::ALL
                .into_iter()
                .map(|role| {
                    vec![
                        Span::Plain(format!(
                            "{} (question {}): now ",
                            role.label(),
                            role.question()
                        )),
                        names(role, true),
                        Span::Plain("; should be ".into()),
                        names(role, false),
                    ]
                })
                .collect(),
        ));
    }

    if !b.challenges.is_empty() {
        out.push(Block::heading(2, "Challenges and replies"));
        let items = b
            .challenges
            .iter()
            .map(|ch| {
                let name = csh::category(ch.question).map_or("", |c| c.name);
                let mut item = vec![
                    Span::Plain(format!("Question {}, {name}: ", ch.question)),
                    Span::Text(ch.challenge.clone()),
                    Span::Plain(" ".into()),
                ];
                if ch.reply.trim().is_empty() {
                    item.push(Span::Emphasis("No reply yet.".into()));
                } else {
                    item.extend([Span::Plain("Reply: ".into()), Span::Text(ch.reply.clone())]);
                }
                item
            })
            .collect();
        out.push(ordered(items));
    }

    if !b.margins.is_empty() {
        out.extend(margins::blocks(w, 2));
    }

    if b.perspectives.is_empty() {
        out.push(Block::plain(
            "No perspectives yet, so nothing has been answered.",
        ));
        return out;
    }
    for p in &b.perspectives {
        out.push(Block::heading(
            2,
            format!("Perspective: {}", b.name_of(&p.id)),
        ));
        out.push(Block::plain(format!(
            "{} of 24 answered.",
            b.progress(&p.id)
        )));
        let rows = csh::CATEGORIES
            .iter()
            .map(|c| {
                let answer = p.answers.get(&c.number);
                let cell = |mode: Mode| {
                    let text = answer.map_or("", |a| match mode {
                        Mode::Is => a.is.as_str(),
                        Mode::Ought => a.ought.as_str(),
                    });
                    if text.trim().is_empty() {
                        Cell::Missing("Not answered")
                    } else {
                        Cell::Spans(vec![Span::Text(text.trim_end().to_string())])
                    }
                };
                vec![
                    Cell::Spans(vec![Span::Plain(format!("{}. {}", c.number, c.name))]),
                    cell(Mode::Is),
                    cell(Mode::Ought),
                ]
            })
            .collect();
        out.push(Block::Table {
            class: Some("report-critique"),
            head: vec!["Question".into(), "Is".into(), "Ought".into()],
            row_heads: true,
            rows,
        });
    }
    out
}

fn ordered(items: Vec<Vec<Span>>) -> Block {
    Block::List {
        ordered: true,
        class: None,
        item_class: None,
        items,
    }
}
