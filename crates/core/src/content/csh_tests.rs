//! The twelve categories' tests: numbering, the grid, every text present.
use super::*;

fn texts(c: &Category) -> [&'static str; 6] {
    [
        c.name,
        c.is_question,
        c.ought_question,
        c.asks,
        c.why,
        c.example,
    ]
}

#[test]
fn numbers_run_from_one_to_twelve_in_order() {
    let numbers: Vec<u8> = CATEGORIES.iter().map(|c| c.number).collect();
    assert_eq!(numbers, (1..=12).collect::<Vec<u8>>());
    for n in 1..=12 {
        assert_eq!(category(n).map(|c| c.number), Some(n));
    }
}

#[test]
fn the_grid_follows_ulrichs_table() {
    use Kind::*;
    use Source::*;
    assert_eq!(at(Motivation, SocialRole).number, 1);
    assert_eq!(at(Motivation, SpecificConcern).number, 2);
    assert_eq!(at(Motivation, KeyProblem).number, 3);
    assert_eq!(at(Control, SocialRole).number, 4);
    assert_eq!(at(Control, SpecificConcern).number, 5);
    assert_eq!(at(Control, KeyProblem).number, 6);
    assert_eq!(at(Knowledge, SocialRole).number, 7);
    assert_eq!(at(Knowledge, SpecificConcern).number, 8);
    assert_eq!(at(Knowledge, KeyProblem).number, 9);
    assert_eq!(at(Legitimacy, SocialRole).number, 10);
    assert_eq!(at(Legitimacy, SpecificConcern).number, 11);
    assert_eq!(at(Legitimacy, KeyProblem).number, 12);
}

#[test]
fn each_category_sits_in_its_own_cell() {
    for source in Source::ALL {
        for kind in Kind::ALL {
            let c = at(source, kind);
            assert_eq!((c.source, c.kind), (source, kind), "category {}", c.number);
        }
    }
}

#[test]
fn the_names_match_the_table() {
    let names: Vec<&str> = CATEGORIES.iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "Beneficiary",
            "Purpose",
            "Measure of improvement",
            "Decision-maker",
            "Resources",
            "Decision environment",
            "Expert",
            "Expertise",
            "Guarantor",
            "Witness",
            "Emancipation",
            "Worldview",
        ]
    );
}

#[test]
fn every_category_has_two_distinct_questions_and_its_texts() {
    for c in &CATEGORIES {
        for text in texts(c) {
            assert!(!text.is_empty(), "category {} has an empty text", c.number);
        }
        for mode in Mode::ALL {
            let q = c.question(mode);
            assert!(q.ends_with('?'), "{}: {q}", c.number);
            assert!(
                q.split_whitespace().count() <= 25,
                "{}: too long to read aloud: {q}",
                c.number
            );
        }
        assert_eq!(c.question(Mode::Is), c.is_question);
        assert_eq!(c.question(Mode::Ought), c.ought_question);
        assert_ne!(c.is_question, c.ought_question, "category {}", c.number);
    }
}

#[test]
fn ought_questions_ask_what_should_be_and_is_questions_do_not() {
    for c in &CATEGORIES {
        let normative = |q: &str| q.contains("should") || q.contains("ought");
        assert!(normative(c.ought_question), "{}", c.ought_question);
        assert!(!normative(c.is_question), "{}", c.is_question);
    }
}

#[test]
fn only_the_legitimacy_row_is_not_about_those_involved() {
    let not_involved: Vec<Source> = Source::ALL
        .into_iter()
        .filter(|s| !s.concerns_those_involved())
        .collect();
    assert_eq!(not_involved, [Source::Legitimacy]);
    for c in &CATEGORIES {
        assert_eq!(
            c.source.concerns_those_involved(),
            c.number <= 9,
            "category {}",
            c.number
        );
    }
}

#[test]
fn there_is_no_category_zero_or_thirteen() {
    assert!(category(0).is_none());
    assert!(category(13).is_none());
    assert!(category(u8::MAX).is_none());
}

