//! The example workshop: the paper's case (a rural social prescribing scheme in Shropshire,
//! 2018–2019; Fixsen et al. 2020), fully worked so that a student or a new facilitator can see
//! every activity filled in. Everything in it is written for the app and is **illustrative**:
//! the names, answers, drawings and scores are invented to fit the published account, not data
//! from the study. It is built with the model's own constructors and commands, so it is exactly
//! what a facilitator could have made by hand, and it is deterministic (the only clock is the
//! `now` argument).

use crate::content::frameworks::CYCLE;
use crate::content::map_templates::Template;
use crate::model::boundary::{Level, Mode};
use crate::model::map::{ConceptMap, Direction, Metrics, Point, Polarity, Shape, Viewport};
use crate::model::picture::{Arrow, End, Icon, Item, ItemId, Picture, Sticker, Text, Tool};
use crate::model::scoring::Scoring;
use crate::model::{Involvement, Workshop};

/// The example's fixed id: opening the example again finds it under this id.
pub const EXAMPLE_ID: &str = "w-example-shropshire";
/// What every example's id starts with.
pub const EXAMPLE_PREFIX: &str = "w-example";
pub const EXAMPLE_TITLE: &str = "Example: Shropshire social prescribing (illustrative)";

/// Whether a workshop id is one of the built-in examples.
pub fn is_example(id: &str) -> bool {
    id.starts_with(EXAMPLE_PREFIX)
}

/// The one-line description shown beside "Open the example workshop".
pub const EXAMPLE_SUMMARY: &str = "The paper's case, a rural social prescribing scheme, worked \
    through every activity. Illustrative: written for this app, not data from the study.";

const NOTES: &str = "Illustrative only. Everything in this workshop was written for CST Workbench \
    to show how the activities fit together. It follows the situation described in Fixsen, Seers, \
    Polley and Robins (2020), \u{201c}Applying critical systems thinking to social prescribing: a \
    relational model of stakeholder buy-in\u{201d}, BMC Health Services Research 20:580, but the \
    people, answers, drawings and scores are invented: they are not data from the study.\n\n\
    Change anything you like. \u{201c}Reset the example\u{201d} on the home page brings back a \
    fresh copy.";

/// The example workshop under `id`, created at `now`.
pub fn example_workshop(id: String, now: f64) -> Workshop {
    let mut w = Workshop::new(id, EXAMPLE_TITLE, now);
    w.purpose = "Who is the county's social prescribing scheme for, who decides what it does, \
                 and what keeps the people in it committed? (An illustrative example based on \
                 the published case: not data from the study.)"
        .into();
    w.facilitator = "Example facilitator".into();
    w.notes = NOTES.into();
    roster(&mut w);
    boundary(&mut w);
    w.maps.push(vision_map(&w).into());
    w.pictures.push(picture().into());
    w.scoring = scoring();
    w
}

// ---- roster ----

/// (id, name, group, involvement), in the order the roster shows them.
const ROSTER: &[(&str, &str, &str, Involvement)] = &[
    (
        "s-link",
        "Link workers",
        "Social prescribing team",
        Involvement::Involved,
    ),
    (
        "s-ph-manager",
        "Public health manager",
        "County council public health",
        Involvement::Involved,
    ),
    (
        "s-ph-consultant",
        "Public health consultant",
        "County council public health",
        Involvement::Involved,
    ),
    (
        "s-project",
        "Project manager",
        "Social prescribing team",
        Involvement::Involved,
    ),
    (
        "s-it",
        "IT manager",
        "County council",
        Involvement::Involved,
    ),
    (
        "s-service",
        "Service manager",
        "Social prescribing team",
        Involvement::Involved,
    ),
    ("s-gps", "GPs", "GP practices", Involvement::Involved),
    (
        "s-practice",
        "Practice managers",
        "GP practices",
        Involvement::Involved,
    ),
    (
        "s-dwp",
        "DWP advisers",
        "Department for Work and Pensions",
        Involvement::Involved,
    ),
    (
        "s-asc",
        "Adult social care workers",
        "County council adult social care",
        Involvement::Involved,
    ),
    (
        "s-users",
        "Service users",
        "People who have met a link worker: the scheme's intended beneficiaries",
        Involvement::Involved,
    ),
    (
        "s-vcs",
        "Voluntary and community sector members",
        "Take the referrals; in steering-group talks and the early visionary events",
        Involvement::Involved,
    ),
    (
        "s-disadvantaged",
        "Disadvantaged and minority groups",
        "Not yet reached by the scheme",
        Involvement::Affected,
    ),
    (
        "s-housebound",
        "Housebound and isolated people",
        "Rarely seen at a GP practice",
        Involvement::Affected,
    ),
    (
        "s-ccc",
        "Community care coordinators",
        "Work alongside the link workers",
        Involvement::Affected,
    ),
    (
        "s-future",
        "Future service users and carers",
        "",
        Involvement::Affected,
    ),
];

