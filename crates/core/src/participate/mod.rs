//! Taking part from one's own phone, with no server: the facilitator's invite travels to the
//! phone in a URL fragment (`#/join/<code>`), the phone's answers travel back as a QR code or a
//! link (`#/response/<code>`), and the facilitator merges them into the workshop.
//!
//! - `code`: the compact framing (version, kind, deflate, CRC-32, URL-safe base64) and the
//!   length-checked field reader;
//! - `invite`: what a phone needs to score a round or answer boundary questions;
//! - `response`: what a phone sends back, and how it merges into the workshop;
//! - `qr_decode`: QR codes read from camera frames (the Collect view's scanner; rqrr through
//!   `cstw_kernels::qr`);
//! - `crc`: the CRC-32 of codes and check values (small, for the phone page's binary);
//! - `qr`: QR codes drawn as SVG, and fitting an invite into a code a phone can read off a
//!   projector.
//!
//! Everything here is pure: no browser, no storage. A code is untrusted input; reading one never
//! panics and every refusal is a plain sentence ([`Refusal`]).

pub mod code;
pub mod crc;
pub mod draft;
pub mod drop;
pub mod invite;
pub mod qr;
pub mod qr_decode;
pub mod response;

pub use code::Kind;
pub use invite::{BoundaryInvite, ScoringInvite};
pub use response::{Answer, BoundaryResponse, ScoringResponse};

/// Caps on every text a participant or an invite carries (characters).
pub mod caps {
    pub const ID: usize = 64;
    pub const ROUND_NAME: usize = 120;
    pub const ELEMENT_NAME: usize = 120;
    pub const DESCRIPTION: usize = 300;
    pub const LABEL: usize = 60;
    pub const ELEMENTS: usize = 60;
    /// Levels on a scale (0 to 10 is 11).
    pub const LEVELS: usize = 21;
    pub const COMMENT: usize = 500;
    pub const NAME: usize = 80;
    pub const PERSPECTIVE: usize = 80;
    pub const ANSWER: usize = 1000;
}

/// Why a code was not taken. Each says, in plain words, what happened; nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLong,
    /// Not a code, cut short, or its contents do not make sense.
    Damaged,
    /// The checksum does not match: changed after it was made, or damaged on the way.
    Tampered,
    NewerVersion,
    /// A code of another kind (an invite pasted where a response belongs).
    WrongKind {
        expected: Kind,
        found: Kind,
    },
    OtherWorkshop,
    /// The round it answers is not in this workshop.
    OtherRound,
    /// The round's elements or scale changed after the invitation was made.
    RoundChanged,
    /// Already collected, from this person (their label).
    Duplicate(String),
    /// The perspective it answers for was removed.
    PerspectiveGone,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Empty => write!(f, "There is nothing to read: paste a link or a code."),
            Refusal::TooLong => write!(f, "This is far too long to be a code from this app."),
            Refusal::Damaged => write!(
                f,
                "This code is damaged or incomplete: it may have been cut short when it was copied. Ask for the whole link again."
            ),
            Refusal::Tampered => write!(
                f,
                "This code does not match its own checksum: it was changed or damaged after it was made. Nothing was added."
            ),
            Refusal::NewerVersion => write!(
                f,
                "This code was made by a newer version of the app. Open it in the same version the facilitator uses."
            ),
            Refusal::WrongKind { expected, found } => {
                write!(f, "This is {}, not {}.", found.noun(), expected.noun())
            }
            Refusal::OtherWorkshop => write!(
                f,
                "This response belongs to another workshop. Nothing was added."
            ),
            Refusal::OtherRound => write!(
                f,
                "This response is for a round that is not in this workshop. Nothing was added."
            ),
            Refusal::RoundChanged => write!(
                f,
                "This response was made for an earlier version of the round: its elements or scale have changed since the invitation. Nothing was added."
            ),
            Refusal::Duplicate(who) => {
                write!(f, "This response is already in ({who}); it counts once.")
            }
            Refusal::PerspectiveGone => write!(
                f,
                "The perspective these answers are for is no longer in the workshop. Nothing was added."
            ),
        }
    }
}

