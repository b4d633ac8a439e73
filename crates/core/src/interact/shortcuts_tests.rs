//! The shortcut table's rules, and each canvas's keys by table.

use super::*;

#[test]
fn every_group_has_shortcuts_and_no_key_is_listed_twice_in_a_group() {
    for g in GROUPS {
        assert!(!g.shortcuts.is_empty(), "{}", g.name);
        let mut keys: Vec<&str> = g.shortcuts.iter().map(|s| s.keys).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), g.shortcuts.len(), "{}", g.name);
        assert!(g.shortcuts.iter().all(|s| !s.does.is_empty()));
    }
}

#[test]
fn no_key_is_bound_twice_in_an_area_and_each_area_is_listed_once() {
    for g in GROUPS {
        assert_eq!(GROUPS.iter().filter(|o| o.area == g.area).count(), 1);
        let binds: Vec<&Key> = g
            .shortcuts
            .iter()
            .flat_map(|s| s.binds)
            .map(|b| &b.0)
            .collect();
        for (i, a) in binds.iter().enumerate() {
            for other in &binds[i + 1..] {
                let same_key = a.key.eq_ignore_ascii_case(other.key);
                let overlap = a.shift.is_none() || other.shift.is_none() || a.shift == other.shift;
                assert!(
                    !(same_key && a.ctrl == other.ctrl && a.alt == other.alt && overlap),
                    "{}: {:?} and {:?}",
                    g.name,
                    a,
                    other
                );
            }
        }
    }
}

fn shift(key: &str) -> Press<'_> {
    Press {
        shift: true,
        ..press(key)
    }
}

fn ctrl_(key: &str) -> Press<'_> {
    Press {
        ctrl: true,
        ..press(key)
    }
}

fn alt_(key: &str) -> Press<'_> {
    Press {
        alt: true,
        ..press(key)
    }
}

fn press(key: &str) -> Press<'_> {
    Press {
        key,
        ctrl: false,
        alt: false,
        shift: false,
    }
}

#[test]
fn keys_by_table() {
    use Action::*;
    #[rustfmt::skip]
    let cases: Vec<(Area, Press, Option<Action>)> = vec![
        (Area::Picture, press("v"), Some(Tool(Mode::Select))),
        (Area::Picture, press("P"), Some(Tool(Mode::Pen))),
        (Area::Picture, press("o"), Some(Tool(Mode::Ellipse))),
        (Area::Picture, shift("P"), None),
        (Area::Picture, ctrl_("p"), None),
        (Area::Picture, ctrl_("d"), Some(Duplicate)),
        (Area::Picture, ctrl_("D"), Some(Duplicate)),
        (Area::Picture, press("d"), None),
        (Area::Picture, ctrl_("a"), Some(SelectAll)),
        (Area::Picture, press("a"), Some(Tool(Mode::Arrow))),
        (Area::Picture, press(" "), Some(PanWhileHeld)),
        (Area::Picture, press("Delete"), Some(Remove)),
        (Area::Picture, press("Backspace"), Some(Remove)),
        (Area::Picture, ctrl_("Backspace"), None),
        (Area::Picture, press("ArrowLeft"), Some(Nudge(Direction::Left))),
        (Area::Picture, shift("ArrowDown"), Some(Nudge(Direction::Down))),
        (Area::Picture, alt_("ArrowDown"), None),
        (Area::Picture, press("]"), Some(Restack(Stack::Forward))),
        (Area::Picture, press("["), Some(Restack(Stack::Backward))),
        (Area::Picture, shift("}"), Some(Restack(Stack::ToFront))),
        (Area::Picture, shift("{"), Some(Restack(Stack::ToBack))),
        (Area::Picture, press("+"), Some(ZoomIn)),
        (Area::Picture, shift("+"), Some(ZoomIn)),
        (Area::Picture, press("="), Some(ZoomIn)),
        (Area::Picture, press("-"), Some(ZoomOut)),
        (Area::Picture, press("_"), None),
        (Area::Picture, press("0"), Some(Fit)),
        (Area::Picture, press("Escape"), Some(ClearSelection)),
        (Area::Picture, press("Enter"), Some(EditText)),
        (Area::Picture, press("F2"), Some(EditText)),
        (Area::Picture, press("x"), None),
        (Area::Scoring, press("1"), None),
    ];
    for (area, p, want) in cases {
        assert_eq!(action(area, &p), want, "{area:?} {p:?}");
    }
}

