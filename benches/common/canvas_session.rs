//! Deterministic sessions for the canvas benchmark: notes on a grid of `NOTE_WIDTH + NOTE_GAP`
//! by `NOTE_HEIGHT + NOTE_GAP` cells with about `sqrt(n)` columns, 3–25 words each from a fixed
//! word list picked by a seeded xorshift generator, cycling through all six colours.

use chrono::NaiveDate;
use goldthread::model::{CanvasPos, NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH};
use goldthread::{Note, NoteColour, NoteId, Session};

/// A tiny xorshift64* generator: deterministic, no dependencies.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }
}

/// Words of the kind written on sticky notes in an innovation workshop.
const WORDS: [&str; 64] = [
    "open",
    "data",
    "portal",
    "digital",
    "skills",
    "for",
    "staff",
    "shared",
    "booking",
    "system",
    "citizens",
    "feedback",
    "loop",
    "faster",
    "permits",
    "library",
    "makerspace",
    "pilot",
    "community",
    "energy",
    "co-op",
    "better",
    "signage",
    "in",
    "the",
    "town",
    "hall",
    "mobile",
    "service",
    "desk",
    "wifi",
    "everywhere",
    "public",
    "transport",
    "app",
    "young",
    "people",
    "mentoring",
    "programme",
    "reduce",
    "paperwork",
    "one",
    "login",
    "all",
    "services",
    "green",
    "roofs",
    "on",
    "schools",
    "night",
    "bus",
    "to",
    "station",
    "repair",
    "café",
    "every",
    "month",
    "how",
    "might",
    "we",
    "make",
    "it",
    "easier",
    "what",
];

/// Sticky-note text of 3–25 words, starting with a capital letter.
fn note_text(rng: &mut XorShift) -> String {
    let words = rng.range(3, 25);
    let mut text = String::with_capacity(words * 8);
    for i in 0..words {
        let word = WORDS[rng.range(0, WORDS.len() - 1)];
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                text.extend(first.to_uppercase());
                text.push_str(chars.as_str());
            }
        } else {
            text.push(' ');
            text.push_str(word);
        }
    }
    text
}

/// A session of `n` notes on a grid with about `sqrt(n)` columns, the same for every run.
pub fn make_session(n: usize) -> Session {
    let cols = (n as f64).sqrt().ceil().max(1.0) as usize;
    let mut rng = XorShift::new(0x5EED_0000 + n as u64);
    let date = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date");
    let mut session = Session::new(format!("Benchmark {n} notes"), date);
    session.notes = (0..n)
        .map(|i| {
            let pos = CanvasPos::new(
                (i % cols) as f32 * (NOTE_WIDTH + NOTE_GAP),
                (i / cols) as f32 * (NOTE_HEIGHT + NOTE_GAP),
            );
            let colour = NoteColour::ALL[i % NoteColour::ALL.len()];
            Note::new(NoteId(i as u64 + 1), note_text(&mut rng), colour, pos)
        })
        .collect();
    // Moves the id counter past every note, as loading a file would.
    let warnings = session.repair();
    assert!(
        warnings.is_empty(),
        "generated session needed repairs: {warnings:?}"
    );
    session
}
