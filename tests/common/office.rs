//! LibreOffice for the tests that check a report the way a word processor reads it: find
//! `soffice` (or say plainly why the test is skipped), convert a file headless, and read a
//! part of the resulting Office Open XML file.

use std::io::Read as _;
use std::path::{Path, PathBuf};

/// The LibreOffice command, or `None` after printing why the test is skipped.
pub fn soffice() -> Option<&'static str> {
    let found = ["soffice", "libreoffice"].into_iter().find(|c| {
        std::process::Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        println!(
            "SKIPPED: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui"
        );
    }
    found
}

/// Converts `file` with LibreOffice to `to` (e.g. `"docx:MS Word 2007 XML"` or
/// `"txt:Text (encoded):UTF8"`) in `dir`, with a profile of its own there so tests running
/// at once do not share one. Returns the converted file; panics with LibreOffice's message
/// when it made nothing.
pub fn convert(soffice: &str, dir: &Path, file: &Path, to: &str) -> PathBuf {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let out = std::process::Command::new(soffice)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            to,
            "--outdir",
        ])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap();
    let extension = to.split(':').next().unwrap_or(to);
    let made = dir.join(file.with_extension(extension).file_name().unwrap());
    assert!(
        made.is_file(),
        "LibreOffice made no {extension}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    made
}

/// The text of one file inside a zip archive (e.g. `word/document.xml` of a .docx).
pub fn zip_text(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut file = archive.by_name(name).unwrap();
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}
