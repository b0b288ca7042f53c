//! Session templates: the agenda (phases with prompts and timeboxes) and starter themes a new
//! session begins with. Four ship inside the app (from `assets/templates/`); a user adds their
//! own by dropping a `.ron` file into the library's `templates/` folder. A broken user template
//! is reported with its file name, line and column, and skipped: it never stops the others.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::lab::{Phase, PhaseKind};
use crate::model::score::Scoring;
use crate::model::{PhaseId, Session, ThemeEdit};

/// The folder inside the session library that holds the user's own templates.
pub const TEMPLATES_FOLDER: &str = "templates";

/// The templates that ship with Goldthread, in the order they are offered.
const BUILT_IN: [(&str, &str); 4] = [
    (
        "digital-strategy-lab.ron",
        include_str!("../../assets/templates/digital-strategy-lab.ron"),
    ),
    (
        "retrospective.ron",
        include_str!("../../assets/templates/retrospective.ron"),
    ),
    (
        "digital-maturity-check.ron",
        include_str!("../../assets/templates/digital-maturity-check.ron"),
    ),
    (
        "blank.ron",
        include_str!("../../assets/templates/blank.ron"),
    ),
];

/// One phase of a template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplatePhase {
    /// The phase's name.
    pub name: String,
    /// The question put to the room.
    #[serde(default)]
    pub prompt: String,
    /// The timebox, in minutes.
    pub minutes: u32,
    /// Makes the phase a scored question: the labels of the scores 1 to 5, e.g.
    /// `Some(["Not started", "Emerging", "Developing", "Established", "Embedded"])`.
    #[serde(default)]
    pub scored: Option<Vec<String>>,
}

/// Where a template came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateSource {
    /// Shipped inside the app.
    BuiltIn,
    /// A file in the library's `templates/` folder.
    User(PathBuf),
}

/// A session template.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Template {
    /// The name offered in the New session dialog.
    pub name: String,
    /// One sentence on what it is for.
    #[serde(default)]
    pub description: String,
    /// The agenda.
    #[serde(default)]
    pub phases: Vec<TemplatePhase>,
    /// Themes the session starts with.
    #[serde(default)]
    pub starter_themes: Vec<String>,
    /// Where it came from (not part of the file).
    #[serde(skip, default = "built_in")]
    pub source: TemplateSource,
}

fn built_in() -> TemplateSource {
    TemplateSource::BuiltIn
}

/// The templates that could be read, and a sentence for each file that could not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Templates {
    /// Built-in templates first, then the user's, sorted by file name.
    pub templates: Vec<Template>,
    /// One message per skipped file: its name and what is wrong.
    pub problems: Vec<String>,
}

impl Template {
    /// Parses a template file's text; errors say line and column.
    pub fn from_ron(text: &str) -> Result<Self, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let template: Self = ron::Options::default()
            .with_recursion_limit(16)
            .from_str(text)
            .map_err(|e| {
                format!(
                    "line {}, column {}: {}",
                    e.span.start.line, e.span.start.col, e.code
                )
            })?;
        template.validate()?;
        Ok(template)
    }

    fn validate(&self) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("the template has no name".to_owned());
        }
        for (i, phase) in self.phases.iter().enumerate() {
            if phase.name.trim().is_empty() {
                return Err(format!("phase {} has no name", i + 1));
            }
            if phase.minutes == 0 || phase.minutes > 24 * 60 {
                return Err(format!(
                    "phase “{}” has a timebox of {} minutes; use 1 to 1440",
                    phase.name, phase.minutes
                ));
            }
            if let Some(labels) = &phase.scored
                && labels.len() != crate::model::score::SCALE
            {
                return Err(format!(
                    "phase “{}” is scored and needs {} labels, one for each score from 1 to {}; it has {}",
                    phase.name,
                    crate::model::score::SCALE,
                    crate::model::score::SCALE,
                    labels.len()
                ));
            }
        }
        Ok(())
    }

    /// True for the template with no agenda and no themes.
    pub fn is_blank(&self) -> bool {
        self.phases.is_empty() && self.starter_themes.is_empty()
    }

    /// A new session from this template: its phases (the first one current) and starter themes.
    pub fn session(&self, title: impl Into<String>, date: NaiveDate) -> Session {
        let mut session = Session::new(title, date);
        session.lab.phases = self
            .phases
            .iter()
            .zip(1..)
            .map(|(p, id)| {
                let mut phase = Phase::new(
                    PhaseId(id),
                    p.name.trim(),
                    p.prompt.trim(),
                    p.minutes.saturating_mul(60),
                );
                if let Some(labels) = &p.scored {
                    phase.kind = PhaseKind::Score(Scoring::with_labels(labels.clone()));
                }
                phase
            })
            .collect();
        session.lab.current_phase = session.lab.phases.first().map(|p| p.id);
        // The id counters move past what was just made.
        session.repair();
        // Starter themes are made as the user would make them, so each gets its own colour and
        // its own free place on the canvas, side by side rather than stacked.
        for name in self.starter_themes.iter().filter(|t| !t.trim().is_empty()) {
            let (_, edit) = ThemeEdit::create(&session, Some(name.trim().to_owned()), &[]);
            edit.apply(&mut session);
        }
        session
    }
}

/// The built-in templates.
pub fn built_in_templates() -> Vec<Template> {
    BUILT_IN
        .iter()
        .filter_map(|(_, text)| Template::from_ron(text).ok())
        .collect()
}

/// A template file larger than this is skipped without being read.
pub const MAX_TEMPLATE_BYTES: u64 = 1_000_000;

/// Every template: the built-in ones, then the `.ron` files in `library_dir/templates/`
/// (sorted by file name). Files that do not read are skipped and reported.
pub fn load_templates(library_dir: &Path) -> Templates {
    let mut out = Templates::default();
    for (file, text) in BUILT_IN {
        match Template::from_ron(text) {
            Ok(t) => out.templates.push(t),
            // Only possible in a development build with a broken asset; tests guard it.
            Err(e) => out.problems.push(format!("Built-in template {file}: {e}")),
        }
    }
    let folder = library_dir.join(TEMPLATES_FOLDER);
    let Ok(read) = std::fs::read_dir(&folder) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")))
        .collect();
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The size is checked before reading, and only a regular file is read (a pipe named
        // like a template would otherwise be read for ever).
        let text = match super::read_regular(&path, MAX_TEMPLATE_BYTES) {
            Err(super::ReadFail::TooLarge(_)) => {
                out.problems.push(format!(
                    "Template {name} was skipped: it is too large to be a template."
                ));
                continue;
            }
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    out.problems.push(format!(
                        "Template {name} was skipped: it is not a text file."
                    ));
                    continue;
                }
            },
            Err(super::ReadFail::Io(e)) => {
                out.problems.push(format!(
                    "Template {name} was skipped: it could not be read ({e})."
                ));
                continue;
            }
        };
        match Template::from_ron(&text) {
            Ok(mut t) => {
                t.source = TemplateSource::User(path);
                out.templates.push(t);
            }
            Err(e) => out
                .problems
                .push(format!("Template {name} was skipped: {e}.")),
        }
    }
    out
}
