//! Words each topic of the built-in vocabulary learned from labelled training walls,
//! written by `tools/vocabulary/grow.py` from `benches/data/training-walls.csv`
//! (16 walls, 740 notes). Do not edit by hand: change the walls or
//! `tools/vocabulary/rejected.txt` and run the tool again.

/// (topic label, words separated by spaces).
pub const GROWN: &[(&str, &str)] = &[
    ("culture", "fatigue"),
    (
        "data",
        "asset cleansing condition counters digitised duplicate footfall inconsistent owns predict register truth",
    ),
    ("inclusion", "audio easy interpreters smartphone"),
    ("infrastructure", "drops modems rural"),
    ("money", "capital locum save"),
    (
        "online services",
        "applications concessionary status upload",
    ),
    (
        "partnership",
        "authorities authority councils icb joint neighbouring universities",
    ),
    (
        "processes",
        "approved checklist inspection keying permit standardise templates triage",
    ),
    ("security", "smartcards whatsapp"),
    ("skills", "lunch module protected sessions teaches"),
    ("suppliers", "contractors framework locked"),
    ("sustainability", "footprint zero"),
    (
        "workforce",
        "burnt caseloads leave retiring role sws vacancy",
    ),
];
