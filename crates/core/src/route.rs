//! The app's addresses: which page a URL fragment names, and the fragment for each page.
//!
//! Navigation lives in the URL fragment (`#/about`), not in the path, so that the same `dist/`
//! works from any static host and any sub-path with no server rewrite rules, the back button
//! works, and every page can be bookmarked. This module is pure: the UI feeds it
//! `location.hash` and renders whatever [`Route`] comes back.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The start page: the workshop library.
    Home,
    /// One workshop, by id, at one of its sections.
    Workshop(String, Section),
    /// What CST Workbench is for, and the sources it draws on.
    About,
    /// The words of critical systems thinking the app uses; one entry can be named in the
    /// query (`#/glossary?term=<slug>`).
    Glossary,
    /// A participant's page on their phone (`#/join/<code>`): the invitation is the code.
    Join(String),
    /// A participant's response opened in the facilitator's browser (`#/response/<code>`).
    Response(String),
    /// A live room's link (`#/live/<room id>.<key>`, issue 25): the secret stays in the
    /// fragment, which no server sees. Only a build with a relay can open it.
    Live(String),
    /// A fragment that names no page; carries the path that was asked for, for the message.
    NotFound(String),
}

/// The parts of a workshop page. Moving between them keeps the workshop open (and its undo
/// history), so they are sections of one page rather than pages of their own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Section {
    /// Details and roster.
    #[default]
    Overview,
    /// Boundary critique.
    Boundary,
    /// Concept maps.
    Maps,
    /// Rich pictures.
    Pictures,
    /// Scoring a framework, round by round.
    Scoring,
    /// The whole workshop as one printable report.
    Report,
    /// The workshop presented step by step, full screen.
    Present,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Overview,
        Section::Boundary,
        Section::Maps,
        Section::Pictures,
        Section::Scoring,
        Section::Report,
        Section::Present,
    ];

    fn path(self) -> &'static str {
        match self {
            Section::Overview => "",
            Section::Boundary => "/boundary",
            Section::Maps => "/maps",
            Section::Pictures => "/pictures",
            Section::Scoring => "/scoring",
            Section::Report => "/report",
            Section::Present => "/present",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Section::Overview => "Details and roster",
            Section::Boundary => "Boundary critique",
            Section::Maps => "Concept maps",
            Section::Pictures => "Rich pictures",
            Section::Scoring => "Scoring",
            Section::Report => "Report",
            Section::Present => "Present",
        }
    }

    /// The label on a narrow screen: a word of `label`, so the visible text stays part of the
    /// link's accessible name.
    pub fn short_label(self) -> &'static str {
        match self {
            Section::Overview => "Details",
            Section::Boundary => "Boundary",
            Section::Maps => "Maps",
            Section::Pictures => "Pictures",
            Section::Scoring => "Scoring",
            Section::Report => "Report",
            Section::Present => "Present",
        }
    }
}

