//! How old a source is at the time of screening. A 2017 report of North Korean workers at a plant
//! says little about a 2026 shipment on its own; evidence older than [`OLD_SOURCE_YEARS`] carries
//! its age so that sentences can say "reported in 2017" and ask for current evidence.

/// Sources older than this many years get an age note.
pub const OLD_SOURCE_YEARS: u32 = 5;

/// The year a source date starts with (`2017-10-04`, `2024-02`, `2024`, `2021-03-05 (ruling)`).
pub fn source_year(date: &str) -> Option<i32> {
    let head: String = date.trim().chars().take(4).collect();
    let year: i32 = head.parse().ok()?;
    (1900..=2200).contains(&year).then_some(year)
}

/// The source's age in whole years when it is older than [`OLD_SOURCE_YEARS`].
pub fn old_source_age(date: &str, as_of_year: i32) -> Option<u32> {
    let age = as_of_year - source_year(date)?;
    (age > OLD_SOURCE_YEARS as i32).then_some(age as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_from_the_dates_sources_write() {
        assert_eq!(source_year("2017-10-04"), Some(2017));
        assert_eq!(source_year("2024-02"), Some(2024));
        assert_eq!(
            source_year("2024-02 (New Yorker issue 2024-03-04)"),
            Some(2024)
        );
        assert_eq!(source_year("2024"), Some(2024));
        assert_eq!(source_year("2021-03-05 (ruling)"), Some(2021));
        assert_eq!(source_year("n.d."), None);
        assert_eq!(source_year("as codified"), None);
    }

    #[test]
    fn only_sources_older_than_five_years_get_an_age() {
        assert_eq!(old_source_age("2017-10-04", 2026), Some(9));
        assert_eq!(old_source_age("2024-02", 2026), None);
        assert_eq!(old_source_age("2021", 2026), None);
        assert_eq!(old_source_age("2020", 2026), Some(6));
    }
}
