//! Scoring's tests: scales, rounds, tallies, the statistics each element gets.
use super::*;
use crate::content::frameworks::CYCLE;

fn scoring() -> Scoring {
    let mut s = Scoring::start(&CYCLE, "r1".into());
    for i in 1..=5 {
        s.add_scorer(format!("s{i}"), "");
    }
    s
}

#[test]
fn starting_copies_the_framework_and_opens_a_round() {
    let s = scoring();
    assert_eq!(s.framework.elements.len(), 9);
    assert_eq!(s.framework.based_on, "cycle");
    assert_eq!(s.rounds.len(), 1);
    assert_eq!(s.scorer_label("s3"), "Scorer 3");
    assert_eq!((s.scale.min, s.scale.max), (1, 5));
}

#[test]
fn the_weakest_element_is_the_lowest_mean_and_none_before_scoring() {
    let mut s = scoring();
    assert!(Scoring::weakest(&s.results(&s.rounds[0])).is_none());
    s.set_score("r1", "s1", "shared-vision", Some(4), false);
    s.set_score("r1", "s1", "learning", Some(2), false);
    let results = s.results(&s.rounds[0]);
    assert_eq!(
        Scoring::weakest(&results).map(|r| r.element.id.as_str()),
        Some("learning")
    );
}

#[test]
fn show_of_hands_equals_the_same_individual_scores() {
    let mut a = scoring();
    for (i, v) in [
        (1, Some(2)),
        (2, Some(4)),
        (3, Some(4)),
        (4, Some(5)),
        (5, None),
    ] {
        a.set_score("r1", &format!("s{i}"), "shared-vision", v, v.is_none());
    }
    let mut b = scoring();
    b.set_hands("r1", "shared-vision", Some(2), 1);
    b.set_hands("r1", "shared-vision", Some(4), 2);
    b.set_hands("r1", "shared-vision", Some(5), 1);
    b.set_hands("r1", "shared-vision", None, 1);
    let ra = a.results(&a.rounds[0]);
    let rb = b.results(&b.rounds[0]);
    assert_eq!(ra, rb);
    let sv = &ra[1].summary;
    assert_eq!((sv.n, sv.dont_know), (4, 1));
    assert_eq!(sv.mean, Some(3.75));
}

#[test]
fn scores_outside_the_scale_are_refused_and_clearing_removes() {
    let mut s = scoring();
    s.set_score("r1", "s1", "learning", Some(9), false);
    assert!(s.rounds[0].scores.is_empty());
    s.set_score("r1", "s1", "learning", Some(3), false);
    s.set_comment("r1", "s1", "learning", "some learning".into());
    s.set_score("r1", "s1", "learning", None, false);
    // The comment stays, without a score.
    assert_eq!(s.rounds[0].scores["s1"]["learning"].value, None);
    s.set_comment("r1", "s1", "learning", String::new());
    s.set_score("r1", "s1", "learning", None, false);
    assert!(s.rounds[0].scores.is_empty());
}

#[test]
fn rounds_keep_the_framework_and_removing_a_scorer_removes_their_scores() {
    let mut s = scoring();
    s.set_score("r1", "s2", "support", Some(1), false);
    s.add_round("r2".into(), "");
    assert_eq!(s.rounds[1].name, "Round 2");
    s.set_score("r2", "s2", "support", Some(5), false);
    s.remove_scorer("s2");
    assert!(s.rounds.iter().all(|r| r.scores.is_empty()));
    assert_eq!(s.scorers.len(), 4);
}

#[test]
fn elements_move_within_the_list() {
    let mut s = scoring();
    let ids = |s: &Scoring| {
        s.framework
            .elements
            .iter()
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    };
    s.framework.move_element("shared-vision", -1);
    assert_eq!(
        ids(&s)[..2],
        ["shared-vision".to_string(), "buy-in".to_string()]
    );
    s.framework.move_element("shared-vision", -5);
    assert_eq!(ids(&s)[0], "shared-vision");
    s.framework.move_element("buy-in", 99);
    assert_eq!(ids(&s).last().unwrap(), "buy-in");
    s.framework.move_element("nope", 1);
    assert_eq!(ids(&s).len(), 9);
}

#[test]
fn presets_are_recognised() {
    for p in ScalePreset::ALL {
        assert_eq!(p.scale().preset(), Some(p));
        assert_eq!(ScalePreset::from_key(p.key()), Some(p));
    }
    let s = ScalePreset::OneToFive.scale();
    assert_eq!(s.level_label(3), "3 \u{b7} Mixed");
    assert_eq!(ScalePreset::OneToSeven.scale().level_label(2), "2");
}

#[test]
fn saved_scoring_reads_back_the_same() {
    let mut s = scoring();
    s.set_score("r1", "s1", "buy-in", Some(4), false);
    s.set_comment("r1", "s1", "buy-in", "\"quoted\" <b>".into());
    s.set_hands("r1", "access", Some(1), 3);
    let json = serde_json::to_string(&s).unwrap();
    let back: Scoring = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
}
