//! Scoring exports: every score in long format (one row per score, for R, pandas or a
//! spreadsheet), the summary of each round as CSV and Markdown (with the scorers' comments),
//! and the comments of a round element by element ([`comments`], also shown in the results).

use super::blocks::markdown::{escape_markdown, inline};
use super::csv::{CsvWriter, defuse};
use crate::analysis::stats::{self, Summary};
use crate::model::scoring::{Element, Round, Scoring};

/// One scorer's comment on one element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// The scorer's name, or `None` for a scorer who gave none (shown as anonymous).
    pub who: Option<String>,
    pub text: String,
}

/// The comments on one element in one round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElementComments<'a> {
    pub element: &'a Element,
    pub comments: Vec<Comment>,
}

/// What a comment's author is shown as.
pub const ANONYMOUS: &str = "Anonymous";

impl Comment {
    /// Who said it, for display: the name, or [`ANONYMOUS`].
    pub fn said_by(&self) -> &str {
        self.who.as_deref().unwrap_or(ANONYMOUS)
    }
}

/// The comments of a round, element by element in framework order (elements nobody commented
/// on are left out), each element's in the order of the scorers. A scorer is named when they
/// gave a name, and anonymous otherwise: a blank name is how a scorer stays anonymous, so their
/// comments never say "Scorer 3" (which would tie each of their comments to the others).
/// Comments that are only white space are left out; the text is as typed (escape it where it
/// goes).
pub fn comments<'a>(s: &'a Scoring, r: &Round) -> Vec<ElementComments<'a>> {
    // Scorers in their order, then any whose scores outlived them (anonymous).
    let mut order: Vec<(&str, Option<String>)> = s
        .scorers
        .iter()
        .map(|x| {
            let name = x.name.trim();
            (x.id.as_str(), (!name.is_empty()).then(|| name.to_string()))
        })
        .collect();
    for id in r.scores.keys() {
        if !s.scorers.iter().any(|x| &x.id == id) {
            order.push((id.as_str(), None));
        }
    }
    s.framework
        .elements
        .iter()
        .filter_map(|e| {
            let comments: Vec<Comment> = order
                .iter()
                .filter_map(|(id, who)| {
                    let text = r.scores.get(*id)?.get(&e.id)?.comment.trim();
                    (!text.is_empty()).then(|| Comment {
                        who: who.clone(),
                        text: text.to_string(),
                    })
                })
                .collect();
            (!comments.is_empty()).then_some(ElementComments {
                element: e,
                comments,
            })
        })
        .collect()
}

/// A round's comments as Markdown under a heading of `level`: each element in bold, a list
/// item per comment ("Ann: …"); every user text escaped and kept on one line. Empty when
/// nobody commented.
pub fn comments_markdown(s: &Scoring, r: &Round, level: usize) -> String {
    let by_element = comments(s, r);
    if by_element.is_empty() {
        return String::new();
    }
    let mut md = format!("{} Comments\n\n", "#".repeat(level));
    for ec in by_element {
        md.push_str(&format!("**{}**\n\n", inline(&ec.element.name)));
        for c in &ec.comments {
            md.push_str(&format!("- {}: {}\n", inline(c.said_by()), inline(&c.text)));
        }
        md.push('\n');
    }
    md
}

/// The columns of [`scores_csv`].
pub const SCORES_HEADER: [&str; 7] = [
    "round",
    "scorer",
    "element",
    "value",
    "dont_know",
    "comment",
    "entered_as",
];

/// The columns of [`summary_csv`].
pub const SUMMARY_HEADER: [&str; 15] = [
    "round",
    "element",
    "group",
    "n",
    "dont_know",
    "mean",
    "median",
    "sd",
    "q1",
    "q3",
    "iqr",
    "min",
    "max",
    "disagreement",
    "rank_weakest_first",
];

