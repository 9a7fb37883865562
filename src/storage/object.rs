//! The S3-compatible backend through `object_store`: one `PUT` per file (atomic by the
//! protocol), objects named like local files, under an optional key prefix.

use std::sync::Arc;

use futures_util::TryStreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::path::Path as Key;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use super::StorageError;

type Shared = Arc<dyn ObjectStore>;

/// How to reach the bucket. Each unset field falls back to the standard environment variable
/// (`AWS_ENDPOINT`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`).
#[derive(Clone, Debug, Default)]
pub struct S3Settings {
    /// e.g. `http://127.0.0.1:9000` for MinIO or another S3-compatible server; plain
    /// `http://` is allowed only when given here explicitly.
    pub endpoint: Option<String>,
    pub region: Option<String>,
    pub access_key: Option<String>,
    pub secret_key: Option<String>,
}

/// An opened bucket (with prefix).
#[derive(Clone)]
pub struct Bucket {
    store: Shared,
    spec: String,
}

impl std::fmt::Debug for Bucket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl Bucket {
    /// `spec` is `s3://bucket[/prefix]`.
    pub(super) fn open(spec: &str, s3: &S3Settings) -> Result<Bucket, StorageError> {
        let rest = spec.trim_start_matches("s3://").trim_end_matches('/');
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(StorageError::Spec(spec.to_owned()));
        }
        let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
        if let Some(endpoint) = s3.endpoint.as_deref().filter(|e| !e.is_empty()) {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        if let Some(region) = s3.region.as_deref().filter(|r| !r.is_empty()) {
            builder = builder.with_region(region);
        }
        if let (Some(key), Some(secret)) = (s3.access_key.as_deref(), s3.secret_key.as_deref()) {
            builder = builder
                .with_access_key_id(key)
                .with_secret_access_key(secret);
        }
        let store = builder.build().map_err(|e| StorageError::Setup {
            spec: spec.to_owned(),
            reason: e.to_string(),
        })?;
        let store: Shared = if prefix.is_empty() {
            Arc::new(store)
        } else {
            Arc::new(PrefixStore::new(store, prefix))
        };
        Ok(Bucket {
            store,
            spec: format!("s3://{rest}"),
        })
    }

    pub(super) fn describe(&self) -> String {
        format!("bucket {}", self.spec)
    }

    pub(super) async fn put(&self, name: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        let payload = PutPayload::from(bytes);
        self.store
            .put(&Key::from(name), payload)
            .await
            .map_err(io)?;
        Ok(())
    }

    pub(super) async fn read(&self, name: &str) -> std::io::Result<Option<Vec<u8>>> {
        match self.store.get(&Key::from(name)).await {
            Ok(found) => Ok(Some(found.bytes().await.map_err(io)?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(io(e)),
        }
    }

    pub(super) async fn remove(&self, name: &str) -> std::io::Result<()> {
        match self.store.delete(&Key::from(name)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(io(e)),
        }
    }

    /// For `Drop`: a task on the running runtime deletes the object (none running: it stays,
    /// unreferenced and harmless).
    pub(super) fn remove_later(&self, name: String) {
        let store = Arc::clone(&self.store);
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                if let Err(e) = store.delete(&Key::from(name.as_str())).await {
                    log::warn!("could not remove unrecorded upload {name}: {e}");
                }
            });
        }
    }

    pub(super) async fn list(&self) -> std::io::Result<Vec<String>> {
        let objects: Vec<_> = self.store.list(None).try_collect().await.map_err(io)?;
        Ok(objects
            .into_iter()
            .map(|o| o.location.to_string())
            .collect())
    }
}

fn io(e: object_store::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}
