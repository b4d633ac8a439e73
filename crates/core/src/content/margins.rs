//! The words of the boundary analysis view (Midgley 2000, *Systemic Intervention*, ch. 7, on
//! boundaries, marginalisation, the sacred and the profane), written for the app.

/// What the view is for, in two sentences.
pub const INTRO: &str = "Two groups can draw the boundary of the same situation in two places: \
    a narrower primary boundary and a wider secondary one. What falls between them sits in the \
    marginal zone, neither fully in nor fully out, and is easily ignored or looked down on \
    (Midgley 2000).";

/// What the primary boundary field asks.
pub const PRIMARY: (&str, &str) = (
    "Primary boundary: what does the narrower boundary take in, and whose concern draws it?",
    "For example the pilot's referral pathway as the commissioners see it.",
);

/// What the secondary boundary field asks.
pub const SECONDARY: (&str, &str) = (
    "Secondary boundary: what does the wider boundary take in, and whose concern draws it?",
    "For example everyone in the county whose wellbeing the scheme touches.",
);

/// The prompt for what holds the boundaries in place.
pub const HOLDS: (&str, &str) = (
    "What holds the boundaries in place?",
    "Each boundary carries an ethic, and the two conflict over what sits in the margin. \
     Which routines, rules and habits (the rituals) settle that conflict for now, making a \
     marginal element sacred or profane? What would have to change for the margin to move?",
);

/// Sacred and profane, in one sentence each.
pub const MARKS: [(&str, &str); 2] = [
    (
        "Sacred",
        "Valued and protected: those who hold the wider boundary defend it, and the narrow \
         boundary may give way to it.",
    ),
    (
        "Profane",
        "Devalued: looked down on or blamed, which justifies keeping it out.",
    ),
];

/// Where the ideas come from, as the view cites them.
pub const CITE: &str = "After Midgley (2000), Systemic Intervention, ch. 7.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::SOURCES;

    #[test]
    fn the_cited_source_is_in_the_list_of_sources() {
        assert!(CITE.contains("Midgley (2000)"));
        assert!(
            SOURCES
                .iter()
                .any(|s| s.authors.starts_with("Midgley") && s.year == "2000")
        );
        for (name, what) in MARKS {
            assert!(!name.is_empty() && what.ends_with('.'));
        }
    }
}
