//! Taking part from phones: invites and responses survive the trip through their codes, any
//! damage is refused with a message and never panics, and merging responses counts each once
//! and gives the same statistics as the same scores entered in turn.

use cstw_core::content::frameworks::CYCLE;
use cstw_core::model::Workshop;
use cstw_core::model::boundary::{BoundaryCritique, Mode};
use cstw_core::model::scoring::Scoring;
use cstw_core::participate::code::{self, Kind, MAX_CODE_CHARS};
use cstw_core::participate::invite::{Invite, InviteElement, Modes};
use cstw_core::participate::qr::{self, MAX_PROJECTED_VERSION};
use cstw_core::participate::response::{Response, Stance};
use cstw_core::participate::{
    Answer, BoundaryInvite, BoundaryResponse, Refusal, ScoringInvite, ScoringResponse, caps,
    code_in,
};
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Any text up to `max` characters, tricky characters included.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            any::<char>(),
            prop::sample::select(vec!['<', '&', '"', '\n', '\u{202e}', '\u{feff}', 'é', '😀']),
        ],
        0..=max,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

fn scoring_invite() -> impl Strategy<Value = ScoringInvite> {
    (
        (text(caps::ID), text(caps::ID), text(caps::ROUND_NAME)),
        any::<u32>(),
        (-5i32..5, 0i32..(caps::LEVELS as i32)),
        prop::collection::vec(text(caps::LABEL), 0..caps::LEVELS),
        prop::collection::vec(
            (text(caps::ELEMENT_NAME), text(caps::DESCRIPTION))
                .prop_map(|(name, description)| InviteElement { name, description }),
            0..12,
        ),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |((workshop, round, round_name), check, (min, span), labels, elements, dk, dropped)| {
                ScoringInvite {
                    workshop,
                    round,
                    round_name,
                    check,
                    elements,
                    min,
                    max: min + span,
                    labels,
                    allow_dont_know: dk,
                    descriptions_dropped: dropped,
                }
            },
        )
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        Just(Answer::Blank),
        Just(Answer::DontKnow),
        any::<i32>().prop_map(Answer::Level),
    ]
}

fn scoring_response() -> impl Strategy<Value = ScoringResponse> {
    (
        (text(caps::ID), text(caps::ID), any::<u32>()),
        text(caps::ID).prop_filter("an id", |s| !s.is_empty()),
        text(caps::NAME),
        prop::collection::vec((answer(), text(caps::COMMENT)), 0..12),
    )
        .prop_map(
            |((workshop, round, check), response, name, answers)| ScoringResponse {
                workshop,
                round,
                check,
                response,
                name,
                answers,
            },
        )
}

