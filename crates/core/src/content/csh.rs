//! Critical systems heuristics: Werner Ulrich's twelve boundary categories, as the text the
//! boundary critique shows on screen.
//!
//! The categories sit in a grid of four sources of influence (motivation, control, knowledge,
//! legitimacy; Ulrich & Reynolds 2010, 2020) by three kinds (a social role, its specific concern, the key problem it raises).
//! Each is asked twice: as it *is* and as it *ought* to be. The questions are our own plain
//! wording, speaking of "the scheme" for whatever the workshop is looking at. The examples are
//! illustrative answers drawn from the Shropshire social prescribing case in Fixsen et al.
//! (2020); they are not findings of that study.
//!
//! A workshop's answers refer to a category by its number (see `crate::model::boundary`).

/// Is or ought: part of the model (an answer holds a text in each), named here too, beside the
/// questions it picks between.
pub use crate::model::boundary::Mode;

/// The four sources of influence: the rows of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    Motivation,
    Control,
    Knowledge,
    Legitimacy,
}

impl Source {
    /// The rows, top to bottom.
    pub const ALL: [Source; 4] = [
        Source::Motivation,
        Source::Control,
        Source::Knowledge,
        Source::Legitimacy,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Source::Motivation => "Motivation",
            Source::Control => "Control",
            Source::Knowledge => "Knowledge",
            Source::Legitimacy => "Legitimacy",
        }
    }

    /// What the row is about, in one sentence.
    pub fn description(self) -> &'static str {
        match self {
            Source::Motivation => {
                "Where the scheme gets its sense of purpose: who it is for and what it is meant \
                 to achieve."
            }
            Source::Control => {
                "Where control (power) over the scheme lies: who decides, and which resources \
                 and other conditions of success they command."
            }
            Source::Knowledge => {
                "Where the scheme gets its know-how, and its confidence that it will work."
            }
            Source::Legitimacy => {
                "Where the scheme gets its claim to be fair, in the eyes of people it affects \
                 but who have no part in it."
            }
        }
    }

    /// Whether the row concerns those involved in the scheme. Only the legitimacy row does
    /// not: it concerns those affected but not involved. (The intended beneficiaries count as
    /// involved even when they have no say: being served by a plan is a part in it.)
    pub fn concerns_those_involved(self) -> bool {
        !matches!(self, Source::Legitimacy)
    }

    fn row(self) -> usize {
        match self {
            Source::Motivation => 0,
            Source::Control => 1,
            Source::Knowledge => 2,
            Source::Legitimacy => 3,
        }
    }
}

/// The three kinds of boundary category: the columns of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    SocialRole,
    SpecificConcern,
    KeyProblem,
}

impl Kind {
    /// The columns, left to right.
    pub const ALL: [Kind; 3] = [Kind::SocialRole, Kind::SpecificConcern, Kind::KeyProblem];

    pub fn label(self) -> &'static str {
        match self {
            Kind::SocialRole => "Social role (stakeholder)",
            Kind::SpecificConcern => "Specific concern (stake)",
            Kind::KeyProblem => "Key problem (stakeholding issue)",
        }
    }

    /// What the column is about, in one sentence.
    pub fn description(self) -> &'static str {
        match self {
            Kind::SocialRole => "Who: the people who hold a part in the scheme, or should.",
            Kind::SpecificConcern => "What that part is about: the interest or means it brings.",
            Kind::KeyProblem => {
                "The hard question that follows, where different people's interests have to be \
                 weighed."
            }
        }
    }

    fn column(self) -> usize {
        match self {
            Kind::SocialRole => 0,
            Kind::SpecificConcern => 1,
            Kind::KeyProblem => 2,
        }
    }
}

/// One of the twelve boundary categories, with its two questions and explanations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Category {
    /// 1 to 12, as in Ulrich's table.
    pub number: u8,
    pub source: Source,
    pub kind: Kind,
    pub name: &'static str,
    /// The question about what is the case.
    pub is_question: &'static str,
    /// The question about what ought to be.
    pub ought_question: &'static str,
    /// What the question asks, in plain words.
    pub asks: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// An illustrative answer from the Shropshire social prescribing case.
    pub example: &'static str,
}

