//! The workshop report: a Markdown snapshot of a small workshop with every section, every
//! section heading present, and hostile text in every kind of user text staying text in the
//! Markdown and the HTML, whose figures are well-formed XML with ids unique on the page.

use cstw_core::content::frameworks::CYCLE;
use cstw_core::content::map_templates::Template;
use cstw_core::export::report::{SECTIONS, html, markdown};
use cstw_core::model::boundary::{Level, Mark, Mode, Zone};
use cstw_core::model::map::Point;
use cstw_core::model::picture::{Icon, Item, Picture, Sticker, Text};
use cstw_core::model::scoring::Scoring;
use cstw_core::model::{Involvement, Workshop};

const SCRIPT: &str = "<script>alert(1)</script>";

/// A workshop with something in every section; `t` is put into every user text.
fn workshop(t: &str) -> Workshop {
    let mut w = Workshop::new("w-report".into(), &format!("Shropshire pilot {t}"), 0.0);
    w.purpose = format!("Who benefits? {t}");
    w.date = "2019-03-14".into();
    w.facilitator = format!("Alison {t}");
    w.notes = format!("Follow up with the GPs.\nSecond line {t}");
    let link = w.add_stakeholder(
        "s-link".into(),
        &format!("Link workers {t}"),
        &format!("Team {t}"),
        Involvement::Involved,
    );
    let users = w.add_stakeholder(
        "s-users".into(),
        &format!("Service users {t}"),
        "",
        Involvement::Affected,
    );
    let carers = w.add_stakeholder(
        "s-carers".into(),
        &format!("Carers {t}"),
        "",
        Involvement::Affected,
    );

    let b = &mut w.boundary;
    b.add_perspective("p-core".into(), &format!("Core team {t}"));
    b.add_perspective("p-users".into(), &format!("Service users {t}"));
    b.perspectives[0].roster_ids.push(link.clone());
    b.perspectives[1].roster_ids.push(users);
    b.set_answer("p-core", 1, Mode::Is, format!("Fewer GP visits {t}"));
    b.set_answer("p-core", 1, Mode::Ought, format!("Wellbeing\n{t}"));
    b.set_answer("p-users", 1, Mode::Ought, format!("People like us {t}"));
    b.set_tension(
        1,
        &["p-core", "p-users"],
        Level::Strong,
        &format!("Who it is for {t}"),
    );

    let m = &mut b.margins;
    m.primary = format!("The referral pathway {t}");
    m.place_stakeholder("m-1".into(), &carers, Zone::Marginal);
    m.set_mark("m-1", Some(Mark::Profane));
    m.add_issue("m-2".into(), &format!("Bus fares {t}"), Zone::Marginal);
    m.holds = format!("The monthly referral form {t}");

    let mut map = Template::Vision.build("m-1".into(), &w.title, &w.roster);
    map.title = format!("Team vision {t}");
    map.focus_question = format!("What is it for? {t}");
    let kind = map.add_kind(&format!("Kind {t}"));
    let a = map.add_node(&format!("Node {t}"), Point::new(400.0, 300.0), Some(kind));
    let first = map.nodes[0].id;
    let l = map.add_link(a, first).expect("a new link");
    map.links.iter_mut().find(|x| x.id == l).unwrap().label = format!("leads to {t}");
    w.maps.push(map.into());

    let mut p = Picture::new("p-1".into(), &format!("The referral journey {t}"));
    p.add(Item::Sticker(Sticker {
        id: 0,
        icon: Icon::Person,
        x: 0.0,
        y: 0.0,
        size: 64.0,
        rotation: 0.0,
        caption: format!("Link worker {t}"),
        stakeholder: Some(link),
    }));
    p.add(Item::Text(Text {
        id: 0,
        x: 200.0,
        y: 40.0,
        text: format!("Waiting list {t}"),
        colour: 1,
        size: 24.0,
        rotation: 0.0,
    }));
    w.pictures.push(p.into());

    let mut s = Scoring::start(&CYCLE, "r1".into());
    s.rounds[0].name = format!("Phase 1 {t}");
    s.framework.name = format!("Cycle {t}");
    s.framework.elements[0].name = format!("Element {t}");
    s.add_scorer("a".into(), &format!("Ann {t}"));
    s.add_scorer("b".into(), "");
    s.scorers[0].roster_id = Some(w.roster[0].id.clone());
    let e0 = s.framework.elements[0].id.clone();
    s.set_score("r1", "a", &e0, Some(2), false);
    s.set_score("r1", "b", &e0, Some(4), false);
    s.set_score("r1", "a", "support", Some(3), false);
    s.set_comment(
        "r1",
        "a",
        "support",
        format!("Staff are tired {t}\nand short"),
    );
    s.set_comment("r1", "b", &e0, format!("Not yet {t}"));
    w.scoring = s;
    w
}