fn roster(w: &mut Workshop) {
    for &(id, name, group, involvement) in ROSTER {
        w.add_stakeholder(id.into(), name, group, involvement);
    }
}

// ---- boundary critique ----

const TEAM: &str = "p-team";
const GPS: &str = "p-gps";
const VCS: &str = "p-vcs";
const USERS: &str = "p-users";
const UNREACHED: &str = "p-unreached";

/// (question, is, ought); an empty side is left unanswered.
type Answers = &'static [(u8, &'static str, &'static str)];

const TEAM_ANSWERS: Answers = &[
    (
        1,
        "People referred by GPs, practice staff, job centre advisers and social care workers, \
         and people on two practices' heart disease risk lists invited by letter; lonely and \
         housebound people have been hard to reach.",
        "People with low agency wherever they are: the lonely and isolated, the housebound, and \
         those in the most deprived parts of the county.",
    ),
    (
        2,
        "To ease the pressure on GP appointments and to show, in time for the next funding \
         decision, that the pilot saves money.",
        "To help people take charge of their own health and find a place in their community, \
         and to leave something that will still be here in twenty years.",
    ),
    (
        3,
        "The number of referrals, and wellbeing questionnaires at the first meeting and three \
         months later.",
        "Whether people are still better off a year on, in their own words as well as in \
         scores, and whether community groups can cope with what is sent to them.",
    ),
    (
        4,
        "The council's public health team and the project manager, answering to whoever funds \
         the next stage.",
        "A steering group in which practices, the voluntary sector and service users also have \
         a vote.",
    ),
    (
        5,
        "A small, mostly part-time team on a pilot budget; link workers cannot see patient \
         notes.",
        "Funding beyond the pilot, supervision and peer support for link workers, and an agreed, \
         lawful way to share what they need from the records.",
    ),
    (
        6,
        "Bus routes and the cost of travel, whether GPs choose to refer, and how well local \
         groups are funded.",
        "Community groups should stay in charge of what they offer; the scheme should help with \
         travel rather than decide people's activities for them.",
    ),
    (
        7,
        "Public health specialists and the evaluators; whoever refers (GPs, practice staff, \
         job centre and social care staff) decides who comes.",
        "Link workers and service users as well: they see every day what helps and what gets \
         in the way.",
    ),
    (
        8,
        "Risk scores, blood pressure readings and questionnaire results.",
        "Also local knowledge of groups and venues, and what people say about cost, distance \
         and confidence.",
    ),
    (
        9,
        "Schemes that seem to work elsewhere in England, and the enthusiasm of the core team.",
        "Practices and community groups who helped design the scheme and say it works for them.",
    ),
    (
        10,
        "The community groups in steering-group conversations speak for the people they see; \
         for people on no list, only the team, when somebody remembers to ask.",
        "Someone from the voluntary sector and from groups the scheme has not reached, with a \
         seat on the steering group.",
    ),
    (
        11,
        "Little for those outside the scheme: community groups can raise problems in \
         steering-group conversations, but people it never reaches have no way in.",
        "An open meeting each year where groups and residents can question the scheme's aims, \
         and a right for groups to refuse referrals they cannot support without losing \
         funding.",
    ),
    (
        12,
        "A public health view: prevent costly illness and narrow health inequalities.",
        "Prevention and belonging held together, with differences talked through openly in the \
         steering group.",
    ),
];

