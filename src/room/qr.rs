//! The join address as a QR code: a square matrix of dark and light modules the UI paints as
//! rectangles (with a light quiet zone of four modules around it).

use qrcode::{Color, EcLevel, QrCode};

/// A QR code's modules, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrMatrix {
    width: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    /// The QR code of `text` with medium error correction (readable across a room even when part
    /// of the projection is washed out). Fails only for text too long for any QR code.
    pub fn encode(text: &str) -> Result<Self, String> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .map_err(|e| format!("The join address cannot be made into a QR code: {e}"))?;
        let width = code.width();
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect();
        Ok(Self { width, dark })
    }

    /// Modules per side (without the quiet zone).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Is the module at column `x`, row `y` dark? Outside the matrix is light (the quiet zone).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_address_fits_and_has_finder_patterns() {
        let qr =
            QrMatrix::encode("http://192.168.1.20:8765/#join=0123456789abcdef0123456789abcdef")
                .unwrap();
        assert!(qr.width() >= 21);
        // The top-left finder pattern: a dark 7x7 ring around a light ring around a dark 3x3.
        assert!(qr.is_dark(0, 0) && qr.is_dark(6, 6) && qr.is_dark(3, 3));
        assert!(!qr.is_dark(1, 1) && !qr.is_dark(7, 7));
        assert!(!qr.is_dark(qr.width(), 0));
    }
}
