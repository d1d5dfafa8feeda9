//! How two versions of one record are merged: entry by entry, the later
//! one kept, and a conflict — both sides changed, order unknown — kept
//! local and reported, never decided silently. Used by the tracker's import
//! (a file against this browser) and by tabs sharing one `localStorage`
//! (what this tab holds against what another tab saved). The rules in
//! words: `docs/tracker.md`.
//!
//! Pure, tested natively.

use crate::model::tracker::{digits, is_iso_date, Entry};

/// Two changes of one entry less than this far apart (in milliseconds) are
/// not ordered by their times: clocks of two computers can differ by
/// minutes. Their difference is a conflict, not an update.
pub const CONFLICT_WINDOW_MS: i64 = 10 * 60 * 1000;

/// Which of two versions of one entry to keep; see [`resolve`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Same status and note: nothing to do.
    Same,
    /// Keep the local entry.
    Local,
    /// Take the incoming entry.
    Incoming,
    /// Each says something the other does not and which came later is not
    /// known: keep the local entry and tell the user what the other said.
    Conflict,
}

/// The rule for an id both sides hold, `local` (this browser) against
/// `incoming` (a file, or another tab), tried in order:
///
/// 1. the same status and note: [`Resolution::Same`];
/// 2. both modified times known and at least [`CONFLICT_WINDOW_MS`] apart:
///    the later entry;
/// 3. one side holds everything the other says (the other has no status
///    or the same, and no note or the same): that side;
/// 4. the same note, statuses set on different dates: the later date;
/// 5. anything else: [`Resolution::Conflict`].
pub fn resolve(local: &Entry, incoming: &Entry) -> Resolution {
    let later = |incoming_later: bool| {
        if incoming_later {
            Resolution::Incoming
        } else {
            Resolution::Local
        }
    };
    if local.same_content(incoming) {
        return Resolution::Same;
    }
    if let (Some(l), Some(i)) = (local.modified_ms(), incoming.modified_ms()) {
        if (l - i).abs() >= CONFLICT_WINDOW_MS {
            return later(i > l);
        }
    }
    if incoming.covers(local) {
        return Resolution::Incoming;
    }
    if local.covers(incoming) {
        return Resolution::Local;
    }
    if local.note == incoming.note && local.date != incoming.date {
        return later(incoming.date > local.date);
    }
    Resolution::Conflict
}

/// An id both sides changed, each saying something the other does not:
/// `local` was kept, `other` is what the file or the other tab held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: String,
    pub local: Entry,
    pub other: Entry,
}

/// The three-way rule for one item of a record two tabs share: `base` is
/// what this tab last read or wrote, `mine` what it holds, `theirs` what is
/// stored now. A change made on one side only is taken (removal included);
/// `both` decides between two changes; an item removed on one side and
/// changed on the other keeps the change.
pub fn three_way<'a, E: PartialEq>(
    base: Option<&'a E>,
    mine: Option<&'a E>,
    theirs: Option<&'a E>,
    both: impl FnOnce(&'a E, &'a E) -> &'a E,
) -> Option<&'a E> {
    if mine == theirs || mine == base {
        theirs
    } else if theirs == base {
        mine
    } else {
        match (mine, theirs) {
            (Some(m), Some(t)) => Some(both(m, t)),
            (m, t) => m.or(t),
        }
    }
}

