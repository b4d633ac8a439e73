//! Arbitrary workshops for the property tests: proptest strategies for everything the app can
//! hold (text with the pieces that broke formats before, rosters, boundary critiques, scoring,
//! concept maps made through the model's own edits, agendas, saved documents). Used by
//! `roundtrip` and by the map formats' tests.

use cstw_core::model::agenda::{Agenda, Entry, MAX_MINUTES, Step};
use cstw_core::model::boundary::{
    Answer, BoundaryCritique, Level, Margins, Mark, Perspective, Placed, Reflection, Role, Roles,
    Tension, Zone,
};
use cstw_core::model::map::ConceptMap;
use cstw_core::model::scoring::{Element, Framework, Hands, Round, Scale, Score, Scorer, Scoring};
use cstw_core::model::{Involvement, Stakeholder, Workshop};
use cstw_core::persist::document::SavedWorkshop;
use proptest::prelude::*;
use serde_json::{Map, Value};

pub(crate) fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Write no regression files into the source tree; a failure prints its minimal input.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces that have broken text formats before: markup, entities, quotes, escapes, line ends,
/// control characters, byte-order marks, bidirectional marks, emoji and joined emoji, RTL text.
pub(crate) const TRICKY: &[&str] = &[
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
pub(crate) fn timestamp() -> impl Strategy<Value = f64> {
    (-EXACT..=EXACT).prop_map(|n| n as f64)
}

fn involvement() -> impl Strategy<Value = Involvement> {
    prop::sample::select(Involvement::ALL.to_vec())
}

/// JSON of the kinds a newer app might store in a field this one does not know (numbers are
/// whole, since the JSON reader does not keep every fraction exactly).
pub(crate) fn json_value() -> impl Strategy<Value = Value> {
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
