//! The word lexicon: 60,000 English words with compact word vectors, built into the binary
//! from `assets/lexicon/words.bin` (derived from public GloVe vectors by `tools/lexicon`; see
//! `assets/lexicon/NOTICE.md`). It lets suggestions see that "rota" is close to "shift" and
//! "schedule", words the built-in [`concepts`](super::concepts) never listed.
//!
//! The asset is read the first time suggestions need it, on the thread that computes them
//! (never the UI thread), and kept for the rest of the run. A damaged asset is refused with a
//! message and suggestions carry on with the built-in vocabulary alone.

use std::sync::OnceLock;

/// The asset as built into the binary.
static ASSET: &[u8] = include_bytes!("../../assets/lexicon/words.bin");

/// The first bytes of the asset: its name and format version.
const MAGIC: &[u8; 8] = b"GTLEX001";

/// The lexicon read from the built-in asset, or why it could not be read. Read once, on first
/// use, by whichever thread asks first (the suggestions thread in the app).
pub fn shared() -> Result<&'static Lexicon, &'static str> {
    static SHARED: OnceLock<Result<Lexicon, String>> = OnceLock::new();
    SHARED
        .get_or_init(load_built_in)
        .as_ref()
        .map_err(String::as_str)
}

/// Reads the built-in asset afresh (what [`shared`] does once; the benchmark times it).
pub fn load_built_in() -> Result<Lexicon, String> {
    Lexicon::parse(ASSET)
}

/// Words and their unit vectors.
#[derive(Debug)]
pub struct Lexicon {
    /// The words, sorted by byte, each followed by `\n`.
    blob: &'static [u8],
    /// Where each word starts in `blob` (one more entry: the end).
    starts: Vec<u32>,
    /// Each word's quantisation step.
    scales: Vec<f32>,
    /// The packed codes of every vector, word after word.
    codes: &'static [u8],
    /// Values per vector.
    dims: usize,
    /// Bits per value: 4 or 8.
    bits: u8,
}

/// A unit word vector.
pub type Vector = Vec<f32>;

/// Reads a little-endian number of `N` bytes at `*at`, moving past it.
fn take<const N: usize>(bytes: &[u8], at: &mut usize) -> Result<[u8; N], String> {
    let slice = bytes
        .get(*at..*at + N)
        .ok_or("the file ends too early (it may be truncated)")?;
    *at += N;
    let mut out = [0; N];
    out.copy_from_slice(slice);
    Ok(out)
}

impl Lexicon {
    /// Reads an asset in the format `tools/lexicon` writes, checking its checksum, so a
    /// truncated or altered file is refused with a message rather than misread.
    pub fn parse(bytes: &'static [u8]) -> Result<Self, String> {
        let Some(body_len) = bytes.len().checked_sub(8) else {
            return Err("the file is too short to be a word lexicon".to_owned());
        };
        if !bytes.starts_with(MAGIC) {
            return Err("the file is not a Goldthread word lexicon (format 1)".to_owned());
        }
        let (body, stored) = bytes.split_at(body_len);
        let mut hash = [0; 8];
        hash.copy_from_slice(stored);
        if fnv1a(body) != u64::from_le_bytes(hash) {
            return Err("the file is damaged (its checksum does not match)".to_owned());
        }
        let mut at = MAGIC.len();
        let count = u32::from_le_bytes(take(body, &mut at)?) as usize;
        let dims = usize::from(u16::from_le_bytes(take(body, &mut at)?));
        let [bits, _] = take::<2>(body, &mut at)?;
        if bits != 4 && bits != 8 || dims == 0 {
            return Err(format!("unsupported layout: {dims} values of {bits} bits"));
        }
        let blob_len = u32::from_le_bytes(take(body, &mut at)?) as usize;
        let blob = body
            .get(at..at + blob_len)
            .ok_or("the word list is cut short")?;
        at += blob_len;
        let mut starts = Vec::with_capacity(count + 1);
        starts.push(0);
        for (i, &b) in blob.iter().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        if starts.len() != count + 1 {
            return Err(format!(
                "expected {count} words, found {}",
                starts.len() - 1
            ));
        }
        let mut scales = Vec::with_capacity(count);
        for _ in 0..count {
            scales.push(f32::from_le_bytes(take(body, &mut at)?));
        }
        let per_word = (dims * usize::from(bits)).div_ceil(8);
        let codes = body
            .get(at..)
            .filter(|c| c.len() == count * per_word)
            .ok_or("the vectors do not match the word count")?;
        Ok(Self {
            blob,
            starts,
            scales,
            codes,
            dims,
            bits,
        })
    }

