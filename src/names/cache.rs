//! [`SearchCache`]: remembers the hits of recent name searches. Batch manifests repeat the same
//! suppliers, manufacturers and vessels on thousands of lines; a search is a pure function of the
//! name (for a given watchlist and parameters), so its result can be reused.
//!
//! Sharded mutexes rather than one lock, so that rayon workers rarely contend; each shard holds a
//! bounded number of entries and starts over when full (no LRU bookkeeping on the hot path — a
//! batch's frequent names come straight back).

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use rustc_hash::{FxHashMap, FxHasher};

use super::matcher::NameHit;

const SHARDS: usize = 16;
/// Entries per shard before it is emptied (16 shards: about 130,000 names in all).
const SHARD_CAPACITY: usize = 8192;

type Shard = Mutex<FxHashMap<Box<str>, Arc<[NameHit]>>>;

pub struct SearchCache {
    shards: Vec<Shard>,
}

impl Default for SearchCache {
    fn default() -> Self {
        SearchCache {
            shards: (0..SHARDS)
                .map(|_| Mutex::new(FxHashMap::default()))
                .collect(),
        }
    }
}

impl SearchCache {
    /// The cached hits for `name`, or the result of `search` (then cached).
    pub fn get_or_search(
        &self,
        name: &str,
        search: impl FnOnce() -> Vec<NameHit>,
    ) -> Arc<[NameHit]> {
        let mut h = FxHasher::default();
        name.hash(&mut h);
        let shard = &self.shards[(h.finish() as usize) % SHARDS];
        if let Some(hit) = shard.lock().ok().and_then(|s| s.get(name).cloned()) {
            return hit;
        }
        let hits: Arc<[NameHit]> = search().into();
        if let Ok(mut s) = shard.lock() {
            if s.len() >= SHARD_CAPACITY {
                s.clear();
            }
            s.insert(name.into(), hits.clone());
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_search_runs_once() {
        let cache = SearchCache::default();
        let mut runs = 0;
        for _ in 0..3 {
            cache.get_or_search("Acme", || {
                runs += 1;
                Vec::new()
            });
        }
        assert_eq!(runs, 1);
    }

    #[test]
    fn full_shards_start_over_instead_of_growing() {
        let cache = SearchCache::default();
        for i in 0..(SHARDS * SHARD_CAPACITY * 2) {
            cache.get_or_search(&format!("name {i}"), Vec::new);
        }
        let held: usize = cache.shards.iter().map(|s| s.lock().unwrap().len()).sum();
        assert!(held <= SHARDS * SHARD_CAPACITY);
    }
}
