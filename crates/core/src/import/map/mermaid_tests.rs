//! Mermaid reading's tests: shapes, arrows, labels, entities, subgraphs, errors by line.
use super::*;

fn read(text: &str) -> Imported {
    import(text, "m".into()).unwrap_or_else(|e| panic!("{e}"))
}

fn triples(i: &Imported) -> Vec<(String, String, String, Direction)> {
    let m = &i.map;
    m.links
        .iter()
        .map(|l| {
            (
                m.node_name(l.from),
                m.node_name(l.to),
                l.label.clone(),
                l.direction,
            )
        })
        .collect()
}

#[test]
fn shapes_links_chains_and_ampersands() {
    let i = read(
        "---\ntitle: \"Care flow\"\n---\n%% a comment\nflowchart TD\n  A[Start] --> B(Round) & C{Choice?}\n  B -->|yes| D((Circle)) --> E[[Sub]]\n  C -- no way --> F[(Db)]\n  F -.-> G>Flag] ==> H{{Hex}}\n  H <--> I[/Para/]\n  I --- J[\\Alt/]\n  1st --o 2nd\n  K[\"Quoted [x] & #quot;y#quot;<br>two\"]:::hot --> K\n  classDef hot fill:#f00\n  style A fill:#fff\n",
    );
    let m = &i.map;
    assert_eq!(m.title, "Care flow");
    let names: Vec<&str> = m.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(
        names,
        [
            "Start",
            "Round",
            "Choice?",
            "Circle",
            "Sub",
            "Db",
            "Flag",
            "Hex",
            "Para",
            "Alt",
            "1st",
            "2nd",
            "Quoted [x] & \"y\"\ntwo"
        ]
    );
    let t = triples(&i);
    let d = |s: &str| s.to_string();
    assert_eq!(t[0], (d("Start"), d("Round"), d(""), Direction::Forward));
    assert_eq!(t[1], (d("Start"), d("Choice?"), d(""), Direction::Forward));
    assert_eq!(
        t[2],
        (d("Round"), d("Circle"), d("yes"), Direction::Forward)
    );
    assert_eq!(
        t[4],
        (d("Choice?"), d("Db"), d("no way"), Direction::Forward)
    );
    assert_eq!(t[7], (d("Hex"), d("Para"), d(""), Direction::Both));
    assert_eq!(t[8], (d("Para"), d("Alt"), d(""), Direction::None));
    assert_eq!(t[9], (d("1st"), d("2nd"), d(""), Direction::Forward));
    assert_eq!(m.links.len(), 10);
    assert!(
        i.notes
            .iter()
            .any(|n| n.contains("1 link from a node to itself was"))
    );
    assert!(i.notes.iter().any(|n| n.contains("2 style")));
}

#[test]
fn subgraphs_html_and_semicolons() {
    let i = read(
        "graph LR; a-->b;\nsubgraph one [First]\n  subgraph two\n    c[<b>bold</b> and <i>it</i> &amp; more]\n  end\nend\nb --> c\nx@{ shape: rect, label: \"New style\" } --> a\n",
    );
    let m = &i.map;
    let names: Vec<&str> = m.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(names, ["a", "b", "bold and it & more", "New style"]);
    assert_eq!(m.links.len(), 3);
    let groups: Vec<(&str, Option<u32>)> = m
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.parent))
        .collect();
    assert_eq!(groups, [("First", None), ("two", Some(m.groups[0].id))]);
    let c = m
        .nodes
        .iter()
        .find(|n| n.label.starts_with("bold"))
        .unwrap();
    assert_eq!(
        c.group,
        Some(m.groups[1].id),
        "c sits in the inner subgraph"
    );
    assert_eq!(m.nodes[0].group, None);
}

#[test]
fn errors_name_the_line() {
    let e = import("flowchart LR\n  A --> B\n  A --> [x]\n", "m".into()).unwrap_err();
    assert!(e.starts_with("Line 3:"), "{e}");
    let e = import("flowchart LR\n  A[open --> B\n", "m".into()).unwrap_err();
    assert!(e.contains("Line 2") && e.contains("never closed"), "{e}");
    let e = import("sequenceDiagram\n  A->>B: hi\n", "m".into()).unwrap_err();
    assert!(e.contains("sequenceDiagram"), "{e}");
}

#[test]
fn sniffs_mermaid_but_not_dot_or_gml() {
    assert!(sniff("flowchart LR\nA-->B"));
    assert!(sniff("---\ntitle: x\n---\ngraph TD;\n"));
    assert!(sniff("%% hi\ngraph\n"));
    assert!(sniff("sequenceDiagram\n"));
    assert!(!sniff("graph G { a -- b }"));
    assert!(!sniff("graph {"));
    assert!(!sniff("graph [ node [ id 1 ] ]"));
}
