//! Fixture files for every format version live in `tests/fixtures/` forever: a document the app
//! once wrote must always open. Each file is listed here, and each is used by a test.

use std::collections::BTreeSet;
use std::path::PathBuf;

/// Every file in `tests/fixtures/`. Add new fixtures here (and use them in a test); never
/// delete one.
pub const ALL: &[&str] = &[
    "workshop-v1-full.json",
    "workshop-v1-minimal.json",
    "workshop-v1-scoring.json",
    "workshop-v1-maps.json",
    "workshop-v1-method.json",
    "workshop-v1-method-margins.json",
    "library-v1.json",
    "index-v1.json",
    "damaged-truncated.json",
    "damaged-wrong-types.json",
    "damaged-wrong-types-roster.json",
    "damaged-dangling.json",
    "foreign-kumu.json",
    "newer-v2.json",
    "map-networkx.graphml",
    "map-yed.graphml",
    "map-yed-groups.graphml",
    "map-networkx.gexf",
    "map-graphviz.dot",
    "map-kumu.json",
    "map-cmaptools.cxl",
    "map-networkx.gml",
    "map-karate.gml",
    "map-yed.gml",
    "map-graphviz-html.dot",
    "map-langgraph.mmd",
    "map-networkx-multi.gml",
    "map-networkx-multi.graphml",
    "map-graphviz-clusters.dot",
    "map-groups.map.json",
    "map-kumu-groups.json",
    "map-cmaptools-nested.cxl",
];

/// Modules whose tests use fixtures, searched for each fixture's name.
const TEST_SOURCES: &[&str] = &[
    "document.rs",
    "document_damaged.rs",
    "document_refusals.rs",
    "library.rs",
    "roundtrip.rs",
    "map_formats.rs",
    "map_formats_files.rs",
    "map_formats_tools.rs",
    "map_readers.rs",
    "map_groups.rs",
    "map_formats_wild.rs",
];

/// `tests/fixtures/` at the top of the repository: the browser suite reads them too.
fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join("tests")
        .join("fixtures")
}

/// The text of a fixture, exactly as stored.
pub fn load(name: &str) -> String {
    assert!(ALL.contains(&name), "{name} is not listed in fixtures::ALL");
    let path = dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
fn every_file_in_the_fixtures_folder_is_listed_and_every_listed_file_exists() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .expect("tests/fixtures exists")
        .map(|e| {
            e.expect("a readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let listed: BTreeSet<String> = ALL.iter().map(|s| s.to_string()).collect();
    assert_eq!(listed.len(), ALL.len(), "fixtures::ALL names a file twice");
    let unlisted: Vec<_> = on_disk.difference(&listed).collect();
    let missing: Vec<_> = listed.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty(),
        "fixtures not listed in fixtures::ALL (and so untested): {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "fixtures listed but deleted (fixtures are kept forever): {missing:?}"
    );
}

#[test]
fn every_fixture_is_used_by_some_test() {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("native");
    let sources: String = TEST_SOURCES
        .iter()
        .map(|f| std::fs::read_to_string(here.join(f)).expect("a test module"))
        .collect();
    let unused: Vec<_> = ALL
        .iter()
        .filter(|name| !sources.contains(&format!("\"{name}\"")))
        .collect();
    assert!(unused.is_empty(), "fixtures no test loads: {unused:?}");
}

#[test]
fn every_format_version_up_to_the_current_one_has_a_full_fixture() {
    let current = cstw_core::persist::document::VERSION;
    for version in 1..=current {
        let name = format!("workshop-v{version}-full.json");
        assert!(
            ALL.contains(&name.as_str()),
            "no fixture {name} for format version {version}"
        );
        let value: serde_json::Value = serde_json::from_str(&load(&name)).expect("valid JSON");
        assert_eq!(value["version"], version, "{name} holds another version");
    }
}

#[test]
fn every_fixture_goes_through_every_reader_without_panicking() {
    use cstw_core::persist::document::{read_import, read_workshop};
    use cstw_core::persist::library::Index;
    for name in ALL {
        let text = load(name);
        let _ = read_workshop(&text, "w-fallback");
        let _ = read_import(&text, &|i| format!("w-fallback-{i}"));
        let _ = Index::restore(Some(&text));
        if let Ok(restored) = read_workshop(&text, "w-fallback") {
            // Whatever was read can be saved and read again.
            read_workshop(&restored.saved.to_json(), "w-other").expect("re-reads");
        }
    }
}
