//! Property tests of the saved format: whatever the app can hold, it saves and reads back
//! unchanged with nothing to repair; and no input, however damaged, makes reading panic.

use std::collections::HashSet;

use cstw_core::model::agenda::{Agenda, Entry, MAX_MINUTES, Step};
use cstw_core::model::boundary::{
    Answer, BoundaryCritique, Level, Margins, Mark, Perspective, Placed, Reflection, Role, Roles,
    Tension, Zone,
};
use cstw_core::model::map::ConceptMap;
use cstw_core::model::scoring::{Element, Framework, Hands, Round, Scale, Score, Scorer, Scoring};
use cstw_core::model::{Involvement, Stakeholder, Workshop};
use cstw_core::persist::document::{
    ReadError, SavedWorkshop, library_to_json, read_import, read_workshop,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value, json};

use crate::fixtures::load;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Write no regression files into the source tree; a failure prints its minimal input.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces that have broken text formats before: markup, entities, quotes, escapes, line ends,
/// control characters, byte-order marks, bidirectional marks, emoji and joined emoji, RTL text.
const TRICKY: &[&str] = &[
    "<",
    ">",
    "&",
    "&amp;",
    "\"",
    "'",
    "\\",
    "/",
    "</script>",
    "\n",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{1f}",
    "\u{7f}",
    "\u{feff}",
    "\u{200e}",
    "\u{200f}",
    "\u{202e}",
    "\u{2028}",
    "🌱",
    "👩🏽\u{200d}⚕️",
    "שלום",
    "مرحبا",
    "é",
    "e\u{301}",
    " ",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
];

/// Arbitrary text: any Unicode scalar values mixed with the tricky pieces.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            2 => prop::sample::select(TRICKY).prop_map(String::from),
            2 => any::<char>().prop_map(String::from),
            1 => "[a-zA-Z0-9 ]{1,8}",
        ],
        0..12,
    )
    .prop_map(|pieces| pieces.concat())
}

/// A title the app can hold after a save: restore names a blank title "Untitled workshop"
/// (see `document::a_blank_title_survives_a_save` for that case).
fn title() -> impl Strategy<Value = String> {
    text().prop_map(|t| {
        if t.trim().is_empty() {
            format!("T{t}")
        } else {
            t
        }
    })
}

/// Whole numbers JavaScript's clock can give (±2^53), all read back exactly since serde_json's
/// `float_roundtrip` is on: see `any_finite_timestamp_survives_a_save`.
const EXACT: i64 = 1 << 53;

/// Milliseconds since 1970 as the browser gives them (whole numbers), up to ±17,000 years.
fn timestamp() -> impl Strategy<Value = f64> {
    (-EXACT..=EXACT).prop_map(|n| n as f64)
}

fn involvement() -> impl Strategy<Value = Involvement> {
    prop::sample::select(Involvement::ALL.to_vec())
}

/// JSON of the kinds a newer app might store in a field this one does not know (numbers are
/// whole, since the JSON reader does not keep every fraction exactly).
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-EXACT..=EXACT).prop_map(|n| Value::from(n as f64)),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Unknown fields: their names never clash with a field this version knows.
fn extra() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::btree_map(text().prop_map(|k| format!("x_{k}")), json_value(), 0..3)
        .prop_map(|m| m.into_iter().collect())
}

fn stakeholder() -> impl Strategy<Value = Stakeholder> {
    // Most entries have no unknown fields; generating them for all is slow for little gain.
    let extra = prop_oneof![3 => Just(Map::new()), 1 => extra()];
    (text(), text(), text(), involvement(), extra).prop_map(
        |(id, name, group, involvement, extra)| Stakeholder {
            id,
            name,
            group,
            involvement,
            extra,
        },
    )
}