impl Category {
    /// The question in the given mode.
    pub fn question(&self, mode: Mode) -> &'static str {
        match mode {
            Mode::Is => self.is_question,
            Mode::Ought => self.ought_question,
        }
    }
}

/// The number of the witness category: who speaks for those affected but not involved.
pub const WITNESS: u8 = 10;

/// The twelve categories, in number order (row by row, left to right).
pub const CATEGORIES: [Category; 12] = [
    Category {
        number: 1,
        source: Source::Motivation,
        kind: Kind::SocialRole,
        name: "Beneficiary",
        is_question: "Whose needs and interests does the scheme actually serve?",
        ought_question: "Whose needs and interests should the scheme serve?",
        asks: "Who the scheme is really for: whose needs it puts first in practice, not only on \
               paper.",
        why: "Every scheme draws a line around the people it is for. Saying who is inside the \
              line shows who has been left outside it.",
        example: "People referred by GPs, practice staff, job centre advisers and social care \
                  workers, and people on two practices' heart disease risk lists invited by \
                  letter; lonely, isolated and housebound people have been harder to reach.",
    },
    Category {
        number: 2,
        source: Source::Motivation,
        kind: Kind::SpecificConcern,
        name: "Purpose",
        is_question: "What is the scheme actually for, and what does it lead to?",
        ought_question: "What should the scheme be for, and what should it lead to?",
        asks: "What the scheme is trying to achieve, and what really follows from it, including \
               side effects nobody planned.",
        why: "Different groups often hold different purposes for the same scheme without saying \
              so. Putting them side by side shows where they clash.",
        example: "Easing the load on busy GP surgeries and cutting NHS costs, when it could be \
                  about helping people build health and friendships in their own community.",
    },
    Category {
        number: 3,
        source: Source::Motivation,
        kind: Kind::KeyProblem,
        name: "Measure of improvement",
        is_question: "What counts as improvement, and how do we tell whether the consequences, \
                      taken together, are one?",
        ought_question: "What should count as improvement, and how should we tell whether the \
                         consequences, taken together, are one?",
        asks: "The scheme's measure of improvement: how anyone can tell that all its \
               consequences, wanted and unwanted, add up to a change for the better.",
        why: "What gets measured shapes what gets done. A measure chosen to satisfy funders may \
              miss what matters to the people the scheme serves.",
        example: "Questionnaires at the first meeting and three months later, needed quickly to \
                  win the next round of funding; users might ask instead whether a short \
                  programme made a lasting difference.",
    },
    Category {
        number: 4,
        source: Source::Control,
        kind: Kind::SocialRole,
        name: "Decision-maker",
        is_question: "Who can actually change the scheme's aims and how its success is judged?",
        ought_question: "Who should be able to change the scheme's aims and how its success is \
                         judged?",
        asks: "Who holds the power to change the scheme: to set its aims, its budget and the way \
               its success is judged.",
        why: "Those who decide can shape the scheme to fit their own view. Naming them makes it \
              possible to ask who else should be able to.",
        example: "The council's public health team and those who fund the next stage; the \
                  community groups that take the referrals join steering-group conversations but \
                  do not decide.",
    },
    Category {
        number: 5,
        source: Source::Control,
        kind: Kind::SpecificConcern,
        name: "Resources",
        is_question: "What resources and other conditions of success, such as money, staff, \
                      time, skills and information, does the decision-maker control?",
        ought_question: "What resources and other conditions of success, such as money, staff, \
                         time, skills and information, should the decision-maker control?",
        asks: "What the decision-maker named in question 4 commands: funding, staff, time, \
               skills, places to meet, information, and the other conditions the scheme needs \
               to succeed.",
        why: "A plan is only as good as the means behind it. Asking who controls those means \
              also shows what can be held back.",
        example: "A small, mostly part-time team of link workers, stretched by emotionally \
                  draining work, on short-term funding and without full access to patient notes \
                  under data protection rules.",
    },
    Category {
        number: 6,
        source: Source::Control,
        kind: Kind::KeyProblem,
        name: "Decision environment",
        is_question: "What matters to success but lies outside the decision-makers' control?",
        ought_question: "What should be left outside the decision-makers' control?",
        asks: "The conditions that affect whether the scheme succeeds but that the people in \
               charge cannot, or should not, control.",
        why: "What lies outside the plan can still make or break it. People who are not \
              involved often see these conditions more clearly than those in charge.",
        example: "Bus routes and the cost of travel in a rural county, whether GPs choose to take \
                  part, and how well local community groups are doing.",
    },
    Category {
        number: 7,
        source: Source::Knowledge,
        kind: Kind::SocialRole,
        name: "Expert",
        is_question: "Who is treated as an expert in the scheme?",
        ought_question: "Who should be treated as an expert in the scheme?",
        asks: "Which people are listened to as knowing best: whose advice the scheme relies on \
               when it is planned and run.",
        why: "Calling some people experts quietly sets others aside. People with lived \
              experience may know things that professionals do not.",
        example: "GPs, public health specialists and evaluators, when link workers and service \
                  users see every day what helps and what gets in the way.",
    },
    Category {
        number: 8,
        source: Source::Knowledge,
        kind: Kind::SpecificConcern,
        name: "Expertise",
        is_question: "What kinds of knowledge and skill count in the scheme?",
        ought_question: "What kinds of knowledge and skill should count in the scheme?",
        asks: "Which knowledge is taken seriously: clinical evidence, figures, local know-how, \
               people's own experience, or something else.",
        why: "The knowledge a scheme trusts decides which problems it can see. Leaving some out \
              can make whole groups of people invisible.",
        example: "Health scores and questionnaire results, more than link workers' knowledge of \
                  local groups or what users say about the cost of getting there.",
    },
    Category {
        number: 9,
        source: Source::Knowledge,
        kind: Kind::KeyProblem,
        name: "Guarantor",
        is_question: "Where do those involved look for a guarantee that the scheme will bring \
                      improvement?",
        ought_question: "Where should those involved look for a guarantee that the scheme will \
                         bring improvement?",
        asks: "What those involved take as the guarantee of success: expert agreement, \
               research, past experience, political backing, or the involvement of those it \
               serves.",
        why: "Any assurance can turn out to be false. Knowing what the scheme leans on shows \
              where it could fail and what else it might need.",
        example: "Reports of schemes elsewhere and the commitment of an enthusiastic core team, \
                  when lasting success may also depend on GPs and community groups taking part.",
    },
    Category {
        number: WITNESS,
        source: Source::Legitimacy,
        kind: Kind::SocialRole,
        name: "Witness",
        is_question: "Who speaks up for the people the scheme affects but who have no part in it?",
        ought_question: "Who should speak up for the people the scheme affects but who have no \
                         part in it?",
        asks: "Who stands up for people the scheme touches but who take no part in it, including \
               future generations and the natural world.",
        why: "People who are left out cannot argue their own case. Without someone to speak for \
              them, their interests are easily forgotten.",
        example: "Perhaps nobody: community groups speak for the people who come to them, but \
                  people from disadvantaged and minority groups, and housebound people on no \
                  list, may never be asked.",
    },
    Category {
        number: 11,
        source: Source::Legitimacy,
        kind: Kind::SpecificConcern,
        name: "Emancipation",
        is_question: "What chance do those affected have to free themselves from the premises \
                      and promises of those involved, experts and beneficiaries included?",
        ought_question: "What chance should those affected have to free themselves from the \
                         premises and promises of those involved, experts and beneficiaries \
                         included?",
        asks: "What real chance the people affected have to question what everyone involved \
               takes for granted or promises (decision-makers, experts and the intended \
               beneficiaries alike), to refuse it or to change it, rather than have it done to \
               them.",
        why: "A scheme can overlook or harm people while meaning well. Those affected need a \
              real way to challenge it and to say no.",
        example: "Little so far: the community groups that receive referrals, and people on no \
                  GP list, have no agreed way to question the scheme's aims or to refuse the \
                  extra work it sends them; a seat on the steering group or an open meeting \
                  could give them one.",
    },
    Category {
        number: 12,
        source: Source::Legitimacy,
        kind: Kind::KeyProblem,
        name: "Worldview",
        is_question: "Whose idea of a better situation shapes the scheme, and how are other ideas \
                      handled?",
        ought_question: "Whose idea of a better situation should shape the scheme, and how \
                         should differences be settled?",
        asks: "The beliefs about health, care and community that lie beneath the scheme, and \
               how clashing beliefs are dealt with.",
        why: "Views of what a better life looks like differ, and none is simply right. Making \
              the leading view visible lets others challenge it.",
        example: "A public health view that aims to reduce costly illness and narrow health \
                  inequalities, beside a community view that values friendship and belonging \
                  for their own sake.",
    },
];

