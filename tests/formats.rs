//! Protects the reports and pictures that leave the room: the Word report (read back: heading
//! styles, tables, the chart image; and opened by LibreOffice, which finds the same), the
//! session's purpose, facilitator and next review in every report with command-line flags
//! winning for one export, the copy-as-tables HTML, the board and chart pictures (the example
//! board exactly as the wall's colours make it), JSON Canvas both ways, and safe CSV cells.

mod common;
#[path = "common/council.rs"]
mod council;
#[path = "common/office.rs"]
mod office;

use std::path::Path;

use common::temp_dir;
use council::{council_session, example_session};
use goldthread::export::{self, Format, ReportOptions, canvas_json, html, report};
use office::zip_text;

/// The names of the files inside a zip archive.
fn zip_names(bytes: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    archive.file_names().map(str::to_owned).collect()
}

#[test]
fn the_word_report_has_heading_styles_tables_and_the_chart() {
    let session = example_session();
    assert!(
        !session.voting.dots_by_option().is_empty(),
        "the example lab has a vote"
    );
    let options = ReportOptions {
        facilitator: Some("Jo Facilitator".to_owned()),
        ..Default::default()
    };
    let bytes = export::word_report(&session, &options).unwrap();
    let names = zip_names(&bytes);
    assert!(
        names.iter().any(|n| n.starts_with("word/media/")),
        "an embedded picture: {names:?}"
    );
    let document = zip_text(&bytes, "word/document.xml");
    let styles = zip_text(&bytes, "word/styles.xml");
    assert!(
        styles.contains(r#"w:styleId="Heading1""#)
            && styles.contains(r#"<w:name w:val="heading 2" />"#),
        "{styles}"
    );
    assert!(document.contains(r#"<w:pStyle w:val="Heading1" />"#));
    assert!(document.contains(r#"<w:pStyle w:val="Heading2" />"#));
    assert!(
        document.matches("<w:tbl>").count() >= 3,
        "agenda, ranking and actions tables"
    );
    assert!(
        document.contains("<w:drawing>"),
        "the chart is placed in the text"
    );
    for text in [
        "Purpose:",
        "Facilitator: Jo Facilitator",
        "Vote result",
        "Actions",
        "Next steps and next review",
        "Version: report made by Goldthread",
    ] {
        assert!(document.contains(text), "{text} is in the document");
    }
    for theme in &session.themes {
        assert!(
            document.contains(&theme.name.replace('&', "&amp;")),
            "{} is in the ranking",
            theme.name
        );
    }
}

#[test]
fn the_word_report_opens_in_libreoffice() {
    let Some(soffice) = office::soffice() else {
        return;
    };
    let dir = temp_dir("docx-libreoffice");
    // The example lab, with its vote: the report has the chart.
    let session = example_session();
    let file = dir.join("report.docx");
    std::fs::write(
        &file,
        export::word_report(&session, &ReportOptions::default()).unwrap(),
    )
    .unwrap();
    let made = office::convert(soffice, &dir, &file, "txt:Text (encoded):UTF8");
    let text = std::fs::read_to_string(made).unwrap();
    assert!(text.contains(&session.title), "{text}");
    for needle in [
        "Purpose:",
        "Agenda",
        "Vote result",
        "Next steps and next review",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    let action = &session.lab.actions[0].description;
    assert!(text.contains(action.as_str()), "the actions table: {text}");
    assert!(
        text.contains("• "),
        "lists are bulleted, not numbered: {text}"
    );
    // Saved again by LibreOffice in its own format: real headings, real tables and the chart
    // as a picture, as a council officer opening the file sees them.
    let odt = std::fs::read(office::convert(soffice, &dir, &file, "odt")).unwrap();
    let content = zip_text(&odt, "content.xml");
    assert!(content.matches("<text:h ").count() >= 8, "headings");
    assert!(content.matches("<table:table ").count() >= 3, "tables");
    assert!(content.contains("<draw:image "), "the chart");
    assert!(
        zip_names(&odt).iter().any(|n| n.starts_with("Pictures/")),
        "the chart's picture is in the file"
    );
}

#[test]
fn challenges_are_kept_apart_from_ideas_and_names_can_be_replaced() {
    let session = council_session();
    let r = report::build(&session, &council::votes(), &ReportOptions::default());
    let md = export::sides::blocks_markdown(&r.blocks);
    let challenges = md.find("## Challenges raised").expect("challenges section");
    let ideas = md.find("## Ideas proposed").expect("ideas section");
    let challenge_notes: Vec<&str> = session
        .notes
        .iter()
        .filter(|n| {
            n.phase
                .and_then(|p| session.lab.phase(p))
                .is_some_and(|p| p.name.contains("hallenge"))
        })
        .map(|n| n.text.as_str())
        .collect();
    assert!(
        !challenge_notes.is_empty(),
        "the fixture has challenge notes"
    );
    for text in challenge_notes {
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let at = md.find(&format!("- {one_line}")).unwrap();
        assert!(at > challenges && at < ideas, "{text} is under challenges");
    }

    let named = html::plain_text(&r);
    let anonymous = html::plain_text(&report::build(
        &session,
        &council::votes(),
        &ReportOptions {
            anonymise: true,
            ..Default::default()
        },
    ));
    let owner = session
        .lab
        .actions
        .iter()
        .find_map(|a| match a.real_owner() {
            Some(goldthread::model::lab::Owner::Participant(id)) => session.participant(*id),
            _ => None,
        });
    let someone = owner.expect("an action owned by a participant");
    assert!(named.contains(&someone.name));
    for p in &session.participants {
        assert!(!anonymous.contains(&p.name), "{} is not named", p.name);
    }
    assert!(anonymous.contains(&report::anonymous_label(someone)));
}

#[test]
fn copy_report_html_has_headings_and_real_tables() {
    let session = council_session();
    let r = report::build(&session, &council::votes(), &ReportOptions::default());
    let h = html::html(&r);
    assert!(h.contains(&format!("<h1>{}</h1>", session.title.replace('&', "&amp;"))));
    assert!(h.contains("<h2>Actions</h2>"));
    assert!(h.contains("<table") && h.contains("<th>What</th>"));
    let t = html::plain_text(&r);
    assert!(t.contains("What\tWho\tBy when"));
}

#[test]
fn pictures_of_the_board_and_the_chart_are_made_without_a_window() {
    let session = council_session();
    let svg = export::svg::board_svg(&session);
    for note in &session.notes {
        let first_word = note.text.split_whitespace().next().unwrap();
        assert!(
            svg.contains(first_word),
            "{first_word} is on the board picture"
        );
    }
    let png = Format::BoardPng
        .render_bytes(&session, &ReportOptions::default())
        .unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let chart = Format::ChartPng
        .render_bytes(&session, &ReportOptions::default())
        .unwrap();
    assert!(chart.starts_with(b"\x89PNG"));
    let chart_svg = export::chart_svg(&session);
    assert!(chart_svg.contains("Vote result"));
}

#[test]
fn the_example_board_picture_keeps_the_colours_of_the_wall() {
    // The picture's colours and sizes come from the palette the app's style shares: the
    // example board must come out exactly as it did when they lived in `ui::style`.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join("example-council-digital-strategy.ron");
    let loaded = goldthread::storage::load_file(&path).unwrap();
    let svg = export::svg::board_svg(&loaded.session);
    let expected = include_str!("expected/example-board.svg");
    assert!(
        svg == expected,
        "the example board's SVG changed; if on purpose, update tests/expected/example-board.svg"
    );
    assert!(
        svg.contains("#ffe77a") && svg.contains("#007c7a"),
        "yellow notes, a teal theme"
    );
}

#[test]
fn json_canvas_export_follows_the_spec_and_round_trips() {
    let session = example_session();
    let text = canvas_json::export(&session);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let nodes = doc["nodes"].as_array().unwrap();
    let mut ids = std::collections::HashSet::new();
    for node in nodes {
        assert!(
            ids.insert(node["id"].as_str().unwrap().to_owned()),
            "ids are unique"
        );
        for field in ["x", "y", "width", "height"] {
            assert!(node[field].is_i64(), "{field} is an integer: {node}");
        }
        match node["type"].as_str().unwrap() {
            "text" => {
                assert!(node["text"].is_string());
                assert!(["1", "2", "3", "4", "5", "6"].contains(&node["color"].as_str().unwrap()));
            }
            "group" => assert!(node["label"].is_string()),
            other => panic!("unexpected node type {other}"),
        }
    }
    // Groups come first: they are drawn below the notes (ascending z-order).
    let first_text = nodes.iter().position(|n| n["type"] == "text").unwrap();
    assert!(nodes[first_text..].iter().all(|n| n["type"] == "text"));

    let back = canvas_json::parse(&text).unwrap();
    let mut fresh = goldthread::Session::new("copy", session.date);
    back.edit(&fresh).apply(&mut fresh);
    assert_eq!(fresh.notes.len(), session.notes.len());
    assert_eq!(fresh.themes.len(), session.themes.len());
    let frames = session.theme_frames();
    let mut checked = 0;
    for (a, b) in session.notes.iter().zip(&fresh.notes) {
        assert_eq!(a.text, b.text);
        assert_eq!(a.colour, b.colour);
        let theme_name = |s: &goldthread::Session, n: &goldthread::Note| {
            n.theme.and_then(|t| s.theme(t)).map(|t| t.name.clone())
        };
        // In JSON Canvas a group holds what is drawn inside it: a note in a theme stays in it
        // unless the board has frames overlapping where it is (then the smallest frame wins).
        let frames_holding = frames
            .iter()
            .filter(|f| f.frame.contains(a.rect().center()))
            .count();
        if a.theme.is_some() && frames_holding == 1 {
            assert_eq!(theme_name(&session, a), theme_name(&fresh, b), "{}", a.text);
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} notes were checked");
}

#[test]
fn an_obsidian_canvas_imports_and_lists_what_it_cannot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = ["../shared/data", "../../shared/data"]
        .iter()
        .find_map(|d| std::fs::read_to_string(root.join(d).join("jsoncanvas-sample.canvas")).ok())
        .unwrap_or_else(|| SAMPLE.to_owned());
    let found = canvas_json::parse(&text).unwrap();
    assert_eq!(found.themes.len(), 1);
    assert_eq!(found.themes[0].0, "JSON Canvas");
    assert_eq!(found.notes.len(), 1);
    assert!(found.notes[0].0.starts_with("Learn more:"));
    let line = found.not_imported_line().unwrap();
    assert!(
        line.contains("file node “readme.md”") && line.contains("1 connecting line"),
        "{line}"
    );
}

#[test]
fn a_canvas_with_an_edge_pointing_nowhere_is_refused_and_changes_nothing() {
    let dir = temp_dir("canvas-bad");
    let file = dir.join("broken.canvas");
    std::fs::write(&file, r#"{"nodes":[{"id":"a","type":"text","text":"Hi","x":0,"y":0,"width":10,"height":10}],"edges":[{"id":"e1","fromNode":"a","toNode":"gone"}]}"#).unwrap();
    let session = dir.join("lab.ron");
    goldthread::storage::save_file(&session, &council_session()).unwrap();
    let before = std::fs::read(&session).unwrap();
    let (message, ok) = goldthread::cli::import_notes(&session, &file, None, None);
    assert!(!ok);
    assert!(
        message.contains("broken.canvas: edge “e1” points to node “gone”"),
        "{message}"
    );
    assert_eq!(std::fs::read(&session).unwrap(), before);
}

#[test]
fn csv_export_cells_cannot_run_as_formulas() {
    let mut session = council_session();
    session.notes[0].text = "=HYPERLINK(\"http://evil\",\"x\")".to_owned();
    session.notes[1].text = "+1".to_owned();
    session.notes[2].text = "@SUM(A1)".to_owned();
    session.notes[3].text = "-1+2".to_owned();
    let csv = export::csv(&session);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let texts: Vec<String> = reader
        .records()
        .take(4)
        .map(|r| r.unwrap()[0].to_owned())
        .collect();
    assert_eq!(
        texts,
        [
            "'=HYPERLINK(\"http://evil\",\"x\")",
            "'+1",
            "'@SUM(A1)",
            "'-1+2"
        ]
    );
}

/// The sample from obsidianmd/jsoncanvas, for when ../shared/data is not there.
const SAMPLE: &str = r#"{"nodes":[
{"id":"754a8ef995f366bc","type":"group","x":-300,"y":-460,"width":610,"height":200,"label":"JSON Canvas"},
{"id":"8132d4d894c80022","type":"file","file":"readme.md","x":-280,"y":-200,"width":570,"height":560,"color":"6"},
{"id":"7efdbbe0c4742315","type":"file","file":"_site/logo.svg","x":-280,"y":-440,"width":217,"height":80},
{"id":"59e896bc8da20699","type":"text","text":"Learn more:\n\n- [Apps](/docs/apps.md)","x":40,"y":-440,"width":250,"height":160},
{"id":"0ba565e7f30e0652","type":"file","file":"spec/1.0.md","x":360,"y":-400,"width":400,"height":400}],
"edges":[{"id":"6fa11ab87f90b8af","fromNode":"7efdbbe0c4742315","fromSide":"right","toNode":"59e896bc8da20699","toSide":"left"}]}"#;

#[test]
fn the_sessions_report_details_are_used_and_command_line_flags_override_them_once() {
    use goldthread::cli::{self, Command};
    use goldthread::model::lab::ReportDetails;
    use goldthread::model::{Edit, LabEdit};
    let dir = temp_dir("report-details-cli");
    let mut session = council_session();
    let details = ReportDetails {
        purpose: "Agree the digital priorities".to_owned(),
        facilitator: "Jo Facilitator".to_owned(),
        next_review: council::date(2027, 6, 30).into(),
    };
    Edit::Lab(LabEdit::SetReportDetails(details)).apply(&mut session);
    let file = dir.join("lab.ron");
    goldthread::storage::save_file(&file, &session).unwrap();
    let export = |extra: &[&str], out: &str| -> String {
        let mut args = vec!["export", file.to_str().unwrap(), "-o", out];
        args.extend_from_slice(extra);
        let Ok(Command::Export(a)) = cli::parse(args.iter().map(|s| (*s).to_owned())) else {
            panic!("export arguments read");
        };
        cli::export(&a).unwrap();
        let bytes = std::fs::read(dir.join(out)).unwrap();
        if out.ends_with(".docx") {
            zip_text(&bytes, "word/document.xml")
        } else {
            String::from_utf8(bytes).unwrap()
        }
    };
    let saved = [
        "Facilitator: Jo Facilitator.",
        "Purpose: Agree the digital priorities",
        "Next review: 30 June 2027.",
    ];
    let out = |name: &str| dir.join(name).display().to_string();
    for name in ["saved.md", "saved.docx"] {
        let text = export(&["--format", &name[6..]], &out(name));
        for line in saved {
            assert!(text.contains(line), "{line} in {name}");
        }
    }
    let flags = ["--facilitator", "Sam Guest", "--next-review", "1 May 2027"];
    for name in ["flags.md", "flags.docx"] {
        let mut extra = vec!["--format", &name[6..]];
        extra.extend_from_slice(&flags);
        let text = export(&extra, &out(name));
        assert!(text.contains("Facilitator: Sam Guest."), "{name}");
        assert!(text.contains("Next review: 1 May 2027."), "{name}");
        assert!(!text.contains("Jo Facilitator"), "the flag wins in {name}");
        assert!(text.contains(saved[1]), "the saved purpose stays in {name}");
    }
    let reread = goldthread::storage::load_file(&file).unwrap().session;
    assert_eq!(
        reread.lab.report.facilitator, "Jo Facilitator",
        "flags change no file"
    );
}
