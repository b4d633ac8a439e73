//! Learning material for people teaching themselves critical systems thinking: a short
//! explanation beside each section of a workshop, a suggested order for trying the method on
//! one's own case, and a glossary of the words the app uses.
//!
//! All of it is written for the app, in plain words; where an idea comes from a published
//! work, the glossary entry cites it in the short form of [`Source::short`] ("Ulrich 1983"),
//! and every citation is one of [`SOURCES`]. Plain data: the UI (`ui::learn`) renders it.

use super::sources::{SOURCES, Source};
use crate::route::Section;

pub use super::tour::{TOUR, TourStop};

/// The explanation shown beside one section of a workshop when learning mode is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub section: Section,
    /// What this step is for, in one or two sentences.
    pub purpose: &'static str,
    /// What to do, in order.
    pub to_do: &'static [&'static str],
    /// One piece of advice from practice.
    pub tip: &'static str,
    /// Where the example workshop shows this step.
    pub example: &'static str,
    /// The glossary terms this step uses, by slug.
    pub terms: &'static [&'static str],
}

/// One stop on the way through a workshop of one's own, in the order that usually works.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathStep {
    pub name: &'static str,
    pub section: Section,
    /// What to do at this stop, in a sentence.
    pub does: &'static str,
}

/// The groups the glossary is arranged in, in the order the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// The ideas of boundary critique.
    Method,
    /// Who takes part, and how their views meet.
    People,
    /// Concept maps and rich pictures.
    Drawing,
    /// The paper's models and scoring them.
    Scoring,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Method, Group::People, Group::Drawing, Group::Scoring];

    pub fn label(self) -> &'static str {
        match self {
            Group::Method => "The method",
            Group::People => "People and perspectives",
            Group::Drawing => "Maps and pictures",
            Group::Scoring => "Models and scoring",
        }
    }

    /// The `id` of the group's heading on the glossary page.
    pub fn anchor(self) -> &'static str {
        match self {
            Group::Method => "glossary-method",
            Group::People => "glossary-people",
            Group::Drawing => "glossary-drawing",
            Group::Scoring => "glossary-scoring",
        }
    }
}

/// One glossary entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// The stable, URL-safe name: the glossary's deep links use it (`#/glossary?term=<slug>`).
    pub slug: &'static str,
    pub name: &'static str,
    pub group: Group,
    /// The definition, in two or three sentences.
    pub meaning: &'static str,
    /// Where in a workshop the idea is put to work.
    pub used_in: &'static [Section],
    /// Works it comes from, as [`Source::short`] citations.
    pub cites: &'static [&'static str],
}

impl Term {
    /// The cited works, in the order given.
    pub fn sources(&self) -> Vec<&'static Source> {
        self.cites
            .iter()
            .filter_map(|c| SOURCES.iter().find(|s| s.short() == *c))
            .collect()
    }

    /// The `id` of the entry on the glossary page.
    pub fn anchor(&self) -> String {
        format!("term-{}", self.slug)
    }
}

/// The explanation for a section, if it has one.
pub fn step(section: Section) -> Option<&'static Step> {
    STEPS.iter().find(|s| s.section == section)
}

/// A glossary entry by slug.
pub fn term(slug: &str) -> Option<&'static Term> {
    GLOSSARY.iter().find(|t| t.slug == slug)
}

/// The entries of one group, in the order the page lists them (alphabetical).
pub fn in_group(group: Group) -> impl Iterator<Item = &'static Term> {
    GLOSSARY.iter().filter(move |t| t.group == group)
}