/// The closing reflection's prompts, in the order of
/// [`crate::model::boundary::ReflectionPart::ALL`]: (label, what to write).
pub const REFLECTION: [(&str, &str); 5] = [
    (
        "Who was not in the room?",
        "People and groups the plan affects who took no part today, and how their view could \
         be heard next time.",
    ),
    (
        "Your own boundary judgments as facilitator",
        "What you chose to include or leave out: the question, the roster, the perspectives, \
         the time given to each.",
    ),
    (
        "Facts: what did we take as the facts?",
        "The observations the group relied on.",
    ),
    (
        "Values: which values made those facts matter?",
        "What the group cared about when it judged them.",
    ),
    (
        "Boundaries: which boundary judgments would change both?",
        "Widen or narrow who and what counts, and see which facts and values change with it.",
    ),
];

/// Why the last three prompts belong together, in one sentence.
pub const TRIANGLE: &str = "Facts, values and boundary judgments hang together: change the \
    boundary and different facts become relevant and different values come into play, so none \
    of the three can be settled alone (Ulrich\u{2019}s \u{201c}eternal triangle\u{201d}; Ulrich \
    and Reynolds 2010).";

/// Prompts for those affected when they challenge what those involved say is the case.
pub const POLEMICAL_PROMPTS: [&str; 3] = [
    "Which \u{201c}is\u{201d} claim rests on a value judgment that expertise cannot settle?",
    "Whose interests does that claim serve, and who was not asked?",
    "What would the plan look like if your \u{201c}ought\u{201d} answer were taken as its \
     boundary?",
];

/// The three uses of boundary critique (Ulrich and Reynolds 2010): (name, what it does).
pub const USES: [(&str, &str); 3] = [
    (
        "Self-reflection",
        "Those involved question their own boundary judgments: what do we take for granted?",
    ),
    (
        "Dialogue",
        "People with different views compare their boundary judgments and look for ones they \
         can share.",
    ),
    (
        "Emancipatory critique",
        "Those affected show that the plan's boundaries rest on value judgments too, so experts \
         and decision-makers cannot claim that only they know best; no expertise of their own is \
         needed for that.",
    ),
];

/// The category with this number, if there is one (1 to 12).
pub fn category(number: u8) -> Option<&'static Category> {
    let all: &'static [Category; 12] = &CATEGORIES;
    usize::from(number)
        .checked_sub(1)
        .and_then(|index| all.get(index))
}

/// The category in this cell of the grid.
pub fn at(source: Source, kind: Kind) -> &'static Category {
    let all: &'static [Category; 12] = &CATEGORIES;
    &all[source.row() * Kind::ALL.len() + kind.column()]
}

#[cfg(test)]
#[path = "csh_tests.rs"]
mod tests;
