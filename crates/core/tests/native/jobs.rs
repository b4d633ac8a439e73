//! The Web Worker's message protocol (`cstw_core::jobs`): every request and reply reads
//! back as it was sent, and bad messages are refused with a reason, never a panic.

use cstw_core::analysis::layout::bench_map;
use cstw_core::jobs::{self, Job, LayoutKind, Outcome, Reply, Request};
use cstw_core::model::map::Metrics;
use proptest::prelude::*;

fn clock() -> f64 {
    0.0
}

fn layout_job(n: usize) -> Job {
    let map = bench_map(n);
    let sizes = jobs::sizes_of(&map.sizes(Metrics::STANDARD));
    Job::Layout {
        layout: LayoutKind::Force,
        map,
        sizes,
        focus: None,
        font: Metrics::STANDARD.font,
    }
}

fn roundtrip(request: &Request, files: &[Vec<u8>]) {
    let back = Request::decode(&request.encode(), files).expect("a request we made reads back");
    assert_eq!(&back, request);
}

#[test]
fn every_job_round_trips() {
    let map_file = cstw_core::export::map::json::json(&bench_map(20));
    let cases: Vec<(Job, Vec<Vec<u8>>)> = vec![
        (
            Job::ImportMap {
                names: vec!["a.json".into()],
                id: "m-1".into(),
            },
            vec![map_file.clone().into_bytes()],
        ),
        (
            Job::ImportMap {
                names: vec!["elements.csv".into(), "connections.csv".into()],
                id: "m-2".into(),
            },
            vec![b"Label\nA\n".to_vec(), b"From,To\n".to_vec()],
        ),
        (
            Job::ImportPicture {
                name: "p.svg".into(),
            },
            vec![vec![1, 2, 3]],
        ),
        (
            Job::ImportWorkshops {
                name: "w.json".into(),
                placeholder: "imported-".into(),
            },
            vec![b"{}".to_vec()],
        ),
        (layout_job(30), vec![]),
        (Job::Analyse { map: bench_map(30) }, vec![]),
    ];
    for (i, (job, files)) in cases.into_iter().enumerate() {
        let mut request = Request::new(i as u32, job);
        roundtrip(&request, &files);
        request.trap = true;
        roundtrip(&request, &files);
    }
}

