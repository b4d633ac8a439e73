use super::*;
use crate::analysis::stats::Disagreement;
use crate::model::boundary::{QUESTIONS, Stance};
use crate::persist::document::{SavedWorkshop, read_workshop};

fn example() -> Workshop {
    example_workshop(EXAMPLE_ID.into(), 1_700_000_000_000.0)
}

#[test]
fn the_example_is_the_same_every_time() {
    assert_eq!(example(), example());
    let a = example_workshop("w-example-a".into(), 5.0);
    assert_eq!(a.created_at, 5.0);
    assert_eq!(a.id, "w-example-a");
    assert!(is_example(&a.id) && is_example(EXAMPLE_ID));
    assert!(!is_example("w-lq3k9x-3f9a1c"));
}

#[test]
fn the_example_is_stored_and_restored_with_nothing_to_repair() {
    let w = example();
    let text = SavedWorkshop::new(w.clone(), 1.0).to_json();
    let restored = read_workshop(&text, "w-fallback").expect("the example reads back");
    assert!(restored.repairs.is_empty(), "{:?}", restored.repairs);
    assert_eq!(restored.saved.workshop, w);
}

#[test]
fn the_example_says_it_is_illustrative() {
    let w = example();
    assert!(w.title.contains("Example") && w.title.contains("illustrative"));
    assert!(w.purpose.contains("not data from the study"));
    assert!(w.notes.contains("not data from the study"));
}

#[test]
fn every_section_is_filled() {
    let w = example();
    let involved = w
        .roster
        .iter()
        .filter(|s| s.involvement == Involvement::Involved)
        .count();
    assert!(involved >= 8 && w.roster.len() - involved >= 4);
    assert!(!w.purpose.is_empty() && !w.notes.is_empty() && !w.facilitator.is_empty());

    let b = &w.boundary;
    assert_eq!(b.perspectives.len(), 5);
    assert_eq!(
        b.progress(TEAM),
        2 * QUESTIONS as usize,
        "all 12, is and ought"
    );
    for p in [GPS, VCS] {
        assert!(b.progress(p) >= 18, "{p} answers most questions");
    }
    for p in [USERS, UNREACHED] {
        assert!(b.progress(p) >= 14, "{p} answers several questions");
    }
    assert!(b.unanswered().is_empty());
    assert!(b.tension_summary().len() >= 4);
    assert_eq!(b.stance(TEAM, &w.roster), Stance::Involved);
    assert_eq!(b.stance(VCS, &w.roster), Stance::Involved);
    assert_eq!(b.stance(USERS, &w.roster), Stance::Involved);
    assert_eq!(b.stance(UNREACHED, &w.roster), Stance::Affected);
    assert!(
        !b.unrepresented(&w.roster).is_empty(),
        "the witness question has an answer"
    );

    assert_eq!(w.maps.len(), 1);
    let m = &w.maps[0];
    assert_eq!(m.template, "vision");
    assert!(m.nodes.iter().any(|n| n.label == "People with low agency"));
    assert!(m.nodes.len() > 6 && m.links.len() > 5);
    assert!(m.links.iter().filter(|l| !l.label.is_empty()).count() >= 4);

    assert_eq!(w.pictures.len(), 1);
    let count = |f: fn(&Item) -> bool| w.pictures[0].items.iter().filter(|i| f(i)).count();
    assert!(count(|i| matches!(i, Item::Sticker(_))) >= 10);
    assert!(count(|i| matches!(i, Item::Arrow(_))) >= 3);
    assert!(count(|i| matches!(i, Item::Text(_))) >= 2);
    assert!(count(|i| matches!(i, Item::Stroke(_))) >= 3);
    assert!(
        w.pictures[0]
            .items
            .iter()
            .all(|i| !matches!(i, Item::Sticker(s) if s.caption.is_empty()))
    );

    let s = &w.scoring;
    assert_eq!(s.framework.based_on, "cycle");
    assert_eq!(s.rounds.len(), 2);
    assert!((6..=8).contains(&s.scorers.len()));
    for r in &s.rounds {
        assert!(r.revealed);
        for scorer in &s.scorers {
            assert_eq!(s.answered_by(r, &scorer.id), s.framework.elements.len());
        }
    }
}

