//! The session library: a folder of session files, listed newest first.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use chrono::NaiveDate;

use super::load_file;

/// What the library knows about one file.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryEntry {
    /// The session file.
    pub path: PathBuf,
    /// When the file was last written.
    pub modified: Option<SystemTime>,
    /// Its contents in brief, or why it cannot be opened.
    pub status: EntryStatus,
    /// Its id, the session it follows up and its open actions, when it opens.
    pub series: Option<super::series::SeriesInfo>,
}

/// A library file's contents in brief.
#[derive(Clone, Debug, PartialEq)]
pub enum EntryStatus {
    /// A session that opens.
    Ok {
        /// Its title.
        title: String,
        /// The workshop date.
        date: NaiveDate,
        /// How many notes it holds.
        notes: usize,
    },
    /// A file that does not open, and why (file name, line:column, reason).
    Broken {
        /// The message to show.
        reason: String,
    },
}

impl LibraryEntry {
    /// The session title, or the file name for a broken file.
    pub fn title(&self) -> String {
        match &self.status {
            EntryStatus::Ok { title, .. } => title.clone(),
            EntryStatus::Broken { .. } => self.file_name(),
        }
    }

    /// The workshop date, for a session that opens.
    pub fn date(&self) -> Option<NaiveDate> {
        match &self.status {
            EntryStatus::Ok { date, .. } => Some(*date),
            EntryStatus::Broken { .. } => None,
        }
    }

    /// The file name without folders.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}

/// The longest title the library keeps for a session: a damaged file's 10 MB title must not
/// cost gigabytes to lay out on every frame.
pub const MAX_LISTED_TITLE_CHARS: usize = 200;

/// The longest reason the library keeps for a broken file.
const MAX_LISTED_REASON_CHARS: usize = 600;

/// Lists every `.ron` file in `dir`, newest first (ties by file name). Broken files are listed
/// with their reason, never hidden. A missing folder is an empty library.
pub fn scan_library(dir: &Path) -> Vec<LibraryEntry> {
    let mut entries = Vec::new();
    scan_library_each(dir, &AtomicBool::new(false), |entry| {
        entries.push(entry);
        true
    });
    sort_entries(&mut entries);
    entries
}

/// Reads the library one file at a time, smallest first, handing each entry to `each` as soon
/// as it is read (so a large or slow file never hides the others), until every file is read,
/// `cancel` is set, or `each` returns false. Returns false when the folder is not there.
pub fn scan_library_each(
    dir: &Path,
    cancel: &AtomicBool,
    mut each: impl FnMut(LibraryEntry) -> bool,
) -> bool {
    if !dir.is_dir() {
        return false;
    }
    let mut files: Vec<(u64, PathBuf)> = super::ron_files_in(dir)
        .into_iter()
        .map(|p| (std::fs::metadata(&p).map_or(u64::MAX, |m| m.len()), p))
        .collect();
    files.sort();
    for (_, path) in files {
        if cancel.load(Ordering::Relaxed) || !each(read_entry(path)) {
            break;
        }
    }
    true
}

/// Sorts entries as the library lists them: newest first, ties by file name.
pub fn sort_entries(entries: &mut [LibraryEntry]) {
    entries.sort_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| a.path.cmp(&b.path))
    });
}

/// What the library shows for the file at `path`: its title (cut short), date and note count,
/// or why it does not open.
pub fn read_entry(path: PathBuf) -> LibraryEntry {
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    let loaded = load_file(&path);
    let series = loaded.as_ref().ok().map(|l| {
        let mut info = super::series::SeriesInfo::of(&l.session);
        // Ids come from the file: a hostile one must not cost memory while it is listed.
        info.id = cut(&info.id, MAX_LISTED_TITLE_CHARS);
        info.previous = info.previous.map(|p| cut(&p, MAX_LISTED_TITLE_CHARS));
        info
    });
    let status = match loaded {
        Ok(loaded) => EntryStatus::Ok {
            title: cut(&loaded.session.title, MAX_LISTED_TITLE_CHARS),
            date: loaded.session.date,
            notes: loaded.session.notes.len(),
        },
        Err(e) => EntryStatus::Broken {
            reason: cut(&e.to_string(), MAX_LISTED_REASON_CHARS),
        },
    };
    LibraryEntry {
        path,
        modified,
        status,
        series,
    }
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_owned(),
        Some((end, _)) => {
            let mut s = text[..end].trim_end().to_owned();
            s.pop();
            s.push('…');
            s
        }
    }
}

/// The entries whose title (or file name) contains `query`, ignoring case. An empty query keeps all.
pub fn filter_entries<'a>(entries: &'a [LibraryEntry], query: &str) -> Vec<&'a LibraryEntry> {
    let query = query.trim().to_lowercase();
    entries
        .iter()
        .filter(|e| {
            query.is_empty()
                || e.title().to_lowercase().contains(&query)
                || e.file_name().to_lowercase().contains(&query)
        })
        .collect()
}

/// A file name (without `.ron`) made from a session title that every common file system
/// accepts: letters and digits kept, spaces and punctuation turned into single dashes,
/// at most 60 characters, never empty and never a reserved Windows device name.
pub fn file_stem_for(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if (c.is_whitespace() || (c.is_ascii_punctuation() && c != '\''))
            && !stem.ends_with('-')
        {
            // Apostrophes join ("what's" -> "whats"); other punctuation separates words.
            stem.push('-');
        }
    }
    let stem: String = stem.trim_matches('-').chars().take(60).collect();
    let stem = stem.trim_end_matches('-').to_owned();
    if stem.is_empty() {
        return "session".to_owned();
    }
    const RESERVED: [&str; 22] = [
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
        "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if RESERVED.contains(&stem.as_str()) {
        format!("{stem}-session")
    } else {
        stem
    }
}

/// Where a session titled `title` is saved in `dir`: `stem.ron`, or `stem-2.ron`, `stem-3.ron`, ...
/// when another file already has the name. `current` is the session's own file, which it may reuse.
pub fn unique_path(dir: &Path, title: &str, current: Option<&Path>) -> PathBuf {
    let stem = file_stem_for(title);
    (1..)
        .map(|n| {
            if n == 1 {
                dir.join(format!("{stem}.ron"))
            } else {
                dir.join(format!("{stem}-{n}.ron"))
            }
        })
        .find(|p| Some(p.as_path()) == current || !p.exists())
        .unwrap_or_else(|| dir.join(format!("{stem}.ron")))
}

/// The library folder: `explicit` when given, else `./sessions` when it exists, else
/// `sessions` in the user's data directory.
pub fn default_library_dir(explicit: Option<PathBuf>) -> PathBuf {
    if let Some(dir) = explicit {
        return dir;
    }
    let local = PathBuf::from("sessions");
    if local.is_dir() {
        return local;
    }
    user_data_dir().map_or(local, |d| d.join("goldthread").join("sessions"))
}

/// The library in the user's data folder (e.g. `~/.local/share/goldthread/sessions`), where
/// a start from the desktop looks; `None` when there is no data folder.
pub fn user_library_dir() -> Option<PathBuf> {
    user_data_dir().map(|d| d.join("goldthread").join("sessions"))
}

fn user_data_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(target_os = "windows") {
        env("APPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library").join("Application Support"))
    } else {
        env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local").join("share")))
    }
}
