//! Where uploaded files' bytes live: a local directory (the embedded default, `upload_dir`)
//! or an S3-compatible bucket (`storage = "s3://bucket[/prefix]"`), chosen by configuration
//! alone and managed as Rocket state. Several instances share files only through a bucket
//! (or one shared directory).
//!
//! Every write is atomic (a temporary file renamed into place, or one S3 `PUT`), under a
//! generated name nobody refers to until the row recording it commits. A [`Pending`] file is
//! removed unless `keep` is called after that commit, so a failed request leaves nothing.

mod local;
mod object;

use std::path::{Path, PathBuf};

use uuid::Uuid;

use crate::uploads::{FileKind, is_stored_name};

pub use object::S3Settings;

/// The file store of this installation. Cloning is cheap (shared handles).
#[derive(Clone, Debug)]
pub enum Storage {
    /// Files under a directory of this machine (or a shared volume).
    Local(PathBuf),
    /// Objects in an S3-compatible bucket.
    Object(object::Bucket),
}

/// The storage setting could not be used; names the key.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("storage must be empty, `local` or `s3://bucket[/prefix]`, got {0:?}")]
    Spec(String),
    #[error("storage {spec:?} could not be set up: {reason}")]
    Setup { spec: String, reason: String },
}

impl Storage {
    /// The store named by `spec`: `""` or `local` is `upload_dir`; `s3://bucket[/prefix]` a
    /// bucket reached with `s3` (endpoint and credentials; unset ones come from the usual
    /// `AWS_*` environment variables).
    pub fn open(spec: &str, upload_dir: &Path, s3: &S3Settings) -> Result<Storage, StorageError> {
        match spec.trim() {
            "" | "local" => Ok(Storage::Local(upload_dir.to_path_buf())),
            s if s.starts_with("s3://") => object::Bucket::open(s, s3).map(Storage::Object),
            other => Err(StorageError::Spec(other.to_owned())),
        }
    }

    /// What this store is, for logs and the migrate command (no credentials).
    #[must_use]
    pub fn describe(&self) -> String {
        match self {
            Storage::Local(dir) => format!("local directory {}", dir.display()),
            Storage::Object(b) => b.describe(),
        }
    }

    /// Stores `bytes` of competition `competition` under a new generated name
    /// (`<competition>/<uuid>.<ext>`); removed again unless the returned file is kept.
    pub async fn put_new(
        &self,
        competition: Uuid,
        kind: FileKind,
        bytes: &[u8],
    ) -> std::io::Result<Pending> {
        let name = format!("{competition}/{}.{}", Uuid::new_v4(), kind.extension());
        self.put(&name, bytes.to_vec()).await?;
        Ok(Pending {
            storage: self.clone(),
            name,
            armed: true,
        })
    }

    /// Writes `bytes` under the stored name `name`, atomically (readers see all or nothing).
    pub async fn put(&self, name: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        if !is_stored_name(name) {
            return Err(not_stored_name());
        }
        match self {
            Storage::Local(dir) => local::put(dir, name, bytes).await,
            Storage::Object(b) => b.put(name, bytes).await,
        }
    }

    /// The bytes stored as `name`; `None` for a name we never generate or a missing file.
    pub async fn read(&self, name: &str) -> std::io::Result<Option<Vec<u8>>> {
        if !is_stored_name(name) {
            return Ok(None);
        }
        match self {
            Storage::Local(dir) => local::read(dir, name).await,
            Storage::Object(b) => b.read(name).await,
        }
    }

    /// Removes `name`; a file already gone is not an error.
    pub async fn remove(&self, name: &str) -> std::io::Result<()> {
        if !is_stored_name(name) {
            return Ok(());
        }
        match self {
            Storage::Local(dir) => local::remove(dir, name).await,
            Storage::Object(b) => b.remove(name).await,
        }
    }

    /// Every stored name, sorted (temporary files of writes under way are not listed).
    pub async fn list(&self) -> std::io::Result<Vec<String>> {
        let mut names = match self {
            Storage::Local(dir) => local::list(dir).await?,
            Storage::Object(b) => b.list().await?,
        };
        names.retain(|n| is_stored_name(n));
        names.sort();
        Ok(names)
    }
}

fn not_stored_name() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a stored name")
}

/// A file written under its final name whose row is not committed yet. Call `keep` once the
/// row is committed; `discard` (or dropping it) removes the file.
pub struct Pending {
    storage: Storage,
    name: String,
    armed: bool,
}

impl Pending {
    /// The name to record in the database.
    #[must_use]
    pub fn stored_name(&self) -> &str {
        &self.name
    }

    /// The row is committed: the file stays.
    pub fn keep(mut self) {
        self.armed = false;
    }

    /// The row was not written: removes the file now.
    pub async fn discard(mut self) {
        self.armed = false;
        if let Err(e) = self.storage.remove(&self.name).await {
            log::warn!("could not remove unrecorded upload {}: {e}", self.name);
        }
    }
}

impl Drop for Pending {
    /// An error path that returned early (or a cancelled request): remove the file. A local
    /// file goes at once; an object is deleted by a task on the running runtime.
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        match &self.storage {
            Storage::Local(dir) => local::remove_now(dir, &self.name),
            Storage::Object(b) => b.remove_later(self.name.clone()),
        }
    }
}

/// What `migrate` did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Migrated {
    /// Files copied into the target.
    pub copied: usize,
    /// Files the target already had with the same bytes.
    pub present: usize,
}

/// Copies every stored file of `from` that `to` lacks (or holds with other bytes) into `to`.
/// Nothing is removed from `from`: switch the configuration, then clear it by hand.
pub async fn migrate(from: &Storage, to: &Storage) -> std::io::Result<Migrated> {
    let there: std::collections::BTreeSet<String> = to.list().await?.into_iter().collect();
    let mut done = Migrated::default();
    for name in from.list().await? {
        let Some(bytes) = from.read(&name).await? else {
            continue; // removed while we listed
        };
        if there.contains(&name) && to.read(&name).await?.as_deref() == Some(bytes.as_slice()) {
            done.present += 1;
            continue;
        }
        to.put(&name, bytes).await?;
        done.copied += 1;
    }
    Ok(done)
}

#[cfg(test)]
mod tests;
