//! Scores by perspective as CSV (one row per round × grouping × group × element) and as
//! Markdown and HTML tables for the report (one per round and grouping, when at least two
//! groups scored). The numbers come from [`crate::analysis::by_group`].

use super::blocks::{Block, Cell, Span};
use super::csv::{CsvWriter, defuse};
use crate::analysis::by_group::{ByGroup, GroupBy, UNASSIGNED_NOTE, by_group, flag_words};
use crate::analysis::stats::Summary;
use crate::model::Stakeholder;
use crate::model::scoring::{Round, Scoring};

/// The columns of [`csv`].
pub const CSV_HEADER: [&str; 11] = [
    "round",
    "grouping",
    "group",
    "element",
    "n",
    "dont_know",
    "mean",
    "median",
    "iqr",
    "disagreement",
    "many_dont_know",
];

fn num(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.2}")).unwrap_or_default()
}

/// Every round's results by group, both groupings.
pub fn csv(s: &Scoring, roster: &[Stakeholder]) -> String {
    let mut out = CsvWriter::new();
    out.row(CSV_HEADER);
    for r in &s.rounds {
        let round = defuse(&r.name);
        for by in GroupBy::ALL {
            let g = by_group(s, r, roster, by);
            for e in &g.elements {
                let element = defuse(&e.element.name);
                for gr in &e.groups {
                    let m = &gr.summary;
                    let group = defuse(&gr.group);
                    let (n, dk) = (m.n.to_string(), m.dont_know.to_string());
                    let (mean, median, iqr) = (num(m.mean), num(m.median), num(m.iqr()));
                    out.row([
                        round.as_str(),
                        by.key(),
                        group.as_str(),
                        element.as_str(),
                        n.as_str(),
                        dk.as_str(),
                        mean.as_str(),
                        median.as_str(),
                        iqr.as_str(),
                        m.disagreement.map_or("", |d| d.label()),
                        if m.many_dont_know { "yes" } else { "" },
                    ]);
                }
            }
        }
    }
    out.finish()
}

/// One cell: "3.2 (n 4) · split", "—" when the group scored nothing.
pub fn cell(m: &Summary) -> String {
    let Some(mean) = m.mean else {
        return if m.dont_know > 0 {
            format!("\u{2014} ({} don\u{2019}t know)", m.dont_know)
        } else {
            "\u{2014}".to_string()
        };
    };
    let flag = flag_words(m);
    if flag.is_empty() {
        format!("{mean:.1} (n {})", m.n)
    } else {
        format!("{mean:.1} (n {}) \u{b7} \u{2691} {flag}", m.n)
    }
}

/// The groupings worth showing for a round: those with two or more groups.
fn comparable(s: &Scoring, r: &Round, roster: &[Stakeholder]) -> Vec<(GroupBy, ByGroup)> {
    GroupBy::ALL
        .into_iter()
        .map(|by| (by, by_group(s, r, roster, by)))
        .filter(|(_, g)| g.comparable())
        .collect()
}

fn group_heading(name: &str, scorers: usize) -> String {
    if scorers == 0 {
        name.to_string()
    } else {
        format!("{name} ({scorers})")
    }
}

/// The tables for one round, each under a heading of `depth`; empty when no grouping compares.
pub fn blocks(s: &Scoring, r: &Round, roster: &[Stakeholder], depth: u8) -> Vec<Block> {
    let mut out = Vec::new();
    for (by, g) in comparable(s, r, roster) {
        out.push(Block::heading(
            depth,
            format!("Scores by perspective: {}", by.label()),
        ));
        let mut head = vec!["Element".to_string()];
        head.extend(g.groups.iter().map(|(name, k)| group_heading(name, *k)));
        head.push("Largest gap between groups".into());
        let rows = g
            .elements
            .iter()
            .map(|e| {
                let mut row = vec![Cell::Spans(vec![Span::Text(e.element.name.clone())])];
                row.extend(
                    e.groups
                        .iter()
                        .map(|gr| Cell::Spans(vec![Span::Plain(cell(&gr.summary))])),
                );
                row.push(Cell::Spans(vec![Span::Plain(
                    e.between()
                        .map_or("\u{2014}".to_string(), |d| format!("{d:.1}")),
                )]));
                row
            })
            .collect();
        out.push(Block::Table {
            class: Some("report-by-group"),
            head,
            row_heads: true,
            rows,
        });
        out.push(Block::plain(UNASSIGNED_NOTE));
    }
    out
}

/// Markdown tables for one round, under `####` headings; empty when no grouping compares.
pub fn markdown(s: &Scoring, r: &Round, roster: &[Stakeholder]) -> String {
    super::blocks::markdown::render_part(&blocks(s, r, roster, 3))
}

/// HTML tables for one round under headings of `level`; nothing when no grouping compares.
pub fn html(out: &mut String, s: &Scoring, r: &Round, roster: &[Stakeholder], level: u8) {
    out.push_str(&super::blocks::html::render(
        &blocks(s, r, roster, 0),
        level,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frameworks::CYCLE;
    use crate::model::Involvement;
    use serde_json::Map;

    fn setup() -> (Scoring, Vec<Stakeholder>) {
        let roster = vec![Stakeholder {
            id: "gp".into(),
            name: "Dr A".into(),
            group: "=GPs <b>".into(),
            involvement: Involvement::Involved,
            extra: Map::new(),
        }];
        let mut s = Scoring::start(&CYCLE, "r".into());
        s.add_scorer("a".into(), "");
        s.scorers[0].roster_id = Some("gp".into());
        s.add_scorer("b".into(), "");
        s.set_score("r", "a", "learning", Some(2), false);
        s.set_score("r", "b", "learning", Some(5), false);
        (s, roster)
    }

    #[test]
    fn the_csv_has_a_row_per_group_and_element_and_defuses_formulas() {
        let (s, roster) = setup();
        let text = csv(&s, &roster);
        let mut rows = ::csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<::csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        // Two groups (GPs, unassigned) × nine elements, by group; by involvement the same.
        assert_eq!(rows.len(), 2 * 9 * 2);
        let learning: Vec<_> = rows
            .iter()
            .filter(|r| &r[3] == "Learning in and from action" && &r[1] == "group")
            .collect();
        assert_eq!(&learning[0][2], "'=GPs <b>");
        assert_eq!(&learning[0][6], "2.00");
        assert_eq!(&learning[1][2], "Unassigned");
        assert_eq!(&learning[1][6], "5.00");
    }

    #[test]
    fn tables_escape_names_and_name_the_flag_kind() {
        let (mut s, roster) = setup();
        let md = markdown(&s, &s.rounds[0], &roster);
        assert!(md.contains("#### Scores by perspective: Roster group"));
        assert!(md.contains("=GPs \\<b\\> (1)"));
        assert!(md.contains("| 2.0 (n 1) | 5.0 (n 1) | 3.0 |"));
        let mut out = String::new();
        html(&mut out, &s, &s.rounds[0], &roster, 4);
        assert!(out.contains("=GPs &lt;b&gt; (1)"));
        // Unlinked scorers split into two camps: the kind is named.
        for (id, v) in [("c", 2), ("d", 2), ("e", 5)] {
            s.add_scorer(id.into(), "");
            s.set_score("r", id, "learning", Some(v), false);
        }
        let md = markdown(&s, &s.rounds[0], &roster);
        assert!(md.contains("\u{2691} split"), "{md}");
        // One group only: nothing to compare.
        s.scorers[0].roster_id = None;
        assert_eq!(markdown(&s, &s.rounds[0], &roster), "");
    }
}
