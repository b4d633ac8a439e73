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
    /// One workshop, by id: its details and roster.
    Workshop(String),
    /// What CST Workbench is for, and the sources it draws on.
    About,
    /// A fragment that names no page; carries the path that was asked for, for the message.
    NotFound(String),
}

impl Route {
    /// Reads a `location.hash` value (`""`, `"#"`, `"#/"`, `"#/about"`, `"#/about?x=1"`).
    ///
    /// Never fails: anything unknown is [`Route::NotFound`], so a mistyped bookmark shows a
    /// friendly page instead of a blank one.
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["about"] => Route::About,
            ["w", id] => Route::Workshop((*id).to_string()),
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The fragment that leads to this page, for `href` attributes.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::About => "#/about".to_string(),
            Route::Workshop(id) => format!("#/w/{id}"),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// The page's part of the document title.
    pub fn title(&self) -> &'static str {
        match self {
            Route::Home => "Workshops",
            Route::About => "About",
            Route::Workshop(_) => "Workshop",
            Route::NotFound(_) => "Page not found",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn unknown_paths_are_not_found_and_keep_the_path() {
        assert_eq!(
            Route::parse("#/nowhere/deep"),
            Route::NotFound("/nowhere/deep".into())
        );
    }

    #[test]
    fn href_parses_back_to_the_same_route() {
        for route in [Route::Home, Route::About, Route::Workshop("w-1a-ff".into())] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
