//! JSON Canvas 1.0 (the open `.canvas` format of Obsidian Canvas and other whiteboards), both
//! ways. Export: themes become group nodes (below), notes become text nodes with their colours.
//! Import: text nodes become notes and group nodes themes, keeping their layout; a note whose
//! centre is inside a group joins that theme. Other node kinds (files, links) and edges are
//! listed for the user, never dropped silently. An edge naming a node that is not in the file
//! makes the file refused, with the edge named.

use serde_json::{Value, json};

use crate::model::ThemeEdit;
use crate::model::{
    CanvasPos, CanvasRect, Edit, NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH, Note, NoteColour, NoteId,
    Session, Theme, ThemeColour, ThemeId,
};

/// A note colour as a JSON Canvas preset ("1" red ... "6" purple).
fn preset_of(colour: NoteColour) -> &'static str {
    match colour {
        NoteColour::Pink => "1",
        NoteColour::Orange => "2",
        NoteColour::Yellow => "3",
        NoteColour::Green => "4",
        NoteColour::Blue => "5",
        NoteColour::Purple => "6",
    }
}

/// The note colour of a JSON Canvas colour: presets map back; anything else is yellow.
fn colour_of(preset: Option<&str>) -> NoteColour {
    match preset {
        Some("1") => NoteColour::Pink,
        Some("2") => NoteColour::Orange,
        Some("4") => NoteColour::Green,
        Some("5") => NoteColour::Blue,
        Some("6") => NoteColour::Purple,
        _ => NoteColour::Yellow,
    }
}

/// The session's notes and themes as a JSON Canvas 1.0 file.
pub fn export(session: &Session) -> String {
    let mut nodes = Vec::new();
    for (frame, theme) in session.theme_frames().iter().zip(&session.themes) {
        let r = frame.frame;
        nodes.push(json!({
            "id": format!("theme-{}", theme.id.0),
            "type": "group",
            "x": r.min.x.round() as i64, "y": r.min.y.round() as i64,
            "width": r.width().round() as i64, "height": r.height().round() as i64,
            "label": theme.name,
        }));
    }
    for note in &session.notes {
        nodes.push(json!({
            "id": format!("note-{}", note.id.0),
            "type": "text",
            "text": note.text,
            "x": note.pos.x.round() as i64, "y": note.pos.y.round() as i64,
            "width": NOTE_WIDTH as i64, "height": NOTE_HEIGHT as i64,
            "color": preset_of(note.colour),
        }));
    }
    let doc = json!({ "nodes": nodes, "edges": [] });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// What a `.canvas` file gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CanvasImport {
    /// Text nodes: text, top-left, colour, and the index into `themes` of the group they sit in.
    pub notes: Vec<(String, CanvasPos, NoteColour, Option<usize>)>,
    /// Group nodes: label and top-left.
    pub themes: Vec<(String, CanvasPos)>,
    /// What was not imported, one line each ("file node “readme.md”", "1 edge").
    pub not_imported: Vec<String>,
}

/// A node's number field, or a message naming the node.
fn number(node: &Value, field: &str, id: &str) -> Result<f32, String> {
    node.get(field)
        .and_then(Value::as_f64)
        .filter(|v| v.is_finite() && v.abs() < 1.0e7)
        .map(|v| v as f32)
        .ok_or_else(|| format!("node “{id}” has no usable “{field}” number"))
}

/// Reads a JSON Canvas file. Errors name the node or edge at fault.
pub fn parse(text: &str) -> Result<CanvasImport, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "is not JSON Canvas: line {}, column {}: {e}",
            e.line(),
            e.column()
        )
    })?;
    let empty = Vec::new();
    let nodes = match doc.get("nodes") {
        None => &empty,
        Some(Value::Array(a)) => a,
        Some(_) => return Err("is not JSON Canvas: “nodes” is not a list".to_owned()),
    };
    let mut out = CanvasImport::default();
    let mut ids = std::collections::HashSet::new();
    let mut groups: Vec<CanvasRect> = Vec::new();
    let mut texts = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let Some(id) = node.get("id").and_then(Value::as_str) else {
            return Err(format!("node {} has no “id”", i + 1));
        };
        ids.insert(id.to_owned());
        let kind = node
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("(no type)");
        let (x, y) = (number(node, "x", id)?, number(node, "y", id)?);
        let (w, h) = (number(node, "width", id)?, number(node, "height", id)?);
        match kind {
            "text" => {
                let text = node
                    .get("text")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .trim();
                if text.is_empty() {
                    out.not_imported.push(format!("empty text node “{id}”"));
                    continue;
                }
                let colour = colour_of(node.get("color").and_then(Value::as_str));
                texts.push((
                    text.to_owned(),
                    CanvasRect::from_min_max(CanvasPos::new(x, y), CanvasPos::new(x + w, y + h)),
                    colour,
                ));
            }
            "group" => {
                let label = node.get("label").and_then(Value::as_str).unwrap_or("Group");
                out.themes
                    .push((label.trim().to_owned(), CanvasPos::new(x, y)));
                groups.push(CanvasRect::from_min_max(
                    CanvasPos::new(x, y),
                    CanvasPos::new(x + w, y + h),
                ));
            }
            other => {
                let what = node
                    .get("file")
                    .or_else(|| node.get("url"))
                    .and_then(Value::as_str)
                    .unwrap_or(id);
                out.not_imported.push(format!("{other} node “{what}”"));
            }
        }
    }
    for (text, rect, colour) in texts {
        // The smallest group holding the note's centre.
        let theme = groups
            .iter()
            .enumerate()
            .filter(|(_, g)| g.contains(rect.center()))
            .min_by(|a, b| (a.1.width() * a.1.height()).total_cmp(&(b.1.width() * b.1.height())))
            .map(|(i, _)| i);
        out.notes.push((text, rect.min, colour, theme));
    }
    edges(&doc, &ids, &mut out)?;
    Ok(out)
}

