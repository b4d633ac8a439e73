//! Scores by perspective: one round's results split by who scored, so a steering group can see
//! whether, say, the GPs and the voluntary sector read an element differently. Scorers are
//! grouped by the roster entry they are linked to: by its group (or, with no group, its name),
//! or by involvement (involved / affected but not involved). Scorers with no roster link,
//! participants who answered on their phones and show-of-hands tallies carry no one's name, so
//! they are counted as "Unassigned". Each group's scores go through the same statistics and
//! disagreement rule as the whole round ([`super::stats::summarise`]).

use super::stats::{self, Summary};
use crate::model::Stakeholder;
use crate::model::scoring::{Element, Round, Score, Scoring};
use crate::model::workshop::Involvement;

/// How scorers are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    /// The roster entry's group (its name when it has no group).
    Group,
    /// Involved, or affected but not involved.
    Involvement,
}

impl GroupBy {
    pub const ALL: [GroupBy; 2] = [GroupBy::Group, GroupBy::Involvement];

    pub fn key(self) -> &'static str {
        match self {
            GroupBy::Group => "group",
            GroupBy::Involvement => "involvement",
        }
    }

    pub fn from_key(key: &str) -> Option<GroupBy> {
        GroupBy::ALL.into_iter().find(|g| g.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            GroupBy::Group => "Roster group",
            GroupBy::Involvement => "Involved or affected",
        }
    }
}

/// The name of the group of scorers with no roster link.
pub const UNASSIGNED: &str = "Unassigned";

/// What "Unassigned" holds, in one sentence.
pub const UNASSIGNED_NOTE: &str = "Unassigned: scorers not linked to a roster entry, answers \
    from participants\u{2019} phones and show-of-hands tallies, which carry no one\u{2019}s name.";

/// One group's results for one element.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult {
    /// The group's name, as shown.
    pub group: String,
    pub summary: Summary,
}

/// One element's results, for the whole round and per group (groups in [`ByGroup::groups`]
/// order).
#[derive(Clone, Debug, PartialEq)]
pub struct ElementByGroup {
    pub element: Element,
    pub overall: Summary,
    pub groups: Vec<GroupResult>,
}

impl ElementByGroup {
    /// The distance between the highest and the lowest group mean, when two or more groups
    /// scored the element.
    pub fn between(&self) -> Option<f64> {
        let means: Vec<f64> = self.groups.iter().filter_map(|g| g.summary.mean).collect();
        if means.len() < 2 {
            return None;
        }
        let hi = means.iter().copied().fold(f64::MIN, f64::max);
        let lo = means.iter().copied().fold(f64::MAX, f64::min);
        Some(hi - lo)
    }
}

/// A round's results by group.
#[derive(Clone, Debug, PartialEq)]
pub struct ByGroup {
    /// The groups that scored in the round, roster order first, "Unassigned" last; each with
    /// how many individual scorers it has in the round.
    pub groups: Vec<(String, usize)>,
    pub elements: Vec<ElementByGroup>,
}

impl ByGroup {
    /// Whether there is anything to compare: two or more groups.
    pub fn comparable(&self) -> bool {
        self.groups.len() >= 2
    }
}

/// The group a roster entry belongs to under `by`.
fn group_of(s: &Stakeholder, by: GroupBy) -> String {
    match by {
        GroupBy::Group => {
            let g = s.group.trim();
            let name = if g.is_empty() { s.name.trim() } else { g };
            if name.is_empty() {
                "(no name)".to_string()
            } else {
                name.to_string()
            }
        }
        GroupBy::Involvement => s.involvement.label().to_string(),
    }
}

/// The group of a scorer (by id): through their roster link, else [`UNASSIGNED`].
pub fn scorer_group(
    scoring: &Scoring,
    roster: &[Stakeholder],
    scorer: &str,
    by: GroupBy,
) -> String {
    scoring
        .scorers
        .iter()
        .find(|s| s.id == scorer)
        .and_then(|s| s.roster_id.as_deref())
        .and_then(|rid| roster.iter().find(|r| r.id == rid))
        .map_or_else(|| UNASSIGNED.to_string(), |r| group_of(r, by))
}

