//! SVG pictures rasterised to PNG on the CPU with resvg and tiny-skia, with the bundled fonts
//! (Inter, DejaVu Sans), so the picture is the same on every machine and needs no window.

use std::sync::Arc;

/// The largest picture made, in pixels: a huge board is scaled down to fit.
const MAX_PIXELS: f32 = 40_000_000.0;
/// The longest side of a picture, in pixels.
const MAX_SIDE: f32 = 12_000.0;

/// The bundled fonts, loaded once.
fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: std::sync::OnceLock<Arc<resvg::usvg::fontdb::Database>> =
        std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = resvg::usvg::fontdb::Database::new();
            for data in [
                &include_bytes!("../../assets/fonts/Inter-Regular.otf")[..],
                &include_bytes!("../../assets/fonts/Inter-SemiBold.otf")[..],
                &include_bytes!("../../assets/fonts/DejaVuSans.ttf")[..],
                &include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf")[..],
            ] {
                db.load_font_data(data.to_vec());
            }
            db.set_sans_serif_family("Inter");
            Arc::new(db)
        })
        .clone()
}

/// Rasterises `svg` to PNG bytes at `scale` (2.0 for sharp slides), smaller when the picture
/// would be too large to hold in memory.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    let options = resvg::usvg::Options {
        fontdb: fonts(),
        font_family: "Inter".to_owned(),
        ..Default::default()
    };
    let tree = resvg::usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the picture could not be drawn: {e}"))?;
    let size = tree.size();
    let mut scale = scale;
    scale = scale.min((MAX_PIXELS / (size.width() * size.height())).sqrt());
    scale = scale.min(MAX_SIDE / size.width().max(size.height()));
    let (w, h) = (
        (size.width() * scale).ceil().max(1.0) as u32,
        (size.height() * scale).ceil().max(1.0) as u32,
    );
    let Some(mut pixmap) = resvg::tiny_skia::Pixmap::new(w, h) else {
        return Err(format!("a picture of {w} × {h} pixels could not be made"));
    };
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("the picture could not be saved as PNG: {e}"))
}
