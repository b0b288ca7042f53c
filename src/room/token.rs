//! Secrets of one opening of the room: the join token in the QR address, the short join code
//! people can type, and each phone's own token. All come from the operating system's random
//! source, live only in memory and are never logged, saved or shown in `Debug` output.

use std::fmt;

/// Letters and digits that cannot be mistaken for each other on a projector (no 0/O, 1/I/L).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A secret string compared in constant time and hidden from `Debug`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Secret(String);

impl Secret {
    /// 128 random bits as 32 lowercase hex digits.
    pub fn random_token() -> Result<Self, getrandom::Error> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes)?;
        Ok(Self(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    /// A short join code, eight characters from [`CODE_ALPHABET`] as `ABCD-EFGH` (about 40 bits;
    /// guessing is capped by the joins-per-address limit).
    pub fn random_code() -> Result<Self, getrandom::Error> {
        let mut code = String::with_capacity(9);
        while code.len() < 9 {
            let mut byte = [0u8; 1];
            getrandom::fill(&mut byte)?;
            // Rejection sampling keeps every character equally likely.
            let limit = 256 - 256 % CODE_ALPHABET.len();
            if usize::from(byte[0]) >= limit {
                continue;
            }
            if code.len() == 4 {
                code.push('-');
            }
            code.push(char::from(
                CODE_ALPHABET[usize::from(byte[0]) % CODE_ALPHABET.len()],
            ));
        }
        Ok(Self(code))
    }

    /// A secret received from a phone, to look up.
    pub fn from_text(text: &str) -> Self {
        Self(text.to_owned())
    }

    /// The secret's text, for the join address and the projector.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Does `typed` match, comparing every byte whatever the first difference (no timing leak)?
    pub fn matches(&self, typed: &str) -> bool {
        let a = self.0.as_bytes();
        let b = typed.as_bytes();
        let mut diff = a.len() ^ b.len();
        for (i, x) in a.iter().enumerate() {
            diff |= usize::from(x ^ b.get(i).copied().unwrap_or(0));
        }
        diff == 0
    }

    /// Does a code typed by a person match, ignoring case, spaces and dashes?
    pub fn matches_code(&self, typed: &str) -> bool {
        let norm: String = typed
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let mine: String = self.0.chars().filter(|c| *c != '-').collect();
        Secret(mine).matches(&norm)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(hidden)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_bits_and_differ() {
        let a = Secret::random_token().unwrap();
        let b = Secret::random_token().unwrap();
        assert_eq!(a.expose().len(), 32);
        assert!(a.expose().chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert_eq!(format!("{a:?}"), "Secret(hidden)");
    }

    #[test]
    fn codes_read_clearly_and_match_loosely() {
        let code = Secret::random_code().unwrap();
        let text = code.expose();
        assert_eq!(text.len(), 9);
        assert_eq!(&text[4..5], "-");
        assert!(
            text.chars()
                .all(|c| c == '-' || CODE_ALPHABET.contains(&(c as u8)))
        );
        let typed = format!(" {} {} ", &text[..4].to_lowercase(), &text[5..]);
        assert!(code.matches_code(&typed));
        assert!(!code.matches_code("ABCD"));
        assert!(!code.matches(&text[..8]));
    }
}