const GP_ANSWERS: Answers = &[
    (
        1,
        "Patients who bring several problems at once that a ten-minute appointment cannot \
         sort out.",
        "Patients who are ready to try something other than tablets; some are not ready yet, \
         and that is fine.",
    ),
    (
        2,
        "Fewer repeat appointments for problems that are not really medical.",
        "Patients who feel better and need the surgery less, without extra work for the \
         practice.",
    ),
    (
        3,
        "We rarely hear back, so we judge by whether the same patients keep coming in.",
        "A short note back to the referring GP about what happened next.",
    ),
    (
        4,
        "The council team. The practice only agrees to host a link worker.",
        "Each practice should have a say in how referrals work in its own surgery.",
    ),
    (
        5,
        "A link worker one or two days a week, and a room when one happens to be free.",
        "A regular, visible link worker who belongs to the practice team and can see the notes \
         they need.",
    ),
    (
        6,
        "Data protection rules on the patient record, and how few GPs there are in the area.",
        "Clinical decisions should stay with the doctor, whatever the scheme decides.",
    ),
    (
        7,
        "Doctors for diagnosis; the link worker for what is on offer locally.",
        "The same, with link workers trusted to decide what to offer.",
    ),
    (
        8,
        "The clinical record and what we know of the patient.",
        "Also what the link worker learns in an hour-long conversation.",
    ),
    (
        9,
        "Colleagues elsewhere saying that it helps.",
        "Seeing our own patients do better.",
    ),
    (
        12,
        "Mostly the medical model.",
        "A whole-person view of health, with room for patients who still want the medical one.",
    ),
];

const VCS_ANSWERS: Answers = &[
    (
        1,
        "People sent by the practices and a few other referrers; rarely anyone our groups meet \
         first.",
        "Anyone in the community who would gain from it, including people who never see a GP.",
    ),
    (
        2,
        "Sending people to our groups so that the NHS spends less.",
        "Stronger communities, with groups treated as partners rather than as a free service.",
    ),
    (
        3,
        "Referral counts kept by the council.",
        "Whether people keep coming back to groups, and whether the groups survive.",
    ),
    (
        4,
        "The council and the NHS.",
        "The groups that take the referrals should help decide.",
    ),
    (
        5,
        "Volunteers' time, village halls and goodwill, none of it paid for by the scheme.",
        "Some of the money should follow each referral to the group that takes it.",
    ),
    (
        6,
        "Our own funding, and how many volunteers we have this year.",
        "Getting people to the groups should be the scheme's job, not ours.",
    ),
    (
        8,
        "Clinical and council figures.",
        "What we know about who comes, who stops coming, and why.",
    ),
    (
        10,
        "We speak for our own members in steering-group conversations; nobody speaks for \
         people who never come to a group.",
        "A voluntary sector seat on the steering group, and outreach to people who are on no \
         list at all.",
    ),
    (
        11,
        "Very little. A group can refuse a referral, but then loses goodwill.",
        "An agreement that says what groups can expect, and what they can say no to.",
    ),
    (
        12,
        "The NHS's idea of health.",
        "Friendship and belonging valued for themselves, not only for what they save.",
    ),
];

/// Service users' answers, after the views the paper reports from its interviews with people
/// who had met a link worker (still illustrative: written for the app).
const USER_ANSWERS: Answers = &[
    (
        1,
        "People whose GP or nurse mentioned it, or who got a letter about their heart risk.",
        "Anyone who could do with it, told about it before they arrive rather than after.",
    ),
    (
        2,
        "Help to lose weight, stop smoking or get out more, for a few sessions.",
        "Support that lasts long enough to make a difference, with the same link worker.",
    ),
    (
        3,
        "Forms to fill in at the first meeting and three months later.",
        "Whether we are still doing better later on, and asking us what helped; forms we can \
         fill in before or after the meeting.",
    ),
    (
        5,
        "A link worker for a handful of visits.",
        "More visits when we need them, and more money for the local groups we are sent to.",
    ),
    (
        6,
        "Getting there: buses, distance and what it costs; our own health on the day.",
        "Help with travel should be part of the offer, not left to us.",
    ),
    (
        7,
        "The GP, and the link worker once you get to see one.",
        "Our own experience too: we know what gets in the way.",
    ),
    (
        9,
        "Trust in the link worker, who listened and had good ideas.",
        "GPs who back it as well; if the doctor believes in it, people will try it.",
    ),
    (
        11,
        "We can say no to a suggestion.",
        "A say in what is offered, and someone to tell when it does not work for us.",
    ),
];

