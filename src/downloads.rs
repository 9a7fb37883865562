//! Serving uploaded files (evidence, judges' photos, appeal attachments) so that their bytes
//! can never act as part of the app: PDFs and anything else are downloaded
//! (`Content-Disposition: attachment`), only PNG and JPEG open in the browser, every one with
//! `nosniff` and a `sandbox` Content-Security-Policy (a PDF/HTML polyglot gets no origin and
//! no script). The client's file name is only a label: sanitized, and sent as an RFC 6266
//! `filename*` (UTF-8, percent-encoded) with an ASCII fallback.

use rocket::Responder;
use rocket::http::{ContentType, Header};

/// The policy sent with every uploaded file, overriding the app's page policy.
pub const UPLOAD_CSP: &str =
    "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

/// An uploaded file with its safety headers.
#[derive(Responder)]
pub struct UploadedFile {
    body: Vec<u8>,
    content_type: ContentType,
    disposition: Header<'static>,
    nosniff: Header<'static>,
    csp: Header<'static>,
}

impl UploadedFile {
    /// The file `body`, stored as `content_type`, labelled `label` (falls back to
    /// `berkas.<ext>`).
    #[must_use]
    pub fn new(body: Vec<u8>, content_type: Option<&str>, label: &str) -> Self {
        let content_type = content_type
            .and_then(ContentType::parse_flexible)
            .unwrap_or(ContentType::Binary);
        let inline = content_type == ContentType::PNG || content_type == ContentType::JPEG;
        let ext = content_type.extension().map_or("bin", |e| e.as_str());
        UploadedFile {
            body,
            disposition: Header::new(
                "Content-Disposition",
                disposition(if inline { "inline" } else { "attachment" }, label, ext),
            ),
            content_type,
            nosniff: Header::new("X-Content-Type-Options", "nosniff"),
            csp: Header::new("Content-Security-Policy", UPLOAD_CSP),
        }
    }
}

/// `<kind>; filename="<ascii>"; filename*=UTF-8''<percent-encoded>` for a display label.
#[must_use]
pub fn disposition(kind: &str, label: &str, ext: &str) -> String {
    let label = crate::uploads::sanitize_name(label);
    let label = label.trim();
    let label = if label.is_empty() || label == "berkas" {
        format!("berkas.{ext}")
    } else {
        label.to_owned()
    };
    // The quoted fallback: printable ASCII without quote, backslash, or percent (which some
    // browsers decode); everything else becomes `_`.
    let ascii: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && !matches!(c, '"' | '\\' | '%' | ';') || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = label
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn labels_are_quoted_safely_and_encoded_per_rfc_6266() {
        assert_eq!(
            disposition("attachment", "Profil Desa.pdf", "pdf"),
            "attachment; filename=\"Profil Desa.pdf\"; filename*=UTF-8''Profil%20Desa.pdf"
        );
        let header = disposition("attachment", "a\"b\r\nSet-Cookie: x=1;\\ü.pdf", "pdf");
        assert!(!header.contains('\r') && !header.contains('\n'), "{header}");
        let (fallback, encoded) = header.split_once("; filename*=").unwrap();
        assert_eq!(fallback.matches('"').count(), 2, "{header}");
        assert!(encoded.starts_with("UTF-8''"), "{header}");
        assert!(encoded.contains("%C3%BC.pdf"), "{header}");
        assert!(!encoded.contains(' ') && !encoded.contains(';'), "{header}");
        assert_eq!(
            disposition("inline", "", "png"),
            "inline; filename=\"berkas.png\"; filename*=UTF-8''berkas.png"
        );
    }
}
