//! Display preferences of this browser: the projector theme and the colour scheme.
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
            Scheme::System => "Match system",
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
        }
    }

    /// The stored form.
    pub fn to_json(self) -> String {
        serde_json::to_string(&self).expect("settings always serialise")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_combination() {
        for theme in [Theme::Standard, Theme::Projector] {
            for scheme in Scheme::ALL {
                let s = Settings { theme, scheme };
                assert_eq!(Settings::restore(Some(&s.to_json())), s);
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
    }

    #[test]
    fn scheme_names_round_trip() {
        for scheme in Scheme::ALL {
            assert_eq!(Scheme::from_str_opt(scheme.as_str()), Some(scheme));
        }
        assert_eq!(Scheme::from_str_opt("sepia"), None);
    }
}