/// An advocate's answers for people the scheme has not reached (affected but not involved).
const UNREACHED_ANSWERS: Answers = &[
    (
        1,
        "Not us: people who never see a GP, or do not answer letters, are not on any list.",
        "People with the least agency first, found through the places they already use.",
    ),
    (
        2,
        "Fewer GP appointments and lower costs, as the health services count them.",
        "A fairer chance of health and company for people the services do not see.",
    ),
    (
        3,
        "Figures from the people who were easiest to recruit.",
        "Whether people who were never reached before are reached now.",
    ),
    (
        4,
        "Others decide; nobody asked us.",
        "Someone who knows us, with a voice where the scheme is decided.",
    ),
    (
        10,
        "Nobody, most of the time.",
        "An advocate with a seat on the steering group, and outreach through carers, the fire \
         service and others who visit people at home.",
    ),
    (
        11,
        "Nothing: we cannot question a plan we have never heard of.",
        "A way to hear about the scheme, question it and say what would help, in plain words \
         and languages we read.",
    ),
    (
        12,
        "A health service view of what being well means.",
        "Room for what being well means to us: company, a bit of money, getting out.",
    ),
];

fn boundary(w: &mut Workshop) {
    let b = &mut w.boundary;
    let perspectives: [(&str, &str, &[&str], Answers); 5] = [
        (
            TEAM,
            "Project team",
            &["s-link", "s-ph-manager", "s-ph-consultant", "s-project"],
            TEAM_ANSWERS,
        ),
        (
            GPS,
            "GPs and practice staff",
            &["s-gps", "s-practice"],
            GP_ANSWERS,
        ),
        (
            VCS,
            "Voluntary and community sector",
            &["s-vcs"],
            VCS_ANSWERS,
        ),
        (USERS, "Service users", &["s-users"], USER_ANSWERS),
        (
            UNREACHED,
            "People not yet reached (an advocate)",
            &["s-disadvantaged", "s-housebound"],
            UNREACHED_ANSWERS,
        ),
    ];
    for (id, name, links, answers) in perspectives {
        b.add_perspective(id.into(), name);
        if let Some(p) = b.perspectives.iter_mut().find(|p| p.id == id) {
            p.roster_ids = links.iter().map(|s| s.to_string()).collect();
        }
        for &(q, is, ought) in answers {
            b.set_answer(id, q, Mode::Is, is.into());
            b.set_answer(id, q, Mode::Ought, ought.into());
        }
    }
    b.set_tension(
        1,
        &[TEAM, VCS],
        Level::Strong,
        "The team reaches people on a GP list; the sector sees lonely and housebound people who \
         never get a letter.",
    );
    b.set_tension(
        3,
        &[TEAM],
        Level::Some,
        "Measures chosen to meet the funding deadline, not to show lasting change.",
    );
    b.set_tension(
        5,
        &[TEAM, GPS],
        Level::Some,
        "Both want link workers to see the notes they need; data protection stands in the way.",
    );
    b.set_tension(
        4,
        &[GPS, VCS],
        Level::Some,
        "Both want a say, in different places: the surgery and the steering group.",
    );
    b.set_tension(
        1,
        &[TEAM, UNREACHED],
        Level::Strong,
        "The team counts who was referred; the people it never reached are on no list at all.",
    );
    b.set_tension(
        2,
        &[USERS],
        Level::Some,
        "A few sessions now, when users ask for support that lasts and the same link worker.",
    );
    b.set_tension(
        10,
        &[VCS],
        Level::Strong,
        "The groups are heard in steering-group conversations, but nobody speaks for people on \
         no list.",
    );
}

// ---- concept map ----

