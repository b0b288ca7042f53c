//! Which column holds what: every column is classified by its header and its answers, and the
//! note text is the free-text column with the longest answers. An ID, a timestamp, an email or
//! a name is never chosen as the note text.

use super::{Table, TableError};

/// What a column holds, as far as its header and answers tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// A response number or ID.
    Id,
    /// When the answer was started or sent.
    Timestamp,
    /// Email addresses.
    Email,
    /// People's names.
    Name,
    /// The service, department or team a respondent works in.
    ServiceArea,
    /// Anything else: answers in words.
    FreeText,
}

impl ColumnKind {
    /// True when the column can never be the note text.
    pub fn is_metadata(self) -> bool {
        matches!(self, Self::Id | Self::Timestamp | Self::Email | Self::Name)
    }

    /// A short word for the preview.
    pub fn label(self) -> &'static str {
        match self {
            Self::Id => "ID",
            Self::Timestamp => "time",
            Self::Email => "email",
            Self::Name => "name",
            Self::ServiceArea => "service area",
            Self::FreeText => "answers",
        }
    }
}

/// A column named on the command line: by its header, or by its 1-based number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnRef {
    /// The header, compared without case and surrounding spaces.
    Name(String),
    /// The 1-based column number.
    Number(usize),
}

impl ColumnRef {
    /// Reads `NAME|N` as typed after `--column`: a whole number is a column number.
    pub fn parse(text: &str) -> Self {
        match text.trim().parse::<usize>() {
            Ok(n) => Self::Number(n),
            Err(_) => Self::Name(text.trim().to_owned()),
        }
    }

    /// The 0-based index of this column in `table`, or a message listing the columns there are.
    pub fn find(&self, table: &Table) -> Result<usize, TableError> {
        let width = table.width();
        let found = match self {
            Self::Number(n) => (1..=width).contains(n).then(|| n - 1),
            Self::Name(name) => {
                (0..width).find(|&i| table.column_name(i).eq_ignore_ascii_case(name))
            }
        };
        found.ok_or_else(|| {
            let names: Vec<String> = (0..width)
                .map(|i| format!("{} “{}”", i + 1, table.column_name(i)))
                .collect();
            let asked = match self {
                Self::Number(n) => format!("column {n}"),
                Self::Name(name) => format!("a column “{name}”"),
            };
            TableError::at(
                table.sheet.clone(),
                None,
                None,
                format!("has no {asked}; its columns are {}", names.join(", ")),
            )
        })
    }
}

/// The columns to import from: the note text, and optionally the author and service area.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The 0-based note-text column.
    pub text: usize,
    /// The 0-based author column.
    pub author: Option<usize>,
    /// The 0-based service-area column.
    pub area: Option<usize>,
}

impl Selection {
    /// The automatic choice for `table` (see [`auto_text_column`]), with any columns the user
    /// named instead. `author = Some(..)` overrides the automatic author column.
    pub fn choose(
        table: &Table,
        text: Option<&ColumnRef>,
        author: Option<&ColumnRef>,
    ) -> Result<Self, TableError> {
        let kinds = classify(table);
        let text = match text {
            Some(r) => r.find(table)?,
            None => auto_text_column(table, &kinds).ok_or_else(|| {
                TableError::at(
                    table.sheet.clone(),
                    None,
                    None,
                    "has no column of written answers (only IDs, times, emails and names): \
                     choose one with --column NAME or --column N",
                )
            })?,
        };
        let author = match author {
            Some(r) => Some(r.find(table)?),
            None => kinds.iter().position(|k| *k == ColumnKind::Name),
        };
        let area = kinds
            .iter()
            .position(|k| *k == ColumnKind::ServiceArea)
            .filter(|&i| i != text);
        Ok(Self { text, author, area })
    }
}

/// What each column of `table` holds.
pub fn classify(table: &Table) -> Vec<ColumnKind> {
    (0..table.width())
        .map(|i| kind_of(&table.column_name(i), &table.samples(i, 50)))
        .collect()
}

