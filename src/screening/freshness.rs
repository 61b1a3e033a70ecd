//! How old the OFAC list behind a screening is. Sanctions lists change weekly; an answer from a
//! list months old can miss a designation, so every result says when the list it used is older
//! than the configured maximum ([`DEFAULT_MAX_LIST_AGE_DAYS`]), and faces repeat it (CLI stderr,
//! tip headers, `/v1/indicators`, the `knowledge_base_list_age_days` metric).

use time::{Date, OffsetDateTime};

use super::result::{Warning, WarningCode};

/// Days after which the OFAC list is reported as stale unless configured otherwise.
pub const DEFAULT_MAX_LIST_AGE_DAYS: u32 = 30;

/// The date of a list as the knowledge base writes it (`2024-05-03`), if it is a date.
pub fn list_date(text: &str) -> Option<Date> {
    let head: String = text.trim().chars().take(10).collect();
    Date::parse(
        &head,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// The list's age in days on `today` (`None` when the list date is not a date).
pub fn list_age_days(list: &str, today: Date) -> Option<i64> {
    list_date(list).map(|d| (today - d).whole_days())
}

/// Today's date, UTC.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// The `STALE_LIST` warning for a list of date `list` screened on `today`, if it is older than
/// `max_age_days` (or has no readable date).
pub fn stale_list_warning(list: &str, today: Date, max_age_days: u32) -> Option<Warning> {
    let age = list_age_days(list, today);
    let message = match age {
        Some(days) if days <= i64::from(max_age_days) => return None,
        Some(days) => format!(
            "The OFAC list used is dated {list}, {days} days before this screening (more than \
             {max_age_days}). Designations made since are missing: refresh the list (caatsa-screen \
             indicators import) before relying on a clear result."
        ),
        None => format!(
            "The OFAC list used has no readable date (`{list}`): its freshness cannot be checked. \
             Import a dated list (caatsa-screen indicators import --ofac-date YYYY-MM-DD)."
        ),
    };
    Some(Warning {
        code: WarningCode::StaleList,
        message,
        list_date: Some(list.to_owned()),
        age_days: age,
        max_age_days: Some(max_age_days),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_list_older_than_the_maximum_is_stale() {
        let w = stale_list_warning("2024-05-03", date!(2026 - 12 - 01), 30).expect("stale");
        assert_eq!(w.code, WarningCode::StaleList);
        assert_eq!(w.age_days, Some(942));
        assert!(w.message.contains("2024-05-03"));
        assert!(stale_list_warning("2024-05-03", date!(2026 - 12 - 01), 100_000).is_none());
        assert!(stale_list_warning("2026-11-20", date!(2026 - 12 - 01), 30).is_none());
    }

    #[test]
    fn a_list_without_a_date_is_reported() {
        let w = stale_list_warning("unknown", date!(2026 - 12 - 01), 30).expect("undated");
        assert_eq!(w.age_days, None);
    }
}
