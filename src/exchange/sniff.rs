//! What a file is, told by its first bytes, so that a reader of text never echoes a workbook
//! or an image back at the person as if it were a line of their data.

/// A kind of file that is not the text a reader expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    /// `.xlsx`, `.docx` and `.zip` all start as a zip archive.
    ZipOrWorkbook,
    /// The old binary Office format (`.xls`, `.doc`).
    OldOfficeFile,
    Pdf,
    Png,
    Jpeg,
    Gif,
    /// Excel's "Unicode text" and some exports: readable, but not in the encoding expected.
    Utf16,
    /// Anything else holding NUL bytes: no text file does.
    Binary,
}

impl NotText {
    /// A workbook in disguise: spreadsheet readers take these, text readers do not.
    pub fn is_spreadsheet(self) -> bool {
        matches!(self, NotText::ZipOrWorkbook | NotText::OldOfficeFile)
    }
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NotText::ZipOrWorkbook => "an Excel workbook (.xlsx) or another zip file",
            NotText::OldOfficeFile => "an old Excel workbook (.xls) or another Office file",
            NotText::Pdf => "a PDF document",
            NotText::Png => "a PNG image",
            NotText::Jpeg => "a JPEG image",
            NotText::Gif => "a GIF image",
            NotText::Utf16 => "UTF-16 text",
            NotText::Binary => "binary data",
        })
    }
}

/// The kind of a file that cannot be text, before any of it is shown as text; `None` for bytes
/// that may be text.
pub fn sniff(bytes: &[u8]) -> Option<NotText> {
    const SIGNATURES: [(&[u8], NotText); 9] = [
        (b"PK\x03\x04", NotText::ZipOrWorkbook),
        (b"PK\x05\x06", NotText::ZipOrWorkbook),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", NotText::OldOfficeFile),
        (b"%PDF", NotText::Pdf),
        (b"\x89PNG", NotText::Png),
        (b"\xFF\xD8\xFF", NotText::Jpeg),
        (b"GIF8", NotText::Gif),
        (b"\xFF\xFE", NotText::Utf16),
        (b"\xFE\xFF", NotText::Utf16),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
        .or_else(|| bytes.contains(&0).then_some(NotText::Binary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_by_their_first_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Some(NotText::ZipOrWorkbook));
        assert_eq!(sniff(b"\x89PNG\r\n"), Some(NotText::Png));
        assert_eq!(sniff(b"\xFF\xFEd\x00"), Some(NotText::Utf16));
        assert_eq!(sniff(b"date,value\n1,\x002"), Some(NotText::Binary));
        assert_eq!(sniff("date,value\nCafé,1".as_bytes()), None);
    }
}
