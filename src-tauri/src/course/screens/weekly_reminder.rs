//! The weekly reminder's calendar file (iCalendar, RFC 5545): one event a
//! week in floating local time, so the learner's own calendar or phone
//! reminds them, with nothing about the learner in it and no server.

use time::OffsetDateTime;

use crate::course::learner::movement_days::LocalDay;
use crate::course::words::Catalog;

/// What the save dialog offers.
pub const SUGGESTED_FILE_NAME: &str = "my-weeks-reminder.ics";
/// The hour of the day, local, the reminder comes at.
pub const REMINDER_HOUR: i8 = 10;
/// Lines longer than this many bytes are folded (RFC 5545, 3.1).
const MAX_LINE_OCTETS: usize = 75;

/// One id for the reminder, naming no one: a file saved again and opened
/// updates the event a calendar already has rather than adding a second.
pub const REMINDER_UID: &str = "my-weeks-weekly-check-in@back-pain-course.invalid";

/// The calendar file: the first reminder on the coming Sunday (the last day
/// of the week the check-in asks about; a week on, if today is Sunday), at
/// `REMINDER_HOUR` wherever the learner is, then every week.
pub fn reminder_ics(words: &Catalog, today: &LocalDay, now: OffsetDateTime) -> String {
    let date = today.date();
    let to_sunday = match 6 - i64::from(date.weekday().to_monday_zero_offset()) {
        0 => 7,
        days => days,
    };
    let first = date
        .checked_add(jiff::Span::new().days(to_sunday))
        .unwrap_or(date);
    let now = now.to_offset(time::UtcOffset::UTC);
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    );
    let start = format!(
        "{:04}{:02}{:02}T{REMINDER_HOUR:02}0000",
        first.year(),
        first.month(),
        first.day()
    );
    let title = escape_text(&words.text("weeks.reminder-title", &[]));
    let description = escape_text(&words.text("weeks.reminder-description", &[]));
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Persistent Back Pain Mini Course//My weeks reminder//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{REMINDER_UID}"),
        format!("DTSTAMP:{stamp}"),
        // No zone: floating time, 10 o'clock wherever the learner is.
        format!("DTSTART:{start}"),
        "DURATION:PT15M".to_owned(),
        "RRULE:FREQ=WEEKLY".to_owned(),
        format!("SUMMARY:{title}"),
        format!("DESCRIPTION:{description}"),
        "BEGIN:VALARM".to_owned(),
        "ACTION:DISPLAY".to_owned(),
        format!("DESCRIPTION:{title}"),
        "TRIGGER:PT0M".to_owned(),
        "END:VALARM".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines.iter().map(|l| fold(l)).collect()
}

/// Text values escaped as RFC 5545 says: backslash, semicolon, comma and
/// line breaks.
fn escape_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// One content line ending in CRLF, folded so no line is longer than 75
/// bytes (a continuation starts with a space), never inside a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_file_is_one_weekly_event_in_floating_time_with_crlf_and_folded_lines() {
        let words = Catalog::english();
        let today = LocalDay::try_from("2026-12-31".to_owned()).unwrap();
        let ics = reminder_ics(words, &today, datetime!(2026-12-31 22:05:09 UTC));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "CRLF only");
        assert!(
            ics.contains("\r\nDTSTART:20270103T100000\r\n"),
            "the coming Sunday, floating"
        );
        assert!(ics.contains("\r\nDTSTAMP:20261231T220509Z\r\n"));
        // Made at 9:05 am in Sydney: stamped in UTC all the same.
        let sydney = time::UtcOffset::from_hms(11, 0, 0).unwrap();
        let made = datetime!(2026-12-31 22:05:09 UTC).to_offset(sydney);
        assert!(reminder_ics(words, &today, made).contains("\r\nDTSTAMP:20261231T220509Z\r\n"));
        // On a Sunday, the next one.
        let sunday = LocalDay::try_from("2027-01-03".to_owned()).unwrap();
        let ics = reminder_ics(words, &sunday, datetime!(2027-01-03 01:00 UTC));
        assert!(ics.contains("\r\nDTSTART:20270110T100000\r\n"));
        assert!(ics.contains("\r\nRRULE:FREQ=WEEKLY\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        for line in ics.split("\r\n") {
            assert!(line.len() <= MAX_LINE_OCTETS, "{line:?}");
        }
        assert!(ics.contains("\r\n "), "the description is folded");
    }

    #[test]
    fn folding_never_splits_a_character_and_unfolds_to_the_line() {
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = fold(&line);
        assert_eq!(folded.replace("\r\n ", "").trim_end(), line);
        assert!(folded.split("\r\n").all(|l| l.len() <= MAX_LINE_OCTETS));
        assert_eq!(escape_text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