pub const STEPS: [Step; 6] = [
    Step {
        section: Section::Overview,
        purpose: "Say what the workshop looks at, and who has a stake in it. Everything later \
                  builds on this: the roster is where the boundary of the situation is first \
                  drawn, so it is worth a moment of care.",
        to_do: &[
            "Give the workshop a title and a focus question: the plan, service or change you \
             want to look at.",
            "Add everyone with a stake to the roster, including the people who will not be in \
             the room.",
            "Mark each entry as involved (the plan is meant to serve them, or they decide on \
             it or advise it, with or without a say) or affected but not involved (it touches \
             them, but they hold none of those parts).",
        ],
        tip: "Ask \u{201c}who else is touched by this?\u{201d} until the answers run dry. The \
              people you almost forgot are often the ones a boundary critique is about.",
        example: "The example's roster lists the Shropshire scheme's staff, GPs, partners, \
                  community groups and service users as involved, and disadvantaged and \
                  minority groups, housebound people and future service users as affected.",
        terms: &[
            "stakeholder",
            "involved-affected",
            "boundary-judgment",
            "sweep-in",
        ],
    },
    Step {
        section: Section::Boundary,
        purpose: "Make the plan's boundary judgments visible. Ulrich's twelve questions ask who \
                  it serves, who decides, whose knowledge counts and who speaks for those \
                  left out, each as it is and as it ought to be.",
        to_do: &[
            "Add a perspective for each group whose view you want to hear, and link it to the \
             roster.",
            "Go through the questions one at a time, writing the \u{201c}is\u{201d} answer, \
             then the \u{201c}ought\u{201d} answer, in the group's own words.",
            "Compare perspectives question by question, and mark the tensions you find.",
            "Use the challenge view to set what those involved say is the case beside what \
             those affected say ought to be, and record each challenge and its reply.",
            "On questions 1, 4, 7 and 10, mark on the roster who holds each role now and who \
             should; the gaps view lists each perspective's is/ought gaps, largest first.",
            "Close with the reflection under Summary: who was not in the room, your own \
             boundary judgments, and how facts, values and boundaries hang together.",
        ],
        tip: "Don't rush to agree. A gap between \u{201c}is\u{201d} and \u{201c}ought\u{201d}, \
              or between two perspectives, is not a mistake to fix: it is what the workshop \
              came to find.",
        example: "The example answers the questions from five perspectives (the project team, \
                  GPs and practice staff, the voluntary and community sector, service users, and \
                  an advocate for people the scheme has not reached) and marks the tensions \
                  between them.",
        terms: &[
            "boundary-critique",
            "csh",
            "is-ought",
            "perspective",
            "tension",
            "polemical-use",
            "marginalisation",
        ],
    },
    Step {
        section: Section::Maps,
        purpose: "Lay out the ideas the group holds and how they connect, so that everyone can \
                  see the same picture of what the plan is trying to change.",
        to_do: &[
            "Start from a template (the team vision map, or a stakeholder map from the roster) \
             or from a blank map.",
            "Add the ideas the group names as nodes, and link the ones that affect each other.",
            "Label each link, and say whether it pushes the other idea up or down.",
            "Open the analysis to find the ideas everything runs through, and the feedback \
             loops.",
        ],
        tip: "Write a verb on each link (\u{201c}reduces\u{201d}, \u{201c}depends on\u{201d}). \
              Boxes joined by bare arrows look tidy but say very little.",
        example: "The example's map starts from the paper's team vision map (people with low \
                  agency at the centre, the target areas around it) and adds two responses and \
                  the group's own links: the links are the example's, not the paper's.",
        terms: &[
            "concept-map",
            "team-vision-map",
            "feedback-loop",
            "sweep-in",
        ],
    },
    Step {
        section: Section::Pictures,
        purpose: "Draw the situation as the group experiences it: people, places, worries, \
                  conflicts, money and flows. A picture holds the messy, human side of a \
                  situation that lists and boxes leave out.",
        to_do: &[
            "Put the main people and organisations on the board, with stickers or a few pen \
             strokes.",
            "Add what they think and say, where they clash, and what flows between them.",
            "Check the list of roster entries the picture does not show yet: who is missing?",
        ],
        tip: "Draw roughly on purpose. A quick stick figure invites everyone to add theirs; a \
              polished diagram makes people afraid to touch it.",
        example: "The example's rich picture shows GP practices, link workers, community groups \
                  and service users, with the barriers between them (one bus a day, short-term \
                  funding, worn-out staff) and a question: who is missing?",
        terms: &["rich-picture", "stakeholder", "marginalisation"],
    },
    Step {
        section: Section::Scoring,
        purpose: "Let the group score how well the plan builds what keeps people committed, and \
                  see where they disagree. The disagreements are usually worth more than the \
                  averages.",
        to_do: &[
            "Start from a framework: the positive relational cycle or the key elements of \
             sustainable social prescribing.",
            "Choose a scale, add the scorers, and let each person score every element.",
            "Reveal the results together, and talk first about the elements flagged for \
             disagreement.",
            "Add a second round months later, and compare.",
        ],
        tip: "Keep the results hidden until everyone has scored, so that nobody follows the \
              first number they see.",
        example: "The example has two scoring rounds of the positive relational cycle, autumn \
                  2018 and summer 2019, with a disagreement flagged in each. (The paper did not \
                  score buy-in: scoring is this app's extension of its model.)",
        terms: &[
            "emotional-buy-in",
            "positive-relational-cycle",
            "sustainable-social-prescribing",
            "scoring-round",
            "disagreement",
        ],
    },
    Step {
        section: Section::Report,
        purpose: "Gather everything the group made into one document to print, save as PDF or \
                  send on, so the boundary judgments and the disagreements are on record.",
        to_do: &[
            "Read through the report and fill any gaps it shows.",
            "Print it, save it as PDF, or download it as Markdown or HTML.",
        ],
        tip: "Read the unanswered questions and the people nobody speaks for back to the group \
              before you close: they are the start of the next workshop.",
        example: "The example's report shows every activity filled in, from the roster to the \
                  two scoring rounds.",
        terms: &["critical-systems-thinking", "boundary-judgment"],
    },
];