/// The free-text column with the longest answers on average, never an ID, timestamp, email or
/// name column. A column headed "text" (Goldthread's own CSV) wins outright.
pub fn auto_text_column(table: &Table, kinds: &[ColumnKind]) -> Option<usize> {
    if let Some(i) = (0..table.width()).find(|&i| table.column_name(i).eq_ignore_ascii_case("text"))
    {
        return Some(i);
    }
    let mean_len = |i: usize| {
        let lens: Vec<usize> = table
            .rows
            .iter()
            .map(|r| r.cell(i).chars().count())
            .filter(|&n| n > 0)
            .collect();
        if lens.is_empty() {
            0.0
        } else {
            lens.iter().sum::<usize>() as f64 / lens.len() as f64
        }
    };
    let candidates = |kind_ok: &dyn Fn(ColumnKind) -> bool| {
        kinds
            .iter()
            .enumerate()
            .filter(|(_, k)| kind_ok(**k))
            .map(|(i, _)| (i, mean_len(i)))
            .filter(|(_, len)| *len > 0.0)
            // The first of equals wins: reverse so `max_by` (which keeps the last) does that.
            .rev()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    };
    candidates(&|k| k == ColumnKind::FreeText)
        .or_else(|| candidates(&|k| k == ColumnKind::ServiceArea))
}

/// The kind of one column from its header and some answers.
fn kind_of(header: &str, samples: &[&str]) -> ColumnKind {
    let h = header.trim().to_lowercase();
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let short = words.len() <= 3;
    let has = |w: &str| words.contains(&w);
    if h == "#"
        || (short && (has("id") || has("no") || h == "number" || has("respondent") && has("id")))
    {
        return ColumnKind::Id;
    }
    if short
        && (has("timestamp") || has("time") || has("date") || has("submitted") || has("started"))
    {
        return ColumnKind::Timestamp;
    }
    if has("email") || h.contains("e-mail") {
        return ColumnKind::Email;
    }
    if short && (has("name") || has("respondent") || has("username")) {
        return ColumnKind::Name;
    }
    if short
        && (has("service") || has("department") || has("directorate") || has("team") || has("area"))
    {
        return ColumnKind::ServiceArea;
    }
    if !samples.is_empty() {
        let all = |f: &dyn Fn(&str) -> bool| samples.iter().all(|s| f(s));
        if all(&|s| s.chars().all(|c| c.is_ascii_digit())) {
            return ColumnKind::Id;
        }
        if all(&|s| s.contains('@') && !s.contains(' ')) {
            return ColumnKind::Email;
        }
        if all(&looks_like_time) {
            return ColumnKind::Timestamp;
        }
    }
    ColumnKind::FreeText
}

/// "2024/03/01 10:15:00 GMT", "3/1/24 10:15:07", "2024-03-01T10:15": digits with date and time
/// separators and at most a time-zone word.
fn looks_like_time(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    digits >= 6 && letters <= 4 && (s.contains(':') || s.contains('/') || s.contains('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_metadata_columns_are_recognised() {
        assert_eq!(kind_of("ID", &["1", "2"]), ColumnKind::Id);
        assert_eq!(
            kind_of("Start time", &["3/1/24 10:15:07"]),
            ColumnKind::Timestamp
        );
        assert_eq!(kind_of("Completion time", &[]), ColumnKind::Timestamp);
        assert_eq!(kind_of("Timestamp", &[]), ColumnKind::Timestamp);
        assert_eq!(kind_of("Email", &["anonymous"]), ColumnKind::Email);
        assert_eq!(kind_of("Email Address", &[]), ColumnKind::Email);
        assert_eq!(kind_of("Name", &["Ann"]), ColumnKind::Name);
        assert_eq!(
            kind_of("Which service do you work in?", &["Housing"]),
            ColumnKind::FreeText
        );
        assert_eq!(
            kind_of("Service area", &["Housing"]),
            ColumnKind::ServiceArea
        );
        assert_eq!(
            kind_of("Q1", &["2024/03/01 10:15:00 GMT"]),
            ColumnKind::Timestamp
        );
        assert_eq!(
            kind_of("What would make the biggest difference?", &["Fewer forms"]),
            ColumnKind::FreeText
        );
    }

    #[test]
    fn column_refs_are_numbers_or_names() {
        assert_eq!(ColumnRef::parse("3"), ColumnRef::Number(3));
        assert_eq!(
            ColumnRef::parse(" Ideas "),
            ColumnRef::Name("Ideas".to_owned())
        );
    }
}
