//! Whether a document was in force on a given date, from its own effective date and trial period.
//! Shown with documents and with every eligibility answer so a lapsed rule is never taken as live.

use jiff::civil::Date;
use serde::Serialize;

use super::{Bilingual, Document};

/// Beijing is UTC+8 all year; "today" for these rules is Beijing's date.
const BEIJING_UTC_OFFSET_HOURS: i8 = 8;

/// Today's date in Beijing.
pub fn beijing_today() -> Date {
    let offset = jiff::tz::Offset::constant(BEIJING_UTC_OFFSET_HOURS);
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::fixed(offset))
        .date()
}

/// The trial's length in whole years, when it runs from `start` to the day before an anniversary.
fn whole_years(start: Date, last_day: Date) -> Option<i16> {
    let after = last_day.tomorrow().ok()?;
    let years = after.year() - start.year();
    (years > 0 && start.checked_add(jiff::Span::new().years(years)).ok()? == after).then_some(years)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValidityStatus {
    /// Before the effective date.
    NotYetInForce,
    /// On or after the effective date and, where there is a trial period, on or before its end.
    InForce,
    /// After the last day of the trial period the document itself sets.
    TrialEnded,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Validity {
    pub as_of: Date,
    pub status: ValidityStatus,
    pub effective: Date,
    pub trial_end: Option<Date>,
    pub note: Bilingual,
}

impl Validity {
    pub fn of(doc: &Document, as_of: Date) -> Validity {
        let status = if as_of < doc.effective {
            ValidityStatus::NotYetInForce
        } else if doc.trial_end.is_some_and(|end| as_of > end) {
            ValidityStatus::TrialEnded
        } else {
            ValidityStatus::InForce
        };
        let note = match (status, doc.trial_end) {
            (ValidityStatus::NotYetInForce, _) => Bilingual::new(
                format!("{as_of}尚未施行：自{}起施行。", doc.effective),
                format!(
                    "Not yet in force on {as_of}: it takes effect on {}.",
                    doc.effective
                ),
            ),
            (ValidityStatus::InForce, Some(end)) => Bilingual::new(
                format!("{as_of}处于试行期内（{}至{end}）。", doc.effective),
                format!(
                    "In force on {as_of}, within its trial period ({} to {end}).",
                    doc.effective
                ),
            ),
            (ValidityStatus::InForce, None) => Bilingual::new(
                format!(
                    "{as_of}有效：自{}起施行，我们的来源中未见废止。",
                    doc.effective
                ),
                format!(
                    "In force on {as_of}: effective since {}; our sources show no repeal.",
                    doc.effective
                ),
            ),
            (ValidityStatus::TrialEnded, end) => {
                let years = end.and_then(|e| whole_years(doc.effective, e));
                let (span_zh, span_en) = match years {
                    Some(y) => (format!("（试行{y}年）"), format!(" ({y} years)")),
                    None => (String::new(), String::new()),
                };
                let end = end.map(|e| e.to_string()).unwrap_or_default();
                Bilingual::new(
                    format!(
                        "按其自身条文，试行期自{}起至{end}止{span_zh}；{as_of}已超出试行期。我们的来源中没有延期的文件。",
                        doc.effective
                    ),
                    format!(
                        "By its own text the trial ran from {} to {end}{span_en}; on {as_of} that period has ended. No later extension is in our sources.",
                        doc.effective
                    ),
                )
            }
        };
        Validity {
            as_of,
            status,
            effective: doc.effective,
            trial_end: doc.trial_end,
            note,
        }
    }
}