/// The order that usually works when trying the method on one's own case.
pub const PATH: [PathStep; 7] = [
    PathStep {
        name: "Details",
        section: Section::Overview,
        does: "Name the situation and the question you want to ask about it.",
    },
    PathStep {
        name: "Roster",
        section: Section::Overview,
        does: "List who has a stake, involved or affected.",
    },
    PathStep {
        name: "Boundary critique",
        section: Section::Boundary,
        does: "Ask the twelve questions, as it is and as it ought to be, from several \
               perspectives.",
    },
    PathStep {
        name: "Concept map",
        section: Section::Maps,
        does: "Map the ideas and how they affect each other.",
    },
    PathStep {
        name: "Rich picture",
        section: Section::Pictures,
        does: "Draw the situation, and check who is missing from it.",
    },
    PathStep {
        name: "Scoring",
        section: Section::Scoring,
        does: "Score what builds buy-in, and look for disagreement.",
    },
    PathStep {
        name: "Report",
        section: Section::Report,
        does: "Bring it all together, and decide what comes next.",
    },
];

/// The glossary, group by group, alphabetical within each group.
pub const GLOSSARY: [Term; 22] = [
    // ---- the method ----
    Term {
        slug: "boundary-category",
        name: "Boundary category",
        group: Group::Method,
        meaning: "One of the twelve questions of critical systems heuristics, such as \u{201c}who \
                  is the beneficiary?\u{201d} or \u{201c}who is the expert?\u{201d}. They sit in \
                  a table of four rows (motivation, control, knowledge, legitimacy) by three \
                  columns (a role, its concern, the problem it raises).",
        used_in: &[Section::Boundary],
        cites: &["Ulrich 1983", "Ulrich 2010"],
    },
    Term {
        slug: "boundary-critique",
        name: "Boundary critique",
        group: Group::Method,
        meaning: "Questioning the boundaries a plan draws: what and who it takes into account, \
                  and what and who it leaves out. Done openly and with the people concerned, it \
                  turns hidden choices into something a group can discuss and change.",
        used_in: &[Section::Boundary],
        cites: &["Ulrich 1983", "Midgley 2000"],
    },
    Term {
        slug: "boundary-judgment",
        name: "Boundary judgment",
        group: Group::Method,
        meaning: "A choice, often made without noticing, about what belongs to the situation \
                  and what does not: which facts count, whose interests are served, who gets a \
                  say. Every plan rests on such choices, and they are value judgments as much as \
                  matters of fact.",
        used_in: &[Section::Overview, Section::Boundary, Section::Report],
        cites: &["Ulrich 1983", "Fixsen 2020"],
    },
    Term {
        slug: "csh",
        name: "Critical systems heuristics (CSH)",
        group: Group::Method,
        meaning: "Werner Ulrich's framework for boundary critique: twelve boundary categories, \
                  each asked as it is and as it ought to be. A heuristic is an aid to \
                  discovery: the questions do not give answers, they help a group find the \
                  judgments behind its answers.",
        used_in: &[Section::Boundary],
        cites: &["Ulrich 1983", "Ulrich 2005", "Ulrich 2010"],
    },
    Term {
        slug: "critical-systems-thinking",
        name: "Critical systems thinking",
        group: Group::Method,
        meaning: "Looking at a situation as a whole (how its parts hang together and change) \
                  while asking critically whose view of the whole is being taken, and who is \
                  left out. It draws several systems methods together rather than being one \
                  method.",
        used_in: &[Section::Report],
        cites: &["Fixsen 2020"],
    },
    Term {
        slug: "is-ought",
        name: "Is and ought",
        group: Group::Method,
        meaning: "The two modes in which each boundary question is asked: what is the case now, \
                  and what ought to be the case. Setting the two side by side shows where a \
                  plan falls short of its own ideals, and whose ideals they are. Ulrich and \
                  Reynolds print each question ought first (\u{201c}ideal mapping\u{201d}); a \
                  workshop can choose to ask it that way.",
        used_in: &[Section::Boundary],
        cites: &["Ulrich 2005", "Ulrich 2010"],
    },
    Term {
        slug: "marginalisation",
        name: "Marginalisation",
        group: Group::Method,
        meaning: "What happens to people and issues caught between a narrow boundary and a wider \
                  one: neither fully in nor fully out, they are easily ignored or looked down \
                  on. Asking who sits in that margin, and why, is part of boundary critique; \
                  the Margins view of the boundary critique is built for it.",
        used_in: &[Section::Boundary, Section::Pictures],
        cites: &["Midgley 2000"],
    },
    Term {
        slug: "polemical-use",
        name: "Polemical use of boundary judgments",
        group: Group::Method,
        meaning: "How someone affected can challenge experts or decision-makers without being an \
                  expert: it is enough to show that their plan rests on boundary judgments too, \
                  which are not settled by expertise alone. The challenge view of the boundary \
                  critique is built for this.",
        used_in: &[Section::Boundary],
        cites: &["Ulrich 1983", "Ulrich 2005"],
    },
    Term {
        slug: "sweep-in",
        name: "Sweep-in",
        group: Group::Method,
        meaning: "Churchman's advice to keep widening what you take into account (more people, \
                  more facts, more values), because whatever is left out may turn out to \
                  matter. Since nobody can take in everything, boundaries have to be drawn, and \
                  that is why they need to be questioned.",
        used_in: &[Section::Overview, Section::Maps],
        cites: &["Churchman 1971", "Ulrich 1983"],
    },
    // ---- people and perspectives ----
    Term {
        slug: "involved-affected",
        name: "Involved and affected",
        group: Group::People,
        meaning: "Those involved hold a part in a plan: they are the people it is meant to \
                  serve (even when they have no say in it), or they decide on it, or their \
                  knowledge guides it. Those affected but not involved live with its \
                  consequences while holding none of these parts. The legitimacy questions ask \
                  who speaks for them, including future generations and the natural world.",
        used_in: &[Section::Overview, Section::Boundary],
        cites: &["Ulrich 1983", "Ulrich 2005"],
    },
    Term {
        slug: "perspective",
        name: "Perspective",
        group: Group::People,
        meaning: "The view of one group taking part in the boundary critique, such as a project \
                  team or a group of service users. Each perspective answers the twelve \
                  questions in its own words, and is linked to the roster entries it speaks \
                  for.",
        used_in: &[Section::Boundary],
        cites: &["Ulrich 2010"],
    },
    Term {
        slug: "stakeholder",
        name: "Stakeholder",
        group: Group::People,
        meaning: "Anyone with something at stake in a plan: people who run it, fund it, refer to \
                  it or use it, and people who feel its effects from outside. In CSH, a \
                  stakeholder can be involved or affected, and the difference matters.",
        used_in: &[Section::Overview, Section::Pictures],
        cites: &["Ulrich 1983", "Fixsen 2020"],
    },
    Term {
        slug: "tension",
        name: "Tension",
        group: Group::People,
        meaning: "A place where answers pull apart: between is and ought within one perspective, \
                  or between two perspectives on the same question. The app lets you mark each \
                  tension as none, some or strong, with a note, and lists the strongest first.",
        used_in: &[Section::Boundary, Section::Report],
        cites: &[],
    },
    // ---- maps and pictures ----
    Term {
        slug: "concept-map",
        name: "Concept map",
        group: Group::Drawing,
        meaning: "A diagram of ideas (the nodes) joined by labelled links that say how one \
                  affects another. It makes a group's shared understanding visible, so that gaps \
                  and disagreements can be talked about.",
        used_in: &[Section::Maps],
        cites: &["Fixsen 2020"],
    },
    Term {
        slug: "feedback-loop",
        name: "Feedback loop",
        group: Group::Drawing,
        meaning: "A chain of links in a map that comes back to where it started. If it \
                  strengthens itself (more leads to more) it is reinforcing; if it holds itself \
                  in check, it is balancing. The map analysis finds loops from the links' plus \
                  and minus signs.",
        used_in: &[Section::Maps],
        cites: &[],
    },
    Term {
        slug: "rich-picture",
        name: "Rich picture",
        group: Group::Drawing,
        meaning: "A cartoon of a problem situation drawn by the people in it: stick figures and \
                  buildings, thought and speech bubbles, crossed swords for conflict, arrows for \
                  flows. It comes from soft systems methodology, and is meant to be informal and \
                  a little messy. In NHS planning, Bell and Christina paired a rich picture of \
                  what is with a root definition of what could be.",
        used_in: &[Section::Pictures],
        cites: &["Checkland 2006", "Bell 2006"],
    },
    Term {
        slug: "team-vision-map",
        name: "Team vision map",
        group: Group::Drawing,
        meaning: "The concept map in the paper (its Figure 1), drawn from six interviews with \
                  core stakeholders: people with low agency at the centre, and the scheme's \
                  target areas around them. It was shown back to GPs and practice managers for \
                  their comments. The template has the paper's nodes; any links you add are \
                  your own.",
        used_in: &[Section::Maps],
        cites: &["Fixsen 2020"],
    },
    // ---- models and scoring ----
    Term {
        slug: "disagreement",
        name: "Disagreement",
        group: Group::Scoring,
        meaning: "The app flags an element when at least two scorers (15% in groups over 13) \
                  scored two or more levels from the middle score: on one side a dissent, on \
                  both a split, scattered a spread (also when the scores lie on average more \
                  than a sixth of the scale from the median). An average hides this; a flagged \
                  element is where the conversation should start.",
        used_in: &[Section::Scoring, Section::Report],
        cites: &["Fitch 2001", "Burke 2002"],
    },
    Term {
        slug: "emotional-buy-in",
        name: "Emotional buy-in",
        group: Group::Scoring,
        meaning: "People's felt commitment to a scheme: believing it is worthwhile, knowing its \
                  purpose and their part in it, being able to take part and learn, and feeling \
                  valued. The paper found it essential for every stakeholder, and hard to keep \
                  going.",
        used_in: &[Section::Scoring],
        cites: &["Fixsen 2020"],
    },
    Term {
        slug: "sustainable-social-prescribing",
        name: "Key elements of sustainable social prescribing",
        group: Group::Scoring,
        meaning: "The paper's chart (its Figure 2) of the key elements of sustainable social \
                  prescribing: holistic thinking, inclusivity and sharing at the top, with \
                  planning and learning on one side and buy-in and communication on the other. \
                  The items under its boxes come from the paper's text rather than the figure. \
                  The second built-in framework for scoring.",
        used_in: &[Section::Scoring],
        cites: &["Fixsen 2020"],
    },
    Term {
        slug: "positive-relational-cycle",
        name: "Positive relational cycle",
        group: Group::Scoring,
        meaning: "The paper's model (its Figure 3) of what sustains a scheme: the elements \
                  from shared vision to learning in and from action, in a cycle with emotional \
                  buy-in at its heart. The paper calls the boxes on the left more operational \
                  and those on the right more relational without naming them; the app's split \
                  is its own reading. A built-in framework for scoring.",
        used_in: &[Section::Maps, Section::Scoring],
        cites: &["Fixsen 2020"],
    },
    Term {
        slug: "scoring-round",
        name: "Round",
        group: Group::Scoring,
        meaning: "One sitting in which the group scores every element of a framework. Adding a \
                  round months later shows what has changed. Scoring is this app's extension: \
                  the paper's two phases were rounds of interviews, and it only suggests its \
                  model for building and possibly evaluating schemes.",
        used_in: &[Section::Scoring],
        cites: &["Fixsen 2020"],
    },
];

/// The terms issue #9 asks the glossary to explain, by slug.
pub const REQUIRED: [&str; 16] = [
    "boundary-judgment",
    "is-ought",
    "involved-affected",
    "rich-picture",
    "concept-map",
    "emotional-buy-in",
    "sweep-in",
    "boundary-critique",
    "csh",
    "perspective",
    "tension",
    "stakeholder",
    "marginalisation",
    "positive-relational-cycle",
    "sustainable-social-prescribing",
    "disagreement",
];

#[cfg(test)]
#[path = "learn_tests.rs"]
mod tests;