#[test]
fn each_tool_is_bound_to_the_key_its_button_shows() {
    for m in Mode::ALL {
        assert_eq!(key_for(Area::Picture, Action::Tool(m)), Some(m.key()));
        assert_eq!(
            action(Area::Picture, &press(m.key())),
            Some(Action::Tool(m))
        );
    }
}

#[test]
fn the_hint_lists_every_row_and_the_symbols_kept_from_captions() {
    let hint = hint(Area::Picture);
    for s in group(Area::Picture).shortcuts {
        assert!(hint.contains(s.keys), "{}", s.keys);
    }
    assert!(hint.contains("Ctrl+D \u{2013} duplicate the selection; "));
    let symbols: String = symbol_keys(Area::Picture).collect();
    for c in " []{}+=-0".chars() {
        assert!(symbols.contains(c), "{c:?}");
    }
    assert!(!symbols.contains('v'));
}

#[test]
fn directions_step_with_y_down() {
    assert_eq!(Direction::Up.step(2.0), (0.0, -2.0));
    assert_eq!(Direction::Left.step(20.0), (-20.0, 0.0));
}

/// The map canvas's keys (`src/ui/map/keys.rs` looks every key up here): each row's keys, the
/// modifiers that change them, and keys the map leaves alone.
#[test]
fn map_keys_by_table() {
    use Action::*;
    #[rustfmt::skip]
    let cases: Vec<(Press, Option<Action>)> = vec![
        (press("n"), Some(AddNode)),
        (press("N"), Some(AddNode)),
        (press("Insert"), Some(AddNode)),
        (shift("N"), Some(AddLinkedNode)),
        (ctrl_("n"), None),
        (alt_("n"), None),
        (press("Enter"), Some(EditText)),
        (shift("Enter"), Some(EditText)),
        (press("F2"), Some(EditText)),
        (press("l"), Some(StartLink)),
        (shift("L"), Some(StartLink)),
        (ctrl_("l"), None),
        (alt_("ArrowRight"), Some(NextLink)),
        (alt_("ArrowDown"), Some(NextLink)),
        (alt_("ArrowLeft"), Some(PreviousLink)),
        (alt_("ArrowUp"), Some(PreviousLink)),
        (press("ArrowLeft"), Some(Nudge(Direction::Left))),
        (press("ArrowRight"), Some(Nudge(Direction::Right))),
        (shift("ArrowUp"), Some(Nudge(Direction::Up))),
        (press("ArrowDown"), Some(Nudge(Direction::Down))),
        (ctrl_("ArrowDown"), None),
        (press("Delete"), Some(Remove)),
        (press("Backspace"), Some(Remove)),
        (ctrl_("Backspace"), None),
        (press("Escape"), Some(ClearSelection)),
        (press("+"), Some(ZoomIn)),
        (shift("+"), Some(ZoomIn)),
        (press("="), Some(ZoomIn)),
        (press("-"), Some(ZoomOut)),
        (press("_"), Some(ZoomOut)),
        (press("0"), Some(Fit)),
        (ctrl_("0"), None),
        // The picture's keys do nothing on a map.
        (press("v"), None),
        (press(" "), None),
        (ctrl_("d"), None),
        (press("]"), None),
        (press("x"), None),
    ];
    for (p, want) in cases {
        assert_eq!(action(Area::Map, &p), want, "{p:?}");
    }
    // Every binding of the map's rows is found by its own key, and each row is in the hint
    // under the canvas, in the words the sheet shows.
    let hint = hint(Area::Map);
    for row in group(Area::Map).shortcuts {
        assert!(hint.contains(row.keys), "{}", row.keys);
        for (key, does) in row.binds {
            let p = Press {
                key: key.key,
                ctrl: key.ctrl,
                alt: key.alt,
                shift: key.shift.unwrap_or(false),
            };
            assert_eq!(action(Area::Map, &p), Some(*does), "{}", row.keys);
        }
    }
    assert!(hint.contains("Shift+N \u{2013} add a node linked to the focused one; "));
    assert!(hint.contains("Esc \u{2013} clear the selection; "));
}