/// The order groups are listed in: involvement in its own order, roster groups in roster
/// order; "Unassigned" last.
fn order(roster: &[Stakeholder], by: GroupBy) -> Vec<String> {
    let mut out: Vec<String> = match by {
        GroupBy::Involvement => Involvement::ALL
            .iter()
            .map(|i| i.label().to_string())
            .collect(),
        GroupBy::Group => Vec::new(),
    };
    for s in roster {
        let g = group_of(s, by);
        if !out.contains(&g) {
            out.push(g);
        }
    }
    out.push(UNASSIGNED.to_string());
    out
}

/// One round's results by group of scorers.
pub fn by_group(scoring: &Scoring, round: &Round, roster: &[Stakeholder], by: GroupBy) -> ByGroup {
    let order = order(roster, by);
    let index = |g: &str| order.iter().position(|o| o == g).unwrap_or(order.len() - 1);
    // Per group: its scorers' score maps, and whether it holds the show of hands.
    let mut members: Vec<Vec<&std::collections::BTreeMap<String, Score>>> =
        vec![Vec::new(); order.len()];
    for (scorer, scores) in &round.scores {
        if scores.values().any(Score::is_answered) {
            members[index(&scorer_group(scoring, roster, scorer, by))].push(scores);
        }
    }
    let hands = !round.hands.values().all(|h| h.is_empty());
    let unassigned = order.len() - 1;
    let present: Vec<usize> = (0..order.len())
        .filter(|&i| !members[i].is_empty() || (i == unassigned && hands))
        .collect();
    let range = scoring.scale.range();
    let elements = scoring
        .framework
        .elements
        .iter()
        .map(|e| {
            let (all, dk) = scoring.values(round, &e.id);
            let groups = present
                .iter()
                .map(|&i| {
                    let mut values = Vec::new();
                    let mut dont_know = 0;
                    for scores in &members[i] {
                        match scores.get(&e.id) {
                            Some(Score { value: Some(v), .. }) => values.push(*v),
                            Some(Score {
                                dont_know: true, ..
                            }) if scoring.scale.allow_dont_know => dont_know += 1,
                            _ => {}
                        }
                    }
                    if i == unassigned
                        && let Some(h) = round.hands.get(&e.id)
                    {
                        for (k, &count) in h.counts.iter().enumerate() {
                            let v = scoring.scale.min + k as i32;
                            values.extend(std::iter::repeat_n(v, count as usize));
                        }
                        if scoring.scale.allow_dont_know {
                            dont_know += h.dont_know as usize;
                        }
                    }
                    GroupResult {
                        group: order[i].clone(),
                        summary: stats::summarise(&values, dont_know, range),
                    }
                })
                .collect();
            ElementByGroup {
                element: e.clone(),
                overall: stats::summarise(&all, dk, range),
                groups,
            }
        })
        .collect();
    ByGroup {
        groups: present
            .iter()
            .map(|&i| (order[i].clone(), members[i].len()))
            .collect(),
        elements,
    }
}