fn boundary_response() -> impl Strategy<Value = BoundaryResponse> {
    (
        (text(caps::ID), text(caps::ID), any::<u32>()),
        text(caps::ID).prop_filter("an id", |s| !s.is_empty()),
        (text(caps::NAME), text(caps::ID), text(caps::PERSPECTIVE)),
        prop::sample::select(vec![Stance::Unsaid, Stance::Involved, Stance::Affected]),
        prop::collection::vec((1u8..=12, any::<bool>(), text(200)), 0..24),
    )
        .prop_map(
            |(
                (workshop, invite, check),
                response,
                (name, perspective, new_perspective),
                stance,
                answers,
            )| {
                BoundaryResponse {
                    workshop,
                    invite,
                    check,
                    response,
                    name,
                    perspective,
                    new_perspective,
                    stance,
                    answers,
                }
            },
        )
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn scoring_invites_read_back(invite in scoring_invite()) {
        let code = invite.encode();
        prop_assert!(code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(ScoringInvite::decode(&code), Ok(invite.clone()));
        prop_assert_eq!(Invite::decode(&qr::join_address("http://x/", &code)), Ok(Invite::Scoring(invite)));
    }

    #[test]
    fn scoring_responses_read_back(r in scoring_response()) {
        let code = r.encode();
        prop_assert_eq!(ScoringResponse::decode(&code), Ok(r.clone()));
        let link = qr::response_address("https://host/app/index.html#/old", &code);
        prop_assert_eq!(Response::decode(&link), Ok(Response::Scoring(r)));
    }

    #[test]
    fn boundary_invites_and_responses_read_back(
        r in boundary_response(),
        qs in prop::collection::vec(any::<u8>(), 0..20),
        modes in (any::<bool>(), any::<bool>()),
        perspective in prop::option::of((text(caps::ID), text(caps::PERSPECTIVE))),
        ask in any::<bool>(),
    ) {
        prop_assert_eq!(BoundaryResponse::decode(&r.encode()), Ok(r));
        let invite = BoundaryInvite::new("w", "i", &qs, Modes { is: modes.0, ought: modes.1 }, perspective, ask);
        prop_assert!(invite.questions.iter().all(|q| (1..=12).contains(q)));
        prop_assert_eq!(BoundaryInvite::decode(&invite.encode()), Ok(invite));
    }

    #[test]
    fn any_text_is_refused_or_read_without_panic(s in ".{0,300}") {
        let _ = Response::decode(&s);
        let _ = Invite::decode(&s);
    }

    #[test]
    fn byte_soup_in_a_valid_frame_never_panics(
        kind in prop::sample::select(vec![Kind::ScoringInvite, Kind::ScoringResponse, Kind::BoundaryInvite, Kind::BoundaryResponse]),
        body in prop::collection::vec(any::<u8>(), 0..400),
    ) {
        // A correct checksum around random contents: the field reader must refuse, not panic.
        let code = code::encode(kind, &body);
        let _ = Response::decode(&code);
        let _ = Invite::decode(&code);
        let _ = ScoringInvite::decode(&code);
        let _ = BoundaryResponse::decode(&code);
    }
}

proptest! {
    // Each case decodes every prefix of its code: fewer cases.
    #![proptest_config(config(40))]

    #[test]
    fn every_cut_and_every_changed_character_is_refused(r in scoring_response(), at in any::<prop::sample::Index>()) {
        let code = r.encode();
        for end in 0..code.len() {
            prop_assert!(ScoringResponse::decode(&code[..end]).is_err());
        }
        let i = at.index(code.len());
        let mut bytes = code.into_bytes();
        bytes[i] = if bytes[i] == b'x' { b'y' } else { b'x' };
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(ScoringResponse::decode(&changed).is_err());
    }
}

fn workshop() -> Workshop {
    let mut w = Workshop::new("w-one".into(), "Steering group", 0.0);
    w.scoring = Scoring::start(&CYCLE, "r-1".into());
    w.scoring.add_round("r-2".into(), "Phase 2");
    w
}

/// A phone's answer to round `round`: each element scored by `level(i)`.
fn respond(
    w: &Workshop,
    round: &str,
    id: &str,
    name: &str,
    level: impl Fn(usize) -> Answer,
) -> ScoringResponse {
    let invite = ScoringInvite::for_round(w, round).unwrap();
    let invite = ScoringInvite::decode(&invite.encode()).unwrap();
    ScoringResponse {
        workshop: invite.workshop.clone(),
        round: invite.round.clone(),
        check: invite.check,
        response: id.into(),
        name: name.into(),
        answers: (0..invite.elements.len())
            .map(|i| {
                (
                    level(i),
                    if i == 0 {
                        "<b>why</b> & \"so\"".to_string()
                    } else {
                        String::new()
                    },
                )
            })
            .collect(),
    }
}

#[test]
fn a_response_becomes_a_scorer_once() {
    let mut w = workshop();
    let r = respond(&w, "r-1", "a1", "", |i| Answer::Level(1 + (i % 5) as i32));
    let code = r.encode();
    let back =
        match Response::decode(&qr::response_address("http://10.0.0.2:8080/", &code)).unwrap() {
            Response::Scoring(r) => r,
            other => panic!("{other:?}"),
        };
    assert_eq!(back.merge_into(&mut w), Ok("Participant 1".into()));
    let round = w.scoring.round("r-1").unwrap();
    assert_eq!(round.scores.len(), 1);
    assert_eq!(w.scoring.answered_by(round, "resp-a1"), 9);
    let first = &w.scoring.framework.elements[0].id;
    assert_eq!(
        round.scores["resp-a1"][first].comment,
        "<b>why</b> & \"so\""
    );
    // The same response again: refused, nothing changes.
    let before = w.clone();
    assert_eq!(
        back.merge_into(&mut w),
        Err(Refusal::Duplicate("Participant 1".into()))
    );
    assert_eq!(w, before);
    // A named participant keeps their name; the next anonymous one is Participant 3.
    let named = respond(&w, "r-1", "b2", " Ana ", |_| Answer::DontKnow);
    assert_eq!(named.merge_into(&mut w), Ok("Ana".into()));
    let third = respond(&w, "r-1", "c3", "", |_| Answer::Blank);
    assert_eq!(third.merge_into(&mut w), Ok("Participant 3".into()));
}

#[test]
fn a_response_for_another_round_or_workshop_or_version_is_refused() {
    let mut w = workshop();
    let r2 = respond(&w, "r-2", "x", "", |_| Answer::Level(3));
    let before = w.clone();

    let mut other_round = r2.clone();
    other_round.round = "r-gone".into();
    assert_eq!(other_round.merge_into(&mut w), Err(Refusal::OtherRound));

    let mut elsewhere = w.clone();
    elsewhere.id = "w-two".into();
    let foreign = respond(&elsewhere, "r-2", "y", "", |_| Answer::Level(3));
    assert_eq!(foreign.merge_into(&mut w), Err(Refusal::OtherWorkshop));

    // Round 1's check does not fit round 2.
    let mut swapped = respond(&w, "r-1", "z", "", |_| Answer::Level(3));
    swapped.round = "r-2".into();
    assert_eq!(swapped.merge_into(&mut w), Err(Refusal::RoundChanged));

    // The scale changed after the invitation.
    let mut changed = w.clone();
    changed.scoring.scale.max = 7;
    assert_eq!(
        r2.clone().merge_into(&mut changed),
        Err(Refusal::RoundChanged)
    );

    // A level outside the scale (made by hand, with a valid checksum).
    let mut wild = r2.clone();
    wild.answers[0].0 = Answer::Level(99);
    assert_eq!(
        ScoringResponse::decode(&wild.encode())
            .unwrap()
            .merge_into(&mut w),
        Err(Refusal::Damaged)
    );
    assert_eq!(w, before);

    // An invitation pasted where a response belongs.
    let invite = ScoringInvite::for_round(&w, "r-1").unwrap().encode();
    assert!(matches!(
        Response::decode(&invite),
        Err(Refusal::WrongKind {
            found: Kind::ScoringInvite,
            ..
        })
    ));
    assert_eq!(r2.merge_into(&mut w), Ok("Participant 1".into()));
}

#[test]
fn a_tampered_or_damaged_code_is_refused_with_a_message() {
    let w = workshop();
    let code = respond(&w, "r-1", "t", "", |_| Answer::Level(2)).encode();
    // Change one level inside the body and keep the old checksum.
    let mut bytes = base64_decode(&code);
    let n = bytes.len();
    bytes[n / 2] ^= 0x01;
    let tampered = base64_encode(&bytes);
    assert_eq!(ScoringResponse::decode(&tampered), Err(Refusal::Tampered));
    assert!(Refusal::Tampered.to_string().contains("changed"));
    assert_eq!(
        ScoringResponse::decode("not a code!"),
        Err(Refusal::Damaged)
    );
    assert!(ScoringResponse::decode(&code[..code.len() / 2]).is_err());
    assert_eq!(ScoringResponse::decode(""), Err(Refusal::Empty));
    assert_eq!(
        ScoringResponse::decode(&"A".repeat(MAX_CODE_CHARS + 1)),
        Err(Refusal::TooLong)
    );
    assert_eq!(
        code_in(&format!("see http://h/#/response/{code} thanks")).len(),
        code.len() + 6
    );
}

fn base64_decode(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(s)
        .unwrap()
}

fn base64_encode(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

#[test]
fn twenty_five_phones_give_the_statistics_of_scoring_in_turn() {
    let mut phones = workshop();
    let mut in_turn = workshop();
    let elements: Vec<String> = in_turn
        .scoring
        .framework
        .elements
        .iter()
        .map(|e| e.id.clone())
        .collect();
    // A fixed spread of answers: mostly levels, some "don't know", a few left blank.
    let level = |p: usize, i: usize| -> Answer {
        let x = (p * 31 + i * 17 + p * i * 7) % 23;
        match x {
            0 | 1 => Answer::DontKnow,
            2 => Answer::Blank,
            v => Answer::Level(1 + (v as i32) % 5),
        }
    };
    for p in 0..25 {
        let r = respond(&phones, "r-1", &format!("p{p}"), "", |i| level(p, i));
        ScoringResponse::decode(&r.encode())
            .unwrap()
            .merge_into(&mut phones)
            .unwrap();
        let scorer = format!("s{p}");
        in_turn.scoring.add_scorer(scorer.clone(), "");
        for (i, e) in elements.iter().enumerate() {
            match level(p, i) {
                Answer::Level(v) => in_turn.scoring.set_score("r-1", &scorer, e, Some(v), false),
                Answer::DontKnow => in_turn.scoring.set_score("r-1", &scorer, e, None, true),
                Answer::Blank => {}
            }
        }
    }
    let a = phones.scoring.results(phones.scoring.round("r-1").unwrap());
    let b = in_turn
        .scoring
        .results(in_turn.scoring.round("r-1").unwrap());
    assert_eq!(a, b);
    assert_eq!(phones.scoring.scorers.len(), 25);
    assert!(a.iter().all(|r| r.summary.n >= 15), "{a:?}");
    assert!(a.iter().any(|r| r.summary.dont_know > 0));
}

#[test]
fn the_cycle_invite_fits_a_projected_qr_code_and_a_long_one_drops_descriptions() {
    let w = workshop();
    let invite = ScoringInvite::for_round(&w, "r-1").unwrap();
    let base = "http://192.168.100.200:8080/cst-workbench/";
    let fitted = qr::fit_invite(base, &invite);
    let q = fitted.qr.as_ref().unwrap();
    assert!(q.version <= MAX_PROJECTED_VERSION, "version {}", q.version);
    assert!(!fitted.too_dense);
    // The phone page of its own (join.html), which loads only what a phone needs.
    assert!(
        fitted
            .address
            .starts_with(&format!("{base}join.html#/join/"))
    );
    let back = match Invite::decode(&fitted.address).unwrap() {
        Invite::Scoring(i) => i,
        other => panic!("{other:?}"),
    };
    assert_eq!(back.elements.len(), 9);
    assert_eq!(back.descriptions_dropped, fitted.descriptions_dropped);
    // The SVG parses, is square with a quiet zone, and carries no text of ours.
    let doc = roxmltree::Document::parse(&q.svg).unwrap();
    let size = (q.width + 2 * qr::QUIET_ZONE).to_string();
    assert_eq!(
        doc.root_element().attribute("viewBox"),
        Some(format!("0 0 {size} {size}").as_str())
    );

    // Twenty long elements: the descriptions go, and the invitation says so.
    let mut long = invite.clone();
    long.elements = (0..20)
        .map(|i| InviteElement {
            name: format!("Element {i}"),
            description: format!(
                "A long description number {i} that no one would want squeezed into a code {}",
                "z".repeat(i * 7)
            ),
        })
        .collect();
    let fitted = qr::fit_invite(base, &long);
    assert!(fitted.descriptions_dropped);
    let back = match Invite::decode(&fitted.address).unwrap() {
        Invite::Scoring(i) => i,
        other => panic!("{other:?}"),
    };
    assert!(back.descriptions_dropped && back.elements.iter().all(|e| e.description.is_empty()));
}

#[test]
fn boundary_answers_arrive_attributed_and_new_perspectives_join_the_roster() {
    let mut w = workshop();
    w.boundary = BoundaryCritique::default();
    w.boundary
        .add_perspective("p-users".into(), "Service users");
    w.boundary
        .set_answer("p-users", 1, Mode::Is, "Older people".into());
    let invite = BoundaryInvite::new(
        "w-one",
        "i-1",
        &[1, 10],
        Modes {
            is: true,
            ought: true,
        },
        Some(("p-users".into(), "Service users".into())),
        false,
    );
    let invite = BoundaryInvite::decode(&invite.encode()).unwrap();
    let r = BoundaryResponse {
        workshop: invite.workshop.clone(),
        invite: invite.invite.clone(),
        check: invite.check,
        response: "b1".into(),
        name: String::new(),
        perspective: "p-users".into(),
        answers: vec![
            (1, true, "Lonely people".into()),
            (10, false, "<carers>".into()),
        ],
        ..BoundaryResponse::default()
    };
    assert_eq!(r.merge_into(&mut w, true), Ok("Participant 1".into()));
    let p = w.boundary.perspective("p-users").unwrap();
    assert_eq!(
        p.answers[&1].is,
        "Older people\n\nParticipant 1: Lonely people"
    );
    assert_eq!(p.answers[&10].ought, "Participant 1: <carers>");
    let before = w.clone();
    assert!(matches!(
        r.merge_into(&mut w, true),
        Err(Refusal::Duplicate(_))
    ));
    assert_eq!(w, before);

    let open = BoundaryInvite::new(
        "w-one",
        "i-2",
        &[10],
        Modes {
            is: true,
            ought: false,
        },
        None,
        true,
    );
    let carer = BoundaryResponse {
        workshop: "w-one".into(),
        invite: open.invite.clone(),
        check: open.check,
        response: "b2".into(),
        name: "Jo".into(),
        new_perspective: "As a carer".into(),
        stance: Stance::Affected,
        answers: vec![(10, true, "Nobody asks us".into())],
        ..BoundaryResponse::default()
    };
    let mut forged = carer.clone();
    forged.perspective = "p-users".into();
    assert_eq!(forged.merge_into(&mut w, true), Err(Refusal::Tampered));
    assert_eq!(carer.merge_into(&mut w, true), Ok("Jo".into()));
    let p = w.boundary.perspectives.last().unwrap();
    assert_eq!(p.name, "As a carer");
    assert_eq!(p.answers[&10].is, "Jo: Nobody asks us");
    let s = w
        .roster
        .iter()
        .find(|s| p.roster_ids.contains(&s.id))
        .unwrap();
    assert_eq!(s.involvement, cstw_core::model::Involvement::Affected);
    assert!(matches!(
        carer.merge_into(&mut w, true),
        Err(Refusal::Duplicate(_))
    ));
}
