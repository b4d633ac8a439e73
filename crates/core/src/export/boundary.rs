//! The boundary critique as Markdown (a readable report) and as CSV (one row per perspective ×
//! question × mode, for spreadsheets and analysis tools).
//!
//! User text is always text: in Markdown every character that could start markup is
//! backslash-escaped, so `<script>` or `# heading` show as typed; in CSV the `csv` crate quotes
//! (RFC 4180, by `csv_core`) and cells that a spreadsheet would run as a formula are defused.

use super::csv::{CsvWriter, defuse};
use crate::content::csh::{self, Mode};
use crate::model::Workshop;
use crate::model::boundary::{Level, Role, Stance};

/// The columns of [`csv`], in order.
pub const CSV_HEADER: [&str; 9] = [
    "perspective",
    "stance",
    "question",
    "source",
    "kind",
    "category",
    "mode",
    "question_text",
    "answer",
];

pub use super::blocks::markdown::{escape_markdown, inline, quote};

fn stance_words(stance: Stance) -> &'static str {
    match stance {
        Stance::Involved => "speaks for those involved",
        Stance::Affected => "speaks for those affected",
        Stance::Unclear => "stance not set (linked to no roster entry, or to both kinds)",
    }
}

/// The critique as a Markdown report: details, tensions strongest first, unanswered questions,
/// affected groups nobody speaks for, then every perspective's answers question by question.
pub fn markdown(w: &Workshop) -> String {
    let b = &w.boundary;
    let mut md = format!("# Boundary critique: {}\n\n", inline(w.display_title()));
    let mut facts = Vec::new();
    if !w.date.trim().is_empty() {
        facts.push(format!("Date: {}", inline(&w.date)));
    }
    if !w.facilitator.trim().is_empty() {
        facts.push(format!("Facilitator: {}", inline(&w.facilitator)));
    }
    if !facts.is_empty() {
        md.push_str(&facts.join(" · "));
        md.push_str("\n\n");
    }
    if !w.purpose.trim().is_empty() {
        md.push_str(&format!("Purpose: {}\n\n", inline(&w.purpose)));
    }

    md.push_str("## Tensions, strongest first\n\n");
    let tensions = b.tension_summary();
    if tensions.is_empty() {
        md.push_str("No tensions marked yet.\n\n");
    } else {
        for (i, t) in tensions.iter().enumerate() {
            let name = csh::category(t.question).map_or("", |c| c.name);
            let who = b.tension_between(t, inline);
            let level = if t.level == Level::Strong {
                "Strong"
            } else {
                "Some"
            };
            md.push_str(&format!(
                "{}. **{level}**: question {}, {name}: {who}",
                i + 1,
                t.question
            ));
            if !t.note.trim().is_empty() {
                md.push_str(&format!(". {}", inline(&t.note)));
            }
            md.push('\n');
        }
        md.push('\n');
    }

    md.push_str("## Questions nobody has answered yet\n\n");
    let open = b.unanswered();
    if open.is_empty() {
        md.push_str("Every question has at least one answer.\n\n");
    } else {
        for q in open {
            let name = csh::category(q).map_or("", |c| c.name);
            md.push_str(&format!("- Question {q}: {name}\n"));
        }
        md.push('\n');
    }

    md.push_str("## Affected groups no perspective speaks for\n\n");
    let missing = b.unrepresented(&w.roster);
    let any_affected = w
        .roster
        .iter()
        .any(|s| s.involvement == crate::model::Involvement::Affected);
    if !any_affected {
        md.push_str("The roster marks nobody as affected but not involved.\n\n");
    } else if missing.is_empty() {
        md.push_str("None: every affected group on the roster has a perspective.\n\n");
    } else {
        for s in missing {
            md.push_str(&format!("- {}\n", inline(&s.name)));
        }
        md.push('\n');
    }

    if !b.roles.is_empty() {
        md.push_str("## Roles: who holds them, and who should\n\n");
        for role in Role::ALL {
            let names = |is| {
                let list: Vec<String> = b
                    .holders(role, is, &w.roster)
                    .iter()
                    .map(|s| inline(&s.name))
                    .collect();
                if list.is_empty() {
                    "nobody marked".to_string()
                } else {
                    list.join(", ")
                }
            };
            md.push_str(&format!(
                "- {} (question {}): now {}; should be {}\n",
                role.label(),
                role.question(),
                names(true),
                names(false)
            ));
        }
        md.push('\n');
    }

    if !b.challenges.is_empty() {
        md.push_str("## Challenges and replies\n\n");
        for (i, ch) in b.challenges.iter().enumerate() {
            let name = csh::category(ch.question).map_or("", |c| c.name);
            md.push_str(&format!(
                "{}. Question {}, {name}: {}",
                i + 1,
                ch.question,
                inline(&ch.challenge)
            ));
            if ch.reply.trim().is_empty() {
                md.push_str(" _No reply yet._\n");
            } else {
                md.push_str(&format!(" Reply: {}\n", inline(&ch.reply)));
            }
        }
        md.push('\n');
    }

    md.push_str(&super::margins::markdown(w));

    if b.perspectives.is_empty() {
        md.push_str("## Perspectives\n\nNo perspectives yet, so nothing has been answered.\n");
        return md;
    }
    let modes = if b.ought_first {
        md.push_str(
            "The questions were asked ought first (ideal mapping): what should be, then what is.\n\n",
        );
        [Mode::Ought, Mode::Is]
    } else {
        Mode::ALL
    };
    for p in &b.perspectives {
        md.push_str(&format!(
            "## Perspective: {}\n\n",
            inline(&b.name_of(&p.id))
        ));
        let speaks_for: Vec<String> = w
            .roster
            .iter()
            .filter(|s| p.roster_ids.contains(&s.id))
            .map(|s| inline(&s.name))
            .collect();
        md.push_str(&format!(
            "This perspective {}. {} of 24 answered.",
            stance_words(b.stance(&p.id, &w.roster)),
            b.progress(&p.id)
        ));
        if !speaks_for.is_empty() {
            md.push_str(&format!(" Speaks for: {}.", speaks_for.join(", ")));
        }
        md.push_str("\n\n");
        for c in csh::CATEGORIES.iter() {
            md.push_str(&format!(
                "### {}. {} ({} · {})\n\n",
                c.number,
                c.name,
                c.source.label(),
                c.kind.label()
            ));
            let answer = p.answers.get(&c.number);
            for mode in modes {
                let text = answer.map_or("", |a| match mode {
                    Mode::Is => a.is.as_str(),
                    Mode::Ought => a.ought.as_str(),
                });
                md.push_str(&format!("**{}:** {}\n\n", mode.label(), c.question(mode)));
                if text.trim().is_empty() {
                    md.push_str("_Not answered._\n\n");
                } else {
                    md.push_str(&quote(text));
                    md.push('\n');
                }
            }
        }
    }
    md
}

