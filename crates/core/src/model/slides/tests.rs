//! The slides' tests: cutting steps into pages at each frame, slugs, card columns.

use super::*;

const PROJECTOR_1024: Frame = Frame {
    width: 946.0,
    height: 560.0,
    font: 26.0,
    line: 1.45,
    rem: 16.0,
};

fn long(n: usize, words: usize) -> Workshop {
    let mut w = Workshop::new("w".into(), "Long", 0.0);
    for i in 0..n {
        let p = w
            .boundary
            .add_perspective(format!("p{i}"), &format!("Perspective {i}"));
        let text = "the link workers count follow-up calls ".repeat(words / 6 + i % 3);
        w.boundary.set_answer(&p, 3, Mode::Is, text.clone());
        w.boundary.set_answer(&p, 3, Mode::Ought, text);
    }
    let ids: Vec<String> = w
        .boundary
        .perspectives
        .iter()
        .map(|p| p.id.clone())
        .collect();
    for k in 0..4.min(n.saturating_sub(1)) {
        w.boundary.set_tension(
            3,
            &[ids[k].as_str(), ids[k + 1].as_str()],
            Level::Strong,
            &"who decides what counts ".repeat(4),
        );
    }
    w
}

fn question_pages(w: &Workshop, f: Frame) -> Vec<Page> {
    pages(w, &Step::Question { number: 3 }, f)
}

#[test]
fn a_long_question_continues_and_every_card_and_tension_is_shown_once_in_order() {
    for (n, words) in [(3, 12), (7, 18), (12, 30), (20, 6)] {
        let w = long(n, words);
        for f in [
            PROJECTOR_1024,
            Frame {
                width: 1200.0,
                height: 500.0,
                ..PROJECTOR_1024
            },
            Frame {
                width: 1200.0,
                height: 520.0,
                font: 18.0,
                line: 1.55,
                rem: 16.0,
            },
        ] {
            let pages = question_pages(&w, f);
            let (mut cards, mut tensions) = (Vec::new(), Vec::new());
            for (k, p) in pages.iter().enumerate() {
                match p {
                    Page::Question {
                        head,
                        cards: c,
                        tensions: t,
                        ..
                    } => {
                        assert_eq!(*head, k == 0);
                        assert!(!c.is_empty() || !t.is_empty() || k == 0, "empty slide");
                        cards.extend(c.clone());
                        tensions.extend(t.clone());
                    }
                    Page::Whole => {
                        assert_eq!(pages.len(), 1);
                        cards.extend(0..n);
                        tensions.extend(0..question_tensions(&w, 3).len());
                    }
                    other => panic!("{other:?}"),
                }
            }
            assert_eq!(cards, (0..n).collect::<Vec<_>>(), "{n} cards");
            assert_eq!(
                tensions,
                (0..question_tensions(&w, 3).len()).collect::<Vec<_>>()
            );
        }
    }
    // More content, more slides; a short question is one slide.
    let standard = Frame {
        width: 1200.0,
        height: 520.0,
        font: 18.0,
        line: 1.55,
        rem: 16.0,
    };
    assert_eq!(question_pages(&long(2, 3), standard), vec![Page::Whole]);
    assert!(question_pages(&long(7, 18), PROJECTOR_1024).len() >= 3);
    assert!(
        question_pages(&long(12, 18), PROJECTOR_1024).len()
            > question_pages(&long(6, 18), PROJECTOR_1024).len()
    );
}

#[test]
fn slides_are_named_by_step_and_part_and_a_gone_part_finds_its_step() {
    let w = long(9, 18);
    let all = slides(&w, Some(PROJECTOR_1024));
    let q3: Vec<&Slide> = all
        .iter()
        .filter(|s| s.entry.step == Step::Question { number: 3 })
        .collect();
    assert!(q3.len() >= 2);
    assert_eq!(q3[0].slug(), "q3");
    assert_eq!(q3[1].slug(), "q3~2");
    assert!(q3[0].title(&w).ends_with(&format!("(1 of {})", q3.len())));
    assert!(
        q3[1]
            .title(&w)
            .ends_with(&format!("(continued, 2 of {})", q3.len()))
    );
    // Unmeasured: a slide a step, with the step's own slug and title.
    let one = slides(&w, None);
    assert_eq!(one.len(), agenda::shown(&w).len());
    assert_eq!(
        find(&one, "q3~2"),
        one.iter().position(|s| s.slug() == "q3")
    );
    assert_eq!(find(&one, "nothing"), None);
}

#[test]
fn paginate_cuts_between_blocks_and_gives_a_tall_block_its_own_run() {
    assert_eq!(paginate(&[], 10.0), Vec::<Range<usize>>::new());
    assert_eq!(paginate(&[3.0, 3.0, 3.0], 10.0), vec![0..3]);
    assert_eq!(paginate(&[4.0, 4.0, 4.0], 10.0), vec![0..2, 2..3]);
    assert_eq!(paginate(&[4.0, 20.0, 4.0], 10.0), vec![0..1, 1..2, 2..3]);
}

#[test]
fn words_wrap_at_spaces_and_long_words_break() {
    let m = Measure(Frame {
        width: 1000.0,
        height: 600.0,
        font: 20.0,
        line: 1.5,
        rem: 16.0,
    });
    assert_eq!(m.lines("short", 500.0, 20.0, false), 1);
    assert_eq!(m.lines("", 500.0, 20.0, false), 1);
    assert_eq!(m.lines("a\nb\nc", 500.0, 20.0, false), 3);
    let long = "word ".repeat(100);
    let n = m.lines(&long, 500.0, 20.0, false);
    // 100 words of about 2.5 em plus a space each: about 60 px × 100 / 500 px.
    assert!((11..=14).contains(&n), "{n}");
    assert!(m.lines(&"x".repeat(200), 500.0, 20.0, false) >= 5);
}