/// A boundary critique whose links all point at something: perspectives with unique ids,
/// linked to entries of a roster of `roster_len`, answering questions 1–12, and tensions
/// between existing perspectives.
fn boundary(roster_ids: Vec<String>) -> impl Strategy<Value = BoundaryCritique> {
    let answer = (text(), text()).prop_map(|(is, ought)| Answer { is, ought });
    let perspective = (
        text(),
        prop::sample::subsequence(roster_ids.clone(), 0..=roster_ids.len()),
        prop::collection::btree_map(1u8..=12, answer, 0..12),
    );
    prop::collection::vec(perspective, 0..4).prop_flat_map(move |ps| {
        let perspectives: Vec<Perspective> = ps
            .into_iter()
            .enumerate()
            .map(|(i, (name, roster_ids, answers))| Perspective {
                id: format!("p-{i}"),
                name,
                roster_ids,
                answers,
                collected: Vec::new(),
            })
            .collect();
        let ids: Vec<String> = perspectives.iter().map(|p| p.id.clone()).collect();
        let tension = if ids.is_empty() {
            Just(Vec::new()).boxed()
        } else {
            prop::collection::vec(
                (
                    1u8..=12,
                    prop::sample::subsequence(ids.clone(), 1..=ids.len().min(2)),
                    prop::sample::select(vec![Level::None, Level::Some, Level::Strong]),
                    text(),
                )
                    .prop_map(|(question, perspectives, level, note)| Tension {
                        question,
                        perspectives,
                        level,
                        note,
                    }),
                0..4,
            )
            .boxed()
        };
        let role = prop::sample::select(Role::ALL.to_vec());
        // Roles as `set_role` keeps them: sorted, no repeats, no empty entries.
        let roles = prop::collection::btree_map(
            prop::sample::select(if roster_ids.is_empty() {
                vec![String::new()]
            } else {
                roster_ids.clone()
            }),
            (
                prop::collection::btree_set(role.clone(), 0..3),
                prop::collection::btree_set(role, 0..3),
            ),
            0..3,
        )
        .prop_map(|m| {
            m.into_iter()
                .filter(|(id, _)| !id.is_empty())
                .map(|(id, (is, ought))| {
                    (
                        id,
                        Roles {
                            is: is.into_iter().collect(),
                            ought: ought.into_iter().collect(),
                        },
                    )
                })
                .filter(|(_, r)| !r.is_empty())
                .collect::<std::collections::BTreeMap<_, _>>()
        });
        let reflection = (text(), text(), text(), text(), text()).prop_map(
            |(not_in_room, own_judgments, facts, values, boundaries)| Reflection {
                not_in_room,
                own_judgments,
                facts,
                values,
                boundaries,
            },
        );
        let zone = prop::sample::select(Zone::ALL.to_vec());
        let mark = prop::option::of(prop::sample::select(Mark::ALL.to_vec()));
        // Placements as the model keeps them: each roster entry at most once, issues with words.
        let margins = (
            (text(), text(), text()),
            prop::sample::subsequence(roster_ids.clone(), 0..=roster_ids.len()),
            prop::collection::vec((zone.clone(), mark.clone()), roster_ids.len()),
            prop::collection::vec((text(), zone, mark), 0..4),
        )
            .prop_map(|((primary, secondary, holds), people, people_at, issues)| {
                let mut placed: Vec<Placed> = people
                    .into_iter()
                    .zip(people_at)
                    .enumerate()
                    .map(|(i, (rid, (zone, mark)))| Placed {
                        id: format!("m-{i}"),
                        roster_id: Some(rid),
                        label: String::new(),
                        zone,
                        mark,
                    })
                    .collect();
                placed.extend(
                    issues
                        .into_iter()
                        .enumerate()
                        .map(|(i, (t, zone, mark))| Placed {
                            id: format!("i-{i}"),
                            roster_id: None,
                            label: format!("issue {i} {t}").chars().take(200).collect(),
                            zone,
                            mark,
                        }),
                );
                Margins {
                    primary,
                    secondary,
                    holds,
                    placed,
                }
            });
        (tension, any::<bool>(), roles, reflection, margins).prop_map(
            move |(tensions, ought_first, roles, reflection, margins)| BoundaryCritique {
                perspectives: perspectives.clone(),
                tensions,
                ought_first,
                roles,
                reflection,
                challenges: Vec::new(),
                margins,
            },
        )
    })
}

