//! Any bytes at all, fed to the session loader: it must never panic or hang, and whatever it
//! loads (repaired) must save into a file that loads again unchanged and without repairs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = goldthread::storage::from_bytes(data) else {
        return;
    };
    let text = goldthread::storage::to_ron(&loaded.session);
    let Ok(again) = goldthread::storage::from_ron(&text) else {
        panic!("a loaded session saved into a file that does not load:\n{text}");
    };
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert_eq!(again.session, loaded.session);
});
