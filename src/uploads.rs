//! Uploaded files before they are stored: content sniffing, checksums, safe display names and
//! the shape of generated stored names. Where the bytes go is `crate::storage`.
//!
//! Stored names are generated (`<competition uuid>/<uuid>.<ext>`); what the user called the
//! file is kept only as a sanitized label for display.

use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The file types villages may upload, told by their content (magic bytes), never the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
}

impl FileKind {
    /// The kind the bytes really are, if it is one we accept.
    #[must_use]
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        match infer::get(bytes)?.mime_type() {
            "application/pdf" => Some(FileKind::Pdf),
            "image/jpeg" => Some(FileKind::Jpeg),
            "image/png" => Some(FileKind::Png),
            _ => None,
        }
    }

    /// The content type files of this kind are served with.
    #[must_use]
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }

    /// The extension of the stored file.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Jpeg => "jpg",
            FileKind::Png => "png",
        }
    }
}

/// Why an upload was refused; each maps to a message key for the form.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLarge,
    NotAllowed,
}

impl Refusal {
    /// The locale key shown next to the file field.
    #[must_use]
    pub fn message_key(&self) -> &'static str {
        match self {
            Refusal::Empty => "nom-err-file-empty",
            Refusal::TooLarge => "nom-err-file-too-large",
            Refusal::NotAllowed => "nom-err-file-type",
        }
    }
}

/// An accepted upload's facts, before anything touches the disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    pub kind: FileKind,
    pub sha256: String,
    pub size: u64,
}

/// Checks size and content and computes the SHA-256 checksum.
pub fn check(bytes: &[u8], max_bytes: u64) -> Result<Checked, Refusal> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size == 0 {
        return Err(Refusal::Empty);
    }
    if size > max_bytes {
        return Err(Refusal::TooLarge);
    }
    let kind = FileKind::sniff(bytes).ok_or(Refusal::NotAllowed)?;
    Ok(Checked {
        kind,
        sha256: hex(&Sha256::digest(bytes)),
        size,
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Most characters of a display name we keep (the column holds 255 bytes).
const MAX_LABEL_CHARS: usize = 120;

/// A file name fit for display: the last path segment only, no control characters, no
/// leading dots, at most 120 characters (the extension kept when it is short). Never used
/// to build a path.
#[must_use]
pub fn sanitize_name(original: &str) -> String {
    let last = original.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '|' | '?' | '*'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        return "berkas".to_owned();
    }
    if cleaned.chars().count() <= MAX_LABEL_CHARS {
        return cleaned.to_owned();
    }
    // Keep a short extension so a long name still says what it is.
    let ext = cleaned
        .rsplit_once('.')
        .map(|(_, e)| e)
        .filter(|e| !e.is_empty() && e.chars().count() <= 5);
    let room = MAX_LABEL_CHARS - ext.map_or(0, |e| e.chars().count() + 1);
    let stem: String = cleaned.chars().take(room).collect();
    match ext {
        Some(e) => format!("{stem}.{e}"),
        None => stem,
    }
}

/// True when `name` has the shape of a name we generated (`<uuid>/<uuid>.<ext>`), so a
/// tampered row can never point outside the upload directory or bucket prefix.
#[must_use]
pub fn is_stored_name(name: &str) -> bool {
    let Some((folder, file)) = name.split_once('/') else {
        return false;
    };
    let Some((stem, ext)) = file.split_once('.') else {
        return false;
    };
    Uuid::parse_str(folder).is_ok()
        && Uuid::parse_str(stem).is_ok()
        && matches!(ext, "pdf" | "jpg" | "png")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
    ];
    const JPEG: &[u8] = &[0xff, 0xd8, 0xff, 0xe0, 0, 0x10, b'J', b'F', b'I', b'F', 0];

    #[test]
    fn content_decides_the_kind_not_the_name() {
        assert_eq!(FileKind::sniff(PDF), Some(FileKind::Pdf));
        assert_eq!(FileKind::sniff(PNG), Some(FileKind::Png));
        assert_eq!(FileKind::sniff(JPEG), Some(FileKind::Jpeg));
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0";
        let exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0";
        assert_eq!(check(elf, 100), Err(Refusal::NotAllowed));
        assert_eq!(check(exe, 100), Err(Refusal::NotAllowed));
        assert_eq!(check(b"just text", 100), Err(Refusal::NotAllowed));
    }

    #[test]
    fn size_is_checked_before_anything_else() {
        assert_eq!(check(b"", 100), Err(Refusal::Empty));
        assert_eq!(check(PDF, 10), Err(Refusal::TooLarge));
        let ok = check(PDF, 1000).unwrap();
        assert_eq!(ok.size, u64::try_from(PDF.len()).unwrap());
        assert_eq!(ok.sha256.len(), 64);
        assert_eq!(
            check(b"%PDF-", 10).unwrap().sha256,
            "38523c087796e5d5dd1cf9bad1fb026781a838dd9dd2cf8af58b9f6502a46778"
        );
    }

    #[test]
    fn display_names_lose_paths_and_control_characters() {
        assert_eq!(sanitize_name("../../etc/passwd"), "passwd");
        assert_eq!(sanitize_name("C:\\Users\\x\\profil.pdf"), "profil.pdf");
        assert_eq!(sanitize_name("ev\0il\n.pdf"), "evil.pdf");
        assert_eq!(sanitize_name("..."), "berkas");
        assert_eq!(sanitize_name(".htaccess"), "htaccess");
        assert_eq!(sanitize_name("a\"b<c>.pdf"), "abc.pdf");
        let long = format!("{}.pdf", "x".repeat(500));
        let cut = sanitize_name(&long);
        assert_eq!(cut.chars().count(), 120);
        assert!(cut.ends_with(".pdf"));
    }

    #[test]
    fn only_generated_names_resolve_to_paths() {
        let c = Uuid::new_v4();
        let good = format!("{c}/{}.pdf", Uuid::new_v4());
        assert!(is_stored_name(&good));
        for bad in [
            "../../etc/passwd",
            "x/y.pdf",
            &format!("{c}/../../etc.pdf"),
            &format!("{c}/{}.exe", Uuid::new_v4()),
        ] {
            assert!(!is_stored_name(bad), "{bad}");
        }
    }
}