fn vision_map(w: &Workshop) -> ConceptMap {
    let mut map = Template::Vision.build("m-vision".into(), &w.title, &w.roster);
    // The paper's nodes (Fig. 1) with links and two responses the example's group added: the
    // links are the example's, not the paper's.
    map.title = "Team vision, extended by the group (illustrative)".into();
    let node = |map: &ConceptMap, label: &str| {
        map.nodes
            .iter()
            .find(|n| n.label == label)
            .map(|n| n.id)
            .expect("the vision template has this node")
    };
    let centre = node(&map, "People with low agency");
    let lonely = node(&map, "Loneliness and isolation");
    let attenders = node(&map, "Frequent attenders at GP practices");
    let inequalities = node(&map, "Health inequalities");
    let diseases = node(&map, "Poorly managed diseases");
    let cost = node(&map, "High cost to NHS and social services");

    let response = map.add_kind("Response");
    map.edit_kind(response, |k| {
        k.colour = 2;
        k.shape = Shape::Box;
    });
    let link_workers = map.add_node(
        "Link workers in practices and community venues",
        Point::new(-430.0, -430.0),
        Some(response),
    );
    let groups = map.add_node(
        "Voluntary and community groups",
        Point::new(430.0, -430.0),
        Some(response),
    );
    let labelled =
        |map: &mut ConceptMap, from, to, label: &str, direction: Direction, polarity: Polarity| {
            if let Some(l) = map.add_link(from, to) {
                map.edit_link(l, |l| {
                    l.label = label.into();
                    l.direction = direction;
                    l.polarity = polarity;
                });
            }
        };
    labelled(
        &mut map,
        lonely,
        attenders,
        "can lead to",
        Direction::Forward,
        Polarity::Positive,
    );
    labelled(
        &mut map,
        diseases,
        cost,
        "drive up",
        Direction::Forward,
        Polarity::Positive,
    );
    labelled(
        &mut map,
        diseases,
        inequalities,
        "widen",
        Direction::Forward,
        Polarity::Positive,
    );
    labelled(
        &mut map,
        link_workers,
        centre,
        "build confidence and agency",
        Direction::Forward,
        Polarity::None,
    );
    labelled(
        &mut map,
        link_workers,
        groups,
        "refer people to",
        Direction::Forward,
        Polarity::None,
    );
    labelled(
        &mut map,
        groups,
        lonely,
        "reduce",
        Direction::Forward,
        Polarity::Negative,
    );
    // The map's own tip says to label every link: the template's links from the centre too.
    for (to, label) in [
        (lonely, "often live with"),
        (attenders, "are often"),
        (inequalities, "bear the"),
        (diseases, "more often have"),
        (cost, "add to the"),
    ] {
        let id = map
            .links
            .iter()
            .find(|l| l.from == centre && l.to == to)
            .map(|l| l.id);
        if let Some(id) = id {
            map.edit_link(id, |l| {
                l.label = label.into();
                l.direction = Direction::Forward;
            });
        }
    }
    // Notes on two ideas, as a group would keep them (the app's words, not the paper's).
    map.set_notes(
        centre,
        "Who the scheme is for: people who find it hard to change their health and \
         circumstances on their own, whatever brings them to the practice.",
    );
    map.set_notes(
        link_workers,
        "Our addition. Ask the GPs: how do patients meet a link worker now, and how long do \
         they wait?",
    );
    crate::analysis::placement::untangle_map(&mut map);
    if let Some(bounds) = map.bounds(Metrics::STANDARD) {
        // The canvas beside the inspector on a 1280 × 720 projector.
        map.view = Viewport::fit(bounds, 880.0, 490.0);
    }
    map
}

// ---- rich picture ----

fn sticker(
    p: &mut Picture,
    icon: Icon,
    (x, y): (f64, f64),
    caption: &str,
    stakeholder: Option<&str>,
) -> ItemId {
    p.add(Item::Sticker(Sticker {
        id: 0,
        icon,
        x,
        y,
        size: 72.0,
        rotation: 0.0,
        caption: caption.into(),
        stakeholder: stakeholder.map(str::to_string),
    }))
}

fn text(p: &mut Picture, (x, y): (f64, f64), body: &str, size: f64, colour: u8, rotation: f64) {
    p.add(Item::Text(Text {
        id: 0,
        x,
        y,
        text: body.into(),
        colour,
        size,
        rotation,
    }));
}

fn arrow(p: &mut Picture, from: ItemId, to: ItemId, colour: u8) {
    p.add(Item::Arrow(Arrow {
        id: 0,
        from: End::Item { item: from },
        to: End::Item { item: to },
        colour,
        width: 3.0,
    }));
}

/// Points along `f(t)` for t in 0..=1, with a small, fixed wobble, as a hand draws them.
fn hand_drawn(steps: u32, f: impl Fn(f64) -> (f64, f64)) -> Vec<Point> {
    (0..=steps)
        .map(|i| {
            let t = f64::from(i) / f64::from(steps);
            let (x, y) = f(t);
            let wobble = (f64::from(i) * 1.7).sin() * 1.6 + (f64::from(i) * 0.6).cos() * 0.8;
            Point::new(x + wobble * 0.5, y + wobble)
        })
        .collect()
}