#[test]
fn phase_two_improves_and_people_disagree_somewhere() {
    let s = example().scoring;
    let one = s.results(&s.rounds[0]);
    let two = s.results(&s.rounds[1]);
    for (a, b) in one.iter().zip(&two) {
        assert!(
            b.summary.mean > a.summary.mean,
            "{} should improve: {:?} then {:?}",
            a.element.name,
            a.summary.mean,
            b.summary.mean
        );
    }
    let flagged = |r: &[crate::model::scoring::ElementResult]| {
        r.iter()
            .filter(|e| e.summary.disagreement.is_some())
            .map(|e| e.element.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(flagged(&one), ["shared-vision"]);
    assert_eq!(one[1].summary.disagreement, Some(Disagreement::Split));
    assert_eq!(two[6].summary.disagreement, Some(Disagreement::Split));
    assert_eq!(flagged(&two), ["communication"]);
    assert!(one.iter().any(|e| e.summary.dont_know > 0));
}

#[test]
fn the_example_keeps_to_the_papers_facts() {
    let w = example();
    let entry = |id: &str| w.roster.iter().find(|s| s.id == id).unwrap();
    // The sector took part in steering-group conversations and the visionary events; it
    // was left out only of the research interviews.
    let vcs = entry("s-vcs");
    assert_eq!(vcs.involvement, Involvement::Involved);
    assert!(vcs.group.contains("steering-group") && vcs.group.contains("visionary"));
    let b = &w.boundary;
    let answer = |p: &str, q: u8, is: bool| {
        let a = b
            .perspective(p)
            .and_then(|x| x.answers.get(&q))
            .unwrap_or_else(|| panic!("{p} answers {q}"));
        if is { a.is.clone() } else { a.ought.clone() }
    };
    assert!(!answer(VCS, 10, true).contains("not asked"));
    // Who the scheme reaches is not the evaluation's interview sample, and GPs are not the
    // only referrers.
    let reach = answer(TEAM, 1, true);
    assert!(
        reach.contains("job centre") && reach.contains("social care"),
        "{reach}"
    );
    assert!(!answer(TEAM, 7, true).contains("GPs decide"));
    // A service-user perspective, as the paper reports users' views.
    assert!(
        b.perspectives
            .iter()
            .any(|p| p.id == USERS && p.roster_ids == ["s-users"])
    );
    // Question 11 protects those affected, not the scheme's clients.
    assert!(!answer(TEAM, 11, true).contains("turn down a referral"));
    // The scoring rounds do not echo the study's interview phases.
    for r in &w.scoring.rounds {
        assert!(!r.name.to_lowercase().contains("phase"), "{}", r.name);
    }
}

#[test]
fn the_example_map_reads_the_right_way_and_is_not_called_the_papers() {
    let m = &example().maps[0];
    assert!(!m.title.contains("from the paper"));
    assert!(m.title.contains("extended"));
    let label = |id| m.nodes.iter().find(|n| n.id == id).unwrap().label.as_str();
    let reads: Vec<(String, &str, Direction)> = m
        .links
        .iter()
        .filter(|l| !l.label.is_empty())
        .map(|l| {
            (
                format!("{} {} {}", label(l.from), l.label, label(l.to)),
                "",
                l.direction,
            )
        })
        .collect();
    let find = |s: &str| reads.iter().find(|r| r.0 == s).map(|r| r.2);
    assert_eq!(
        find("Poorly managed diseases widen Health inequalities"),
        Some(Direction::Forward)
    );
    assert_eq!(
        find("Health inequalities widen Poorly managed diseases"),
        None
    );
    assert_eq!(
        find(
            "Link workers in practices and community venues refer people to Voluntary and community groups"
        ),
        Some(Direction::Forward)
    );
    // Every labelled link reads one way: a verb is not a two-way relation.
    assert!(reads.iter().all(|r| r.2 == Direction::Forward), "{reads:?}");
}

#[test]
fn every_link_of_the_example_map_is_labelled_as_its_tip_asks() {
    let m = &example().maps[0];
    let label = |id| m.nodes.iter().find(|n| n.id == id).unwrap().label.as_str();
    let unlabelled: Vec<String> = m
        .links
        .iter()
        .filter(|l| l.label.trim().is_empty())
        .map(|l| format!("{} -> {}", label(l.from), label(l.to)))
        .collect();
    assert!(unlabelled.is_empty(), "{unlabelled:?}");
    let centre = m.nodes[0].id;
    assert_eq!(label(centre), "People with low agency");
    let from_centre: Vec<String> = m
        .links
        .iter()
        .filter(|l| l.from == centre)
        .map(|l| format!("{} {} {}", label(l.from), l.label, label(l.to)))
        .collect();
    assert_eq!(from_centre.len(), 5, "{from_centre:?}");
    assert!(
        from_centre.contains(
            &"People with low agency often live with Loneliness and isolation".to_string()
        )
    );
    // Notes show the feature in use, and no note is blank.
    assert!(m.nodes.iter().filter(|n| !n.notes.is_empty()).count() >= 2);
}

#[test]
fn every_roster_link_points_at_a_roster_entry() {
    let w = example();
    let known = |id: &str| w.roster.iter().any(|s| s.id == id);
    for p in &w.boundary.perspectives {
        assert!(!p.roster_ids.is_empty());
        for id in &p.roster_ids {
            assert!(known(id), "perspective {} links to {id}", p.name);
        }
    }
    let linked = w.pictures[0].linked_stakeholders();
    assert!(linked.len() >= 6);
    for id in linked {
        assert!(known(id), "a sticker links to {id}");
    }
    for scorer in &w.scoring.scorers {
        let id = scorer
            .roster_id
            .as_deref()
            .expect("every scorer is on the roster");
        assert!(known(id), "scorer {} links to {id}", scorer.name);
    }
    let mut ids: Vec<&str> = w.roster.iter().map(|s| s.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), w.roster.len(), "roster ids are unique");
}
