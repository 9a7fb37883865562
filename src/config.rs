//! Typed configuration, read once at start-up from Rocket's Figment: `Rocket.toml`, then
//! `ROCKET_*`, then `DATABASE_URL`, then `JUARA_*` environment variables (later wins).
//! `validate` checks it before launch; every error names the offending key.

use rocket::figment::{Figment, providers::Env};
use serde::Deserialize;
use std::path::{Path, PathBuf};

use crate::storage::{S3Settings, Storage};

/// Everything Juara needs to know about its installation.
#[derive(Clone, Deserialize)]
pub struct AppConfig {
    /// `sqlite://data/juara.db?mode=rwc` (default) or `postgres://…`.
    #[serde(default = "default_database_url")]
    pub database_url: String,
    /// Runtime files: the SQLite database, the generated secret key.
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    /// Where uploaded evidence files are stored when `storage` is local.
    #[serde(default = "default_upload_dir")]
    pub upload_dir: PathBuf,
    /// The file store: empty or `local` (`upload_dir`), or `s3://bucket[/prefix]` — the one
    /// choice several instances need to serve each other's uploads.
    #[serde(default)]
    pub storage: String,
    /// S3 endpoint, e.g. `http://minio.internal:9000` (unset: `AWS_ENDPOINT`, else AWS).
    #[serde(default)]
    pub storage_endpoint: Option<String>,
    /// S3 region (unset: `AWS_REGION`).
    #[serde(default)]
    pub storage_region: Option<String>,
    /// S3 credentials (unset: `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`).
    #[serde(default)]
    pub storage_access_key: Option<String>,
    #[serde(default)]
    pub storage_secret_key: Option<String>,
    /// Largest accepted upload, in bytes (default 10 MB).
    #[serde(default = "default_max_upload_bytes")]
    pub max_upload_bytes: u64,
    /// Username of the first admin, created on first start.
    #[serde(default = "default_admin_username")]
    pub admin_username: String,
    /// Password of the first admin; generated and logged once when absent.
    #[serde(default)]
    pub admin_password: Option<String>,
    /// Load the region registry on start (idempotent; skipped when already loaded).
    #[serde(default = "default_true")]
    pub load_registry: bool,
    /// Failed logins per username within the window before login is refused.
    #[serde(default = "default_login_max_failures")]
    pub login_max_failures: u32,
    /// Throttling window, in minutes.
    #[serde(default = "default_login_window_minutes")]
    pub login_window_minutes: u32,
    /// How long a session lasts, in hours.
    #[serde(default = "default_session_hours")]
    pub session_hours: u32,
    /// Mark the session cookie `Secure` (set it when TLS ends at a load balancer).
    #[serde(default)]
    pub secure_cookies: bool,
    /// The app is reachable only through a reverse proxy that sets `proxy_ip_header`: only
    /// then is that header trusted as the client's address (login throttling keys on it).
    #[serde(default)]
    pub behind_proxy: bool,
    /// How long an instance trusts what it last read of an announced result's versions when
    /// serving its public page to anonymous visitors (0: read every time).
    #[serde(default = "default_public_page_trust_ms")]
    pub public_page_trust_ms: u64,
    /// The header carrying the client address when `behind_proxy` is set.
    #[serde(default = "default_proxy_ip_header")]
    pub proxy_ip_header: String,
}

/// A configuration problem, naming the key to fix.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration could not be read: {0}")]
    Extract(#[from] Box<rocket::figment::Error>),
    #[error("database_url must start with sqlite:// or postgres://, got {0:?}")]
    DatabaseUrl(String),
    #[error("storage (JUARA_STORAGE): {0}")]
    Storage(#[from] crate::storage::StorageError),
    #[error("upload_dir {path:?} is not writable: {reason}")]
    UploadDir { path: PathBuf, reason: String },
    #[error("data_dir {path:?} is not writable: {reason}")]
    DataDir { path: PathBuf, reason: String },
    #[error(
        "secret_key must be set (ROCKET_SECRET_KEY, the same on every instance) when running \
         on PostgreSQL in release; generate one with `openssl rand -base64 32`"
    )]
    MissingSecretKey,
    #[error("{key} must be greater than zero")]
    Zero { key: &'static str },
    #[error("admin_password (JUARA_ADMIN_PASSWORD) is refused: {0}")]
    WeakAdminPassword(String),
    #[error("proxy_ip_header must be a header name such as X-Real-IP, got {0:?}")]
    ProxyIpHeader(String),
}