/// The critique as CSV: a header ([`CSV_HEADER`]) then one row per perspective × question ×
/// mode (24 per perspective, empty answers included), in perspective order, then question,
/// then is before ought.
pub fn csv(w: &Workshop) -> String {
    let b = &w.boundary;
    let mut out = CsvWriter::new();
    out.row(CSV_HEADER);
    for p in &b.perspectives {
        let name = defuse(&b.name_of(&p.id));
        let stance = match b.stance(&p.id, &w.roster) {
            Stance::Involved => "involved",
            Stance::Affected => "affected",
            Stance::Unclear => "unclear",
        };
        for c in csh::CATEGORIES.iter() {
            let number = c.number.to_string();
            for mode in Mode::ALL {
                let text = p.answers.get(&c.number).map_or("", |a| match mode {
                    Mode::Is => a.is.as_str(),
                    Mode::Ought => a.ought.as_str(),
                });
                let mode_name = mode.label().to_lowercase();
                let answer = defuse(text);
                out.row([
                    name.as_str(),
                    stance,
                    number.as_str(),
                    c.source.label(),
                    c.kind.label(),
                    c.name,
                    mode_name.as_str(),
                    c.question(mode),
                    answer.as_str(),
                ]);
            }
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_wherever_it_could_start() {
        assert_eq!(escape_markdown("<script>"), "\\<script\\>");
        assert_eq!(escape_markdown("# not a heading"), "\\# not a heading");
        assert_eq!(escape_markdown("- not a list"), "\\- not a list");
        assert_eq!(escape_markdown("  + nor this"), "  \\+ nor this");
        assert_eq!(escape_markdown("12. nor this"), "12\\. nor this");
        assert_eq!(escape_markdown("a - b = 3.5"), "a - b = 3.5");
        assert_eq!(
            escape_markdown("*a* _b_ [c](d) `e`"),
            "\\*a\\* \\_b\\_ \\[c\\](d) \\`e\\`"
        );
        assert_eq!(escape_markdown("AT&T | ~x~ !"), "AT\\&T \\| \\~x\\~ \\!");
        assert_eq!(escape_markdown("back\\slash"), "back\\\\slash");
        assert_eq!(escape_markdown("🙂 الخدمة"), "🙂 الخدمة");
    }

    #[test]
    fn quotes_keep_line_breaks_inside_the_quote() {
        assert_eq!(quote("one\ntwo"), "> one\\\n> two\n");
        assert_eq!(quote("one\r\n\r\nthree\n"), "> one\n>\n> three\n");
        assert_eq!(quote("- a\n# b"), "> \\- a\\\n> \\# b\n");
    }
}
