//! The learning material's tests: every section explained, glossary entries and citations.
use super::*;
use std::collections::HashSet;

/// The six sections a workshop had when this material was written.
const SECTIONS: [Section; 6] = [
    Section::Overview,
    Section::Boundary,
    Section::Maps,
    Section::Pictures,
    Section::Scoring,
    Section::Report,
];

#[test]
fn every_section_has_one_explanation() {
    for section in SECTIONS {
        assert_eq!(
            STEPS.iter().filter(|s| s.section == section).count(),
            1,
            "{section:?}"
        );
        let s = step(section).unwrap();
        assert!(s.purpose.len() > 60 && s.tip.len() > 40 && s.example.len() > 40);
        assert!(!s.to_do.is_empty());
    }
}

#[test]
fn every_term_a_step_uses_is_in_the_glossary_and_says_it_is_used_there() {
    for s in STEPS {
        assert!(!s.terms.is_empty(), "{:?} names no terms", s.section);
        for slug in s.terms {
            let t = term(slug).unwrap_or_else(|| panic!("{slug} is not in the glossary"));
            assert!(
                t.used_in.contains(&s.section),
                "{slug} is used by {:?} but does not say so",
                s.section
            );
        }
    }
}

#[test]
fn the_required_terms_are_all_there() {
    for slug in REQUIRED {
        assert!(term(slug).is_some(), "{slug}");
    }
}

#[test]
fn no_term_is_listed_twice() {
    let slugs: HashSet<_> = GLOSSARY.iter().map(|t| t.slug).collect();
    let names: HashSet<_> = GLOSSARY.iter().map(|t| t.name.to_lowercase()).collect();
    assert_eq!(slugs.len(), GLOSSARY.len());
    assert_eq!(names.len(), GLOSSARY.len());
}

#[test]
fn terms_are_grouped_in_order_and_alphabetical_within_a_group() {
    for pair in GLOSSARY.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(a.group <= b.group, "{} before {}", a.name, b.name);
        if a.group == b.group {
            assert!(
                a.name.to_lowercase() < b.name.to_lowercase(),
                "{} before {}",
                a.name,
                b.name
            );
        }
    }
    for g in Group::ALL {
        assert!(in_group(g).count() >= 3, "{g:?} is nearly empty");
    }
}

#[test]
fn slugs_are_url_safe_and_anchors_unique() {
    for t in GLOSSARY {
        assert!(
            t.slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            t.slug
        );
        assert!(t.meaning.len() > 80, "{} needs a real definition", t.name);
        assert!(!t.used_in.is_empty(), "{} is used nowhere", t.name);
    }
    let anchors: HashSet<_> = GLOSSARY.iter().map(Term::anchor).collect();
    assert_eq!(anchors.len(), GLOSSARY.len());
    for g in Group::ALL {
        assert!(!anchors.contains(g.anchor()));
    }
}

#[test]
fn involved_is_not_defined_as_having_a_say() {
    let roster_help = step(Section::Overview).unwrap().to_do.join(" ");
    let glossary = term("involved-affected").unwrap().meaning;
    for text in [roster_help.as_str(), glossary] {
        assert!(!text.contains("has a say"), "{text}");
        assert!(!text.contains("lives with it without a say"), "{text}");
        assert!(
            text.contains("with or without a say") || text.contains("even when they have no say"),
            "{text}"
        );
    }
}

#[test]
fn scoring_is_said_to_be_the_apps_extension_not_the_papers_phases() {
    let round = term("scoring-round").unwrap().meaning;
    assert!(!round.contains("as the paper's study did"), "{round}");
    assert!(round.contains("this app's extension"));
    assert!(round.contains("possibly evaluating"));
    let example = step(Section::Scoring).unwrap().example;
    assert!(!example.contains("Phase"), "{example}");
    assert!(example.contains("did not score"));
}

#[test]
fn the_models_say_what_is_the_papers_and_what_is_the_apps() {
    assert!(
        term("positive-relational-cycle")
            .unwrap()
            .meaning
            .contains("its own reading")
    );
    assert!(
        term("sustainable-social-prescribing")
            .unwrap()
            .meaning
            .contains("paper's text")
    );
    assert!(
        term("rich-picture")
            .unwrap()
            .meaning
            .contains("root definition")
    );
    let maps = step(Section::Maps).unwrap().example;
    assert!(
        !maps.contains("the team vision map from the paper"),
        "{maps}"
    );
    assert!(maps.contains("not the paper's"));
    assert!(
        term("boundary-category")
            .unwrap()
            .meaning
            .contains("control")
    );
}

#[test]
fn every_citation_is_a_listed_source() {
    for t in GLOSSARY {
        assert_eq!(
            t.sources().len(),
            t.cites.len(),
            "{} cites {:?}",
            t.name,
            t.cites
        );
    }
    let cite = |slug: &str| term(slug).unwrap().cites;
    assert!(cite("csh").contains(&"Ulrich 1983"));
    assert!(cite("marginalisation").contains(&"Midgley 2000"));
    assert!(cite("rich-picture").contains(&"Checkland 2006"));
}

#[test]
fn the_tour_has_four_to_six_stops_each_with_something_to_say() {
    assert!((4..=6).contains(&TOUR.len()));
    for stop in TOUR {
        assert!(
            !stop.title.is_empty() && stop.text.len() > 80,
            "{}",
            stop.title
        );
    }
    let titles: HashSet<_> = TOUR.iter().map(|s| s.title).collect();
    assert_eq!(titles.len(), TOUR.len());
}

#[test]
fn the_path_visits_every_section_in_the_order_of_the_tabs() {
    let visited: Vec<Section> = PATH.iter().map(|p| p.section).collect();
    let mut distinct = visited.clone();
    distinct.dedup();
    assert_eq!(distinct, SECTIONS);
    assert_eq!(PATH[0].name, "Details");
    assert_eq!(PATH[1].name, "Roster");
}