fn default_database_url() -> String {
    "sqlite://data/juara.db?mode=rwc".into()
}
fn default_data_dir() -> PathBuf {
    "data".into()
}
fn default_upload_dir() -> PathBuf {
    "data/uploads".into()
}
fn default_max_upload_bytes() -> u64 {
    10 * 1024 * 1024
}
fn default_admin_username() -> String {
    "admin".into() // not a state: the default username
}
fn default_true() -> bool {
    true
}
fn default_login_max_failures() -> u32 {
    5
}
fn default_login_window_minutes() -> u32 {
    15
}
fn default_session_hours() -> u32 {
    12
}
fn default_public_page_trust_ms() -> u64 {
    1000
}
fn default_proxy_ip_header() -> String {
    "X-Real-IP".into()
}

impl AppConfig {
    /// The layered figment the app and Rocket both read.
    #[must_use]
    pub fn figment() -> Figment {
        rocket::Config::figment()
            .merge(Env::raw().filter(|k| k == "database_url"))
            .merge(Env::prefixed("JUARA_").global())
    }

    /// Reads and validates the configuration from a figment.
    pub fn from_figment(figment: &Figment) -> Result<Self, ConfigError> {
        let config: AppConfig = figment.extract().map_err(Box::new)?;
        config.validate()?;
        Ok(config)
    }

    /// A configuration for tests and tools: defaults, with the given database and directory.
    #[must_use]
    pub fn with_database(database_url: &str, data_dir: &Path) -> Self {
        let mut config = AppConfig::defaults();
        config.database_url = database_url.into();
        config.data_dir = data_dir.into();
        config.upload_dir = data_dir.join("uploads");
        // Tests and tools see every published change at once.
        config.public_page_trust_ms = 0;
        config
    }

    /// True when the database is PostgreSQL.
    #[must_use]
    pub fn is_postgres(&self) -> bool {
        self.database_url.starts_with("postgres")
    }

    /// Checks every key that can be checked before connecting.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let url = self.database_url.as_str();
        let known = ["sqlite:", "postgres://", "postgresql://"];
        if !known.iter().any(|p| url.starts_with(p)) || url.len() < 10 {
            return Err(ConfigError::DatabaseUrl(url.to_owned()));
        }
        for (key, value) in [
            ("login_max_failures", self.login_max_failures),
            ("login_window_minutes", self.login_window_minutes),
            ("session_hours", self.session_hours),
        ] {
            if value == 0 {
                return Err(ConfigError::Zero { key });
            }
        }
        if self.max_upload_bytes == 0 {
            return Err(ConfigError::Zero {
                key: "max_upload_bytes",
            });
        }
        if let Some(p) = self.admin_password.as_deref()
            && let Err(e) = crate::password_policy::check_policy(p, &self.admin_username)
        {
            let reason = crate::i18n::t("en", e.message_key());
            return Err(ConfigError::WeakAdminPassword(reason));
        }
        let header = self.proxy_ip_header.as_str();
        if header.is_empty()
            || !header
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(ConfigError::ProxyIpHeader(header.to_owned()));
        }
        ensure_writable(&self.data_dir).map_err(|reason| ConfigError::DataDir {
            path: self.data_dir.clone(),
            reason,
        })?;
        if let Storage::Local(dir) = self.open_storage()? {
            ensure_writable(&dir).map_err(|reason| ConfigError::UploadDir {
                path: dir.clone(),
                reason,
            })?;
        }
        Ok(())
    }

    /// The file store this configuration names (opening it makes no request).
    pub fn open_storage(&self) -> Result<Storage, crate::storage::StorageError> {
        let s3 = S3Settings {
            endpoint: self.storage_endpoint.clone(),
            region: self.storage_region.clone(),
            access_key: self.storage_access_key.clone(),
            secret_key: self.storage_secret_key.clone(),
        };
        Storage::open(&self.storage, &self.upload_dir, &s3)
    }
}

impl AppConfig {
    /// Every key at its default.
    #[must_use]
    pub fn defaults() -> AppConfig {
        AppConfig {
            database_url: default_database_url(),
            data_dir: default_data_dir(),
            upload_dir: default_upload_dir(),
            storage: String::new(),
            storage_endpoint: None,
            storage_region: None,
            storage_access_key: None,
            storage_secret_key: None,
            max_upload_bytes: default_max_upload_bytes(),
            admin_username: default_admin_username(),
            admin_password: None,
            load_registry: true,
            login_max_failures: default_login_max_failures(),
            login_window_minutes: default_login_window_minutes(),
            session_hours: default_session_hours(),
            secure_cookies: false,
            behind_proxy: false,
            public_page_trust_ms: default_public_page_trust_ms(),
            proxy_ip_header: default_proxy_ip_header(),
        }
    }
}

/// Creates the directory if needed and proves it writable with a probe file.
fn ensure_writable(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let probe = dir.join(".write-probe");
    std::fs::write(&probe, b"ok").map_err(|e| e.to_string())?;
    std::fs::remove_file(&probe).map_err(|e| e.to_string())
}
