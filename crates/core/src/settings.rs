//! Preferences of this browser: the projector theme, the colour scheme and learning mode, and
//! whether the first-run tour has been seen.
//!
//! Stored on their own (not inside any workshop), restored leniently: an unknown or damaged
//! value falls back to the default instead of stopping the app from starting.

use serde::{Deserialize, Serialize};

/// The text size and contrast level of the whole app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Normal desk use; meets WCAG AA.
    #[default]
    Standard,
    /// For a projector at the front of a room: large text, contrast of at least 7:1.
    Projector,
}

/// Light or dark colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// Follow the operating system's setting.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The value of the `data-theme` attribute on `<html>`.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Standard => "standard",
            Theme::Projector => "projector",
        }
    }
}

impl Scheme {
    pub const ALL: [Scheme; 3] = [Scheme::System, Scheme::Light, Scheme::Dark];

    /// The value of the `data-scheme` attribute on `<html>`, and of the picker's options.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::System => "system",
            Scheme::Light => "light",
            Scheme::Dark => "dark",
        }
    }

    /// What the picker shows.
    pub fn label(self) -> &'static str {
        match self {
            Scheme::System => "System",
            Scheme::Light => "Light",
            Scheme::Dark => "Dark",
        }
    }

    /// The inverse of [`Scheme::as_str`]; anything else is `None`.
    pub fn from_str_opt(value: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// Everything the settings control remembers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub theme: Theme,
    #[serde(default)]
    pub scheme: Scheme,
    /// Learning mode: an explanation beside each step of a workshop, with links into the
    /// glossary. Off by default, so a facilitator never sees it unless they ask.
    #[serde(default)]
    pub learn: bool,
}

impl Settings {
    /// The storage key, shared by every tab of this origin.
    pub const STORAGE_KEY: &'static str = "cst-workbench.settings";

    /// Reads stored settings field by field; a field that is missing or unreadable keeps its
    /// default, and unreadable text as a whole gives the defaults. Never fails.
    pub fn restore(raw: Option<&str>) -> Settings {
        let Some(value) = raw.and_then(|r| serde_json::from_str::<serde_json::Value>(r).ok())
        else {
            return Settings::default();
        };
        let field = |name: &str| value.get(name).cloned().unwrap_or_default();
        Settings {
            theme: serde_json::from_value(field("theme")).unwrap_or_default(),
            scheme: serde_json::from_value(field("scheme")).unwrap_or_default(),
            learn: serde_json::from_value(field("learn")).unwrap_or_default(),
        }
    }

    /// The stored form.
    pub fn to_json(self) -> String {
        serde_json::to_string(&self).expect("settings always serialise")
    }
}

/// The first-run tour is remembered under a key of its own, apart from the display settings:
/// clearing or damaging those never brings the tour back, and a browser test can mark the tour
/// as seen without choosing any display setting.
pub mod tour {
    /// The storage key; any value stored under it means the tour has been seen.
    pub const STORAGE_KEY: &str = "cst-workbench.tour";
    /// The value written when the tour is finished or skipped.
    pub const DONE: &str = "done";

    /// Whether the tour has been seen, from what is stored under [`STORAGE_KEY`]. Anything at
    /// all counts as seen: a damaged value must not greet a returning user with the tour.
    pub fn seen(raw: Option<&str>) -> bool {
        raw.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_combination() {
        for theme in [Theme::Standard, Theme::Projector] {
            for scheme in Scheme::ALL {
                for learn in [false, true] {
                    let s = Settings {
                        theme,
                        scheme,
                        learn,
                    };
                    assert_eq!(Settings::restore(Some(&s.to_json())), s);
                }
            }
        }
    }

    #[test]
    fn nothing_stored_gives_defaults() {
        assert_eq!(Settings::restore(None), Settings::default());
    }

    #[test]
    fn damaged_text_gives_defaults() {
        for raw in ["", "{", "null", "42", "\"projector\"", "[1,2]"] {
            assert_eq!(Settings::restore(Some(raw)), Settings::default(), "{raw:?}");
        }
    }

    #[test]
    fn one_bad_field_keeps_the_other() {
        let s = Settings::restore(Some(r#"{"theme":"projector","scheme":"purple"}"#));
        assert_eq!(s.theme, Theme::Projector);
        assert_eq!(s.scheme, Scheme::System);
        let s = Settings::restore(Some(r#"{"theme":"projector","learn":"yes"}"#));
        assert_eq!(s.theme, Theme::Projector);
        assert!(!s.learn);
    }

    #[test]
    fn settings_stored_before_learning_mode_existed_keep_it_off() {
        let s = Settings::restore(Some(r#"{"theme":"projector","scheme":"dark"}"#));
        assert_eq!(
            (s.theme, s.scheme, s.learn),
            (Theme::Projector, Scheme::Dark, false)
        );
        assert!(Settings::restore(Some(r#"{"learn":true}"#)).learn);
    }

    #[test]
    fn the_tour_counts_as_seen_once_anything_is_stored() {
        assert!(!tour::seen(None));
        assert!(tour::seen(Some(tour::DONE)));
        assert!(tour::seen(Some("")));
        assert!(tour::seen(Some("{damaged")));
        assert!(tour::STORAGE_KEY.starts_with("cst-workbench."));
        assert_ne!(tour::STORAGE_KEY, Settings::STORAGE_KEY);
    }

    #[test]
    fn scheme_names_round_trip() {
        for scheme in Scheme::ALL {
            assert_eq!(Scheme::from_str_opt(scheme.as_str()), Some(scheme));
        }
        assert_eq!(Scheme::from_str_opt("sepia"), None);
    }
}