#[test]
fn scorers_comments_are_in_both_reports_under_their_element_named_or_anonymous() {
    let w = workshop("<b>x</b>");
    let md = markdown(&w);
    let at = md
        .find("#### Comments")
        .expect("a comments heading under the round");
    let comments = &md[at..];
    let first = comments
        .find("**Element \\<b\\>x\\</b\\>**")
        .expect("element 0");
    let support = comments
        .find("**Support and wellbeing focus**")
        .expect("support");
    assert!(first < support, "framework order");
    assert!(
        comments[first..support].contains("- Anonymous: Not yet \\<b\\>x\\</b\\>\n"),
        "{comments}"
    );
    assert!(
        comments[support..]
            .contains("- Ann \\<b\\>x\\</b\\>: Staff are tired \\<b\\>x\\</b\\> and short\n"),
        "{comments}"
    );
    let page = html(&w);
    let at = page
        .find("<section class=\"report-comments\">")
        .expect("comments in the HTML");
    let section = &page[at..at + page[at..].find("</section>").unwrap()];
    assert!(section.contains("<h4>Comments</h4>"), "{section}");
    assert!(section.contains("<h5>Support and wellbeing focus</h5>\n<ul>\n<li><strong>Ann &lt;b&gt;x&lt;/b&gt;:</strong> Staff are tired &lt;b&gt;x&lt;/b&gt;<br>and short</li>"), "{section}");
    assert!(
        section.contains("<li><strong>Anonymous:</strong> Not yet &lt;b&gt;x&lt;/b&gt;</li>"),
        "{section}"
    );
}

#[test]
fn markdown_snapshot_of_a_small_workshop() {
    insta::assert_snapshot!(markdown(&workshop("*x*")));
}

#[test]
fn every_section_heading_is_in_the_markdown_and_the_html() {
    let w = workshop("");
    let md = markdown(&w);
    let html = html(&w);
    assert!(md.starts_with("# Workshop report: Shropshire pilot"));
    let mut last = 0;
    for s in SECTIONS {
        let at = md
            .find(&format!("\n## {s}\n"))
            .unwrap_or_else(|| panic!("no section {s}"));
        assert!(at > last, "{s} out of order");
        last = at;
        assert!(html.contains(&format!(">{s}</h2>")), "no {s} in the HTML");
    }
    for part in [
        "### Involved",
        "### Affected but not involved",
        "### Tensions, strongest first",
        "### Questions nobody has answered yet",
        "### Perspective: Core team",
        "### Map: Team vision",
        "```mermaid\nflowchart LR",
        "### Picture: The referral journey",
        "- Person: Link worker (stands for Link workers)",
        "Not on this picture: Service users, Carers.",
        "### Phase 1",
        "> Follow up with the GPs.\\",
        "- **In the marginal zone:** Carers (profane), Bus fares",
        "### Boundary analysis: the marginal zone",
        "- Carers (profane)",
        "#### Scores by perspective: Involved or affected",
    ] {
        assert!(md.contains(part), "no {part:?} in\n{md}");
    }
    // Two maps' worth of figures: the map, the picture, three charts for the one round.
    assert_eq!(html.matches("<figure").count(), 5);
}

