//! Results persistence: the engine's inputs read from the judging tables, announced snapshots,
//! plenary minutes, appeals and disbursements.

pub mod appeals;
pub mod disbursements;
pub mod inputs;
pub mod minutes;
pub mod published;
pub mod reads;
pub mod shortlist;
pub mod snapshots;

/// An uploaded file already placed in storage (an appeal's attachment, a transfer's proof).
#[derive(Clone, Debug)]
pub struct StoredFile {
    /// As uploaded (sanitized).
    pub name: String,
    pub stored: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
}

/// A stored file's row columns: name, stored name, content type, size, checksum.
pub type FileColumns = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<String>,
);

impl StoredFile {
    /// The row columns of an optional file.
    #[must_use]
    pub fn columns(file: Option<StoredFile>) -> FileColumns {
        match file {
            Some(f) => (
                Some(f.name),
                Some(f.stored),
                Some(f.content_type),
                Some(f.size),
                Some(f.sha256),
            ),
            None => (None, None, None, None, None),
        }
    }
}
