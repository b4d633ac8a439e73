//! Every reader refuses input nested deeper than it can parse before it recurses, and never
//! expands input without a bound. Each case runs on a thread with a 1 MB stack (the browser's
//! wasm stack is about that size), so a reader that recursed on the input's depth would
//! overflow it and fail the test.

use std::time::{Duration, Instant};

use cstw_core::import::{limits, map, picture};
use cstw_core::persist::document;

/// Runs `f` on a thread with a 1 MB stack; a stack overflow aborts the test binary.
fn small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .expect("thread starts")
        .join()
        .expect("no panic")
}

fn map_file(name: &str, text: String) -> Result<String, String> {
    let name = name.to_string();
    small_stack(move || map::import(&[(name, text.into_bytes())], "m".into()).map(|i| i.map.title))
}

fn picture_file(text: String) -> Result<(), String> {
    small_stack(move || picture::read(text.as_bytes()).map(|_| ()))
}

const DEPTHS: [usize; 3] = [10, 1_000, 100_000];

fn nested(open: &str, close: &str, n: usize) -> String {
    format!("{}{}", open.repeat(n), close.repeat(n))
}

/// A file `n` deep is refused with a message naming the depth once it is past the limit, and
/// read (or refused for what it is) below it.
fn deep_refused(result: Result<String, String>, n: usize, what: &str) {
    match result {
        Err(e) if n > limits::MAX_XML_DEPTH => {
            assert!(e.contains("deep"), "{what} at {n}: {e}")
        }
        Err(e) => assert!(!e.contains("deep"), "{what} at {n} is shallow: {e}"),
        Ok(_) => assert!(n <= limits::MAX_XML_DEPTH, "{what} at {n} was read"),
    }
}

#[test]
fn deep_xml_is_refused_by_every_xml_reader() {
    for n in DEPTHS {
        let wrap = |root: &str, inner: &str| {
            format!(
                "<{root}>{}</{root}>",
                nested(&format!("<{inner}>"), &format!("</{inner}>"), n)
            )
        };
        let cases = [
            (
                "deep.graphml",
                format!(
                    "<graphml><graph>{}</graph></graphml>",
                    nested("<data>", "</data>", n)
                ),
            ),
            ("deep.gexf", wrap("gexf", "graph")),
            ("deep.cxl", wrap("cmap", "map")),
            ("deep.svg", wrap("svg", "g")),
            ("deep.xml", wrap("doc", "x")),
        ];
        for (name, text) in cases {
            deep_refused(map_file(name, text), n, name);
        }
        let svg = format!(
            "<svg xmlns='http://www.w3.org/2000/svg'>{}</svg>",
            nested("<g>", "</g>", n)
        );
        deep_refused(picture_file(svg).map(|_| String::new()), n, "picture SVG");
    }
}

#[test]
fn the_xml_scan_reads_strings_comments_and_cdata_as_the_parser_does() {
    let deep = nested("<g>", "</g>", 1_000);
    // Closing tags hidden in comments, CDATA, processing instructions and attribute values do
    // not make the scan think the file is shallow.
    for hide in [
        "<!-- </g></g></g> -->",
        "<![CDATA[</g></g></g>]]>",
        "<?pi </g></g></g> ?>",
        "<x a='</g>' b=\"/>\"/>",
    ] {
        let text = format!("<svg>{}{}</svg>", hide.repeat(1_000), deep);
        assert!(
            limits::xml_depth(&text).unwrap_err().contains("deep"),
            "{hide}"
        );
    }
    // Empty elements, markup in comments and `>` in values are not nesting.
    let flat = format!(
        "<svg>{}</svg>",
        "<g a='>'/><!-- <g><g><g> --><![CDATA[<g><g>]]><g></g>".repeat(10_000)
    );
    assert_eq!(limits::xml_depth(&flat), Ok(()));
    assert!(
        limits::xml_depth("<!DOCTYPE x><x/>")
            .unwrap_err()
            .contains("DTD")
    );
}

#[test]
fn deep_dot_is_refused_whatever_hides_in_strings() {
    for n in DEPTHS {
        let braces = format!("digraph {{ {} }}", nested("{ ", "} ", n));
        let subgraphs = format!(
            "digraph {} a {}",
            "{ subgraph ".repeat(n),
            "}".repeat(n + 1)
        );
        let chain = format!("digraph {{ {} }}", "a -> ".repeat(n) + "b");
        let subgraph_chain = format!("digraph {{ a {} }}", "-> {} ".repeat(n));
        let lists = format!("digraph {{ a {} }}", "[x=1]".repeat(n));
        let attrs = format!("digraph {{ a [{}] }}", "x=1, ".repeat(n));
        let keywords = format!("digraph {{ a{} }}", "->node".repeat(n));
        // The bypasses: a label ending in an escaped backslash, an HTML-like id holding a
        // quote, a line comment ended by a bare CR, a quote inside a comment.
        let tricks = [
            format!("digraph {{ a [label=\"\\\\\"] {} }}", nested("{", "}", n)),
            format!("digraph {{ a [label=<say \">] {} }}", nested("{", "}", n)),
            format!("digraph {{ // note\r{} }}", nested("{", "}", n)),
            format!("digraph {{ /* \" */ {} }}", nested("{", "}", n)),
            format!(
                "digraph {{ a [label=<<b>\"</b>>] {} }}",
                nested("{", "}", n)
            ),
        ];
        let cases = [
            braces,
            subgraphs,
            chain,
            subgraph_chain,
            lists,
            attrs,
            keywords,
        ]
        .into_iter()
        .chain(tricks);
        for (i, text) in cases.enumerate() {
            let r = map_file("deep.dot", text);
            if n > limits::MAX_DOT_DEPTH && i < 7 {
                let e = r.expect_err("refused");
                assert!(
                    e.contains("deeper than this app reads"),
                    "case {i} at {n}: {e}"
                );
            } else if n > limits::MAX_DOT_DEPTH {
                // The tricks: refused (read as the grammar reads them, they are not DOT, or
                // too deep), never a crash.
                r.expect_err("refused");
            } else if let Err(e) = r {
                let nested = n > limits::MAX_DOT_NESTING;
                assert!(nested || !e.contains("deeper"), "case {i} at {n}: {e}");
            }
        }
    }
}

