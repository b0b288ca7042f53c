//! Any bytes at all, fed to the session loader: it must never panic or hang, whatever it loads
//! (repaired) must stay within the bounds the app relies on (a bounded list of warnings, every
//! theme frame small enough to place notes around), and it must save into a file that loads
//! again unchanged and without repairs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = goldthread::storage::from_bytes(data) else {
        return;
    };
    assert!(loaded.warnings.len() <= 101, "{}", loaded.warnings.len());
    for frame in loaded.session.theme_frames() {
        let span = goldthread::model::theme::MAX_THEME_SPAN;
        assert!(frame.frame.width() <= span && frame.frame.height() <= span, "{frame:?}");
    }
    let text = goldthread::storage::to_ron(&loaded.session);
    let Ok(again) = goldthread::storage::from_ron(&text) else {
        panic!("a loaded session saved into a file that does not load:\n{text}");
    };
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert_eq!(again.session, loaded.session);
});
