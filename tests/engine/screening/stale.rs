//! The stale-list warning: the built-in OFAC list is years old, and a result says so unless the
//! allowed age is raised past it.

use std::sync::Arc;

use caatsa_screen::indicators::KnowledgeBase;
use caatsa_screen::screening::{Screener, ScreeningOptions, WarningCode};

use super::line;

#[test]
fn the_built_in_list_is_reported_stale_unless_the_limit_allows_it() {
    let lines = [line(&[
        ("supplier_name", "X Co"),
        ("country_of_origin", "CN"),
    ])];
    let stale = super::screener().screen(&lines, Vec::new(), Vec::new());
    let warning = stale
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::StaleList)
        .expect("STALE_LIST with the built-in list");
    assert_eq!(warning.max_age_days, Some(30));
    assert!(warning.age_days.is_some_and(|d| d > 30));
    assert!(warning
        .message
        .contains(&super::screener().kb().version.ofac_date));

    let lenient = Screener::with_options(
        Arc::new(KnowledgeBase::builtin().expect("builtin")),
        ScreeningOptions {
            max_list_age_days: 100_000,
            ..ScreeningOptions::default()
        },
    );
    let fresh = lenient.screen(&lines, Vec::new(), vec!["an input warning".into()]);
    assert!(fresh
        .warnings
        .iter()
        .all(|w| w.code != WarningCode::StaleList));
    assert_eq!(fresh.warnings.len(), 1, "input warnings are kept");
}