fn picture() -> Picture {
    use std::f64::consts::TAU;
    let mut p = Picture::new(
        "pic-situation".into(),
        "The situation as the group drew it (illustrative)",
    );
    // Four columns and three rows, about 900 × 560 units: the board beside the side panel on a
    // 1280 × 720 projector shows all of it at the saved zoom.
    let col = |i: u8| 100.0 + 220.0 * f64::from(i);
    let (top, middle, bottom) = (120.0, 290.0, 455.0);

    // Drawn first, so they sit underneath the stickers.
    // A country road winding from the service user past the bus.
    let road = hand_drawn(40, |t| {
        (150.0 + 460.0 * t, 318.0 + 12.0 * (t * TAU * 1.5).sin())
    });
    p.add_stroke(&road, Tool::Pen, 7, 4.0);
    // A red ring round the people nobody has reached.
    let ring = hand_drawn(36, |t| {
        let a = t * TAU * 1.05;
        (col(3) + 100.0 * a.cos(), bottom + 22.0 + 72.0 * a.sin())
    });
    p.add_stroke(&ring, Tool::Pen, 1, 4.0);
    // A highlighter under the title.
    let underline = hand_drawn(24, |t| (200.0 + 460.0 * t, 50.0 + 3.0 * (t * TAU).sin()));
    p.add_stroke(&underline, Tool::Highlighter, 6, 8.0);

    text(
        &mut p,
        (430.0, 30.0),
        "Social prescribing in a rural county",
        26.0,
        0,
        0.0,
    );

    let gp = sticker(
        &mut p,
        Icon::Clinic,
        (col(0), top),
        "GP practice\nlittle time to refer",
        Some("s-gps"),
    );
    let link = sticker(
        &mut p,
        Icon::Person,
        (col(1), top),
        "Link worker\nmany problems at once",
        Some("s-link"),
    );
    let groups = sticker(
        &mut p,
        Icon::Group,
        (col(2), top),
        "Community groups\nequal partners?",
        Some("s-vcs"),
    );
    sticker(
        &mut p,
        Icon::Organisation,
        (col(3), top),
        "Council public health\nresults for the next funding",
        Some("s-ph-manager"),
    );
    let user = sticker(
        &mut p,
        Icon::Person,
        (col(0), middle),
        "Service user\nheard of it by letter",
        Some("s-users"),
    );
    let bus = sticker(
        &mut p,
        Icon::Transport,
        (col(1), middle),
        "One bus a day,\nand the fare",
        None,
    );
    let clock = sticker(
        &mut p,
        Icon::Clock,
        (col(2), middle),
        "Programme ended\nbefore it helped",
        None,
    );
    let money = sticker(
        &mut p,
        Icon::Money,
        (col(3), middle),
        "Short-term funding",
        None,
    );
    sticker(
        &mut p,
        Icon::Computer,
        (col(0), bottom),
        "Patient notes and GDPR",
        None,
    );
    sticker(
        &mut p,
        Icon::Worry,
        (col(1), bottom),
        "Staff worn out",
        Some("s-link"),
    );
    sticker(
        &mut p,
        Icon::Conflict,
        (col(2), bottom),
        "Rivalry over\nwho does what",
        Some("s-ccc"),
    );
    sticker(
        &mut p,
        Icon::Eye,
        (col(3), bottom),
        "Who is missing?",
        Some("s-disadvantaged"),
    );

    // Arrows along the rows, so none crosses a caption.
    arrow(&mut p, gp, link, 0);
    arrow(&mut p, link, groups, 0);
    arrow(&mut p, user, bus, 2);
    arrow(&mut p, money, clock, 4);
    text(&mut p, (210.0, 96.0), "referrals", 16.0, 2, 0.0);
    text(&mut p, (430.0, 96.0), "feedback?", 16.0, 1, 0.0);
    p.view = Viewport {
        x: -10.0,
        y: -4.0,
        zoom: 0.85,
    };
    p
}

// ---- scoring ----

/// The scorers: (id, name, roster entry).
const SCORERS: [(&str, &str, &str); 8] = [
    ("sc-amira", "Amira (link worker)", "s-link"),
    ("sc-ben", "Ben (project manager)", "s-project"),
    ("sc-clare", "Clare (public health)", "s-ph-manager"),
    ("sc-dev", "Dev (GP)", "s-gps"),
    ("sc-fiona", "Fiona (practice manager)", "s-practice"),
    ("sc-gareth", "Gareth (DWP adviser)", "s-dwp"),
    ("sc-hannah", "Hannah (adult social care)", "s-asc"),
    ("sc-iris", "Iris (service user)", "s-users"),
];

