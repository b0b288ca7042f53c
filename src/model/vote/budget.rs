//! The suggested number of dots per person, with the reason shown beside it.

/// Fewest dots suggested per person.
pub const MIN_SUGGESTED_DOTS: u32 = 3;
/// Most dots suggested per person.
pub const MAX_SUGGESTED_DOTS: u32 = 10;
/// About one dot per this many options.
pub const OPTIONS_PER_DOT: usize = 4;

/// A suggested budget and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestedBudget {
    /// Dots per person.
    pub dots: u32,
    /// The reason, as a sentence for the setup form.
    pub reason: String,
}

/// The dots per person suggested for a vote on `options` options: about one dot per four
/// options, at least 3, at most 10.
pub fn suggested_budget(options: usize) -> SuggestedBudget {
    let quarter = (options + OPTIONS_PER_DOT / 2) / OPTIONS_PER_DOT;
    let dots = u32::try_from(quarter)
        .unwrap_or(u32::MAX)
        .clamp(MIN_SUGGESTED_DOTS, MAX_SUGGESTED_DOTS);
    let plural = if options == 1 { "option" } else { "options" };
    let reason = format!(
        "{dots} for {options} {plural}: about one dot per four options, at least {MIN_SUGGESTED_DOTS}, at most {MAX_SUGGESTED_DOTS}."
    );
    SuggestedBudget { dots, reason }
}
