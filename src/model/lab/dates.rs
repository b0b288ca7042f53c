//! Dates typed as text: "2027-03-31", "31 March 2027", "31/03/2027" (day first, as in the UK)
//! and "March 2027" (the end of that month). Ambiguous and impossible dates are refused with a
//! message that says what to type instead.

use chrono::{Datelike, NaiveDate};

/// Why typed text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Nothing was typed.
    Empty,
    /// Both numbers could be the month, e.g. "03/04/2027".
    Ambiguous {
        /// The reading with the day first (the UK way), e.g. 3 April 2027.
        day_first: NaiveDate,
        /// The reading with the month first, e.g. 4 March 2027.
        month_first: NaiveDate,
    },
    /// The parts are clear but no such day exists, e.g. "31 February 2027".
    NoSuchDay {
        /// What is wrong, e.g. "February 2027 has 28 days".
        reason: String,
    },
    /// The year has only two digits.
    ShortYear,
    /// A month or year is missing, e.g. "31 March".
    Incomplete,
    /// Not a date in any form we read.
    Unrecognised,
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => write!(f, "Type a date, e.g. 31 March 2027."),
            Self::Ambiguous {
                day_first,
                month_first,
            } => write!(
                f,
                "Is that {} or {}? Type the month as a word, e.g. {}.",
                long(*day_first),
                long(*month_first),
                long(*day_first)
            ),
            Self::NoSuchDay { reason } => write!(f, "There is no such day: {reason}."),
            Self::ShortYear => write!(f, "Write the year in full, e.g. 31/03/2027."),
            Self::Incomplete => write!(
                f,
                "Add the month and year, e.g. 31 March 2027 (or March 2027 for the end of the month)."
            ),
            Self::Unrecognised => write!(
                f,
                "That is not a date we can read. Try 31 March 2027, 31/03/2027, 2027-03-31 or March 2027."
            ),
        }
    }
}

impl std::error::Error for DateError {}

/// A date as people write it in a strategy document: "31 March 2027".
pub fn long(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Reads a date typed as text. See the module documentation for the forms accepted.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let cleaned = text.trim().to_lowercase().replace(',', " ");
    if cleaned.is_empty() {
        return Err(DateError::Empty);
    }
    let tokens: Vec<String> = cleaned
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.'))
        .filter(|t| !t.is_empty())
        .map(strip_ordinal)
        .collect();
    let month_words: Vec<(usize, u32)> = tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| month_from_word(t).map(|m| (i, m)))
        .collect();
    match month_words.as_slice() {
        [] => numeric(&tokens),
        [(at, month)] => {
            let mut year = None;
            let mut small = Vec::new();
            for (i, t) in tokens.iter().enumerate() {
                if i == *at {
                    continue;
                }
                let Ok(n) = t.parse::<u32>() else {
                    return Err(DateError::Unrecognised);
                };
                match t.len() {
                    4 if year.is_none() => year = Some(n as i32),
                    1 | 2 => small.push(n),
                    _ => return Err(DateError::Unrecognised),
                }
            }
            match (small.as_slice(), year) {
                ([], Some(y)) => Ok(end_of_month(y, *month)),
                ([d], Some(y)) => make(y, *month, *d),
                ([_, _], None) => Err(DateError::ShortYear),
                (_, None) => Err(DateError::Incomplete),
                _ => Err(DateError::Unrecognised),
            }
        }
        _ => Err(DateError::Unrecognised),
    }
}

/// Dates written with numbers only.
fn numeric(tokens: &[String]) -> Result<NaiveDate, DateError> {
    let nums: Vec<u32> = tokens
        .iter()
        .map(|t| t.parse::<u32>().map_err(|_| DateError::Unrecognised))
        .collect::<Result<_, _>>()?;
    let lens: Vec<usize> = tokens.iter().map(String::len).collect();
    match (nums.as_slice(), lens.as_slice()) {
        // 2027-03-31
        ([y, m, d], [4, ..]) => make(*y as i32, *m, *d),
        // 31/03/2027, or 03/31/2027 when the second number cannot be a month.
        ([a, b, y], [1..=2, 1..=2, 4]) => {
            let y = *y as i32;
            match (*a <= 12, *b <= 12) {
                (true, true) if a != b => {
                    let (Some(day_first), Some(month_first)) = (
                        NaiveDate::from_ymd_opt(y, *b, *a),
                        NaiveDate::from_ymd_opt(y, *a, *b),
                    ) else {
                        return make(y, *b, *a);
                    };
                    Err(DateError::Ambiguous {
                        day_first,
                        month_first,
                    })
                }
                (_, true) => make(y, *b, *a),
                (true, false) => make(y, *a, *b),
                (false, false) => Err(DateError::NoSuchDay {
                    reason: format!("neither {a} nor {b} is a month"),
                }),
            }
        }
        ([_, _, _], [1..=2, 1..=2, 2]) => Err(DateError::ShortYear),
        // 2027-03 and 03/2027: the end of the month.
        ([y, m], [4, 1..=2]) | ([m, y], [1..=2, 4]) => {
            if (1..=12).contains(m) {
                Ok(end_of_month(*y as i32, *m))
            } else {
                Err(DateError::NoSuchDay {
                    reason: format!("there is no month {m}"),
                })
            }
        }
        ([_], [4]) => Err(DateError::Incomplete),
        _ => Err(DateError::Unrecognised),
    }
}

/// The date, or why it does not exist.
fn make(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    if !(1..=12).contains(&month) {
        return Err(DateError::NoSuchDay {
            reason: format!("there is no month {month}"),
        });
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let last = end_of_month(year, month);
        DateError::NoSuchDay {
            reason: format!("{} has {} days", last.format("%B %Y"), last.day()),
        }
    })
}

/// The last day of a month.
pub fn end_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

/// "31st" -> "31"; other words unchanged.
fn strip_ordinal(token: &str) -> String {
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(digits) = token.strip_suffix(suffix)
            && !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
        {
            return digits.to_owned();
        }
    }
    token.to_owned()
}

/// The month number of an English month name or its abbreviation ("mar", "sept").
fn month_from_word(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 || !word.chars().all(|c| c.is_alphabetic()) {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(word))
        .map(|i| i as u32 + 1)
}
