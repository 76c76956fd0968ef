//! A chart as PNG, for PowerPoint and older Word: the SVG drawn by resvg with the same
//! embedded font, at twice the SVG's size so it stays sharp when a slide scales it.

use resvg::{tiny_skia, usvg};

use super::SpcReportError;
use super::svg::FONT;

/// PNG pixels per SVG unit.
const SCALE: f32 = 2.0;

/// The SVG as PNG bytes.
pub fn png_of_svg(svg: &str) -> Result<Vec<u8>, SpcReportError> {
    draw(svg)?
        .encode_png()
        .map_err(|e| SpcReportError::Png(e.to_string()))
}

/// The SVG drawn on white, text in the embedded font whatever family it names (a locked-down
/// laptop may have no fonts qiboard can find, and the PNG must look like the SVG).
fn draw(svg: &str) -> Result<tiny_skia::Pixmap, SpcReportError> {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(FONT.to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    let options = usvg::Options {
        font_family: "DejaVu Sans".to_string(),
        fontdb: std::sync::Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| SpcReportError::Png(format!("the SVG could not be read back: {e}")))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(SCALE)
        .ok_or_else(|| SpcReportError::Png("it is too large".to_string()))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| SpcReportError::Png("it has no size".to_string()))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_drawn_in_the_embedded_font() {
        let words = r#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">
            <text x="4" y="30" font-family="sans-serif" font-size="24">Falls</text></svg>"#;
        let pixmap = draw(words).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (240, 80));
        let inked = pixmap
            .pixels()
            .iter()
            .filter(|p| p.red() < 128 && p.alpha() == 255)
            .count();
        assert!(
            inked > 200,
            "only {inked} dark pixels: the text was not drawn"
        );
    }

    #[test]
    fn something_that_is_not_svg_is_an_error_not_a_panic() {
        let error = png_of_svg("<html>").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("could not draw the chart as PNG")
        );
    }
}