/// Checks every edge joins two nodes of the file, and lists the edges (not imported).
fn edges(
    doc: &Value,
    ids: &std::collections::HashSet<String>,
    out: &mut CanvasImport,
) -> Result<(), String> {
    let Some(edges) = doc.get("edges").and_then(Value::as_array) else {
        return Ok(());
    };
    for (i, edge) in edges.iter().enumerate() {
        let id = edge
            .get("id")
            .and_then(Value::as_str)
            .map_or_else(|| format!("{}", i + 1), str::to_owned);
        for end in ["fromNode", "toNode"] {
            let Some(node) = edge.get(end).and_then(Value::as_str) else {
                return Err(format!("edge “{id}” has no “{end}”"));
            };
            if !ids.contains(node) {
                return Err(format!(
                    "edge “{id}” points to node “{node}” ({end}), which is not in the file; the file may be damaged or cut short"
                ));
            }
        }
    }
    if !edges.is_empty() {
        let n = edges.len();
        out.not_imported.push(format!(
            "{n} connecting line{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    Ok(())
}

/// True when `path` names a JSON Canvas file.
pub fn is_canvas_file(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("canvas"))
}

/// Reads a `.canvas` file (no larger than any notes file may be). The message starts with the
/// file's name and says where the fault is.
pub fn read(path: &std::path::Path) -> Result<CanvasImport, String> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let bytes = crate::import::read_bytes(path).map_err(|e| e.to_string())?;
    let Ok(text) = std::str::from_utf8(&bytes) else {
        return Err(format!("{name} is not JSON Canvas: it is not UTF-8 text"));
    };
    let found =
        parse(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(|e| format!("{name}: {e}"))?;
    if found.notes.is_empty() && found.themes.is_empty() {
        return Err(format!("{name} has no text or group nodes to import"));
    }
    Ok(found)
}

impl CanvasImport {
    /// A sentence on what was not imported, or `None` when everything was.
    pub fn not_imported_line(&self) -> Option<String> {
        (!self.not_imported.is_empty())
            .then(|| format!("Not imported: {}.", self.not_imported.join(", ")))
    }

    /// The one edit that adds the themes and notes to `session`, keeping their layout; shifted
    /// to the right of what is already on the board so nothing overlaps.
    pub fn edit(&self, session: &Session) -> Edit {
        let mut min = CanvasPos::new(f32::MAX, f32::MAX);
        for p in self
            .themes
            .iter()
            .map(|t| t.1)
            .chain(self.notes.iter().map(|n| n.1))
        {
            min = CanvasPos::new(min.x.min(p.x), min.y.min(p.y));
        }
        let (dx, dy) = match session.bounds() {
            Some(b) => (b.max.x + 4.0 * NOTE_GAP - min.x, b.min.y - min.y),
            None => (0.0, 0.0),
        };
        let first_theme = session.next_theme_id().0;
        let themes: Vec<(usize, Theme)> = self
            .themes
            .iter()
            .enumerate()
            .map(|(i, (name, pos))| {
                let mut t = Theme::new(ThemeId(first_theme + i as u64), name.clone());
                t.colour = ThemeColour::nth(session.themes.len() + i);
                t.pos = pos.offset(dx, dy);
                (session.themes.len() + i, t)
            })
            .collect();
        let first_note = session.next_note_id().0;
        let notes = self
            .notes
            .iter()
            .enumerate()
            .map(|(i, (text, pos, colour, theme))| {
                let mut n = Note::new(
                    NoteId(first_note + i as u64),
                    text.clone(),
                    *colour,
                    pos.offset(dx, dy),
                );
                n.theme = theme.map(|t| ThemeId(first_theme + t as u64));
                n
            })
            .collect();
        let mut edits = Vec::new();
        if !themes.is_empty() {
            edits.push(Edit::Theme(ThemeEdit::Insert(themes)));
        }
        edits.push(Edit::add_notes(session, notes));
        Edit::Batch(edits)
    }
}
