//! Undo and redo by snapshots: one entry per gesture.
//!
//! Each edit hands over the state from before it, with a *gesture key*. Edits that carry the
//! same key as the one before (typing into one field, a drag) fold into a single entry until
//! [`History::seal`] is called (the field loses focus, the drag ends), so one Ctrl+Z undoes the
//! whole gesture rather than one keystroke.

/// Past and future states of a `T`.
#[derive(Clone, Debug)]
pub struct History<T> {
    past: Vec<T>,
    future: Vec<T>,
    open_gesture: Option<String>,
    limit: usize,
}

impl<T: Clone> History<T> {
    pub fn new(limit: usize) -> History<T> {
        History {
            past: Vec::new(),
            future: Vec::new(),
            open_gesture: None,
            limit: limit.max(1),
        }
    }

    /// Records `before`, the state an edit is about to change. With the same `gesture` as the
    /// open one, the edit joins that entry instead.
    pub fn record(&mut self, before: &T, gesture: Option<&str>) {
        self.keep(gesture, || before.clone());
    }

    /// As [`History::record`], with the state before moved in rather than copied again.
    pub fn record_owned(&mut self, before: T, gesture: Option<&str>) {
        self.keep(gesture, move || before);
    }

    /// Applies `change` to `state` as one edit, as the page's session does: the state before is
    /// kept for undo ([`History::record_owned`]), and nothing is recorded when the change left
    /// the state as it was. Returns whether it changed. With the large parts of a state behind
    /// `model::Shared`, keeping it copies none of them.
    pub fn edit(
        &mut self,
        state: &mut T,
        gesture: Option<&str>,
        change: impl FnOnce(&mut T),
    ) -> bool
    where
        T: PartialEq,
    {
        let before = state.clone();
        change(state);
        if *state == before {
            return false;
        }
        self.record_owned(before, gesture);
        true
    }

    /// Keeps the state `before` gives as a new entry, unless `gesture` continues the open one.
    fn keep(&mut self, gesture: Option<&str>, before: impl FnOnce() -> T) {
        self.future.clear();
        let joins = gesture.is_some() && gesture == self.open_gesture.as_deref();
        if !joins {
            self.past.push(before());
            if self.past.len() > self.limit {
                self.past.remove(0);
            }
        }
        self.open_gesture = gesture.map(str::to_string);
    }

    /// Ends the open gesture: the next edit starts a new entry.
    pub fn seal(&mut self) {
        self.open_gesture = None;
    }

    /// The state to go back to, given the current one; `None` when there is nothing to undo.
    pub fn undo(&mut self, current: &T) -> Option<T> {
        let previous = self.past.pop()?;
        self.future.push(current.clone());
        self.open_gesture = None;
        Some(previous)
    }

    /// The state to go forward to, given the current one; `None` when there is nothing to redo.
    pub fn redo(&mut self, current: &T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push(current.clone());
        self.open_gesture = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies `edits` as (gesture, new value) to a string, recording each.
    fn typed(h: &mut History<String>, mut state: String, edits: &[(Option<&str>, &str)]) -> String {
        for (gesture, next) in edits {
            h.record(&state, *gesture);
            state = next.to_string();
        }
        state
    }

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = History::new(10);
        let s = typed(
            &mut h,
            "".into(),
            &[
                (Some("title"), "a"),
                (Some("title"), "ab"),
                (Some("title"), "abc"),
            ],
        );
        assert_eq!(h.undo(&s).as_deref(), Some(""));
        assert!(!h.can_undo());
    }

    #[test]
    fn another_field_or_a_seal_starts_a_new_step() {
        let mut h = History::new(10);
        let mut s = typed(&mut h, "".into(), &[(Some("title"), "a")]);
        h.seal();
        s = typed(&mut h, s, &[(Some("title"), "ab"), (Some("notes"), "ab!")]);
        assert_eq!(h.undo(&s).as_deref(), Some("ab"));
        assert_eq!(h.undo(&"ab".to_string()).as_deref(), Some("a"));
        assert_eq!(h.undo(&"a".to_string()).as_deref(), Some(""));
    }

    #[test]
    fn redo_replays_and_a_new_edit_clears_it() {
        let mut h = History::new(10);
        let s = typed(&mut h, "x".into(), &[(None, "y")]);
        let back = h.undo(&s).unwrap();
        assert_eq!(h.redo(&back).as_deref(), Some("y"));
        let back = h.undo(&"y".to_string()).unwrap();
        h.record(&back, None);
        assert!(!h.can_redo());
    }

    #[test]
    fn edits_without_a_gesture_are_separate_steps() {
        let mut h = History::new(10);
        let s = typed(&mut h, "a".into(), &[(None, "b"), (None, "c")]);
        assert_eq!(h.undo(&s).as_deref(), Some("b"));
    }

    #[test]
    fn an_edit_records_the_state_before_and_nothing_when_it_changed_nothing() {
        let mut h = History::new(10);
        let mut s = String::from("a");
        assert!(h.edit(&mut s, Some("title"), |s| s.push('b')));
        assert!(h.edit(&mut s, Some("title"), |s| s.push('c')));
        assert!(!h.edit(&mut s, None, |s| s.push_str("")));
        assert_eq!(s, "abc");
        assert_eq!(h.undo(&s).as_deref(), Some("a"), "one step for the gesture");
        assert!(!h.can_undo(), "the edit that changed nothing left no step");
    }

    #[test]
    fn the_oldest_steps_fall_off_at_the_limit() {
        let mut h = History::new(2);
        let s = typed(&mut h, "0".into(), &[(None, "1"), (None, "2"), (None, "3")]);
        assert_eq!(h.undo(&s).as_deref(), Some("2"));
        assert_eq!(h.undo(&"2".to_string()).as_deref(), Some("1"));
        assert_eq!(h.undo(&"1".to_string()), None);
    }
}