    /// How many words it holds.
    pub fn len(&self) -> usize {
        self.scales.len()
    }

    /// True when it holds no words.
    pub fn is_empty(&self) -> bool {
        self.scales.is_empty()
    }

    /// The `i`th word (sorted order).
    fn word(&self, i: usize) -> &[u8] {
        let (start, end) = (self.starts[i] as usize, self.starts[i + 1] as usize - 1);
        &self.blob[start..end]
    }

    /// The index of `word` (lower case), if it is in the lexicon.
    pub fn find(&self, word: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(word.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The unit vector of `word` (lower case), if it is in the lexicon.
    pub fn vector(&self, word: &str) -> Option<Vector> {
        let i = self.find(word)?;
        let per_word = (self.dims * usize::from(self.bits)).div_ceil(8);
        let codes = &self.codes[i * per_word..(i + 1) * per_word];
        let scale = self.scales[i];
        let mut v: Vector = if self.bits == 4 {
            (0..self.dims)
                .map(|d| {
                    let nibble = (codes[d / 2] >> ((d % 2) * 4)) & 0x0f;
                    (f32::from(nibble) - 8.0) * scale
                })
                .collect()
        } else {
            codes
                .iter()
                .map(|&c| (f32::from(c) - 128.0) * scale)
                .collect()
        };
        normalise(&mut v);
        Some(v)
    }
}

/// Scales `v` to unit length (a zero vector stays zero).
pub fn normalise(v: &mut [f32]) {
    let norm = dot(v, v).sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// The dot product of two vectors of one length (the cosine, for unit vectors). Summed in eight
/// lanes so the compiler can use vector instructions.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            lanes[k] += x[k] * y[k];
        }
    }
    let tail: f32 = ra.iter().zip(rb).map(|(x, y)| x * y).sum();
    lanes.iter().sum::<f32>() + tail
}

/// The FNV-1a hash the asset's checksum uses.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_asset_loads_and_knows_workshop_words() {
        let lexicon = shared().expect("the built-in lexicon loads");
        assert!(lexicon.len() >= 50_000, "{} words", lexicon.len());
        for word in ["rota", "wifi", "broadband", "laptop", "devices", "train"] {
            assert!(lexicon.find(word).is_some(), "{word} is missing");
        }
        assert!(lexicon.find("zzqx").is_none());
        let close = |a: &str, b: &str| {
            let (Some(x), Some(y)) = (lexicon.vector(a), lexicon.vector(b)) else {
                panic!("{a} or {b} missing");
            };
            dot(&x, &y)
        };
        assert!(close("wifi", "broadband") > close("wifi", "budget"));
        assert!(close("rota", "shifts") > close("rota", "laptop"));
    }

    #[test]
    fn truncated_altered_or_foreign_files_are_refused_with_a_message() {
        let truncated: &'static [u8] = ASSET[..ASSET.len() / 2].to_vec().leak();
        assert!(Lexicon::parse(truncated).unwrap_err().contains("damaged"));
        let mut altered = ASSET.to_vec();
        altered[100] ^= 0x55;
        let altered: &'static [u8] = altered.leak();
        assert!(Lexicon::parse(altered).unwrap_err().contains("damaged"));
        assert!(Lexicon::parse(b"not a lexicon at all").is_err());
        assert!(Lexicon::parse(b"").unwrap_err().contains("too short"));
    }
}
