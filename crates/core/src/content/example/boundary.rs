//! The example's boundary critique: each perspective's answers to the twelve questions, in is
//! and ought, and the tensions they make visible.

use super::*;

pub(super) const TEAM: &str = "p-team";
pub(super) const GPS: &str = "p-gps";
pub(super) const VCS: &str = "p-vcs";
pub(super) const USERS: &str = "p-users";
pub(super) const UNREACHED: &str = "p-unreached";

/// (question, is, ought); an empty side is left unanswered.
pub(super) type Answers = &'static [(u8, &'static str, &'static str)];

pub(super) const TEAM_ANSWERS: Answers = &[
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

pub(super) const GP_ANSWERS: Answers = &[
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

pub(super) const VCS_ANSWERS: Answers = &[
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
pub(super) const USER_ANSWERS: Answers = &[
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
pub(super) const UNREACHED_ANSWERS: Answers = &[
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

pub(super) fn boundary(w: &mut Workshop) {
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
