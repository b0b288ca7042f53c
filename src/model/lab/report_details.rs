//! What frames the written report, set by the facilitator in the app: the purpose line, who
//! facilitated and when the actions are next reviewed. The exports use them (a one-off export
//! from the command line can override each).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The report's purpose line, facilitator and next review date. Empty text and no date mean
/// "not set": the report then makes the purpose from the vision and takes the first action
/// due date as the next review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportDetails {
    /// Why the workshop was held, in one line.
    #[serde(default)]
    pub purpose: String,
    /// Who facilitated.
    #[serde(default)]
    pub facilitator: String,
    /// When the actions are next reviewed.
    #[serde(default)]
    pub next_review: Option<NaiveDate>,
}

impl ReportDetails {
    /// True when nothing at all is set (the session file then leaves the details out; even
    /// spaces are kept, so what was saved is what comes back).
    pub fn is_empty(&self) -> bool {
        self.purpose.is_empty() && self.facilitator.is_empty() && self.next_review.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lab_without_details_reads_and_writes_without_them() {
        let lab: crate::model::Lab = ron::from_str("(vision: \"Easy\")").unwrap();
        assert!(lab.report.is_empty());
        let text = ron::to_string(&lab).unwrap();
        assert!(!text.contains("report"), "{text}");
    }

    #[test]
    fn details_round_trip_through_the_file_format() {
        let lab = crate::model::Lab {
            report: ReportDetails {
                purpose: "Agree the digital priorities".to_owned(),
                facilitator: "Jo Facilitator".to_owned(),
                next_review: NaiveDate::from_ymd_opt(2027, 6, 30),
            },
            ..Default::default()
        };
        let text = ron::to_string(&lab).unwrap();
        let back: crate::model::Lab = ron::from_str(&text).unwrap();
        assert_eq!(back, lab);
        // Even a purpose of only spaces is written, so what was saved is what comes back.
        let spaces = crate::model::Lab {
            report: ReportDetails {
                purpose: "\t".to_owned(),
                ..Default::default()
            },
            ..Default::default()
        };
        let text = ron::to_string(&spaces).unwrap();
        assert_eq!(ron::from_str::<crate::model::Lab>(&text).unwrap(), spaces);
    }
}