#[test]
fn the_witness_speaks_for_those_affected_but_not_involved() {
    let witness = category(WITNESS).expect("the witness category exists");
    assert_eq!(witness.number, 10);
    assert_eq!(witness.name, "Witness");
    assert_eq!(witness.source, Source::Legitimacy);
    assert_eq!(witness.kind, Kind::SocialRole);
    assert!(!witness.source.concerns_those_involved());
    assert_eq!(at(Source::Legitimacy, Kind::SocialRole), witness);
}

#[test]
fn the_labels_read_as_on_the_table() {
    let sources: Vec<&str> = Source::ALL.iter().map(|s| s.label()).collect();
    assert_eq!(
        sources,
        ["Motivation", "Control", "Knowledge", "Legitimacy"]
    );
    let kinds: Vec<&str> = Kind::ALL.iter().map(|k| k.label()).collect();
    assert_eq!(
        kinds,
        [
            "Social role (stakeholder)",
            "Specific concern (stake)",
            "Key problem (stakeholding issue)",
        ]
    );
    let modes: Vec<&str> = Mode::ALL.iter().map(|m| m.label()).collect();
    assert_eq!(modes, ["Is", "Ought"]);
}

#[test]
fn the_measure_of_improvement_asks_about_the_consequences_taken_together() {
    let q3 = category(3).unwrap();
    for q in [q3.is_question, q3.ought_question] {
        assert!(q.contains("improvement"), "{q}");
        assert!(q.contains("consequences, taken together"), "{q}");
        assert!(!q.contains("working"), "not whether it is working: {q}");
    }
}

#[test]
fn resources_are_what_the_decision_maker_controls() {
    let q5 = category(5).unwrap();
    for q in [q5.is_question, q5.ought_question] {
        assert!(
            q.contains("resources and other conditions of success"),
            "{q}"
        );
        assert!(q.contains("the decision-maker"), "{q}");
    }
    assert!(q5.asks.contains("question 4"));
}

#[test]
fn the_guarantor_is_where_those_involved_look_for_a_guarantee() {
    let q9 = category(9).unwrap();
    for q in [q9.is_question, q9.ought_question] {
        assert!(q.contains("those involved look for a guarantee"), "{q}");
        assert!(!q.contains("feel sure"), "{q}");
    }
}

#[test]
fn emancipation_is_from_everyone_involved_and_its_example_protects_the_affected() {
    let q11 = category(11).unwrap();
    for q in [q11.is_question, q11.ought_question] {
        assert!(q.contains("those affected"), "{q}");
        assert!(q.contains("premises and promises of those involved"), "{q}");
        assert!(q.contains("experts and beneficiaries included"), "{q}");
        assert!(!q.contains("in charge"), "{q}");
    }
    // The example is about people outside the scheme, not its clients' protections.
    assert!(!q11.example.contains("referral;") && !q11.example.contains("patient records"));
    assert!(q11.example.contains("community groups") && q11.example.contains("no GP list"));
}

#[test]
fn row_two_is_control() {
    assert_eq!(Source::Control.label(), "Control");
    assert!(Source::Control.description().contains("control (power)"));
    assert_eq!(at(Source::Control, Kind::SocialRole).name, "Decision-maker");
}

#[test]
fn being_involved_is_not_defined_as_having_a_say() {
    let texts: Vec<&str> = CATEGORIES
        .iter()
        .flat_map(texts)
        .chain(Source::ALL.iter().map(|s| s.description()))
        .collect();
    for t in texts {
        assert!(!t.contains("no say"), "{t}");
        assert!(!t.contains("have a say"), "{t}");
    }
}

#[test]
fn no_text_has_stray_whitespace() {
    let mut all: Vec<&str> = CATEGORIES.iter().flat_map(texts).collect();
    all.extend(
        Source::ALL
            .iter()
            .flat_map(|s| [s.label(), s.description()]),
    );
    all.extend(Kind::ALL.iter().flat_map(|k| [k.label(), k.description()]));
    all.extend(Mode::ALL.iter().flat_map(|m| [m.label(), m.description()]));
    for text in all {
        assert!(!text.is_empty());
        assert_eq!(
            text.trim(),
            text,
            "leading or trailing whitespace: {text:?}"
        );
        assert!(!text.contains("  "), "double space: {text:?}");
        assert!(!text.contains('\n'), "line break: {text:?}");
    }
}
