//! Series in the library: sessions linked by "Follow up…" are grouped, first session first,
//! e.g. "Northfield digital strategy lab → 3-month review → 6-month review". Links are by
//! session id, so they survive renames and moves of the files within the library.

use std::collections::HashMap;

use super::LibraryEntry;
use crate::model::Session;

/// What the library needs to know to group a session into its series.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeriesInfo {
    /// The session's id.
    pub id: String,
    /// The id of the session it follows up, if any.
    pub previous: Option<String>,
    /// How many of its actions are still open (not done, not dropped).
    pub open_actions: usize,
}

impl SeriesInfo {
    /// The series facts of a session.
    pub fn of(session: &Session) -> Self {
        Self {
            id: session.effective_id(),
            previous: session.previous.as_ref().map(|p| p.id.clone()),
            open_actions: session
                .lab
                .actions
                .iter()
                .filter(|a| a.status.is_open())
                .count(),
        }
    }
}

/// The entries grouped into series: each group is one series, oldest session first (by
/// workshop date, then by following the links); groups keep the order of their newest member in
/// `entries`. A session whose previous one is not in the list starts its own series. Broken
/// files are groups of one.
pub fn group_series<'a>(entries: &[&'a LibraryEntry]) -> Vec<Vec<&'a LibraryEntry>> {
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        if let Some(info) = &entry.series {
            by_id.entry(info.id.as_str()).or_insert(i);
        }
    }
    // The root of each entry: follow the links back while they lead to listed sessions.
    let root = |start: usize| {
        let mut at = start;
        for _ in 0..entries.len() {
            match previous_index(entries[at], &by_id) {
                Some(prev) if prev != start => at = prev,
                // No link, or a loop of links (hand-edited files): stop.
                _ => break,
            }
        }
        at
    };
    let mut groups: Vec<(usize, Vec<&'a LibraryEntry>)> = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let r = root(i);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, members)) => members.push(*entry),
            None => groups.push((r, vec![*entry])),
        }
    }
    groups
        .into_iter()
        .map(|(_, mut members)| {
            members.sort_by_key(|e| (e.date(), depth(e, entries, &by_id)));
            members
        })
        .collect()
}

/// Where in the list the session `entry` follows up is, if it is listed.
fn previous_index(entry: &LibraryEntry, by_id: &HashMap<&str, usize>) -> Option<usize> {
    let previous = entry.series.as_ref()?.previous.as_deref()?;
    by_id.get(previous).copied()
}

/// How many links lead back from `entry` within `entries` (0 for a first session).
fn depth(entry: &LibraryEntry, entries: &[&LibraryEntry], by_id: &HashMap<&str, usize>) -> usize {
    let mut n = 0;
    let mut at = entry;
    while n < entries.len() {
        let Some(prev) = previous_index(at, by_id) else {
            break;
        };
        at = entries[prev];
        n += 1;
    }
    n
}

/// The series' name as the library shows it: the first title, then each follow-up's title
/// without the part it shares with the first ("Northfield lab → 3-month review").
pub fn series_name(members: &[&LibraryEntry]) -> String {
    let Some(first) = members.first() else {
        return String::new();
    };
    let root = first.title();
    let mut parts = vec![root.clone()];
    for entry in &members[1..] {
        let title = entry.title();
        let short = title
            .strip_prefix(&root)
            .map(|t| t.trim_start_matches([':', ' ', '-', '–']))
            .filter(|t| !t.is_empty())
            .map_or(title.clone(), str::to_owned);
        parts.push(short);
    }
    parts.join(" → ")
}

/// Finds the file of the session a follow-up follows: where it was when the follow-up was made
/// (as given, or by its file name in the library), else any session in the library with its
/// id, so renames and moves within the library do not break the link. The error says what was
/// looked for and where, in words for the user.
pub fn find_previous(
    library: &std::path::Path,
    link: &crate::model::followup::PreviousSession,
) -> Result<std::path::PathBuf, String> {
    let mut problem = None;
    let recorded = std::path::PathBuf::from(&link.file);
    let by_name = recorded.file_name().map(|n| library.join(n));
    for candidate in [Some(recorded.clone()), by_name].into_iter().flatten() {
        if link.file.is_empty() || !candidate.is_file() {
            continue;
        }
        match super::load_file(&candidate) {
            Ok(loaded) if loaded.session.effective_id() == link.id => return Ok(candidate),
            Ok(_) => {}
            Err(e) => problem = Some(e.to_string()),
        }
    }
    for path in super::ron_files_in(library) {
        if let Ok(loaded) = super::load_file(&path)
            && loaded.session.effective_id() == link.id
        {
            return Ok(path);
        }
    }
    let mut message = format!(
        "The previous session “{}” ({}) was not found",
        link.title,
        crate::model::lab::dates::long(link.date)
    );
    if !link.file.is_empty() {
        message.push_str(&format!(" at {}", link.file));
    }
    message.push_str(&format!(
        ", and no session in the library ({}) is that session.",
        library.display()
    ));
    if let Some(problem) = problem {
        message.push_str(&format!("\n\nIts file could not be read: {problem}"));
    }
    message.push_str(
        "\n\nThis follow-up keeps everything it carried from it: the actions, themes, people and last time's scores. Nothing is lost.",
    );
    Err(message)
}
