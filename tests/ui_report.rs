//! Protects the report as a facilitator makes it in the app: the purpose line, facilitator and
//! next review typed on the Vision & outcomes screen (one undo each, a bad date kept with a
//! message) reach the Word, Markdown and copied reports; and the HTML "Copy report" puts on the
//! clipboard is read by the real LibreOffice, as a paste into Writer is, with its headings and
//! real tables.

mod common;
#[path = "common/council.rs"]
mod council;
#[path = "common/office.rs"]
mod office;

use common::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use goldthread::export::{Format, markdown};
use goldthread::ui::{Dialog, GoldthreadApp};

type H = Harness<'static, GoldthreadApp>;

/// Opens the Vision & outcomes screen.
fn open_plan(h: &mut H) {
    h.get_by_role_and_label(egui::accesskit::Role::Tab, "Vision & outcomes")
        .click();
    h.run();
}

/// Scrolls the field named `label` into view, clicks it, empties it, types `text` and
/// presses Enter.
fn fill(h: &mut H, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    press_with(h, Modifiers::COMMAND, Key::A);
    press(h, Key::Backspace);
    type_text(h, text);
    press(h, Key::Enter);
    h.run();
}

/// Chooses File → `item`, then takes the offered place in the "where to write" prompt, and
/// returns the bytes written.
fn export_via_menu(h: &mut H, item: &str, format: Format) -> Vec<u8> {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label(item).click();
    settle(h);
    assert!(
        matches!(h.state().dialog(), Some(Dialog::PathPrompt { .. })),
        "Export asks where to write"
    );
    press(h, Key::Enter);
    settle(h);
    let path = h.state().export_path(format).unwrap();
    for _ in 0..100 {
        if path.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        settle(h);
    }
    std::fs::read(&path).expect("the export was written")
}

#[test]
fn purpose_facilitator_and_next_review_typed_in_the_app_reach_every_report() {
    let (_dir, mut h) = app_with_new_session("report-details");
    open_plan(&mut h);
    fill(
        &mut h,
        "Purpose of the workshop",
        "Agree the three digital priorities",
    );
    fill(&mut h, "Facilitator's name", "Jo Facilitator");
    fill(&mut h, "Next review date", "30 June 2027");
    let details = open_session(&h).session.lab.report.clone();
    assert_eq!(details.purpose, "Agree the three digital priorities");
    assert_eq!(details.facilitator, "Jo Facilitator");
    assert_eq!(details.next_review, Some(council::date(2027, 6, 30)));

    // Each field is one undo step, like every other change.
    fill(&mut h, "Facilitator's name", "Sam Stand-in");
    assert_eq!(
        open_session(&h).session.lab.report.facilitator,
        "Sam Stand-in"
    );
    press_with(&mut h, Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(
        open_session(&h).session.lab.report,
        details,
        "undo brings the facilitator back, nothing else changes"
    );

    let docx = export_via_menu(&mut h, "Export report as Word (.docx)…", Format::Docx);
    let document = office::zip_text(&docx, "word/document.xml");
    for text in [
        "Purpose: Agree the three digital priorities",
        "Facilitator: Jo Facilitator.",
        "Next review: 30 June 2027.",
    ] {
        assert!(document.contains(text), "{text} is in the Word report");
    }
    let md = markdown(&open_session(&h).session);
    for text in [
        "Facilitator: Jo Facilitator.",
        "Purpose: Agree the three digital priorities",
        "Next review: 30 June 2027.",
    ] {
        assert!(md.contains(text), "{text} is in the Markdown report:\n{md}");
    }

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Copy report").click();
    settle(&mut h);
    let copied = h.state().last_copied().expect("the report was copied");
    assert!(
        copied.contains("Facilitator: Jo Facilitator.")
            && copied.contains("Purpose: Agree the three digital priorities")
            && copied.contains("Next review: 30 June 2027."),
        "{copied}"
    );
}

#[test]
fn a_bad_next_review_date_keeps_what_was_typed_says_why_and_changes_nothing() {
    let (_dir, mut h) = app_with_new_session("report-bad-date");
    open_plan(&mut h);
    fill(&mut h, "Next review date", "1 March 2027");
    assert_eq!(
        open_session(&h).session.lab.report.next_review,
        Some(council::date(2027, 3, 1))
    );
    fill(&mut h, "Next review date", "31 February 2027");
    assert_eq!(
        open_session(&h).session.lab.report.next_review,
        Some(council::date(2027, 3, 1)),
        "the date set before is kept"
    );
    h.get_by_label("There is no such day: February 2027 has 28 days.");
    let field = h.get_by_label("Next review date");
    assert_eq!(
        field.value().as_deref(),
        Some("31 February 2027"),
        "what was typed stays in the field"
    );
    // Emptying the field clears the date, and the report says the review is still to agree.
    fill(&mut h, "Next review date", "");
    assert_eq!(open_session(&h).session.lab.report.next_review, None);
    assert!(markdown(&open_session(&h).session).contains("Next review: to be agreed."));
}

#[test]
fn the_copied_report_opens_in_libreoffice_with_headings_and_real_tables() {
    let Some(soffice) = office::soffice() else {
        return;
    };
    let dir = temp_dir("report-copy-libreoffice");
    let file = dir.join("lab.ron");
    goldthread::storage::save_file(&file, &council::example_session()).unwrap();
    let mut h = app_with(&dir, Some(file));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Copy report").click();
    settle(&mut h);
    // Exactly the HTML on the clipboard, opened the way Writer reads a paste of HTML.
    let html = h
        .state()
        .last_copied_html()
        .expect("the report was copied")
        .to_owned();
    let pasted = dir.join("pasted.html");
    std::fs::write(&pasted, &html).unwrap();
    let docx = office::convert(soffice, &dir, &pasted, "docx:MS Word 2007 XML");
    let document = office::zip_text(&std::fs::read(docx).unwrap(), "word/document.xml");
    let heading = |level: u8, text: &str| {
        let style = format!(r#"<w:pStyle w:val="Heading{level}"/>"#);
        document
            .split("<w:p>")
            .any(|p| p.contains(&style) && p.contains(&format!("<w:t>{text}</w:t>")))
    };
    let session = &open_session(&h).session;
    assert!(heading(1, &session.title), "the title is a heading 1");
    for section in [
        "Agenda",
        "Vote result",
        "Actions",
        "Next steps and next review",
    ] {
        assert!(heading(2, section), "{section} is a heading 2");
    }
    assert!(
        document.matches("<w:tbl>").count() >= 3,
        "agenda, ranking and actions are real tables"
    );
    let action = &session.lab.actions[0].description;
    let table_text = document
        .split("<w:tbl>")
        .skip(1)
        .any(|t| t.contains(action.as_str()));
    assert!(table_text, "the first action is in a table cell");
}
