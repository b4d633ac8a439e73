//! Text map files as the real tools write them: CSV from spreadsheets in other locales and code
//! pages (semicolons, decimal commas, tabs, UTF-16, Windows-1252), Graphviz by hand and as
//! `dot -Tdot` writes it, yEd's and igraph's GML, Mermaid from GitHub and Notion; and what a
//! facilitator should see after importing them. The XML formats are in `map_formats_wild`.

use cstw_core::import::map::import;
use cstw_core::model::map::Direction;

use crate::map_formats::{labels, link_triples};
use crate::map_formats_wild::{group_of, link, open, read, sorted_labels};

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xff, 0xfe];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

/// Excel and LibreOffice in German, French or Dutch save "CSV" with `;` between cells and a
/// decimal comma in numbers, often with a BOM and CRLF; a quoted cell may hold a line break.
#[test]
fn semicolon_csv_from_a_european_spreadsheet_imports() {
    let elements = "\u{feff}Label;Type;X;Y;Description\r\n\
        Hausärzte;Akteur;120,5;-40,25;\"Erste Anlaufstelle;\r\nauch abends\"\r\n\
        Pflegeheim;Akteur;300;80,5;\r\n";
    let connections =
        "\u{feff}From;To;Label;Direction\r\nHausärzte;Pflegeheim;überweisen an;directed\r\n";
    let i = import(
        &[
            ("Elemente.csv".into(), elements.as_bytes().to_vec()),
            ("Verbindungen.csv".into(), connections.as_bytes().to_vec()),
        ],
        "m-wild".into(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let m = &i.map;
    assert_eq!(labels(m), ["Hausärzte", "Pflegeheim"]);
    assert_eq!((m.nodes[0].x, m.nodes[0].y), (120.5, -40.25));
    assert_eq!(m.nodes[0].notes, "Erste Anlaufstelle;\r\nauch abends");
    assert_eq!(
        link_triples(m),
        [(
            "Hausärzte".into(),
            "Pflegeheim".into(),
            "überweisen an".into()
        )]
    );
    // One table alone is a CSV file too.
    let m = open("Verbindungen.csv", connections).map;
    assert_eq!(
        link_triples(&m),
        [(
            "Hausärzte".into(),
            "Pflegeheim".into(),
            "überweisen an".into()
        )]
    );
}

/// Excel's "Unicode Text" is UTF-16LE with a BOM and tabs between cells.
#[test]
fn excel_unicode_text_tab_separated_utf16_imports() {
    let text = "From\tTo\tLabel\r\nGP practices\tLink workers\trefer\r\nLink workers\tVoluntary groups, local\t\"connect, then follow up\"\r\n";
    let m = read("connections.txt", utf16le(text))
        .unwrap_or_else(|e| panic!("{e}"))
        .map;
    assert_eq!(
        link_triples(&m),
        [
            ("GP practices".into(), "Link workers".into(), "refer".into()),
            (
                "Link workers".into(),
                "Voluntary groups, local".into(),
                "connect, then follow up".into()
            )
        ]
    );
}

/// A comma-separated table whose labels hold semicolons stays comma-separated.
#[test]
fn a_comma_table_with_semicolons_in_its_cells_stays_comma_separated() {
    let text = "Label,Type\n\"Carers; families\",Person\nSchools,Place\n";
    let m = open("elements.csv", text).map;
    assert_eq!(labels(&m), ["Carers; families", "Schools"]);
}

/// A hand-written Graphviz file saved on Windows: BOM, CRLF, `strict`, defaults, `\n` and
/// escaped quotes, `+` concatenation, `\` line continuation, an HTML-like label, edge chains,
/// ports, `dir=back`, a cluster and a repeat that `strict` merges.
#[test]
fn a_graphviz_file_from_windows_reads_as_graphviz_draws_it() {
    let text = "\u{feff}// referral pathways\r\n\
strict digraph \"Referral \\\"pathways\\\"\" {\r\n\
  graph [rankdir=LR, fontname=\"Helvetica\"];\r\n\
  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffcc00\"];\r\n\
  edge [color=gray40, label=\"\"];\r\n\
  gp [label=\"GP\\npractices\"];\r\n\
  lw [label=<Link <b>workers</b> &amp; volunteers>];\r\n\
  pat [label=\"Patients \\\"lonely\\\" \" + \"and isolated\"];\r\n\
  vcs [label=\"Voluntary \\\r\n\
sector\"];\r\n\
  gp -> lw -> pat [label=\"refer\"];\r\n\
  subgraph cluster_comm {\r\n\
    label = \"Community\";\r\n\
    vcs; pat;\r\n\
  }\r\n\
  pat -> gp [dir=back, label=\"see\"];\r\n\
  gp:e -> vcs:w;\r\n\
  gp -> lw [label=\"refer\"];\r\n\
  lw -> vcs [dir=none];\r\n\
}\r\n";
    let i = open("pathways.gv", text);
    let m = &i.map;
    assert_eq!(
        sorted_labels(m),
        [
            "GP\npractices",
            "Link workers & volunteers",
            "Patients \"lonely\" and isolated",
            "Voluntary sector"
        ]
    );
    assert_eq!(group_of(m, "Voluntary sector"), Some("Community"));
    assert_eq!(
        group_of(m, "Patients \"lonely\" and isolated"),
        Some("Community")
    );
    assert_eq!(group_of(m, "GP\npractices"), None);
    let mut t = link_triples(m);
    t.sort();
    assert_eq!(
        t,
        [
            (
                "GP practices".into(),
                "Link workers & volunteers".into(),
                "refer".into()
            ),
            (
                "GP practices".into(),
                "Patients \"lonely\" and isolated".into(),
                "see".into()
            ),
            ("GP practices".into(), "Voluntary sector".into(), "".into()),
            (
                "Link workers & volunteers".into(),
                "Patients \"lonely\" and isolated".into(),
                "refer".into()
            ),
            (
                "Link workers & volunteers".into(),
                "Voluntary sector".into(),
                "".into()
            ),
        ]
    );
    let none = link(m, "Link workers & volunteers", "Voluntary sector");
    assert_eq!(none[0].direction, Direction::None);
}

/// `dot -Tdot` output (what "save as DOT" in Graphviz tools gives): `node [label="\N"]`,
/// positions in points with y up, `bb`, edges with spline `pos`.
#[test]
fn graphviz_laid_out_output_keeps_names_and_places() {
    let text = "digraph G {\n\tgraph [bb=\"0,0,170.5,108\"];\n\tnode [label=\"\\N\"];\n\tA\t[height=0.5,\n\t\tpos=\"27,90\",\n\t\twidth=0.75];\n\t\"Long name\"\t[height=0.5,\n\t\tpos=\"99,18\",\n\t\twidth=1.9861];\n\tA -> \"Long name\"\t[pos=\"e,80.58,35.789 41.57,75.834 51.134,66.538 63.9,54.128 75.213,43.131\"];\n}\n";
    let m = open("g.dot", text).map;
    assert_eq!(labels(&m), ["A", "Long name"]);
    let (a, b) = (&m.nodes[0], &m.nodes[1]);
    assert!(a.y < b.y, "y up in Graphviz: A is above");
    assert_eq!(
        link_triples(&m),
        [("A".into(), "Long name".into(), "".into())]
    );
}

/// yEd's GML export: `Creator "yFiles"` before the graph, tabs, `LabelGraphics` for edge
/// labels, arrows as `sourceArrow` / `targetArrow` in the edge's graphics (none written for a
/// plain line), a group with `isGroup` and members with `gid`.
#[test]
fn a_yed_gml_export_keeps_its_arrows_and_edge_labels() {
    let text = "Creator\t\"yFiles\"\nVersion\t\"2.22\"\ngraph\n[\n\thierarchic\t1\n\tlabel\t\"\"\n\tdirected\t1\n\
\tnode\n\t[\n\t\tid\t0\n\t\tlabel\t\"GP\"\n\t\tgraphics\n\t\t[\n\t\t\tx\t150.0\n\t\t\ty\t75.0\n\t\t\tw\t120.0\n\t\t\th\t30.0\n\t\t\ttype\t\"rectangle\"\n\t\t\tfill\t\"#FFCC00\"\n\t\t\toutline\t\"#000000\"\n\t\t]\n\t\tLabelGraphics\n\t\t[\n\t\t\ttext\t\"GP\"\n\t\t\tfontSize\t12\n\t\t\tfontName\t\"Dialog\"\n\t\t\tanchor\t\"c\"\n\t\t]\n\t\tgid\t3\n\t]\n\
\tnode\n\t[\n\t\tid\t1\n\t\tlabel\t\"Patients\"\n\t\tgraphics\n\t\t[\n\t\t\tx\t350.0\n\t\t\ty\t75.0\n\t\t\tw\t120.0\n\t\t\th\t30.0\n\t\t]\n\t]\n\
\tnode\n\t[\n\t\tid\t2\n\t\tlabel\t\"Pharmacy\"\n\t\tgraphics\n\t\t[\n\t\t\tx\t250.0\n\t\t\ty\t200.0\n\t\t]\n\t]\n\
\tnode\n\t[\n\t\tid\t3\n\t\tlabel\t\"Practice\"\n\t\tgraphics\n\t\t[\n\t\t\tx\t150.0\n\t\t\ty\t75.0\n\t\t\tw\t160.0\n\t\t\th\t80.0\n\t\t]\n\t\tisGroup\t1\n\t]\n\
\tedge\n\t[\n\t\tsource\t0\n\t\ttarget\t1\n\t\tgraphics\n\t\t[\n\t\t\tfill\t\"#000000\"\n\t\t\ttargetArrow\t\"standard\"\n\t\t]\n\t\tLabelGraphics\n\t\t[\n\t\t\ttext\t\"treats\"\n\t\t\tfontSize\t12\n\t\t]\n\t]\n\
\tedge\n\t[\n\t\tsource\t1\n\t\ttarget\t2\n\t\tgraphics\n\t\t[\n\t\t\tfill\t\"#000000\"\n\t\t\tsourceArrow\t\"standard\"\n\t\t]\n\t\tLabelGraphics\n\t\t[\n\t\t\ttext\t\"supplies\"\n\t\t]\n\t]\n\
\tedge\n\t[\n\t\tsource\t0\n\t\ttarget\t2\n\t\tgraphics\n\t\t[\n\t\t\tfill\t\"#000000\"\n\t\t]\n\t]\n\
]\n";
    let m = open("yed.gml", text).map;
    assert_eq!(labels(&m), ["GP", "Patients", "Pharmacy"]);
    assert_eq!(group_of(&m, "GP"), Some("Practice"));
    let treats = link(&m, "GP", "Patients");
    assert_eq!(
        (treats[0].label.as_str(), treats[0].direction),
        ("treats", Direction::Forward)
    );
    let supplies = link(&m, "Pharmacy", "Patients");
    assert_eq!(supplies.len(), 1, "{:?}", link_triples(&m));
    assert_eq!(supplies[0].label, "supplies");
    assert_eq!(supplies[0].direction, Direction::Forward);
    assert_eq!(link(&m, "GP", "Pharmacy")[0].direction, Direction::None);
}

/// Mermaid as GitHub renders it and as Notion exports it: a fenced block copied from a
/// README, an init directive, front matter with a title, `A -- text --> B`, `|text|`, `&`,
/// chains, `:::class`, subgraphs with ids and titles, markdown strings.
#[test]
fn mermaid_from_github_and_notion_imports() {
    let text = "```mermaid\n---\ntitle: Referral pathways\n---\n%%{init: {\"flowchart\": {\"curve\": \"basis\"}}}%%\nflowchart LR\n    GP[GP practices]:::org -- refer --> LW(\"Link workers\")\n    LW -->|connect| VS{{Voluntary sector}} & CG[(Community groups)]\n    subgraph C1 [\"Community\"]\n        direction TB\n        VS --- CG\n    end\n    CG -.-> P[\"`**Patients** who are\nisolated`\"] --> GP\n    classDef org fill:#f9f,stroke:#333\n    click GP \"https://example.org\" _blank\n```\n";
    let i = open("pathways.md", text);
    let m = &i.map;
    assert_eq!(m.title, "Referral pathways");
    assert_eq!(
        sorted_labels(m),
        [
            "Community groups",
            "GP practices",
            "Link workers",
            "Patients who are\nisolated",
            "Voluntary sector"
        ]
    );
    assert_eq!(group_of(m, "Voluntary sector"), Some("Community"));
    assert_eq!(m.links.len(), 6, "{:?}", link_triples(m));
    assert_eq!(link(m, "GP practices", "Link workers")[0].label, "refer");
    assert_eq!(
        link(m, "Link workers", "Community groups")[0].label,
        "connect"
    );
    assert_eq!(
        link(m, "Voluntary sector", "Community groups")[0].direction,
        Direction::None
    );
}

/// Excel on Windows saves "CSV (comma delimited)" and "CSV (semicolon)" in the Windows code
/// page, not UTF-8: "Café" is the bytes `43 61 66 E9`.
#[test]
fn a_csv_excel_saved_in_the_windows_code_page_imports_with_its_accents() {
    let mut bytes = b"Label;Type\r\nCaf".to_vec();
    bytes.extend([0xe9]);
    bytes.extend(b" owners;Business\r\nB");
    bytes.extend([0xfc]);
    bytes.extend(b"rger ");
    bytes.extend([0x96]);
    bytes.extend(b" residents;Person\r\n");
    let i = read("elements.csv", bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(labels(&i.map), ["Café owners", "Bürger \u{2013} residents"]);
    assert!(
        i.notes.iter().any(|n| n.contains("Windows-1252")),
        "{:?}",
        i.notes
    );
    // A UTF-8 file with one damaged byte is not guessed at: it is refused with the byte's place.
    let mut damaged = "Label\nCafé\n".as_bytes().to_vec();
    damaged.push(0xe9);
    let e = read("elements.csv", damaged).unwrap_err();
    assert!(e.contains("UTF-8") && e.contains("position"), "{e}");
    // Binary files (a spreadsheet's own format) keep their message too.
    let e = read(
        "map.xlsx",
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xe9\xff".to_vec(),
    )
    .unwrap_err();
    assert!(e.contains("not text"), "{e}");
}

/// igraph (R's `write_graph(g, "map.gml", "gml")`, python-igraph's `write_gml`) names vertices
/// by a `name` attribute, not `label`.
#[test]
fn igraph_gml_names_its_nodes() {
    let text = "Creator \"igraph version 1.5.1 Mon Feb  5 10:00:00 2024\"\nVersion 1\ngraph\n[\n  directed 1\n  node\n  [\n    id 0\n    name \"Funding\"\n  ]\n  node\n  [\n    id 1\n    name \"Staff morale\"\n  ]\n  edge\n  [\n    source 0\n    target 1\n    label \"supports\"\n  ]\n]\n";
    let m = open("loops.gml", text).map;
    assert_eq!(labels(&m), ["Funding", "Staff morale"]);
    assert_eq!(
        link_triples(&m),
        [("Funding".into(), "Staff morale".into(), "supports".into())]
    );
}

/// Graphviz with `splines=ortho` draws no edge `label`s, so people write `xlabel`; it is the
/// text on the edge.
#[test]
fn a_graphviz_edge_xlabel_is_its_label() {
    let text = "digraph {\n  splines=ortho;\n  a [label=\"Funding\"];\n  b [label=\"Staff\"];\n  a -> b [xlabel=\"pays\"];\n  b -> a [label=\"asks\", xlabel=\"ignored\"];\n}\n";
    let m = open("ortho.dot", text).map;
    let mut t = link_triples(&m);
    t.sort();
    assert_eq!(
        t,
        [
            ("Funding".into(), "Staff".into(), "pays".into()),
            ("Staff".into(), "Funding".into(), "asks".into())
        ]
    );
}

/// Mermaid 11 as GitHub renders it today: invisible links (`~~~`, a layout aid Mermaid draws as
/// nothing), edge ids (`A e1@--> B`) and an edge's properties given by its id
/// (`e1@{ animate: true }`).
#[test]
fn mermaid_invisible_links_and_edge_ids_are_read() {
    let text = "flowchart LR\n  A[Funding] e1@--> B[Staff]\n  B ~~~ C[Morale]\n  C e2@-->|drives| A\n  e1@{ animate: true }\n  e2@{ curve: linear }\n";
    let i = open("loop.mmd", text);
    let m = &i.map;
    assert_eq!(labels(m), ["Funding", "Staff", "Morale"]);
    assert_eq!(
        link_triples(m),
        [
            ("Funding".into(), "Staff".into(), "".into()),
            ("Morale".into(), "Funding".into(), "drives".into())
        ]
    );
    assert!(
        i.notes.iter().any(|n| n.contains("invisible")),
        "{:?}",
        i.notes
    );
}

/// Graphviz labels as tools generate them: `\l` ending every line (left-justified lines, the
/// last one included), and record shapes (`shape=record`: fields between `|`, `{…}` rows,
/// `<port>` names, `\{` escapes), as pyreverse, Doxygen and schema tools write them.
#[test]
fn graphviz_record_labels_and_left_justified_lines_read_as_their_text() {
    let text = "digraph uml {\n  node [shape=record, fontname=\"Helvetica\"];\n  Patient [label=\"{Patient|+ name : str\\l+ nhs_number : str\\l|+ refer()\\l}\"];\n  GP [label=\"<f0> GP|<f1> practice \\{main\\}\"];\n  Patient -> GP:f1 [label=\"sees\"];\n  Note [shape=box, label=\"Left\\lRight\\l\"];\n  Note -> Patient;\n}\n";
    let m = open("uml.dot", text).map;
    assert_eq!(
        sorted_labels(&m),
        [
            "GP\npractice {main}",
            "Left\nRight",
            "Patient\n+ name : str\n+ nhs_number : str\n+ refer()"
        ]
    );
    assert_eq!(
        link(
            &m,
            "Patient + name : str + nhs_number : str + refer()",
            "GP practice {main}"
        )[0]
        .label,
        "sees"
    );
}

/// Files written for Excel often start with `sep=;` (Excel's own hint for the separator), and
/// cells typed by hand carry stray spaces: "GP " in a connection is the element "GP".
#[test]
fn a_csv_with_excels_separator_line_and_stray_spaces_imports() {
    let elements = "sep=;\r\nLabel;Type\r\nGP ;Organisation\r\n Patients;Person\r\n";
    let connections = "sep=;\r\nFrom;To;Label\r\nGP;Patients ;treats\r\n GP ;Patients;sees\r\n";
    let i = import(
        &[
            ("elements.csv".into(), elements.as_bytes().to_vec()),
            ("connections.csv".into(), connections.as_bytes().to_vec()),
        ],
        "m-wild".into(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = i.map.nodes.iter().map(|n| i.map.node_name(n.id)).collect();
    assert_eq!(names, ["GP", "Patients"]);
    assert_eq!(
        link_triples(&i.map),
        [
            ("GP".into(), "Patients".into(), "treats".into()),
            ("GP".into(), "Patients".into(), "sees".into())
        ]
    );
    let m = open("elements.csv", elements).map;
    assert_eq!(labels(&m), ["GP ", " Patients"]);
}

/// Mermaid's link text may be quoted, and then may hold what looks like a link.
#[test]
fn mermaid_quoted_link_text_may_hold_dashes() {
    let text = "graph TD\n    A[Funding] -- \"pays -- in part\" --> B[Staff]\n    B == \"asks ==> more\" ==> A\n";
    let m = open("q.mmd", text).map;
    assert_eq!(
        link_triples(&m),
        [
            ("Funding".into(), "Staff".into(), "pays -- in part".into()),
            ("Staff".into(), "Funding".into(), "asks ==> more".into())
        ]
    );
}

/// DOT's keywords are case-independent and Graphviz finds clusters by a name starting with
/// "cluster" in any case (`Cluster_Team`), as hand-written files capitalise them.
#[test]
fn a_graphviz_cluster_named_in_capitals_is_a_group() {
    let text = "DiGraph G {\n  NODE [shape=box];\n  Subgraph Cluster_A { A; B }\n  subgraph CLUSTER_Team { label=\"Team\"; C }\n  A -> B -> C;\n}\n";
    let m = open("caps.dot", text).map;
    assert_eq!(labels(&m), ["A", "B", "C"]);
    assert_eq!(group_of(&m, "A"), Some("A"));
    assert_eq!(group_of(&m, "C"), Some("Team"));
}

/// A table exported with X and Y, rows added by hand in a spreadsheet without them: the rows
/// with places keep them, the new ones land beside the map, not piled on one spot; German
/// numbers (`1.234,5`) read in a semicolon table.
#[test]
fn rows_added_without_places_land_beside_the_placed_ones() {
    let text = "Label;X;Y\nGP practices;1.234,5;100\nPatients;1500;400,5\nCarers;;\nSchools;;\n";
    let i = open("elements.csv", text);
    let m = &i.map;
    assert_eq!(labels(m), ["GP practices", "Patients", "Carers", "Schools"]);
    assert_eq!((m.nodes[0].x, m.nodes[0].y), (1234.5, 100.0));
    assert_eq!((m.nodes[1].x, m.nodes[1].y), (1500.0, 400.5));
    let sizes = m.sizes(cstw_core::model::map::Metrics::STANDARD);
    for (a, n) in m.nodes.iter().enumerate() {
        for (b, o) in m.nodes.iter().enumerate().skip(a + 1) {
            let ra = cstw_core::geometry::Rect::around(n.at(), sizes[a]);
            let rb = cstw_core::geometry::Rect::around(o.at(), sizes[b]);
            assert!(!ra.overlaps(&rb), "{} over {}", n.label, o.label);
        }
    }
    assert!(
        i.notes.iter().any(|n| n.contains("no place")),
        "{:?}",
        i.notes
    );
}

/// GML's own arrows (Himsolt's specification, as Cytoscape 2 and Tulip write them): an edge's
/// `graphics [ arrow "last" ]` points to its target, `"first"` to its source, `"both"` both
/// ways, whatever the graph's `directed`.
#[test]
fn gml_arrow_first_last_both_give_the_direction() {
    let text = "graph [\n  directed 0\n  node [ id 1 label \"Funding\" ]\n  node [ id 2 label \"Staff\" ]\n  node [ id 3 label \"Morale\" ]\n  edge [ source 1 target 2 label \"pays\" graphics [ width 1 arrow \"last\" ] ]\n  edge [ source 2 target 3 label \"lifts\" graphics [ arrow \"first\" ] ]\n  edge [ source 3 target 1 label \"talks\" graphics [ arrow \"both\" ] ]\n  edge [ source 1 target 3 label \"plain\" graphics [ arrow \"none\" ] ]\n]\n";
    let m = open("cytoscape.gml", text).map;
    let one = |from: &str, to: &str| {
        let l = link(&m, from, to);
        assert_eq!(l.len(), 1, "{from} -> {to}: {:?}", link_triples(&m));
        (l[0].label.clone(), l[0].direction)
    };
    assert_eq!(one("Funding", "Staff"), ("pays".into(), Direction::Forward));
    assert_eq!(one("Morale", "Staff"), ("lifts".into(), Direction::Forward));
    assert_eq!(one("Morale", "Funding"), ("talks".into(), Direction::Both));
    assert_eq!(one("Funding", "Morale"), ("plain".into(), Direction::None));
}