/// Every score of every round, one row each. A show of hands becomes one row per hand, with
/// the scorer "show of hands", so that the file gives the same statistics as the app.
pub fn scores_csv(s: &Scoring) -> String {
    let mut out = CsvWriter::new();
    out.row(SCORES_HEADER);
    for r in &s.rounds {
        let round = defuse(&r.name);
        for scorer in &s.scorers {
            let Some(mine) = r.scores.get(&scorer.id) else {
                continue;
            };
            let who = defuse(&s.scorer_label(&scorer.id));
            for e in &s.framework.elements {
                let Some(score) = mine.get(&e.id) else {
                    continue;
                };
                let value = score.value.map(|v| v.to_string()).unwrap_or_default();
                let dont_know = if score.dont_know { "yes" } else { "" };
                let name = defuse(&e.name);
                let comment = defuse(&score.comment);
                out.row([
                    round.as_str(),
                    who.as_str(),
                    name.as_str(),
                    value.as_str(),
                    dont_know,
                    comment.as_str(),
                    "individual",
                ]);
            }
        }
        for e in &s.framework.elements {
            let Some(h) = r.hands.get(&e.id) else {
                continue;
            };
            let name = defuse(&e.name);
            for (i, &count) in h.counts.iter().enumerate() {
                let value = (s.scale.min + i as i32).to_string();
                for _ in 0..count {
                    out.row([
                        round.as_str(),
                        "show of hands",
                        name.as_str(),
                        value.as_str(),
                        "",
                        "",
                        "show of hands",
                    ]);
                }
            }
            for _ in 0..h.dont_know {
                out.row([
                    round.as_str(),
                    "show of hands",
                    name.as_str(),
                    "",
                    "yes",
                    "",
                    "show of hands",
                ]);
            }
        }
    }
    out.finish()
}

fn num(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.2}")).unwrap_or_default()
}

/// Each element's name, group, summary and rank (weakest first, from 1) in one round.
pub fn ranked(s: &Scoring, r: &Round) -> Vec<(String, String, Summary, usize)> {
    let results = s.results(r);
    let summaries: Vec<Summary> = results.iter().map(|x| x.summary.clone()).collect();
    let mut rank = vec![0; results.len()];
    for (place, i) in stats::rank_weakest_first(&summaries)
        .into_iter()
        .enumerate()
    {
        rank[i] = place + 1;
    }
    results
        .into_iter()
        .zip(rank)
        .map(|(x, rank)| (x.element.name, x.element.group, x.summary, rank))
        .collect()
}

/// A round's summary table, a row per element, weakest first: rank (a dash for an element
/// nobody scored), element name (as typed: escape it where it goes), n, mean, median, SD, IQR,
/// how many did not know, and the disagreement flag. The Markdown summary and the report's
/// HTML table both write these rows.
pub fn summary_rows(s: &Scoring, r: &Round) -> Vec<[String; 9]> {
    let f = |x: Option<f64>| {
        x.map(|v| format!("{v:.1}"))
            .unwrap_or_else(|| "\u{2014}".into())
    };
    let mut rows = ranked(s, r);
    crate::order::sort_by_key(&mut rows, |(.., rank)| *rank);
    rows.into_iter()
        .map(|(name, _, m, rank)| {
            [
                if m.n > 0 {
                    rank.to_string()
                } else {
                    "\u{2014}".into()
                },
                name,
                m.n.to_string(),
                f(m.mean),
                f(m.median),
                f(m.sd),
                f(m.iqr()),
                m.dont_know.to_string(),
                m.disagreement.map_or("", |d| d.label()).to_string(),
            ]
        })
        .collect()
}

/// The statistics of every element in every round.
pub fn summary_csv(s: &Scoring) -> String {
    let mut out = CsvWriter::new();
    out.row(SUMMARY_HEADER);
    for r in &s.rounds {
        let round = defuse(&r.name);
        for (name, group, m, rank) in ranked(s, r) {
            let cells = [
                round.clone(),
                defuse(&name),
                defuse(&group),
                m.n.to_string(),
                m.dont_know.to_string(),
                num(m.mean),
                num(m.median),
                num(m.sd),
                num(m.q1),
                num(m.q3),
                num(m.iqr()),
                m.min.map(|v| v.to_string()).unwrap_or_default(),
                m.max.map(|v| v.to_string()).unwrap_or_default(),
                m.disagreement
                    .map(|d| d.label().to_string())
                    .unwrap_or_default(),
                if m.n > 0 {
                    rank.to_string()
                } else {
                    String::new()
                },
            ];
            out.row(cells.iter().map(String::as_str));
        }
    }
    out.finish()
}

