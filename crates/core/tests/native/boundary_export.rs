//! The boundary critique's Markdown and CSV exports: snapshots of a critique full of hostile
//! text, the CSV read back by the `csv` crate, and the empty case.

use cstw_core::export::boundary::{CSV_HEADER, csv, markdown};
use cstw_core::model::boundary::{Level, Mode};
use cstw_core::model::{Involvement, Workshop};

const SCRIPT: &str = "<script>alert(\"x\")</script>";
const MULTILINE: &str = "First line, with a comma\n# not a heading\n\n- not a list, \"quoted\"";
const FORMULA: &str = "=HYPERLINK(\"http://example.com\",\"click\")";
const RTL: &str = "الخدمة الصحية — שירות 🙂👩🏽‍⚕️";

fn hostile() -> Workshop {
    let mut w = Workshop::new("w-export".into(), "Shropshire <b>pilot</b> | *2019*", 0.0);
    w.date = "2019-03-14".into();
    w.facilitator = "Alison & \"Bob\"".into();
    w.purpose = "Who benefits?\nWho decides?".into();
    let link = w.add_stakeholder(
        "s-link".into(),
        "Link workers",
        "Team",
        Involvement::Involved,
    );
    let users = w.add_stakeholder("s-users".into(), "Service users", "", Involvement::Affected);
    w.add_stakeholder(
        "s-carers".into(),
        "Carers [unpaid]",
        "",
        Involvement::Affected,
    );
    let b = &mut w.boundary;
    b.add_perspective("p-core".into(), "Core team, \"central\"");
    b.add_perspective("p-users".into(), RTL);
    b.add_perspective("p-empty".into(), "");
    b.perspectives[0].roster_ids.push(link);
    b.perspectives[1].roster_ids.push(users);
    b.set_answer("p-core", 1, Mode::Is, SCRIPT.into());
    b.set_answer("p-core", 1, Mode::Ought, MULTILINE.into());
    b.set_answer("p-core", 2, Mode::Is, FORMULA.into());
    b.set_answer("p-core", 2, Mode::Ought, "-5% fewer appointments".into());
    b.set_answer("p-users", 1, Mode::Ought, RTL.into());
    b.set_answer("p-users", 10, Mode::Is, "| a | b |\n|---|---|".into());
    b.set_tension(
        1,
        &["p-core", "p-users"],
        Level::Strong,
        "Attenders <vs> self-referral, \"really\"",
    );
    b.set_tension(2, &["p-core"], Level::Some, "Savings\nagainst wellbeing");
    b.set_tension(3, &["p-users"], Level::None, "looked at: no gap");
    w
}

#[test]
fn markdown_snapshot_of_a_hostile_critique() {
    insta::assert_snapshot!(markdown(&hostile()));
}

#[test]
fn csv_snapshot_of_a_hostile_critique() {
    insta::assert_snapshot!(csv(&hostile()));
}

#[test]
fn markdown_shows_user_text_as_text() {
    let md = markdown(&hostile());
    // No HTML survives unescaped: every `<` is preceded by a backslash.
    for (i, _) in md.match_indices('<') {
        assert_eq!(&md[i - 1..i], "\\", "unescaped < at byte {i}");
    }
    assert!(
        md.contains("\\<script\\>alert"),
        "the script tag shown as text"
    );
    // Strongest tension first, the empty-level one left out.
    let strong = md.find("**Strong**").expect("strong tension listed");
    let some = md.find("**Some**").expect("some tension listed");
    assert!(strong < some);
    assert!(!md.contains("looked at: no gap"));
    // Every line of the multi-line answer stays in the quote under question 1's ought.
    let q1 = md.find("### 1. Beneficiary").expect("question 1");
    let q2 = md[q1..].find("### 2.").map(|i| q1 + i).expect("question 2");
    let section = &md[q1..q2];
    for expected in [
        "> First line, with a comma\\",
        "> \\# not a heading",
        ">\n",
        "> \\- not a list, \"quoted\"",
    ] {
        assert!(
            section.contains(expected),
            "missing {expected:?} in {section}"
        );
    }
    assert!(
        md.contains("- Carers \\[unpaid\\]"),
        "unrepresented group listed"
    );
    assert!(md.contains("## Perspective: Unnamed perspective"));
}