#[test]
fn replies_round_trip_and_run_gives_them() {
    let map = bench_map(200);
    let (analysis, timings) = jobs::analyse(&map, &mut |_| {}, &clock);
    let replies = vec![
        Reply::Ready { v: jobs::VERSION },
        Reply::Progress { id: 3, done: 0.5 },
        Reply::Done {
            id: 4,
            ms: 12.5,
            outcome: Box::new(Outcome::Analysis {
                analysis,
                loops_found: 0,
                timings,
            }),
        },
        Reply::Done {
            id: 5,
            ms: 1.0,
            outcome: Box::new(Outcome::Unreadable {
                why: "This file is empty.".into(),
            }),
        },
        Reply::Refused {
            id: None,
            why: "no".into(),
        },
    ];
    for r in replies {
        assert_eq!(Reply::decode(&r.encode()).unwrap(), r);
    }
    // A real map import, a layout and a workshop file, through `run`, read back whole.
    let file = cstw_core::export::map::json::json(&map).into_bytes();
    let job = Job::ImportMap {
        names: vec!["map.json".into()],
        id: "m-new".into(),
    };
    let out = jobs::run(job, vec![file], &mut |_| {}, &clock);
    let Outcome::Map { map: read, .. } = &out else {
        panic!("a map: {out:?}")
    };
    assert_eq!(read.nodes.len(), 200);
    assert_eq!(read.id, "m-new");
    let done = Reply::Done {
        id: 1,
        ms: 1.0,
        outcome: Box::new(out),
    };
    assert_eq!(Reply::decode(&done.encode()).unwrap(), done);

    let mut seen = Vec::new();
    let out = jobs::run(layout_job(300), vec![], &mut |d| seen.push(d), &clock);
    let Outcome::Placed { placed } = out else {
        panic!("placed")
    };
    assert_eq!(placed.len(), 300);
    assert!(seen.len() >= 10 && seen.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(seen.last(), Some(&1.0));

    let workshop = cstw_core::content::example::example_workshop("w-x".into(), 0.0);
    let text = cstw_core::persist::document::SavedWorkshop::new(workshop, 0.0).to_json();
    let job = Job::ImportWorkshops {
        name: "w.json".into(),
        placeholder: "imported-".into(),
    };
    let Outcome::Workshops { records, .. } =
        jobs::run(job, vec![text.into_bytes()], &mut |_| {}, &clock)
    else {
        panic!("workshops")
    };
    assert_eq!(records.len(), 1);
    cstw_core::persist::document::read_workshop(&records[0], "x").expect("reads back");
}

#[test]
fn readers_refusals_are_outcomes_not_failures() {
    let deep = format!(
        "<graphml>{}{}</graphml>",
        "<g>".repeat(100_000),
        "</g>".repeat(100_000)
    );
    let job = Job::ImportMap {
        names: vec!["deep.graphml".into()],
        id: "m".into(),
    };
    let out = jobs::run(job, vec![deep.into_bytes()], &mut |_| {}, &clock);
    assert!(
        matches!(&out, Outcome::Unreadable { why } if why.contains("deep")),
        "{out:?}"
    );
    let job = Job::ImportPicture { name: "x".into() };
    assert!(matches!(
        jobs::run(job, vec![vec![]], &mut |_| {}, &clock),
        Outcome::Unreadable { .. }
    ));
}

#[test]
fn bad_messages_are_refused() {
    let ok = Request::new(7, Job::ImportPicture { name: "p".into() }).encode();
    let bad: Vec<(String, Vec<Vec<u8>>)> = vec![
        (String::new(), vec![]),
        ("not json".into(), vec![]),
        ("[]".into(), vec![]),
        ("{}".into(), vec![]),
        (r#"{"v":1}"#.into(), vec![]),
        (ok.replace("\"v\":1", "\"v\":2"), vec![vec![]]),
        (ok.replace("import_picture", "format_disk"), vec![vec![]]),
        (ok.clone(), vec![]),
        (ok.clone(), vec![vec![], vec![]]),
        (ok.replace("\"id\":7", "\"id\":-1"), vec![vec![]]),
        (ok.replace("\"id\":7", "\"id\":4294967296"), vec![vec![]]),
        (ok.replace("}}", "},\"extra\":1}"), vec![vec![]]),
        (
            Request::new(
                1,
                Job::ImportMap {
                    names: vec![],
                    id: "m".into(),
                },
            )
            .encode(),
            vec![],
        ),
        (
            Request::new(
                1,
                Job::ImportMap {
                    names: vec!["a".into(), "b".into(), "c".into()],
                    id: "m".into(),
                },
            )
            .encode(),
            vec![vec![], vec![], vec![]],
        ),
    ];
    for (head, files) in bad {
        let r = Request::decode(&head, &files);
        assert!(r.is_err(), "{head} with {} files was accepted", files.len());
        let refusal = r.unwrap_err();
        assert!(!refusal.why.is_empty());
        // The refusal itself is a reply the page can read.
        Reply::decode(&Reply::from(refusal).encode()).unwrap();
    }
    // The id is named when the head got that far, so the page can fail that job.
    let r = Request::decode(&ok, &[]).unwrap_err();
    assert_eq!(r.id, Some(7));
    // A layout whose sizes do not match its nodes, or are not numbers a layout can use.
    let Job::Layout { map, mut sizes, .. } = layout_job(10) else {
        unreachable!()
    };
    let short = Job::Layout {
        layout: LayoutKind::Radial,
        map: map.clone(),
        sizes: sizes[1..].to_vec(),
        focus: None,
        font: 16.0,
    };
    assert!(Request::decode(&Request::new(1, short).encode(), &[]).is_err());
    sizes[0][0] = -1.0;
    let negative = Job::Layout {
        layout: LayoutKind::Tidy,
        map: map.clone(),
        sizes: sizes.clone(),
        focus: None,
        font: 16.0,
    };
    assert!(Request::decode(&Request::new(1, negative).encode(), &[]).is_err());
    // A map font no theme has (the result must keep clear of labels drawn at that size).
    sizes[0][0] = 80.0;
    for font in [f64::NAN, 0.0, 1e9] {
        let odd = Job::Layout {
            layout: LayoutKind::Tidy,
            map: map.clone(),
            sizes: sizes.clone(),
            focus: None,
            font,
        };
        assert!(Request::decode(&Request::new(1, odd).encode(), &[]).is_err());
    }
    assert!(Reply::decode("{\"reply\":\"done\"}").is_err());
    assert!(Reply::decode("").is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text as a head, with any attachments, is read or refused: never a panic.
    #[test]
    fn any_head_is_read_or_refused(head in ".{0,200}", n in 0usize..3) {
        let _ = Request::decode(&head, &vec![vec![0u8; 3]; n]);
        let _ = Reply::decode(&head);
    }

    /// A valid request with one byte changed is read or refused, never a panic; one that is
    /// still read runs without a panic too.
    #[test]
    fn damaged_requests_never_panic(at in 0usize..4000, byte in 0u8..128) {
        let head = Request::new(9, Job::Analyse { map: bench_map(8) }).encode();
        let mut bytes = head.into_bytes();
        let i = at % bytes.len();
        bytes[i] = byte;
        if let Ok(text) = String::from_utf8(bytes)
            && let Ok(r) = Request::decode(&text, &[])
        {
            let _ = jobs::run(r.job, vec![], &mut |_| {}, &clock);
        }
    }
}
