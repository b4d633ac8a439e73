//! The works CST Workbench draws on, cited on the About page.

/// A published work, in the parts a citation needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub authors: &'static str,
    pub year: &'static str,
    pub title: &'static str,
    /// Journal, book or publisher, with volume and pages where there are any.
    pub published_in: &'static str,
    /// A DOI (without the resolver prefix), when the work has one.
    pub doi: Option<&'static str>,
    /// What the app takes from it.
    pub used_for: &'static str,
}

impl Source {
    /// The short form a glossary entry cites: the first author's surname and the year
    /// (`"Ulrich 1983"`).
    pub fn short(&self) -> String {
        let surname = self.authors.split([' ', ',']).next().unwrap_or_default();
        format!("{surname} {}", self.year)
    }

    /// A link to the work, when it has a DOI.
    pub fn doi_url(&self) -> Option<String> {
        self.doi.map(|doi| format!("https://doi.org/{doi}"))
    }
}

pub const SOURCES: [Source; 11] = [
    Source {
        authors: "Fixsen A, Seers H, Polley M, Robins J",
        year: "2020",
        title: "Applying critical systems thinking to social prescribing: a relational model of \
                stakeholder \u{201c}buy-in\u{201d}",
        published_in: "BMC Health Services Research 20:580",
        doi: Some("10.1186/s12913-020-05443-8"),
        used_for: "The team vision map, the key elements of sustainable social prescribing, the \
                   positive relational cycle with emotional buy-in at its heart, and the case \
                   behind the example workshop.",
    },
    Source {
        authors: "Ulrich W",
        year: "1983",
        title: "Critical Heuristics of Social Planning: A New Approach to Practical Philosophy",
        published_in: "Bern: Haupt",
        doi: None,
        used_for: "The twelve boundary categories and the is/ought questioning of boundary \
                   judgments.",
    },
    Source {
        authors: "Ulrich W",
        year: "2005",
        title: "A brief introduction to critical systems heuristics (CSH)",
        published_in: "ECOSENSUS project web site, The Open University",
        doi: None,
        used_for: "The short form of the twelve questions and their polemical use by those \
                   affected but not involved.",
    },
    Source {
        authors: "Ulrich W, Reynolds M",
        year: "2010",
        title: "Critical systems heuristics",
        published_in: "In: Reynolds M, Holwell S (eds) Systems Approaches to Managing Change: A \
                       Practical Guide. London: Springer, pp. 243\u{2013}292",
        doi: Some("10.1007/978-1-84882-809-4_6"),
        used_for: "How the categories group into motivation, control, knowledge and legitimacy; \
                   the questions printed ought first (\u{201c}ideal mapping\u{201d}); the roles \
                   of beneficiary, decision-maker, expert and witness.",
    },
    Source {
        authors: "Ulrich W, Reynolds M",
        year: "2020",
        title: "Critical Systems Heuristics: The Idea and Practice of Boundary Critique",
        published_in: "In: Reynolds M, Holwell S (eds) Systems Approaches to Making Change: A \
                       Practical Guide, 2nd edn. London: Springer, pp. 255\u{2013}306",
        doi: Some("10.1007/978-1-4471-7472-1_6"),
        used_for: "The second edition of the chapter: the same grid and questions, and the \
                   three uses of boundary critique (self-reflection, dialogue, emancipatory \
                   critique).",
    },
    Source {
        authors: "Midgley G",
        year: "2000",
        title: "Systemic Intervention: Philosophy, Methodology, and Practice",
        published_in: "New York: Kluwer Academic / Plenum (ISBN 978-0-306-46488-1)",
        doi: None,
        used_for: "Boundary critique as a practice, and marginalisation: people and issues \
                   caught between a narrow and a wide boundary, made sacred or profane, and the \
                   ritual that holds the boundaries in place (the glossary and the Margins \
                   view).",
    },
    Source {
        authors: "Churchman CW",
        year: "1971",
        title: "The Design of Inquiring Systems: Basic Concepts of Systems and Organization",
        published_in: "New York: Basic Books",
        doi: None,
        used_for: "The sweep-in idea: keep widening what you take into account, because what is \
                   left out can matter (the glossary).",
    },
    Source {
        authors: "Checkland P, Poulter J",
        year: "2006",
        title: "Learning for Action: A Short Definitive Account of Soft Systems Methodology",
        published_in: "Chichester: Wiley",
        doi: None,
        used_for: "Rich pictures as a way to draw a problem situation.",
    },
    Source {
        authors: "Bell S, Christina A",
        year: "2006",
        title: "Applying systemic project management approaches for the UK national health service",
        published_in: "Systemic Practice and Action Research 19(1):27\u{2013}43",
        doi: Some("10.1007/s11213-005-9002-4"),
        used_for: "Soft systems methods in NHS planning: a rich picture of what is, a root \
                   definition of what could be, and a plan for getting there.",
    },
    Source {
        authors: "Burke MJ, Dunlap WP",
        year: "2002",
        title: "Estimating interrater agreement with the average deviation index: a user\u{2019}s \
                guide",
        published_in: "Organizational Research Methods 5(2):159\u{2013}172",
        doi: Some("10.1177/1094428102005002002"),
        used_for: "The spread test of the disagreement flag: an average deviation from the \
                   median above c/6 on a scale of c levels.",
    },
    Source {
        authors: "Fitch K, Bernstein SJ, Aguilar MD, Burnand B, LaCalle JR, L\u{e1}zaro P, van \
                  het Loo M, McDonnell J, Vader JP, Kahan JP",
        year: "2001",
        title: "The RAND/UCLA Appropriateness Method User\u{2019}s Manual",
        published_in: "Santa Monica, CA: RAND (MR-1269-DG-XII/RE)",
        doi: None,
        used_for: "The count rule of the disagreement flag: a panel disagrees when enough \
                   members rate far from the middle, scaled to the size of the panel.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_paper_is_cited_with_its_doi() {
        let paper = &SOURCES[0];
        assert!(paper.title.contains("social prescribing"));
        assert_eq!(
            paper.doi_url().as_deref(),
            Some("https://doi.org/10.1186/s12913-020-05443-8")
        );
    }

    #[test]
    fn short_citations_name_the_first_author_and_year() {
        assert_eq!(SOURCES[0].short(), "Fixsen 2020");
        assert!(SOURCES.iter().any(|s| s.short() == "Ulrich 1983"));
        assert!(SOURCES.iter().any(|s| s.short() == "Churchman 1971"));
    }

    #[test]
    fn the_csh_chapters_are_cited_exactly() {
        let find = |short: &str| SOURCES.iter().find(|s| s.short() == short).unwrap();
        let first = find("Ulrich 2010");
        assert!(
            first
                .published_in
                .contains("Systems Approaches to Managing Change")
        );
        assert!(first.published_in.contains("pp. 243\u{2013}292"));
        let second = find("Ulrich 2020");
        assert_eq!(
            second.title,
            "Critical Systems Heuristics: The Idea and Practice of Boundary Critique"
        );
        assert!(
            second
                .published_in
                .contains("Systems Approaches to Making Change")
        );
        assert!(second.published_in.contains("pp. 255\u{2013}306"));
        assert_eq!(second.doi, Some("10.1007/978-1-4471-7472-1_6"));
        let bell = find("Bell 2006");
        assert!(bell.used_for.contains("a root definition of what could be"));
        let burke = find("Burke 2002");
        assert_eq!(burke.doi, Some("10.1177/1094428102005002002"));
    }

    #[test]
    fn every_source_says_what_the_app_takes_from_it() {
        for s in SOURCES {
            assert!(!s.authors.is_empty() && !s.year.is_empty() && !s.title.is_empty());
            assert!(!s.used_for.is_empty(), "{}", s.title);
        }
    }
}
