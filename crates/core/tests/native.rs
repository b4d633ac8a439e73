//! Native integration tests of the pure core: one test binary, one module per area.
//!
//! - [`fixtures`]: the fixture files in `tests/fixtures/` and the rule that each one is used.
//! - [`document`]: the saved-workshop format: every fixture restores to exactly what it holds;
//!   [`document_damaged`]: damaged documents are repaired (each repair reported) or refused,
//!   and nothing panics; [`document_refusals`]: foreign, newer, empty, oversized and overfull
//!   files are refused with a plain sentence.
//! - [`roundtrip`]: property tests: whatever the app can save, it reads back unchanged; the
//!   strategies that make arbitrary workshops and maps are in [`arbitrary`].
//! - [`boundary_export`]: the boundary critique as Markdown and CSV, with hostile text.
//! - [`map_formats`]: map exports and imports: round trips of hostile labels, user text kept
//!   as text, byte soup and mutated exports; [`map_formats_tools`]: the real readers (Graphviz,
//!   NetworkX) read our files; [`map_formats_files`]: files the real tools wrote, bad files,
//!   too large files, merging; [`map_formats_wild`]: XML files as yEd (desktop and Live),
//!   Gephi, Cytoscape and CmapTools write them; [`map_formats_wild_text`]: text files as
//!   spreadsheets in other locales and code pages, Graphviz, yEd's and igraph's GML and
//!   Mermaid (GitHub, Notion) write them.
//! - [`map_readers`]: the readers added for real files: text in UTF-16 and with CRLF, GML
//!   (NetworkX's fixtures, NetworkX reading ours), Mermaid flowcharts, DOT's HTML-like labels,
//!   and byte soup through each.
//! - [`node_notes`]: a node's notes through every format that can hold them and back, old
//!   files without them, hostile notes in XML, DOT and the report, CmapTools' info as notes.
//! - [`map_groups`]: parallel links and groups: files NetworkX (MultiDiGraph) and Graphviz
//!   (nested clusters) wrote, our own format's fixture, every nesting writer read back by
//!   Graphviz, and byte soup through the DOT reader.
//! - [`group_layout`]: groups as geometry: every layout (and the worker's job) keeps members
//!   together and frames apart in both themes; empty groups' frames; links ending on a group.
//! - [`pictures`]: rich pictures in the saved format (2,000 strokes in 300 KB, round trip,
//!   damaged pictures kept aside) and as SVG and PNG files (hostile text stays text and reads
//!   back, damaged and foreign files get a message, byte soup never panics).
//! - [`report`]: the whole workshop as Markdown and as one HTML file: every section, hostile
//!   text in every kind of user text, figures that parse, ids unique on the page.
//! - [`report_blocks`]: the report's document tree and its Markdown and HTML renderers: hostile
//!   text in every kind of block stays text; each format's own parts stay out of the other.
//! - [`participate`]: invites and responses from phones: round trips through their codes,
//!   byte soup, truncation and tampering refused without panic, merging counts once and gives
//!   the statistics of scoring in turn, invites fitted into a projected QR code.
//! - [`placement`]: nothing lands on anything: templates, every layout and new nodes (N and
//!   Shift+N) leave no node over another node or a link label, in both themes' box sizes.
//! - [`qr_decode`]: the scanner's decoder on camera-like frames (sizes, scales, turns, noise,
//!   inversion) and on frames with no code (blank, noise, byte soup), which give nothing.
//! - [`disagreement`]: the disagreement rule on hand-worked groups of 3 to 25 on 1–5, 1–7 and
//!   0–10, and by simulation: clear agreement rarely flagged, two camps almost always, one
//!   changed vote never flags a group within one level.
//! - [`limits`]: every reader refuses input nested too deep (on a 1 MB stack) and CXL
//!   expansion bombs, before it recurses or expands.
//! - [`hostile_numbers`]: restore bounds arbitrary numbers in every numeric field and every
//!   export renders the result; ids at the limit; a record's key wins over its inner id.
//! - [`jobs`]: the Web Worker's message protocol: requests and replies round-trip, `run` does
//!   imports, layouts and analysis, bad and damaged messages are refused without a panic.
//! - [`library`]: the library index reconciled against stored records made from the fixtures.
//! - [`order`]: the app's one sort gives the standard stable sort's order (ties included).
//!
//! Run with `cargo test -p cstw-core --test native` (`-- map_formats` for one module; a module's
//! name is the prefix of those split from it, so `-- document` runs all three). The
//! fixtures and the scripts for the real readers are shared with the browser suite, at the top
//! of the repository (`tests/fixtures/`, `tests/readers/`).

#[path = "native/arbitrary.rs"]
mod arbitrary;
#[path = "native/boundary_export.rs"]
mod boundary_export;
#[path = "native/disagreement.rs"]
mod disagreement;
#[path = "native/document.rs"]
mod document;
#[path = "native/document_damaged.rs"]
mod document_damaged;
#[path = "native/document_refusals.rs"]
mod document_refusals;
#[path = "native/fixtures.rs"]
mod fixtures;
#[path = "native/group_layout.rs"]
mod group_layout;
#[path = "native/hostile_numbers.rs"]
mod hostile_numbers;
#[path = "native/jobs.rs"]
mod jobs;
#[path = "native/library.rs"]
mod library;
#[path = "native/limits.rs"]
mod limits;
#[path = "native/map_formats.rs"]
mod map_formats;
#[path = "native/map_formats_files.rs"]
mod map_formats_files;
#[path = "native/map_formats_tools.rs"]
mod map_formats_tools;
#[path = "native/map_formats_wild.rs"]
mod map_formats_wild;
#[path = "native/map_formats_wild_text.rs"]
mod map_formats_wild_text;
#[path = "native/map_groups.rs"]
mod map_groups;
#[path = "native/map_readers.rs"]
mod map_readers;
#[path = "native/node_notes.rs"]
mod node_notes;
#[path = "native/order.rs"]
mod order;
#[path = "native/participate.rs"]
mod participate;
#[path = "native/pictures.rs"]
mod pictures;
#[path = "native/placement.rs"]
mod placement;
#[path = "native/qr_decode.rs"]
mod qr_decode;
#[path = "native/report.rs"]
mod report;
#[path = "native/report_blocks.rs"]
mod report_blocks;
#[path = "native/roundtrip.rs"]
mod roundtrip;
