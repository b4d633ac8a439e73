//! Where a caret belongs after someone else's change rewrote the text around it: text
//! inserted or removed ahead of the caret moves it along, text after it leaves it where it was,
//! a caret inside the changed run goes to the end of what replaced it. Positions are in UTF-16
//! units, as a browser's selection counts them. The live room keeps a typist's caret with it.

/// Where a caret at `at` (UTF-16 units) in `old` belongs in `new`.
pub fn shifted(old: &str, new: &str, at: u32) -> u32 {
    let (a, b): (Vec<u16>, Vec<u16>) = (old.encode_utf16().collect(), new.encode_utf16().collect());
    let at = (at as usize).min(a.len());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if at <= prefix {
        return at as u32;
    }
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    if at >= a.len() - suffix {
        // After the change: moves with the text after it.
        (at + b.len() - a.len()) as u32
    } else {
        // Inside the changed run: the end of what replaced it.
        (b.len() - suffix) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::shifted;

    #[test]
    fn a_caret_moves_with_text_changed_before_it_and_stays_for_text_after() {
        assert_eq!(shifted("hello world", "hello world!", 5), 5);
        assert_eq!(shifted("hello world", "oh hello world", 5), 8);
        assert_eq!(shifted("hello world", "world", 8), 2);
        assert_eq!(shifted("abc", "abc", 1), 1);
        assert_eq!(shifted("é😀x", "é😀yx", 3), 3);
        assert_eq!(shifted("aXXb", "aYb", 2), 2);
        assert_eq!(shifted("", "new", 0), 0);
    }
}