/// Scores by element, one per scorer in [`SCORERS`] order; 0 is "don't know".
type Sheet = [(&'static str, [i32; 8]); 9];

const FIRST: Sheet = [
    ("buy-in", [4, 4, 4, 3, 2, 3, 3, 4]),
    // The core team sees the vision clearly; the practices do not (flagged: split).
    ("shared-vision", [4, 5, 5, 2, 1, 2, 3, 4]),
    ("confidence", [4, 4, 4, 3, 2, 3, 3, 4]),
    ("motivation", [3, 4, 4, 3, 3, 3, 3, 4]),
    ("support", [2, 3, 3, 2, 2, 3, 3, 3]),
    ("collaboration", [3, 4, 3, 2, 2, 2, 2, 3]),
    ("communication", [2, 3, 3, 2, 1, 2, 2, 2]),
    ("access", [2, 3, 2, 1, 2, 3, 3, 0]),
    ("learning", [4, 4, 4, 3, 3, 3, 3, 0]),
];

const SECOND: Sheet = [
    ("buy-in", [5, 5, 4, 3, 3, 4, 4, 5]),
    ("shared-vision", [5, 5, 5, 4, 4, 3, 4, 5]),
    ("confidence", [4, 5, 4, 4, 3, 4, 4, 4]),
    ("motivation", [4, 4, 4, 4, 3, 4, 4, 4]),
    ("support", [3, 4, 3, 3, 2, 3, 4, 3]),
    ("collaboration", [4, 4, 4, 3, 3, 3, 4, 4]),
    // Better inside the practices; referrers outside them hear less than before (flagged).
    ("communication", [4, 4, 4, 2, 2, 1, 1, 4]),
    ("access", [3, 4, 3, 2, 3, 3, 3, 0]),
    ("learning", [5, 4, 5, 4, 3, 4, 4, 4]),
];

/// (round, scorer, element, comment).
const COMMENTS: &[(&str, &str, &str, &str)] = &[
    (
        "r-first",
        "sc-fiona",
        "shared-vision",
        "We were told what the scheme was for, not asked.",
    ),
    (
        "r-first",
        "sc-amira",
        "support",
        "Some days are hard going; supervision is patchy.",
    ),
    (
        "r-first",
        "sc-dev",
        "access",
        "The link worker cannot see the notes, so we repeat ourselves.",
    ),
    (
        "r-first",
        "sc-iris",
        "learning",
        "I would not know what the team has learned.",
    ),
    (
        "r-second",
        "sc-gareth",
        "communication",
        "Referrals dropped once the link worker stopped coming to our office.",
    ),
    (
        "r-second",
        "sc-hannah",
        "communication",
        "We still hear nothing back about the people we refer.",
    ),
    (
        "r-second",
        "sc-ben",
        "shared-vision",
        "Sharing the vision map with the practices helped.",
    ),
];

fn scoring() -> Scoring {
    let mut s = Scoring::start(&CYCLE, "r-first".into());
    if let Some(r) = s.rounds.first_mut() {
        r.name = "Steering group, autumn 2018".into();
    }
    s.add_round("r-second".into(), "Steering group, summer 2019");
    for (id, name, roster_id) in SCORERS {
        s.add_scorer(id.into(), name);
        if let Some(x) = s.scorers.iter_mut().find(|x| x.id == id) {
            x.roster_id = Some(roster_id.into());
        }
    }
    for (round, sheet) in [("r-first", &FIRST), ("r-second", &SECOND)] {
        for (element, values) in sheet {
            for ((scorer, _, _), &v) in SCORERS.iter().zip(values) {
                match v {
                    0 => s.set_score(round, scorer, element, None, true),
                    v => s.set_score(round, scorer, element, Some(v), false),
                }
            }
        }
    }
    for &(round, scorer, element, comment) in COMMENTS {
        s.set_comment(round, scorer, element, comment.into());
    }
    for r in &mut s.rounds {
        r.revealed = true;
    }
    s
}

#[cfg(test)]
mod tests {
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
        assert!(from_centre.contains(
            &"People with low agency often live with Loneliness and isolation".to_string()
        ));
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
}
