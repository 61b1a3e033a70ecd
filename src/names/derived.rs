//! [`Derived`]: a value computed from a prepared name's content the first time it is needed, then
//! kept with it. Listed names are prepared once and met by many queries, so what only some
//! comparisons need (runs of words written together, a Korean word's Latin spelling) is worked
//! out once per name, and never for names no comparison asks it of.
//!
//! A cache, not content: two names with the same tokens are equal whether or not either has
//! computed its derived values yet, so equality ignores it.

use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct Derived<T>(OnceLock<T>);

impl<T> Default for Derived<T> {
    fn default() -> Self {
        Derived(OnceLock::new())
    }
}

impl<T> PartialEq for Derived<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Derived<T> {
    /// The value, computed by `compute` on first use. `compute` must depend only on the content
    /// of the value this cache belongs to.
    pub fn get(&self, compute: impl FnOnce() -> T) -> &T {
        self.0.get_or_init(compute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_and_ignores_itself_in_equality() {
        let cached: Derived<String> = Derived::default();
        assert_eq!(cached.get(|| "first".to_owned()), "first");
        assert_eq!(cached.get(|| "second".to_owned()), "first");
        assert_eq!(cached, Derived::default());
    }
}