/// The code in what someone pasted: a whole link (`https://…/#/response/<code>`), a fragment
/// (`#/join/<code>`), or the bare code, with any spaces or line breaks a messenger added.
pub fn code_in(text: &str) -> String {
    let text = text.trim();
    let tail = ["#/response/", "#/join/", "#/answer/"]
        .iter()
        .find_map(|m| text.rfind(m).map(|at| &text[at + m.len()..]))
        .unwrap_or(text);
    tail.chars()
        .take_while(|c| !matches!(c, '?' | '#' | '&'))
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect()
}

/// A round's check value: changes when the workshop, the round, its elements (by id, in order)
/// or its scale change, so a response made for a different version of the round is refused.
pub fn round_check(workshop: &str, scoring: &crate::model::scoring::Scoring, round: &str) -> u32 {
    let mut h = crc::Hasher::new();
    for part in [workshop, round] {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    for e in &scoring.framework.elements {
        h.update(e.id.as_bytes());
        h.update(&[0]);
    }
    h.update(&scoring.scale.min.to_le_bytes());
    h.update(&scoring.scale.max.to_le_bytes());
    h.update(&[u8::from(scoring.scale.allow_dont_know)]);
    h.finalize()
}

/// A boundary invitation's check value: the workshop, the invitation and the perspective.
pub fn boundary_check(workshop: &str, invite: &str, perspective: &str) -> u32 {
    let mut h = crc::Hasher::new();
    for part in [workshop, invite, perspective] {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    h.finalize()
}

/// Whether a host name is this computer itself (phones cannot reach it there).
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim().trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.starts_with("127.")
        || host == "::1"
        || host == "0.0.0.0"
}

/// The address phones should open, from what the facilitator typed: a scheme is added if
/// missing (`http://`), and any fragment is dropped. `None` if it is not an address.
pub fn phone_base(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let typed = typed.split('#').next().unwrap_or_default();
    if typed.is_empty() || typed.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let with_scheme = if typed.starts_with("http://") || typed.starts_with("https://") {
        typed.to_string()
    } else if typed.contains("://") {
        return None;
    } else {
        format!("http://{typed}")
    };
    let rest = with_scheme.split_once("://")?.1;
    let host = rest.split(['/', '?']).next().unwrap_or_default();
    if host.is_empty() || host.len() > 253 {
        return None;
    }
    // A bare host gets a "/" so a fragment can follow it.
    Some(if rest.contains('/') {
        with_scheme
    } else {
        format!("{with_scheme}/")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_and_typed_addresses() {
        for h in ["localhost", "127.0.0.1", "[::1]", "LOCALHOST"] {
            assert!(is_loopback(h), "{h}");
        }
        assert!(!is_loopback("192.168.1.20"));
        assert_eq!(
            phone_base("192.168.1.20:8080").as_deref(),
            Some("http://192.168.1.20:8080/")
        );
        assert_eq!(
            phone_base(" https://example.org/cst/#/w/x ").as_deref(),
            Some("https://example.org/cst/")
        );
        assert_eq!(phone_base(""), None);
        assert_eq!(phone_base("ftp://x"), None);
        assert_eq!(phone_base("a b"), None);
    }

    #[test]
    fn the_code_is_found_in_links_fragments_and_pasted_text() {
        for text in [
            "https://example.org/app/#/response/AbC-_9",
            "  #/response/AbC-_9\n",
            "AbC-_9",
            "Here: http://192.168.1.4:8080/#/response/Ab\nC-_9",
            "#/join/AbC-_9?x=1",
        ] {
            assert_eq!(code_in(text), "AbC-_9", "{text:?}");
        }
    }
}
