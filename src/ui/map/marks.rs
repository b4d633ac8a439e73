//! Which nodes (or links) are in a set (selected, picked out by an analysis), as one
//! boolean signal per key.
//!
//! If each of a thousand nodes asks `set.with(|s| s.contains(&id))`, all of them subscribe to the
//! one set signal: every change of the set re-runs every one, and each re-run first takes itself
//! off a subscriber list a thousand long (Leptos keeps it in order, so each removal shifts the
//! rest). That is quadratic: on a 1,000-node map it was most of the main thread's time at the
//! start and end of a drag, and of every selection change. Here a change flips only the flags of
//! the keys that went in or out, and each node's view subscribes to its own flag.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub(crate) struct Marks<K: Send + Sync + 'static> {
    flags: StoredValue<HashMap<K, ArcRwSignal<bool>>>,
    /// The keys in the set now.
    now: StoredValue<HashSet<K>>,
}

impl<K: Copy + Eq + Hash + Send + Sync + 'static> Marks<K> {
    pub fn new() -> Self {
        Marks {
            flags: StoredValue::new(HashMap::new()),
            now: StoredValue::new(HashSet::new()),
        }
    }

    /// Whether `key` is in the set; a reader re-runs only when that answer changes.
    pub fn has(&self, key: K) -> bool {
        let flag = self.flags.with_value(|f| f.get(&key).cloned());
        let flag = flag.unwrap_or_else(|| {
            let flag = ArcRwSignal::new(self.now.with_value(|n| n.contains(&key)));
            self.flags.update_value(|f| {
                f.insert(key, flag.clone());
            });
            flag
        });
        flag.get()
    }

    /// The set is now `keys`: flips the flags of the keys that joined or left it.
    pub fn follow(&self, keys: impl IntoIterator<Item = K>) {
        let new: HashSet<K> = keys.into_iter().collect();
        let changed: Vec<(ArcRwSignal<bool>, bool)> = self.now.with_value(|old| {
            self.flags.with_value(|flags| {
                old.symmetric_difference(&new)
                    .filter_map(|k| flags.get(k).map(|f| (f.clone(), new.contains(k))))
                    .collect()
            })
        });
        self.now.set_value(new);
        for (flag, on) in changed {
            flag.set(on);
        }
    }

    /// Forgets the flags of keys no longer drawn (after nodes or links are removed).
    pub fn retain(&self, keep: impl Fn(&K) -> bool) {
        self.flags.update_value(|f| f.retain(|k, _| keep(k)));
    }
}