#[test]
fn an_empty_workshop_still_has_every_section() {
    let w = Workshop::new("w-empty".into(), "", 0.0);
    let md = markdown(&w);
    for s in SECTIONS {
        assert!(md.contains(&format!("\n## {s}\n")), "no {s}");
    }
    assert!(md.contains("No concept maps yet."));
    assert!(!html(&w).contains("<svg"));
}

/// Every `<svg>…</svg>` in the page, which never nests one in another.
fn svgs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(a) = rest.find("<svg") {
        let b = rest[a..].find("</svg>").expect("every svg is closed") + a + "</svg>".len();
        out.push(&rest[a..b]);
        rest = &rest[b..];
    }
    out
}

#[test]
fn hostile_text_stays_text_in_the_html_and_its_figures_parse() {
    for t in [
        SCRIPT,
        "\"><script>x</script>",
        "]]><!-- &amp; \u{0}\u{1b} '",
    ] {
        let w = workshop(t);
        let page = html(&w);
        let lower = page.to_lowercase();
        assert!(
            !lower.contains("<script"),
            "a script tag in the HTML for {t:?}"
        );
        assert!(!lower.contains(" style="), "a style attribute");
        assert!(!lower.contains("href="), "a link to somewhere");
        assert!(!lower.contains(" src="), "something loaded");
        if t == SCRIPT {
            assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        }
        let figures = svgs(&page);
        assert_eq!(figures.len(), 5);
        let mut ids = Vec::new();
        for svg in figures {
            let doc = roxmltree::Document::parse_with_options(
                svg,
                roxmltree::ParsingOptions {
                    allow_dtd: false,
                    nodes_limit: u32::MAX,
                },
            )
            .expect("every figure is well-formed XML");
            for n in doc.descendants() {
                if let Some(id) = n.attribute("id") {
                    ids.push(id.to_string());
                }
            }
        }
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), count, "ids repeat across figures");

        let md = markdown(&w);
        let fence = md.find("```mermaid").unwrap();
        let end = md[fence + 3..].find("```").unwrap() + fence + 3;
        for (i, _) in md.match_indices('<') {
            if i > fence && i < end {
                continue; // Mermaid's own `<br>` and `<-->`; labels are entities there.
            }
            assert_eq!(&md[i - 1..i], "\\", "unescaped < at byte {i} for {t:?}");
        }
        assert!(!md[fence..end].contains("<script"));
        assert!(
            !md[fence + 3..end].contains('`'),
            "a label closed the fence"
        );
    }
}

#[test]
fn the_closing_reflection_is_in_both_reports_and_stays_text() {
    use cstw_core::model::boundary::ReflectionPart;
    let mut w = workshop("plain");
    assert!(markdown(&w).contains("No closing reflection yet."));
    w.boundary
        .reflection
        .set(ReflectionPart::NotInRoom, format!("Carers {SCRIPT}"));
    w.boundary
        .reflection
        .set(ReflectionPart::Values, "Belonging *first*".into());
    let md = markdown(&w);
    let at = md.find("## Closing reflection").expect("the section");
    let part = &md[at..];
    assert!(part.contains("### Who was not in the room?"));
    assert!(part.contains("Belonging \\*first\\*"));
    assert!(!part.contains("### Facts"), "an empty prompt is left out");
    // The reflection feeds "What we found" too.
    let found = &md[md.find("## What we found").unwrap()..md.find("## Roster").unwrap()];
    assert!(
        found.contains("- **Not in the room:** Carers \\<script\\>"),
        "{found}"
    );
    assert!(found.contains("- **Values that made them matter:** Belonging \\*first\\*"));
    let page = html(&w);
    let found = &page
        [page.find("id=\"report-findings\"").unwrap()..page.find("id=\"report-roster\"").unwrap()];
    assert!(found.contains(
        "<strong>Not in the room:</strong> <span class=\"report-text\">Carers &lt;script&gt;"
    ));
    assert!(page.contains("<h2 id=\"report-reflection\">Closing reflection</h2>"));
    assert!(page.contains("Carers &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.to_lowercase().contains("<script"));
}
