//! The days the learner did their movements ("I did these today" at the end
//! of "Move with me"): each a day on the learner's own calendar, with the
//! movements done, kept for the weekly check-in that follows.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Ten years of days: far more than a record needs, and a bound on its size.
pub const MAX_MOVEMENT_DAYS: usize = 3653;

/// A day on the learner's calendar, `YYYY-MM-DD`, in their own time zone
/// when it was kept: a session late in the evening counts for that evening,
/// not for the next day in UTC.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LocalDay(String);

impl LocalDay {
    /// The day `at` falls on in `zone`. (Only an instant beyond the year
    /// 9999 has none, and the clock gives no such instant: it would read as
    /// 1 January of year 0.)
    pub fn of(at: OffsetDateTime, zone: &jiff::tz::TimeZone) -> LocalDay {
        let date = jiff::Timestamp::from_second(at.unix_timestamp())
            .map(|t| zone.to_datetime(t).date())
            .unwrap_or_default();
        LocalDay(date.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The day as a calendar date (always one: only real days are made).
    pub fn date(&self) -> jiff::civil::Date {
        self.0.parse().unwrap_or_default()
    }

    pub fn from_date(date: jiff::civil::Date) -> LocalDay {
        LocalDay(date.to_string())
    }
}

impl TryFrom<String> for LocalDay {
    type Error = String;

    /// Only a real calendar day in the one form the app writes.
    fn try_from(text: String) -> Result<Self, Self::Error> {
        match text.parse::<jiff::civil::Date>() {
            Ok(date) if date.to_string() == text => Ok(LocalDay(text)),
            _ => Err(format!("{text:?} is not a day written as YYYY-MM-DD")),
        }
    }
}

impl From<LocalDay> for String {
    fn from(day: LocalDay) -> String {
        day.0
    }
}

impl fmt::Display for LocalDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Each day's movements done, by the movements' ids; kept for movements a
/// later course no longer has.
pub type MovementDays = BTreeMap<LocalDay, BTreeSet<String>>;

/// Adds `done` to `day`'s movements (a second "I did these today" on the
/// same day adds to the first, and takes nothing away). Refused, changing
/// nothing, when the record already holds its most days and `day` is new.
pub fn keep(days: &mut MovementDays, day: LocalDay, done: &[&str]) -> Result<(), usize> {
    if !days.contains_key(&day) && days.len() >= MAX_MOVEMENT_DAYS {
        return Err(MAX_MOVEMENT_DAYS);
    }
    days.entry(day)
        .or_default()
        .extend(done.iter().map(|id| (*id).to_owned()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn day(text: &str) -> LocalDay {
        LocalDay::try_from(text.to_owned()).unwrap()
    }

    #[test]
    fn a_day_is_the_learners_own_not_utcs() {
        let late = datetime!(2026-12-07 22:30 UTC);
        let sydney = jiff::tz::TimeZone::get("Australia/Sydney").unwrap();
        assert_eq!(LocalDay::of(late, &sydney).as_str(), "2026-12-08");
        assert_eq!(
            LocalDay::of(late, &jiff::tz::TimeZone::UTC).as_str(),
            "2026-12-07"
        );
        let new_york = jiff::tz::TimeZone::get("America/New_York").unwrap();
        let early = datetime!(2026-12-08 03:00 UTC);
        assert_eq!(LocalDay::of(early, &new_york).as_str(), "2026-12-07");
    }

    #[test]
    fn only_a_real_day_in_the_apps_own_form_is_read() {
        for bad in [
            "2026-02-30",
            "2026-12-7",
            "7 December 2026",
            "",
            "2026-12-07T10:00",
        ] {
            assert!(LocalDay::try_from(bad.to_owned()).is_err(), "{bad}");
        }
        let read: LocalDay = serde_json::from_str("\"2026-12-07\"").unwrap();
        assert_eq!(read, day("2026-12-07"));
        assert_eq!(serde_json::to_string(&read).unwrap(), "\"2026-12-07\"");
        assert!(serde_json::from_str::<LocalDay>("\"2026-13-01\"").is_err());
    }

    #[test]
    fn a_second_save_on_one_day_adds_and_a_full_record_refuses_a_new_day() {
        let mut days = MovementDays::new();
        keep(&mut days, day("2026-12-07"), &["bridge"]).unwrap();
        keep(&mut days, day("2026-12-07"), &["knee-rolls", "bridge"]).unwrap();
        let kept: Vec<&str> = days[&day("2026-12-07")]
            .iter()
            .map(String::as_str)
            .collect();
        assert_eq!(kept, ["bridge", "knee-rolls"]);

        let start = jiff::civil::date(2010, 1, 1);
        let mut full: MovementDays = (0..MAX_MOVEMENT_DAYS as i32)
            .map(|n| {
                let d = start.checked_add(jiff::Span::new().days(n)).unwrap();
                (day(&d.to_string()), BTreeSet::from(["bridge".to_owned()]))
            })
            .collect();
        assert_eq!(full.len(), MAX_MOVEMENT_DAYS);
        let before = full.clone();
        assert_eq!(
            keep(&mut full, day("2026-12-07"), &["bridge"]),
            Err(MAX_MOVEMENT_DAYS)
        );
        assert_eq!(full, before, "nothing changed");
        // A day already kept can still take more.
        let kept_day = before.keys().next().unwrap().clone();
        keep(&mut full, kept_day.clone(), &["knee-rolls"]).unwrap();
        assert_eq!(full[&kept_day].len(), 2);
    }
}
