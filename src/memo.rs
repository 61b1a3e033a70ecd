//! [`Memo`]: a bounded, thread-safe memo for pure functions of a string. Batch manifests repeat
//! the same suppliers, cities, countries, HS codes and descriptions on thousands of lines, and
//! everything the engine computes from one of those strings (name hits, a country's resolution,
//! the regions in an address, the sectors of a code and description) is a pure function of it.
//!
//! Sharded mutexes rather than one lock, so that rayon workers rarely contend; each shard holds a
//! bounded number of entries and starts over when full (no LRU bookkeeping on the hot path — a
//! batch's frequent values come straight back).

use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use rustc_hash::{FxHashMap, FxHasher};

const SHARDS: usize = 16;
/// Entries per shard before it is emptied (16 shards: about 130,000 values in all).
const SHARD_CAPACITY: usize = 8192;

type Shard<V> = Mutex<FxHashMap<Box<str>, V>>;

pub struct Memo<V> {
    shards: Vec<Shard<V>>,
}

impl<V: Clone> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            shards: (0..SHARDS)
                .map(|_| Mutex::new(FxHashMap::default()))
                .collect(),
        }
    }
}

impl<V: Clone> Memo<V> {
    /// The remembered value for `key`, or `compute()` (then remembered).
    pub fn get_or(&self, key: &str, compute: impl FnOnce() -> V) -> V {
        let mut h = FxHasher::default();
        key.hash(&mut h);
        let shard = &self.shards[(h.finish() as usize) % SHARDS];
        if let Some(hit) = shard.lock().ok().and_then(|s| s.get(key).cloned()) {
            return hit;
        }
        let value = compute();
        if let Ok(mut s) = shard.lock() {
            if s.len() >= SHARD_CAPACITY {
                s.clear();
            }
            s.insert(key.into(), value.clone());
        }
        value
    }

    /// How many values are remembered.
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().map_or(0, |s| s.len()))
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_value_is_computed_once() {
        let memo: Memo<u32> = Memo::default();
        let mut runs = 0;
        for _ in 0..3 {
            let v = memo.get_or("Acme", || {
                runs += 1;
                7
            });
            assert_eq!(v, 7);
        }
        assert_eq!(runs, 1);
    }

    #[test]
    fn full_shards_start_over_instead_of_growing() {
        let memo: Memo<u8> = Memo::default();
        for i in 0..(SHARDS * SHARD_CAPACITY * 2) {
            memo.get_or(&format!("key {i}"), || 0);
        }
        assert!(memo.len() <= SHARDS * SHARD_CAPACITY);
    }
}
