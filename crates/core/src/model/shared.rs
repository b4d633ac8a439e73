//! Structural sharing for the large parts of a workshop (its maps and pictures).
//!
//! A workshop is copied whenever the page keeps a state: the undo history holds the state
//! before each edit, the session compares before and after, the save builds a document. With
//! each map and picture behind [`Shared`], those copies share every map and picture instead of
//! copying their nodes and strokes, so a keystroke in a boundary answer costs the same in a
//! workshop with a 5,000-node map as in an empty one. Writing through a `Shared` (`DerefMut`)
//! copies that one map or picture first if anything else still holds it (copy on write), so a
//! state kept for undo never changes.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value shared between copies until one of them writes to it. Reads as a `T` (`Deref`);
/// stored, compared and printed exactly as the `T` it holds.
#[derive(Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }

    /// Whether two copies still share one value (nothing has written to either since).
    pub fn same(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T: Clone> Shared<T> {
    /// The value, taken out: without a copy when nothing else holds it.
    pub fn into_inner(self) -> T {
        Arc::unwrap_or_clone(self.0)
    }
}

impl<T> Clone for Shared<T> {
    /// Another handle on the same value: constant time, whatever its size.
    fn clone(&self) -> Shared<T> {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    /// Copies the value first if another handle holds it, so the other handles never see the
    /// change.
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared::new(value)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    /// Two handles on one value are equal at once; otherwise the values are compared.
    fn eq(&self, other: &Shared<T>) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || *self.0 == *other.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Shared<T>, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_shares_until_one_side_writes() {
        let a = Shared::new(vec![1, 2, 3]);
        let mut b = a.clone();
        assert!(Shared::same(&a, &b));
        b.push(4);
        assert!(!Shared::same(&a, &b));
        assert_eq!(*a, vec![1, 2, 3], "the other handle never sees the write");
        assert_eq!(*b, vec![1, 2, 3, 4]);
    }

    #[test]
    fn writing_to_the_only_handle_copies_nothing() {
        let mut a = Shared::new(vec![1]);
        let before = Arc::as_ptr(&a.0);
        a.push(2);
        assert_eq!(Arc::as_ptr(&a.0), before);
    }

    #[test]
    fn compared_and_stored_as_the_value() {
        let a = Shared::new(vec![1, 2]);
        assert_eq!(a, Shared::new(vec![1, 2]));
        assert_ne!(a, Shared::new(vec![2, 1]));
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, "[1,2]");
        let back: Shared<Vec<i32>> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        assert_eq!(format!("{a:?}"), "[1, 2]");
        assert_eq!(a.clone().into_inner(), vec![1, 2]);
    }
}