/// The words a group's flag shows: the disagreement kind and/or "many don't know", or "".
pub fn flag_words(s: &Summary) -> String {
    let mut out: Vec<&str> = Vec::new();
    if let Some(d) = s.disagreement {
        out.push(d.label());
    }
    if s.many_dont_know {
        out.push("many don\u{2019}t know");
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::Disagreement;
    use crate::content::frameworks::CYCLE;
    use serde_json::Map;

    fn entry(id: &str, group: &str, involvement: Involvement) -> Stakeholder {
        Stakeholder {
            id: id.into(),
            name: format!("{id} name"),
            group: group.into(),
            involvement,
            extra: Map::new(),
        }
    }

    /// Nine scorers: three GPs (involved), three from the voluntary sector (affected), three
    /// with no roster link; on shared vision the GPs agree high, the affected scatter.
    fn setup() -> (Scoring, Vec<Stakeholder>) {
        let roster = vec![
            entry("gp1", "GPs", Involvement::Involved),
            entry("gp2", "GPs", Involvement::Involved),
            entry("gp3", "GPs", Involvement::Involved),
            entry("v1", "Voluntary sector", Involvement::Affected),
            entry("v2", "Voluntary sector", Involvement::Affected),
            entry("v3", "", Involvement::Affected),
        ];
        let mut s = Scoring::start(&CYCLE, "r".into());
        for (i, r) in roster.iter().enumerate() {
            s.add_scorer(format!("s{i}"), "");
            s.scorers[i].roster_id = Some(r.id.clone());
        }
        for i in 6..9 {
            s.add_scorer(format!("s{i}"), "");
        }
        let e = "shared-vision";
        for (scorer, v) in [
            ("s0", 5),
            ("s1", 5),
            ("s2", 4),
            ("s3", 1),
            ("s4", 3),
            ("s5", 5),
            ("s6", 3),
            ("s7", 3),
        ] {
            s.set_score("r", scorer, e, Some(v), false);
        }
        s.set_score("r", "s8", e, None, true);
        (s, roster)
    }

    #[test]
    fn scorers_are_grouped_by_roster_group_with_the_unlinked_unassigned() {
        let (s, roster) = setup();
        let g = by_group(&s, &s.rounds[0], &roster, GroupBy::Group);
        let names: Vec<(&str, usize)> = g.groups.iter().map(|(n, k)| (n.as_str(), *k)).collect();
        // v3 has no group: its own name stands for it.
        assert_eq!(
            names,
            [
                ("GPs", 3),
                ("Voluntary sector", 2),
                ("v3 name", 1),
                (UNASSIGNED, 3)
            ]
        );
        let sv = g
            .elements
            .iter()
            .find(|e| e.element.id == "shared-vision")
            .unwrap();
        let mean = |i: usize| sv.groups[i].summary.mean.unwrap();
        assert!((mean(0) - 14.0 / 3.0).abs() < 1e-9);
        assert_eq!(mean(1), 2.0);
        assert_eq!(sv.groups[3].summary.n, 2);
        assert_eq!(sv.groups[3].summary.dont_know, 1);
        assert_eq!(sv.overall.n, 8, "the whole round is every score");
        // Highest: v3 alone at 5; lowest: the voluntary sector at 2.
        assert!((sv.between().unwrap() - 3.0).abs() < 1e-9);
        assert!(g.comparable());
    }

    #[test]
    fn by_involvement_the_affected_scatter_while_the_involved_agree() {
        let (s, roster) = setup();
        let g = by_group(&s, &s.rounds[0], &roster, GroupBy::Involvement);
        let names: Vec<&str> = g.groups.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Involved", "Affected but not involved", UNASSIGNED]);
        let sv = g
            .elements
            .iter()
            .find(|e| e.element.id == "shared-vision")
            .unwrap();
        assert_eq!(sv.groups[0].summary.disagreement, None);
        // 1, 3, 5: one scorer two levels below the median and one two above: spread.
        assert_eq!(
            sv.groups[1].summary.disagreement,
            Some(Disagreement::Spread)
        );
        assert_eq!(flag_words(&sv.groups[1].summary), "spread");
        assert_eq!(flag_words(&sv.groups[0].summary), "");
    }

    #[test]
    fn show_of_hands_count_as_unassigned_and_empty_groups_are_left_out() {
        let mut s = Scoring::start(&CYCLE, "r".into());
        let roster = vec![entry("gp", "GPs", Involvement::Involved)];
        s.add_scorer("a".into(), "");
        s.scorers[0].roster_id = Some("gp".into());
        s.add_scorer("b".into(), "Not linked, did not score");
        s.set_score("r", "a", "learning", Some(2), false);
        let only = by_group(&s, &s.rounds[0], &roster, GroupBy::Group);
        assert_eq!(only.groups, [("GPs".to_string(), 1)]);
        assert!(!only.comparable());
        s.set_hands("r", "learning", Some(4), 3);
        let g = by_group(&s, &s.rounds[0], &roster, GroupBy::Group);
        assert_eq!(
            g.groups,
            [("GPs".to_string(), 1), (UNASSIGNED.to_string(), 0)]
        );
        let learning = g
            .elements
            .iter()
            .find(|e| e.element.id == "learning")
            .unwrap();
        assert_eq!(learning.groups[1].summary.n, 3);
        assert_eq!(learning.overall.n, 4);
    }

    #[test]
    fn a_link_to_a_removed_roster_entry_is_unassigned() {
        let (s, mut roster) = setup();
        roster.retain(|r| r.id != "gp1");
        assert_eq!(scorer_group(&s, &roster, "s0", GroupBy::Group), UNASSIGNED);
        assert_eq!(
            scorer_group(&s, &roster, "nobody", GroupBy::Group),
            UNASSIGNED
        );
        assert_eq!(
            scorer_group(&s, &roster, "s1", GroupBy::Involvement),
            "Involved"
        );
        assert_eq!(GroupBy::from_key("involvement"), Some(GroupBy::Involvement));
    }
}
