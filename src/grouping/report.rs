//! Suggestions as text for people and as JSON for programs (the `suggest-themes` command).

use serde::Serialize;

use super::Suggestions;

/// One note as the JSON output shows it.
#[derive(Serialize)]
struct JsonNote<'a> {
    line: usize,
    text: &'a str,
}

/// One theme as the JSON output shows it; `name` is `null` for the notes not grouped.
#[derive(Serialize)]
struct JsonTheme<'a> {
    name: Option<&'a str>,
    keywords: &'a [String],
    notes: Vec<JsonNote<'a>>,
}

/// `[{"name": …, "keywords": [...], "notes": [{"line": N, "text": …}, …]}, …]`: the groups in
/// order, then (when there are any) the notes not grouped under a theme named `null`.
/// `texts[i]` was read from line `lines[i]`.
pub fn json(suggestions: &Suggestions, texts: &[&str], lines: &[usize]) -> String {
    let notes = |members: &[usize]| -> Vec<JsonNote<'_>> {
        members
            .iter()
            .filter_map(|&i| {
                Some(JsonNote {
                    line: *lines.get(i)?,
                    text: texts.get(i)?,
                })
            })
            .collect()
    };
    let mut themes: Vec<JsonTheme<'_>> = suggestions
        .groups
        .iter()
        .map(|g| JsonTheme {
            name: Some(&g.name),
            keywords: &g.keywords,
            notes: notes(&g.members),
        })
        .collect();
    if !suggestions.ungrouped.is_empty() {
        themes.push(JsonTheme {
            name: None,
            keywords: &[],
            notes: notes(&suggestions.ungrouped),
        });
    }
    // Plain strings and numbers: this cannot fail.
    serde_json::to_string_pretty(&themes).unwrap_or_else(|e| unreachable!("{e}"))
}

/// A readable listing: each theme with its keywords and notes (with line numbers), then the
/// notes not grouped, then near-duplicates.
pub fn text(suggestions: &Suggestions, texts: &[&str], lines: &[usize]) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let width = lines.iter().max().map_or(1, |l| l.to_string().len());
    let note_line = |i: usize| {
        let line = lines.get(i).copied().unwrap_or(0);
        let text = texts.get(i).copied().unwrap_or("").replace('\n', " / ");
        format!("  {line:>width$}  {text}\n")
    };
    let mut out = format!(
        "{} suggested for {}; {} not grouped.\n",
        plural(suggestions.groups.len(), "theme"),
        plural(texts.len(), "note"),
        suggestions.ungrouped.len()
    );
    for group in &suggestions.groups {
        out.push_str(&format!(
            "\n{} ({})\n  why: {}\n",
            group.name,
            plural(group.members.len(), "note"),
            group.why
        ));
        for &i in &group.members {
            out.push_str(&note_line(i));
        }
    }
    if !suggestions.ungrouped.is_empty() {
        out.push_str(&format!(
            "\nNot grouped ({})\n",
            plural(suggestions.ungrouped.len(), "note")
        ));
        for &i in &suggestions.ungrouped {
            out.push_str(&note_line(i));
        }
    }
    if let Some(notice) = &suggestions.notice {
        out.push_str(&format!("\nNote: {notice}\n"));
    }
    if !suggestions.duplicates.is_empty() {
        out.push_str("\nNear-duplicates (could be stacked):\n");
        for set in &suggestions.duplicates {
            let listed: Vec<String> = set
                .iter()
                .map(|&i| lines.get(i).copied().unwrap_or(0).to_string())
                .collect();
            out.push_str(&format!("  lines {}\n", listed.join(", ")));
        }
    }
    out
}