#[test]
fn csv_reads_back_row_for_row() {
    let w = hostile();
    let text = csv(&w);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3 * 24);
    let cell = |perspective: usize, question: usize, ought: bool| {
        rows[perspective * 24 + (question - 1) * 2 + usize::from(ought)][8].to_string()
    };
    assert_eq!(cell(0, 1, false), SCRIPT);
    assert_eq!(cell(0, 1, true), MULTILINE);
    assert_eq!(cell(0, 2, false), format!("'{FORMULA}"), "formula defused");
    assert_eq!(cell(0, 2, true), "'-5% fewer appointments");
    assert_eq!(cell(1, 1, true), RTL);
    assert_eq!(cell(1, 10, false), "| a | b |\n|---|---|");
    assert_eq!(cell(2, 5, false), "");
    assert_eq!(&rows[0][0], "Core team, \"central\"");
    assert_eq!(&rows[0][1], "involved");
    assert_eq!(&rows[24][1], "affected");
    assert_eq!(&rows[48][0], "Unnamed perspective");
    assert_eq!(&rows[48][1], "unclear");
    assert_eq!(
        (&rows[1][2], &rows[1][6], &rows[1][3]),
        ("1", "ought", "Motivation")
    );
}

#[test]
fn an_empty_critique_exports_a_header_and_says_so() {
    let w = Workshop::new("w-empty".into(), "", 0.0);
    assert_eq!(csv(&w).trim_end(), CSV_HEADER.join(","));
    let md = markdown(&w);
    assert!(md.contains("No perspectives yet"));
    assert!(md.contains("No tensions marked yet."));
    assert!(md.contains("The roster marks nobody as affected"));
}

#[test]
fn roles_and_ought_first_show_in_the_markdown_with_names_escaped() {
    use cstw_core::model::boundary::Role;
    let mut w = hostile();
    let plain = markdown(&w);
    assert!(!plain.contains("## Roles"), "no roles marked, no section");
    assert!(!plain.contains("ought first"));
    w.boundary.set_role("s-carers", Role::Witness, false, true);
    w.boundary.set_role("s-link", Role::Expert, true, true);
    w.boundary.ought_first = true;
    let md = markdown(&w);
    assert!(md.contains("## Roles: who holds them, and who should"));
    assert!(
        md.contains("- Witness (question 10): now nobody marked; should be Carers \\[unpaid\\]")
    );
    assert!(md.contains("- Expert (question 7): now Link workers; should be nobody marked"));
    assert!(md.contains("asked ought first (ideal mapping)"));
    // Within each question, ought comes before is.
    let q1 = md.find("### 1. Beneficiary").unwrap();
    let ought = md[q1..].find("**Ought:**").unwrap();
    let is = md[q1..].find("**Is:**").unwrap();
    assert!(ought < is);
}

#[test]
fn challenges_and_replies_show_in_the_markdown_escaped() {
    let mut w = hostile();
    assert!(!markdown(&w).contains("## Challenges"));
    w.boundary
        .add_challenge("c-1".into(), 3, "Whose <b>improvement</b>?");
    w.boundary.add_challenge("c-2".into(), 9, "Says who?");
    w.boundary.challenges[0].reply = "Ours | so far".into();
    let md = markdown(&w);
    assert!(md.contains("## Challenges and replies"));
    assert!(md.contains(
        "1. Question 3, Measure of improvement: Whose \\<b\\>improvement\\</b\\>? Reply: Ours \\| so far"
    ));
    assert!(md.contains("2. Question 9, Guarantor: Says who? _No reply yet._"));
}