/// The summary as Markdown: one table per round, weakest first, with the rule that flags
/// disagreement.
pub fn summary_markdown(s: &Scoring, title: &str) -> String {
    let cell = |t: &str| escape_markdown(&t.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut md = format!(
        "# Scores: {}\n\nFramework: {}. Scale {} to {}.\n\n{}\n\n",
        cell(title),
        cell(&s.framework.name),
        s.scale.min,
        s.scale.max,
        stats::RULE
    );
    for r in &s.rounds {
        md.push_str(&format!("## {}\n\n", cell(&r.name)));
        md.push_str(
            "| Rank | Element | n | Mean | Median | SD | IQR | Don't know | Disagreement |\n",
        );
        md.push_str("|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
        for row in summary_rows(s, r) {
            let [rank, name, rest @ ..] = row;
            md.push_str(&format!(
                "| {rank} | {} | {} |\n",
                cell(&name),
                rest.join(" | ")
            ));
        }
        md.push('\n');
        md.push_str(&comments_markdown(s, r, 3));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frameworks::CYCLE;

    fn sample() -> Scoring {
        let mut s = Scoring::start(&CYCLE, "r1".into());
        s.rounds[0].name = "=Phase 1".into();
        s.add_scorer("a".into(), "Ann, \"the chair\"");
        s.add_scorer("b".into(), "");
        s.set_score("r1", "a", "support", Some(1), false);
        s.set_comment("r1", "a", "support", "tired\nstaff".into());
        s.set_score("r1", "b", "support", None, true);
        s.set_hands("r1", "support", Some(2), 2);
        s.framework.elements[4].name = "Support | <wellbeing>".into();
        s
    }

    #[test]
    fn scores_in_long_format_give_a_row_per_score_and_per_hand() {
        let csv = scores_csv(&sample());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], SCORES_HEADER.join(","));
        assert!(
            lines[1].starts_with(
                "'=Phase 1,\"Ann, \"\"the chair\"\"\",Support | <wellbeing>,1,,\"tired"
            )
        );
        assert!(csv.contains("'=Phase 1,Scorer 2,Support | <wellbeing>,,yes,,individual\n"));
        assert_eq!(
            csv.matches(",show of hands,Support | <wellbeing>,2,,,show of hands\n")
                .count(),
            2
        );
    }

    #[test]
    fn comments_are_grouped_by_element_named_or_anonymous_and_escaped() {
        let mut s = sample();
        s.set_comment("r1", "b", "support", "  ".into());
        s.set_comment("r1", "b", "shared-vision", "no <b>vision</b>\n# yet".into());
        s.set_comment("r1", "a", "shared-vision", "agree".into());
        let r = s.rounds[0].clone();
        let got = comments(&s, &r);
        let names: Vec<&str> = got.iter().map(|e| e.element.id.as_str()).collect();
        // Framework order (vision before support), white-space-only comments left out.
        assert_eq!(names, ["shared-vision", "support"]);
        assert_eq!(got[0].comments[0].said_by(), "Ann, \"the chair\"");
        assert_eq!(got[0].comments[1].who, None);
        assert_eq!(got[0].comments[1].said_by(), ANONYMOUS);
        assert_eq!(got[1].comments[0].text, "tired\nstaff");
        let md = comments_markdown(&s, &r, 3);
        assert!(
            md.starts_with("### Comments\n\n**Shared vision**\n\n"),
            "{md}"
        );
        assert!(
            md.contains("- Anonymous: no \\<b\\>vision\\</b\\> \\# yet\n"),
            "{md}"
        );
        assert!(
            md.contains("**Support \\| \\<wellbeing\\>**\n\n- Ann, \"the chair\": tired staff\n"),
            "{md}"
        );
        assert!(summary_markdown(&s, "t").contains("### Comments"));
        s.rounds[0].scores.clear();
        assert_eq!(comments_markdown(&s, &s.rounds[0].clone(), 3), "");
    }

    #[test]
    fn the_summary_has_every_element_with_ranks() {
        let csv = summary_csv(&sample());
        assert_eq!(csv.lines().count(), 1 + 9);
        let support = csv.lines().find(|l| l.contains("Support")).unwrap();
        // Scores 1, 2, 2 and one "don't know": n 3, mean 1.67, the only scored element: rank 1.
        assert!(
            support.ends_with(",3,1,1.67,2.00,0.58,1.50,2.00,0.50,1,2,,1"),
            "{support}"
        );
        let md = summary_markdown(&sample(), "Steering <group>");
        assert!(md.contains("# Scores: Steering \\<group\\>"));
        assert!(
            md.contains("| 1 | Support \\| \\<wellbeing\\> | 3 | 1.7 | 2.0 | 0.6 | 0.5 | 1 |  |")
        );
        assert!(md.contains("## \\=Phase 1"));
    }
}