/// Milliseconds since 1970 of a UTC timestamp as browsers write it
/// (`Date.toISOString()`: `2025-11-23T08:15:30.123Z`; the fraction may be
/// absent or of other length).
pub fn timestamp_ms(s: &str) -> Option<i64> {
    let (date, time) = s.strip_suffix('Z')?.split_once('T')?;
    if !is_iso_date(date) {
        return None;
    }
    let (hms, fraction) = match time.split_once('.') {
        Some((hms, f)) => (hms, Some(f)),
        None => (time, None),
    };
    let b = hms.as_bytes();
    if b.len() != 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let (h, m, sec) = (
        digits(&hms[0..2])?,
        digits(&hms[3..5])?,
        digits(&hms[6..8])?,
    );
    if h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let ms = match fraction {
        None => 0,
        Some(f) => {
            digits(f)?;
            digits(&format!("{:0<3}", &f[..f.len().min(3)]))?
        }
    };
    let day = days_from_civil(
        digits(&date[0..4])?,
        digits(&date[5..7])?,
        digits(&date[8..10])?,
    );
    Some(((day * 24 + h) * 60 + m) * 60_000 + sec * 1000 + ms)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tracker::Status;

    const NOW: &str = "2025-11-23T08:15:30.123Z";

    #[test]
    fn timestamps_as_browsers_write_them() {
        assert_eq!(timestamp_ms("1970-01-01T00:00:00.000Z"), Some(0));
        assert_eq!(timestamp_ms(NOW), Some(1_763_885_730_123));
        assert_eq!(timestamp_ms("2000-02-29T23:59:59Z"), Some(951_868_799_000));
        assert_eq!(
            timestamp_ms("2025-11-23T08:15:30.1Z"),
            Some(1_763_885_730_100)
        );
        for bad in [
            "2025-11-23T08:15:30.123",
            "2025-11-23 08:15:30Z",
            "2025-11-23T24:00:00Z",
            "2025-11-23T08:15Z",
            "2025-11-23T08:15:30.Z",
            "2025-13-23T08:15:30Z",
            "",
        ] {
            assert_eq!(timestamp_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_merge_rule_for_one_id() {
        use Resolution::*;
        let t = |hm: &str| Some(format!("2025-11-23T{hm}:00.000Z"));
        let e = |status, note: &str, date: Option<&str>, modified: Option<String>| Entry {
            status,
            note: note.into(),
            date: date.map(Into::into),
            modified,
            ..Entry::default()
        };
        let day = Some("2025-11-23");
        let cases = [
            // 1. same content, whatever the times
            (
                e(Status::Kept, "n", day, t("08:00")),
                e(Status::Kept, "n", None, None),
                Same,
            ),
            // 2. times ten minutes or more apart: the later one, wholesale
            (
                e(Status::Kept, "old", day, t("08:00")),
                e(Status::Broken, "", day, t("08:10")),
                Incoming,
            ),
            (
                e(Status::Kept, "new", day, t("09:00")),
                e(Status::Broken, "x", day, t("08:00")),
                Local,
            ),
            // 3. one side holds all the other says
            (
                e(Status::NotRated, "", None, t("08:00")),
                e(Status::Kept, "n", day, t("08:01")),
                Incoming,
            ),
            (
                e(Status::Kept, "n", day, None),
                e(Status::Kept, "", day, None),
                Local,
            ),
            (
                e(Status::Kept, "", day, None),
                e(Status::Kept, "n", None, None),
                Incoming,
            ),
            // 4. the same note: the later status date
            (
                e(Status::Kept, "n", Some("2025-01-01"), None),
                e(Status::Broken, "n", day, None),
                Incoming,
            ),
            (
                e(Status::Kept, "", day, None),
                e(Status::Broken, "", Some("2025-01-01"), None),
                Local,
            ),
            // 5. conflicts: close times or a time unknown, and each side says something
            (
                e(Status::Kept, "mine", day, t("08:00")),
                e(Status::Kept, "theirs", day, t("08:05")),
                Conflict,
            ),
            (
                e(Status::Kept, "mine", day, t("08:00")),
                e(Status::Broken, "theirs", day, None),
                Conflict,
            ),
            (
                e(Status::Kept, "n", day, None),
                e(Status::Broken, "n", day, None),
                Conflict,
            ),
        ];
        for (i, (local, incoming, want)) in cases.into_iter().enumerate() {
            assert_eq!(
                resolve(&local, &incoming),
                want,
                "case {i}: {local:?} / {incoming:?}"
            );
        }
    }
}
