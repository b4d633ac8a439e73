//! Scores from a CSV file in long format, one row per score: the columns `scorer`, `element`
//! and `value` (and optionally `round`, `dont_know`, `comment`), as the app's own "all scores"
//! export writes them. Rows by the scorer "show of hands" become tallies.

use super::csv::records;
use crate::model::scoring::{Round, Scoring};

/// Refuse files larger than this (a steering group's scores are a few kilobytes).
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// What an import did.
#[derive(Debug, PartialEq)]
pub struct Imported {
    pub scoring: Scoring,
    /// Scores and hands read.
    pub read: usize,
    pub new_rounds: usize,
    pub new_scorers: usize,
    /// Rows left out, each with its line number and why.
    pub skipped: Vec<String>,
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Reads `text` into a copy of `current`. Rows without a round go into `default_round` (an id).
/// `new_id(prefix)` gives ids for rounds and scorers the file names but the workshop lacks.
/// A file that is not such a CSV is refused with a message and changes nothing.
pub fn import(
    current: &Scoring,
    text: &str,
    default_round: &str,
    new_id: &mut dyn FnMut(&str) -> String,
) -> Result<Imported, String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "The file is {:.1} MB; scores files are at most {} MB. Nothing was imported.",
            text.len() as f64 / 1_048_576.0,
            MAX_BYTES / 1_048_576
        ));
    }
    let rows = records(text);
    let Some(header) = rows.first() else {
        return Err("The file is empty. Nothing was imported.".into());
    };
    let column = |name: &str| header.iter().position(|h| norm(h) == name);
    let (Some(scorer_col), Some(element_col), Some(value_col)) =
        (column("scorer"), column("element"), column("value"))
    else {
        return Err(
            "The file needs columns named scorer, element and value (and may have round, \
             dont_know and comment), as in the app's \"all scores\" download. Nothing was imported."
                .into(),
        );
    };
    let (round_col, dk_col, comment_col) =
        (column("round"), column("dont_know"), column("comment"));
    let mut s = current.clone();
    let mut out = Imported {
        scoring: Scoring::default(),
        read: 0,
        new_rounds: 0,
        new_scorers: 0,
        skipped: Vec::new(),
    };
    for (i, row) in rows.iter().enumerate().skip(1) {
        let line = i + 1;
        let cell = |c: Option<usize>| {
            c.and_then(|c| row.get(c))
                .map(|v| v.strip_prefix('\'').unwrap_or(v).trim().to_string())
                .unwrap_or_default()
        };
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let element_name = cell(Some(element_col));
        let Some(element) = s
            .framework
            .elements
            .iter()
            .find(|e| norm(&e.name) == norm(&element_name) || e.id == element_name)
            .map(|e| e.id.clone())
        else {
            out.skipped.push(format!(
                "line {line}: no element called \u{201c}{element_name}\u{201d} in the framework"
            ));
            continue;
        };
        let value_text = cell(Some(value_col));
        let dont_know = matches!(norm(&cell(dk_col)).as_str(), "yes" | "true" | "1" | "y");
        let value = if value_text.is_empty() {
            None
        } else {
            match value_text.parse::<i32>() {
                Ok(v) if (s.scale.min..=s.scale.max).contains(&v) => Some(v),
                _ => {
                    out.skipped.push(format!(
                        "line {line}: \u{201c}{value_text}\u{201d} is not a level from {} to {}",
                        s.scale.min, s.scale.max
                    ));
                    continue;
                }
            }
        };
        if value.is_none() && !(dont_know && s.scale.allow_dont_know) {
            out.skipped.push(format!("line {line}: no score"));
            continue;
        }
        let round_name = cell(round_col);
        let round = if round_name.is_empty() {
            default_round.to_string()
        } else if let Some(r) = s.rounds.iter().find(|r| norm(&r.name) == norm(&round_name)) {
            r.id.clone()
        } else {
            let id = new_id("r");
            s.rounds.push(Round {
                id: id.clone(),
                name: round_name,
                ..Round::default()
            });
            out.new_rounds += 1;
            id
        };
        if s.round(&round).is_none() {
            out.skipped
                .push(format!("line {line}: no round to put it in"));
            continue;
        }
        let scorer_name = cell(Some(scorer_col));
        if norm(&scorer_name) == "show of hands" {
            let levels = s.scale.range().levels();
            let min = s.scale.min;
            let r = s
                .rounds
                .iter_mut()
                .find(|r| r.id == round)
                .expect("checked");
            let h = r.hands.entry(element).or_default();
            h.counts.resize(levels, 0);
            match value {
                Some(v) => h.counts[(v - min) as usize] += 1,
                None => h.dont_know += 1,
            }
            out.read += 1;
            continue;
        }
        let scorer = match s
            .scorers
            .iter()
            .find(|x| norm(&s.scorer_label(&x.id)) == norm(&scorer_name))
        {
            Some(x) => x.id.clone(),
            None => {
                let id = new_id("s");
                s.add_scorer(id.clone(), &scorer_name);
                out.new_scorers += 1;
                id
            }
        };
        s.set_score(&round, &scorer, &element, value, value.is_none());
        let comment = cell(comment_col);
        if !comment.is_empty() {
            s.set_comment(&round, &scorer, &element, comment);
        }
        out.read += 1;
    }
    if out.read == 0 {
        let why = out
            .skipped
            .first()
            .cloned()
            .unwrap_or_else(|| "no rows".into());
        return Err(format!(
            "No scores could be read ({why}). Nothing was imported."
        ));
    }
    out.scoring = s;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::frameworks::CYCLE;
    use crate::export::scoring::scores_csv;

    fn ids() -> impl FnMut(&str) -> String {
        let mut n = 0;
        move |p: &str| {
            n += 1;
            format!("{p}-new{n}")
        }
    }

    fn sample() -> Scoring {
        let mut s = Scoring::start(&CYCLE, "r1".into());
        s.add_scorer("a".into(), "Ann");
        s.add_scorer("b".into(), "");
        s.set_score("r1", "a", "support", Some(1), false);
        s.set_comment("r1", "a", "support", "=tired, \"very\"".into());
        s.set_score("r1", "b", "support", None, true);
        s.set_hands("r1", "learning", Some(4), 2);
        s.set_hands("r1", "learning", None, 1);
        s
    }

    #[test]
    fn our_own_export_imports_into_an_empty_copy_with_the_same_results() {
        let original = sample();
        let mut empty = Scoring::start(&CYCLE, "r1".into());
        empty.rounds[0].name = original.rounds[0].name.clone();
        let got = import(&empty, &scores_csv(&original), "r1", &mut ids()).unwrap();
        assert_eq!(got.skipped, Vec::<String>::new());
        assert_eq!((got.read, got.new_rounds, got.new_scorers), (5, 0, 2));
        assert_eq!(
            got.scoring.results(&got.scoring.rounds[0]),
            original.results(&original.rounds[0])
        );
        let comment = &got.scoring.rounds[0].scores["s-new1"]["support"].comment;
        assert_eq!(comment, "=tired, \"very\"", "the formula guard comes off");
    }

    #[test]
    fn rows_that_do_not_fit_are_skipped_with_their_line() {
        let csv = "round,scorer,element,value\nPhase 2,Ann,Shared vision,4\n,Ann,Nope,3\n,Ann,Shared vision,9\n,Ann,Shared vision,\n";
        let got = import(&sample(), csv, "r1", &mut ids()).unwrap();
        assert_eq!(got.read, 1);
        assert_eq!(got.new_rounds, 1);
        assert_eq!(got.scoring.rounds[1].name, "Phase 2");
        assert_eq!(got.skipped.len(), 3);
        assert!(got.skipped[0].starts_with("line 3: no element called"));
        assert!(got.skipped[1].contains("not a level from 1 to 5"));
        assert_eq!(got.skipped[2], "line 5: no score");
    }

    #[test]
    fn files_that_are_not_scores_are_refused() {
        for text in ["", "a,b,c\n1,2,3\n", "scorer,element,value\nAnn,Nope,3\n"] {
            let e = import(&sample(), text, "r1", &mut ids()).unwrap_err();
            assert!(e.ends_with("Nothing was imported."), "{e}");
        }
        let big = "x".repeat(MAX_BYTES + 1);
        assert!(
            import(&sample(), &big, "r1", &mut ids())
                .unwrap_err()
                .contains("MB")
        );
    }
}
