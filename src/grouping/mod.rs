//! Theme suggestions from note text, computed on this machine with no network.
//!
//! Pure functions: text in, groups out. The UI runs [`suggest`] on a background thread; the
//! `suggest-themes` command and the `themes` benchmark call it directly.

/// How eager the clustering is to make groups.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Params {
    /// From -5 (fewer, larger groups) to +5 (more, tighter groups); 0 is the default.
    pub granularity: i32,
}

/// One suggested theme: indices into the input texts.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// A proposed name made of its top keywords, e.g. "Data · sharing".
    pub name: String,
    /// Its top keywords (as written in the notes, not stemmed), most important first.
    pub keywords: Vec<String>,
    /// Indices of the member texts, ascending.
    pub members: Vec<usize>,
}

/// The result of [`suggest`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suggestions {
    /// The groups, largest first (ties in order of their first member).
    pub groups: Vec<Group>,
    /// Texts that fit no group, ascending.
    pub ungrouped: Vec<usize>,
    /// Sets of near-duplicate texts (each ascending), which could be stacked into one.
    pub duplicates: Vec<Vec<usize>>,
}

/// Suggests groups for `texts`. Deterministic: the same input always gives the same output.
pub fn suggest(texts: &[&str], params: &Params) -> Suggestions {
    let _ = params;
    Suggestions {
        groups: Vec::new(),
        ungrouped: (0..texts.len()).collect(),
        duplicates: Vec::new(),
    }
}