/// An id or slug as one address segment: every byte outside `A–Z a–z 0–9 - _ . ~` is
/// percent-encoded, so ids with spaces, slashes, `?`, `#`, `%` or accents stay one segment.
pub fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A segment as [`encode`] wrote it (or a browser percent-encoded it) read back; a `%` not
/// followed by two hex digits, or bytes that are not UTF-8, leave the segment as it was.
pub fn decode(segment: &str) -> String {
    let b = segment.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (
            b[i],
            b.get(i + 1).and_then(|&c| hex(c)),
            b.get(i + 2).and_then(|&c| hex(c)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| segment.to_string())
}

/// The non-empty path segments of a `location.hash` value, without its query.
fn segments(hash: &str) -> Vec<&str> {
    let path = hash.strip_prefix('#').unwrap_or(hash);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path.split('/').filter(|s| !s.is_empty()).collect()
}

impl Route {
    /// A workshop's overview.
    pub fn workshop(id: impl Into<String>) -> Route {
        Route::Workshop(id.into(), Section::Overview)
    }

    /// The route with any section removed: two routes with the same page show the same
    /// component, which only switches sections.
    pub fn page(&self) -> Route {
        match self {
            Route::Workshop(id, _) => Route::workshop(id.clone()),
            other => other.clone(),
        }
    }

    /// The workshop section, for a workshop route.
    pub fn section(&self) -> Section {
        match self {
            Route::Workshop(_, section) => *section,
            _ => Section::Overview,
        }
    }

    /// The map named in a maps address (`#/w/<id>/maps/<map>`), if any. The open map is part
    /// of the address so a reload (or a bookmark) comes back to it.
    pub fn map_in(hash: &str) -> Option<String> {
        match segments(hash).as_slice() {
            ["w", _, "maps", map] => Some(decode(map)),
            _ => None,
        }
    }

    /// The address of one map of a workshop.
    pub fn map_href(workshop: &str, map: &str) -> String {
        format!("#/w/{}/maps/{}", encode(workshop), encode(map))
    }

    /// The step named in a presentation address (`#/w/<id>/present/<step>`), if any, so a
    /// reload comes back to the step the room was looking at.
    pub fn step_in(hash: &str) -> Option<String> {
        match segments(hash).as_slice() {
            ["w", _, "present", step] => Some(decode(step)),
            _ => None,
        }
    }

    /// The address of one step of a workshop's presentation.
    pub fn step_href(workshop: &str, step: &str) -> String {
        format!("#/w/{}/present/{}", encode(workshop), encode(step))
    }

    /// The glossary entry named in a glossary address (`#/glossary?term=<slug>`), if any. The
    /// entry is in the query, not in a second fragment, so each one is its own history entry
    /// and the back button returns from it.
    pub fn term_in(hash: &str) -> Option<String> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = path.split_once('?')?;
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if segments != ["glossary"] {
            return None;
        }
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix("term="))
            .filter(|slug| !slug.is_empty())
            .map(str::to_string)
    }

    /// The address of one glossary entry.
    pub fn term_href(slug: &str) -> String {
        format!("#/glossary?term={slug}")
    }

    /// Reads a `location.hash` value (`""`, `"#"`, `"#/"`, `"#/about"`, `"#/about?x=1"`).
    ///
    /// Never fails: anything unknown is [`Route::NotFound`], so a mistyped bookmark shows a
    /// friendly page instead of a blank one.
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |raw: &str| decode(raw);
        match segments.as_slice() {
            [] => Route::Home,
            ["about"] => Route::About,
            ["glossary"] => Route::Glossary,
            ["join", code] => Route::Join((*code).to_string()),
            ["response", code] => Route::Response((*code).to_string()),
            ["live", secret] => Route::Live((*secret).to_string()),
            ["w", raw] => Route::workshop(id(raw)),
            ["w", raw, "boundary"] => Route::Workshop(id(raw), Section::Boundary),
            ["w", raw, "scoring"] => Route::Workshop(id(raw), Section::Scoring),
            ["w", raw, "pictures"] => Route::Workshop(id(raw), Section::Pictures),
            ["w", raw, "report"] => Route::Workshop(id(raw), Section::Report),
            ["w", raw, "present"] | ["w", raw, "present", _] => {
                Route::Workshop(id(raw), Section::Present)
            }
            ["w", raw, "maps"] | ["w", raw, "maps", _] => Route::Workshop(id(raw), Section::Maps),
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The fragment that leads to this page, for `href` attributes.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::About => "#/about".to_string(),
            Route::Glossary => "#/glossary".to_string(),
            Route::Workshop(id, section) => format!("#/w/{}{}", encode(id), section.path()),
            Route::Join(code) => format!("#/join/{code}"),
            Route::Response(code) => format!("#/response/{code}"),
            Route::Live(secret) => format!("#/live/{secret}"),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// The page's part of the document title.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => "Workshops",
            Route::About => "About",
            Route::Glossary => "Glossary",
            Route::Workshop(..) => "Workshop",
            Route::Join(_) => "Take part",
            Route::Response(_) => "A participant's response",
            Route::Live(_) => "Live room",
            Route::NotFound(_) => "Page not found",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_short_section_label_is_part_of_its_full_label() {
        for s in Section::ALL {
            assert!(
                s.label()
                    .to_lowercase()
                    .contains(&s.short_label().to_lowercase())
            );
        }
    }

    #[test]
    fn ids_with_spaces_slashes_and_accents_survive_the_address() {
        for id in [
            "a b",
            "a/b",
            "café-ünïcödé",
            "50% off?#x",
            "%41",
            "w-1",
            "..",
            "日本",
        ] {
            for section in Section::ALL {
                let route = Route::Workshop(id.to_string(), section);
                assert_eq!(Route::parse(&route.href()), route, "{id:?}");
            }
            let map = Route::map_href(id, id);
            assert_eq!(Route::map_in(&map).as_deref(), Some(id));
            let step = Route::step_href(id, id);
            assert_eq!(Route::step_in(&step).as_deref(), Some(id));
        }
        // What a browser or a person typed: raw accents and spaces, or %-escapes.
        assert_eq!(Route::parse("#/w/caf%C3%A9"), Route::workshop("café"));
        assert_eq!(Route::parse("#/w/café"), Route::workshop("café"));
        assert_eq!(Route::parse("#/w/100%"), Route::workshop("100%"));
        assert_eq!(Route::parse("#/w/%FF"), Route::workshop("%FF"));
    }

    #[test]
    fn empty_and_root_fragments_are_home() {
        for hash in ["", "#", "#/", "#//", "/"] {
            assert_eq!(Route::parse(hash), Route::Home, "{hash:?}");
        }
    }

    #[test]
    fn about_is_found_with_or_without_slashes_and_query() {
        for hash in ["#/about", "#about", "#/about/", "#/about?from=nav"] {
            assert_eq!(Route::parse(hash), Route::About, "{hash:?}");
        }
    }

    #[test]
    fn a_glossary_entry_is_named_in_the_query() {
        let href = Route::term_href("boundary-judgment");
        assert_eq!(Route::parse(&href), Route::Glossary);
        assert_eq!(Route::term_in(&href).as_deref(), Some("boundary-judgment"));
        assert_eq!(
            Route::term_in("#/glossary?from=aside&term=csh").as_deref(),
            Some("csh")
        );
        assert_eq!(Route::term_in("#/glossary"), None);
        assert_eq!(Route::term_in("#/glossary?term="), None);
        assert_eq!(Route::term_in("#/about?term=csh"), None);
        assert_eq!(Route::parse("#/glossary/"), Route::Glossary);
        assert_eq!(Route::Glossary.title(), "Glossary");
    }

    #[test]
    fn unknown_paths_are_not_found_and_keep_the_path() {
        assert_eq!(
            Route::parse("#/nowhere/deep"),
            Route::NotFound("/nowhere/deep".into())
        );
    }

    #[test]
    fn sections_of_a_workshop_are_one_page() {
        let boundary = Route::parse("#/w/w-1/boundary");
        assert_eq!(boundary.section(), Section::Boundary);
        assert_eq!(boundary.page(), Route::parse("#/w/w-1"));
        assert_ne!(boundary.page(), Route::parse("#/w/w-2").page());
        assert_eq!(
            Route::parse("#/w/w-1/nonsense"),
            Route::NotFound("/w/w-1/nonsense".into())
        );
    }

    #[test]
    fn presenting_is_a_section_and_its_step_is_in_the_address() {
        let present = Route::parse("#/w/w-1/present/q3");
        assert_eq!(present, Route::Workshop("w-1".into(), Section::Present));
        assert_eq!(Route::step_in("#/w/w-1/present/q3").as_deref(), Some("q3"));
        assert_eq!(Route::step_in("#/w/w-1/present"), None);
        assert_eq!(Route::step_in("#/w/w-1/maps/q3"), None);
        assert_eq!(Route::parse(&Route::step_href("w-1", "summary")), present);
        assert_eq!(
            Route::Workshop("w-1".into(), Section::Present).href(),
            "#/w/w-1/present"
        );
    }

    #[test]
    fn the_report_is_a_section_of_its_workshop() {
        let report = Route::parse("#/w/w-1/report");
        assert_eq!(report, Route::Workshop("w-1".into(), Section::Report));
        assert_eq!(report.href(), "#/w/w-1/report");
        assert_eq!(report.page(), Route::workshop("w-1"));
        assert_eq!(Section::ALL.last(), Some(&Section::Present));
        assert_eq!(
            Route::parse("#/w/w-1/report/x"),
            Route::NotFound("/w/w-1/report/x".into())
        );
    }

    #[test]
    fn a_map_is_part_of_the_maps_address() {
        let href = Route::map_href("w-1", "m-2");
        assert_eq!(
            Route::parse(&href),
            Route::Workshop("w-1".into(), Section::Maps)
        );
        assert_eq!(Route::map_in(&href).as_deref(), Some("m-2"));
        assert_eq!(Route::map_in("#/w/w-1/maps"), None);
        assert_eq!(Route::map_in("#/w/w-1/boundary"), None);
    }

    #[test]
    fn href_parses_back_to_the_same_route() {
        for route in [
            Route::Home,
            Route::About,
            Route::Glossary,
            Route::workshop("w-1a-ff"),
            Route::Workshop("w-1a-ff".into(), Section::Boundary),
            Route::Workshop("w-1a-ff".into(), Section::Scoring),
            Route::Workshop("w-1a-ff".into(), Section::Maps),
            Route::Workshop("w-1a-ff".into(), Section::Report),
            Route::Join("AQEA-_9".into()),
            Route::Response("AQIA-_9".into()),
            Route::Live("0a1b.2c3d".into()),
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