#[test]
fn dot_just_under_the_limit_parses_on_a_small_stack() {
    let n = limits::MAX_DOT_DEPTH - 2;
    for text in [
        format!(
            "digraph {{ {} }}",
            nested("{ a ", "} ", limits::MAX_DOT_NESTING - 1)
        ),
        format!("digraph {{ {} }}", "a -> ".repeat(n) + "b"),
        format!("digraph {{ a [{}] }}", "x=1, ".repeat(n - 1)),
    ] {
        // Read, or refused for some other reason than depth; never a crash.
        if let Err(e) = map_file("ok.dot", text) {
            assert!(!e.contains("deeper"), "{e}");
        }
    }
    // A label that ends in a backslash: the grammar (unlike Graphviz) reads `\"` as an
    // escaped quote whatever comes before it, so the string runs on; a refusal, not a crash.
    let m = map_file(
        "ok.dot",
        "digraph { a [label=\"x\\\\\"]; b; a -> b }".into(),
    );
    assert!(m.unwrap_err().contains("cannot be read"));
}

#[test]
fn dot_nesting_cannot_make_the_parser_take_exponential_time() {
    for depth in [limits::MAX_DOT_NESTING - 1, 30] {
        let body = "a -> b; ".repeat(200);
        let text = format!(
            "digraph {{ {}{body}{} }}",
            "subgraph { ".repeat(depth),
            "}".repeat(depth)
        );
        let start = Instant::now();
        let _ = map_file("slow.dot", text);
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{depth}: {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn deep_json_is_refused_by_every_json_reader() {
    for n in DEPTHS {
        let arrays = nested("[", "]", n);
        let map_json =
            format!("{{\"format\":\"cst-workbench-map\",\"map\":{{\"nodes\":{arrays}}}}}");
        let kumu = format!("{{\"elements\":{arrays}}}");
        let r = map_file("deep.json", map_json);
        assert!(n < 100 || r.is_err(), "map json at {n}");
        let r = map_file("deep.json", kumu);
        assert!(n < 100 || r.is_err(), "kumu at {n}");
        let pic = format!("{{\"items\":{arrays}}}");
        assert!(n < 100 || picture_file(pic).is_err(), "picture json at {n}");
        let workshop = format!(
            "{{\"format\":\"cst-workbench/workshop\",\"version\":1,\"workshop\":{{\"notes\":{arrays}}}}}"
        );
        let r = small_stack(move || {
            document::read_import(&workshop, &|i| format!("w{i}")).map(|w| w.len())
        });
        assert!(n < 100 || r.is_err(), "workshop at {n}");
    }
}

#[test]
fn a_csv_of_empty_fields_is_refused_before_rows_are_built() {
    let many = format!("label\n{}", ",".repeat(limits::MAX_CSV_CELLS + 10));
    let e = map_file("many.csv", many).unwrap_err();
    assert!(e.contains("fields"), "{e}");
}

#[test]
fn a_cxl_expansion_bomb_is_refused_in_under_a_second() {
    // 50 concepts into one phrase and 50 out of it, in 20,000 repeated connections: 2,500
    // distinct links are fine; the repeats must not be expanded one by one (20,000 squared).
    let mut cxl = String::from("<cmap><map><concept-list>");
    for i in 0..100 {
        cxl.push_str(&format!("<concept id='c{i}' label='C{i}'/>"));
    }
    cxl.push_str("</concept-list><linking-phrase-list><linking-phrase id='p' label='p'/></linking-phrase-list><connection-list>");
    for k in 0..20_000 {
        let i = k % 50;
        cxl.push_str(&format!(
            "<connection from-id='c{i}' to-id='p'/><connection from-id='p' to-id='c{}'/>",
            100 + i
        ));
    }
    cxl.push_str("</connection-list></map></cmap>");
    let start = Instant::now();
    let r = map_file("bomb.cxl", cxl);
    // Read, laid out and tidied (100 concepts without places), in a debug build.
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "{:?}",
        start.elapsed()
    );
    assert!(r.is_ok(), "2,500 distinct pairs fit: {r:?}");
    // 400 in and 400 out of one phrase: 160,000 links, refused before any is made.
    let mut cxl = String::from("<cmap><map><concept-list>");
    for i in 0..800 {
        cxl.push_str(&format!("<concept id='c{i}' label='C{i}'/>"));
    }
    cxl.push_str("</concept-list><linking-phrase-list><linking-phrase id='p' label='p'/></linking-phrase-list><connection-list>");
    for i in 0..400 {
        cxl.push_str(&format!(
            "<connection from-id='c{i}' to-id='p'/><connection from-id='p' to-id='c{}'/>",
            400 + i
        ));
    }
    cxl.push_str("</connection-list></map></cmap>");
    let start = Instant::now();
    let e = map_file("bomb.cxl", cxl).unwrap_err();
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
    assert!(e.contains("160000 pairs"), "{e}");
}
