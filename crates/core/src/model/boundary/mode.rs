//! Is or ought: the two modes of every boundary question (Ulrich): what is the case, and what
//! ought to be. An answer holds one text in each.

/// Whether a question asks what is the case, or what ought to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Is,
    Ought,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Is, Mode::Ought];

    pub fn label(self) -> &'static str {
        match self {
            Mode::Is => "Is",
            Mode::Ought => "Ought",
        }
    }

    /// What answering in this mode means, in one sentence.
    pub fn description(self) -> &'static str {
        match self {
            Mode::Is => "What is actually the case now.",
            Mode::Ought => "What should be the case instead.",
        }
    }
}