/// Scoring with any framework, scale, scorers and rounds (scores within the scale or not: the
/// model stores what it is given through serde, and must read it back the same).
pub fn scoring() -> impl Strategy<Value = Scoring> {
    let element = (
        text(),
        text(),
        text(),
        text(),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(|(id, name, description, group, parts)| Element {
            id,
            name,
            description,
            group,
            parts,
        });
    let framework = (text(), text(), prop::collection::vec(element, 0..6)).prop_map(
        |(name, based_on, elements)| Framework {
            name,
            based_on,
            elements,
        },
    );
    let scale = (
        -5i32..5,
        0i32..11,
        prop::collection::vec(text(), 0..5),
        any::<bool>(),
    )
        .prop_map(|(min, span, labels, allow_dont_know)| Scale {
            min,
            max: min + span,
            labels,
            allow_dont_know,
        });
    let scorer =
        (text(), text(), prop::option::of(text())).prop_map(|(id, name, roster_id)| Scorer {
            id,
            name,
            roster_id,
        });
    let score = (prop::option::of(-20i32..20), any::<bool>(), text()).prop_map(
        |(value, dont_know, comment)| Score {
            value,
            dont_know,
            comment,
        },
    );
    let hands = (prop::collection::vec(0u32..30, 0..11), 0u32..10)
        .prop_map(|(counts, dont_know)| Hands { counts, dont_know });
    let round = (
        text(),
        text(),
        any::<bool>(),
        prop::collection::btree_map(
            text(),
            prop::collection::btree_map(text(), score, 0..4),
            0..4,
        ),
        prop::collection::btree_map(text(), hands, 0..3),
    )
        .prop_map(|(id, name, revealed, scores, hands)| Round {
            id,
            name,
            revealed,
            scores,
            hands,
        });
    (
        framework,
        scale,
        prop::collection::vec(scorer, 0..4),
        prop::collection::vec(round, 0..3),
    )
        .prop_map(|(framework, scale, scorers, rounds)| Scoring {
            framework,
            scale,
            scorers,
            rounds,
        })
}

/// A concept map made through the model's own edits, so it is valid as the app would save it.
pub fn concept_map() -> impl Strategy<Value = ConceptMap> {
    use cstw_core::model::map::{Direction, Point, Polarity, Shape, Viewport};
    let node = (
        text(),
        -1.0e6..1.0e6f64,
        -1.0e6..1.0e6f64,
        prop::option::of(0..3usize),
    );
    let link = (
        0..12usize,
        0..12usize,
        text(),
        prop::sample::select(Direction::ALL.to_vec()),
        prop::sample::select(Polarity::ALL.to_vec()),
    );
    (
        (text(), text(), text()),
        prop::collection::vec(
            (text(), 0..8u8, prop::sample::select(Shape::ALL.to_vec())),
            0..3,
        ),
        prop::collection::vec(node, 0..12),
        prop::collection::vec(link, 0..16),
        (
            -1.0e5..1.0e5f64,
            -1.0e5..1.0e5f64,
            Viewport::MIN_ZOOM..Viewport::MAX_ZOOM,
        ),
    )
        .prop_map(
            |((id, title, focus), kinds, nodes, links, (vx, vy, zoom))| {
                let mut m = ConceptMap::new(format!("m{id}"), &title);
                m.focus_question = focus;
                let kind_ids: Vec<_> = kinds
                    .into_iter()
                    .map(|(name, colour, shape)| {
                        let k = m.add_kind(&name);
                        m.edit_kind(k, |k| {
                            k.colour = colour;
                            k.shape = shape;
                        });
                        k
                    })
                    .collect();
                let ids: Vec<_> = nodes
                    .into_iter()
                    .map(|(label, x, y, kind)| {
                        let kind = kind.and_then(|k| kind_ids.get(k).copied());
                        m.add_node(&label, Point::new(x, y), kind)
                    })
                    .collect();
                for (a, b, label, direction, polarity) in links {
                    if let (Some(a), Some(b)) = (ids.get(a), ids.get(b))
                        && let Some(l) = m.add_link(*a, *b)
                    {
                        m.edit_link(l, |l| {
                            l.label = label;
                            l.direction = direction;
                            l.polarity = polarity;
                        });
                    }
                }
                m.view = Viewport { x: vx, y: vy, zoom };
                m
            },
        )
}

pub fn workshop() -> impl Strategy<Value = Workshop> {
    (
        (text(), title(), text(), text(), text(), text()),
        prop::collection::vec(stakeholder(), 0..20),
        timestamp(),
        (
            extra(),
            scoring(),
            prop::collection::vec(concept_map(), 0..3),
            agenda(),
        ),
    )
        .prop_flat_map(
            |(details, mut roster, created_at, (extra, scoring, mut maps, agenda))| {
                for (i, m) in maps.iter_mut().enumerate() {
                    m.id = format!("{}#{i}", m.id);
                }
                // Ids are never empty and never repeat within a roster.
                for (i, s) in roster.iter_mut().enumerate() {
                    s.id = format!("{}#{i}", s.id);
                }
                let ids = roster.iter().map(|s| s.id.clone()).collect();
                boundary(ids).prop_map(move |boundary| {
                    (
                        details.clone(),
                        roster.clone(),
                        boundary,
                        created_at,
                        (extra.clone(), scoring.clone(), maps.clone(), agenda.clone()),
                    )
                })
            },
        )
        .prop_map(
            |(
                (id, title, purpose, date, facilitator, notes),
                roster,
                boundary,
                created_at,
                (extra, scoring, maps, agenda),
            )| {
                Workshop {
                    id: format!("w{id}"),
                    title,
                    purpose,
                    date,
                    facilitator,
                    notes,
                    roster,
                    boundary,
                    scoring,
                    maps: maps.into_iter().map(Into::into).collect(),
                    // Pictures round-trip in `pictures::a_workshop_with_pictures_reads_back_unchanged`.
                    pictures: Vec::new(),
                    agenda,
                    created_at,
                    extra,
                }
            },
        )
}

/// Any arrangement of the presentation, including steps whose content does not exist (a
/// stored agenda keeps them until it is next arranged).
fn agenda() -> impl Strategy<Value = Agenda> {
    let step = prop_oneof![
        Just(Step::Title),
        Just(Step::Roster),
        Just(Step::Summary),
        (1u8..=12).prop_map(|number| Step::Question { number }),
        "[a-z0-9-]{1,8}".prop_map(|id| Step::Map { id }),
        "[a-z0-9-]{1,8}".prop_map(|id| Step::Picture { id }),
        "[a-z0-9-]{1,8}".prop_map(|round| Step::Scoring { round }),
        "[a-z0-9-]{1,8}".prop_map(|round| Step::Results { round }),
    ];
    prop::collection::vec(
        (
            step,
            prop::option::of(any::<bool>()),
            prop::option::of(1u32..=MAX_MINUTES),
        ),
        0..6,
    )
    .prop_map(|entries| Agenda {
        entries: entries
            .into_iter()
            .map(|(step, skip, minutes)| Entry {
                step,
                skip,
                minutes,
            })
            .collect(),
    })
}

pub fn saved_workshop() -> impl Strategy<Value = SavedWorkshop> {
    (
        0..=(1u64 << 53),
        timestamp(),
        prop::option::of(timestamp()),
        prop::option::of("[0-9a-f]{16}"),
        workshop(),
        extra(),
    )
        .prop_map(
            |(revision, saved_at, last_exported_at, exported_content, workshop, extra)| {
                SavedWorkshop {
                    revision,
                    saved_at,
                    last_exported_at,
                    exported_content,
                    workshop,
                    extra,
                }
            },
        )
}

fn assert_ids_unique(w: &Workshop) -> Result<(), TestCaseError> {
    let ids: HashSet<&str> = w.roster.iter().map(|s| s.id.as_str()).collect();
    prop_assert_eq!(ids.len(), w.roster.len(), "ids repeat: {:?}", w.roster);
    prop_assert!(w.roster.iter().all(|s| !s.id.is_empty()));
    Ok(())
}

/// Reading never panics; what it reads it can save, and the saved text reads back the same
/// with nothing more to repair.
fn check_reads_safely(text: &str) -> Result<(), TestCaseError> {
    if let Ok(first) = read_workshop(text, "w-fallback") {
        prop_assert!(!first.saved.workshop.display_title().trim().is_empty());
        prop_assert!(!first.saved.workshop.id.is_empty());
        let again = read_workshop(&first.saved.to_json(), "w-other").map_err(|e| {
            TestCaseError::fail(format!("a restored document does not re-read: {e}"))
        })?;
        prop_assert!(again.repairs.is_empty(), "{:?}", again.repairs);
        prop_assert_eq!(as_json(&again.saved), as_json(&first.saved));
    }
    let _ = read_import(text, &|i| format!("w-fallback-{i}"));
    Ok(())
}

fn as_json(s: &SavedWorkshop) -> Value {
    serde_json::from_str(&s.to_json()).expect("to_json writes JSON")
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn a_saved_workshop_reads_back_unchanged(s in saved_workshop()) {
        let text = s.to_json();
        let restored = read_workshop(&text, "x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(restored.repairs.is_empty(), "{:?}", restored.repairs);
        prop_assert_eq!(&restored.saved, &s);
        // Saving what was read writes the same text again.
        prop_assert_eq!(restored.saved.to_json(), text);
        // So the content's fingerprint survives a save and a reload: a workshop exported and
        // reloaded unchanged is not "changed since the last export".
        prop_assert_eq!(restored.saved.content_hash(), s.content_hash());
        let mut exported = s.clone();
        exported.mark_exported(1.0);
        exported.saved_at = 2.0;
        let back = read_workshop(&exported.to_json(), "x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!back.saved.needs_export());
    }

    #[test]
    fn reading_arbitrary_text_never_panics(text in any::<String>()) {
        // Almost all of these are refused at once; a few are bare JSON values.
        check_reads_safely(&text)?;
    }

    #[test]
    fn reading_arbitrary_json_text_never_panics(text in "[\\[\\]{}\",:0-9a-z_ .\\-\\\\]{0,64}") {
        check_reads_safely(&text)?;
    }

    #[test]
    fn any_json_in_any_field_is_repaired_without_panicking(
        fields in prop::collection::btree_map(
            prop::sample::select(vec![
                "revision", "saved_at", "last_exported_at", "workshop", "app_version", "x_new",
            ]),
            json_value(),
            0..6,
        ),
        workshop_fields in prop::collection::btree_map(
            prop::sample::select(vec![
                "id", "title", "purpose", "date", "facilitator", "notes", "created_at", "roster",
                "x_new",
            ]),
            json_value(),
            0..9,
        ),
        roster in prop::collection::vec(json_value(), 0..6),
    ) {
        let mut doc: Map<String, Value> =
            fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        doc.insert("format".into(), "cst-workbench/workshop".into());
        doc.insert("version".into(), 1.into());
        let mut w: Map<String, Value> =
            workshop_fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        w.entry("roster").or_insert(Value::Array(roster));
        doc.entry("workshop").or_insert(Value::Object(w));
        let text = Value::Object(doc).to_string();
        let restored = read_workshop(&text, "w-fallback")
            .map_err(|e| TestCaseError::fail(format!("a marked v1 document is refused: {e}")))?;
        assert_ids_unique(&restored.saved.workshop)?;
        check_reads_safely(&text)?;
    }

    #[test]
    fn roster_ids_stay_unique_whatever_the_ids(
        entries in prop::collection::vec(
            (
                prop::sample::select(vec![
                    json!("a"), json!("b"), json!("c"), json!(""), json!(7), json!(null),
                    json!(true), json!(["a"]), Value::Null,
                ]),
                any::<bool>(),
            ),
            0..12,
        ),
    ) {
        let roster: Vec<Value> = entries
            .into_iter()
            .map(|(id, has_id)| {
                if has_id {
                    json!({"id": id, "name": "n"})
                } else {
                    json!({"name": "n"})
                }
            })
            .collect();
        let text = json!({
            "format": "cst-workbench/workshop", "version": 1,
            "workshop": {"id": "w", "title": "T", "roster": roster},
        })
        .to_string();
        let restored = read_workshop(&text, "x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_ids_unique(&restored.saved.workshop)?;
        check_reads_safely(&text)?;
    }

    #[test]
    fn roster_ids_stay_unique_even_when_an_id_looks_like_a_renamed_one(
        ids in prop::collection::vec(
            prop::sample::select(vec![
                "s-1", "s-1-1", "s-1-2", "s-1-3", "s-0-000000", "s-2-000000", "",
            ]),
            0..8,
        ),
    ) {
        // Regression: restore_roster once renamed a repeated id "{id}-{index}" without checking
        // that the new name was free, e.g. for ["s-1-2", "s-1", "s-1"].
        let roster: Vec<Value> = ids.iter().map(|id| json!({"id": id})).collect();
        let text = json!({
            "format": "cst-workbench/workshop", "version": 1,
            "workshop": {"id": "w", "title": "T", "roster": roster},
        })
        .to_string();
        let restored = read_workshop(&text, "x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_ids_unique(&restored.saved.workshop)?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn a_mangled_document_never_panics(
        s in saved_workshop(),
        at in any::<Index>(),
        len in 0usize..16,
        insert in prop::sample::select(TRICKY),
    ) {
        // Remove a few characters somewhere and put something else in their place.
        let text = s.to_json();
        let chars: Vec<char> = text.chars().collect();
        let start = at.index(chars.len());
        let end = (start + len).min(chars.len());
        let mangled: String = chars[..start]
            .iter()
            .chain(insert.chars().collect::<Vec<_>>().iter())
            .chain(&chars[end..])
            .collect();
        check_reads_safely(&mangled)?;
    }

    #[test]
    fn a_workshop_imports_as_itself(s in saved_workshop()) {
        let imported = read_import(&s.to_json(), &|i| format!("f{i}"))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(imported.len(), 1);
        prop_assert_eq!(&imported[0].saved, &s);
        prop_assert!(imported[0].repairs.is_empty());
    }

    #[test]
    fn a_truncated_document_is_refused_and_never_panics(
        s in saved_workshop(),
        cut in any::<Index>(),
    ) {
        let text = s.to_json();
        let mut at = cut.index(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match read_workshop(&text[..at], "x") {
            Err(ReadError::NotJson { .. }) => prop_assert!(at > 0),
            Err(ReadError::Empty) => prop_assert_eq!(at, 0),
            other => prop_assert!(false, "cut at {}: {:?}", at, other),
        }
    }
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn a_library_export_imports_every_workshop_unchanged(
        workshops in prop::collection::vec(saved_workshop(), 0..5),
        exported_at in timestamp(),
    ) {
        let text = library_to_json(&workshops, exported_at);
        let imported = read_import(&text, &|i| format!("f{i}"))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(imported.iter().all(|r| r.repairs.is_empty()));
        let back: Vec<SavedWorkshop> = imported.into_iter().map(|r| r.saved).collect();
        prop_assert_eq!(back, workshops);
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_finite_timestamp_survives_a_save(
        saved_at in any::<f64>().prop_filter("JSON holds finite numbers", |f| f.is_finite()),
        created_at in (1i64 << 50..1i64 << 53).prop_map(|n| n as f64),
    ) {
        // Regression: without serde_json's float_roundtrip, created_at -8063546412101017.0 read
        // back as -8063546412101018.0, and a mean score 39.430133835633676 as 39.43013383563367.
        let mut s = SavedWorkshop::new(Workshop::new("w".into(), "T", created_at), saved_at);
        s.last_exported_at = Some(saved_at);
        let back =
            read_workshop(&s.to_json(), "x").map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back.saved, s);
    }
}

#[test]
fn every_fixture_cut_at_every_character_never_panics() {
    for name in [
        "workshop-v1-full.json",
        "library-v1.json",
        "damaged-dangling.json",
        "damaged-wrong-types.json",
    ] {
        let text = load(name);
        for (cut, _) in text.char_indices() {
            let _ = read_workshop(&text[..cut], "x");
            let _ = read_import(&text[..cut], &|i| format!("f{i}"));
        }
    }
}
