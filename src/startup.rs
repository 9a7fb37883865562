//! Start-up steps, each failing with a clear `StartupError`: the secret key, connecting,
//! migrating under a lock, loading the registry and creating the first admin.

use std::path::Path;

use rocket::figment::Figment;
use sea_orm::DatabaseConnection;

use crate::auth::{Role, password};
use crate::config::{AppConfig, ConfigError};
use crate::db::{self, users};
use crate::error::StartupError;
use crate::registry;

/// Makes sure Rocket has a secret key for private cookies. Production sets `ROCKET_SECRET_KEY`
/// (the same on every instance); a fresh SQLite install generates one into `data_dir` once.
pub fn ensure_secret_key(figment: Figment, config: &AppConfig) -> Result<Figment, StartupError> {
    if has_secret_key(&figment) {
        return Ok(figment);
    }
    let release = figment.profile() == rocket::Config::RELEASE_PROFILE;
    if config.is_postgres() && release {
        return Err(ConfigError::MissingSecretKey.into());
    }
    let key = read_or_create_key(&config.data_dir.join("secret.key"))?;
    Ok(figment.merge(("secret_key", key)))
}

/// Whether a real key is configured. Rocket's own defaults carry an all-zero key (which it
/// replaces with a random one in debug and refuses in release), so "present" is not enough.
/// A value that does not parse counts as configured: Rocket then reports it by name.
fn has_secret_key(figment: &Figment) -> bool {
    match figment.extract_inner::<rocket::config::SecretKey>("secret_key") {
        Ok(key) => !key.is_zero(),
        Err(_) => figment.find_value("secret_key").is_ok(),
    }
}

fn read_or_create_key(path: &Path) -> Result<String, StartupError> {
    let err = |reason: String| StartupError::SecretKey {
        path: path.display().to_string(),
        reason,
    };
    if let Ok(existing) = std::fs::read_to_string(path) {
        let key = existing.trim().to_owned();
        if key.len() == 64 && key.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(key);
        }
        return Err(err("expected 64 hex characters".into()));
    }
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let key: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    write_private(path, &key).map_err(|e| err(e.to_string()))?;
    println!(
        "Generated a secret key in {} (production: set ROCKET_SECRET_KEY, the same on every instance).",
        path.display()
    );
    Ok(key)
}

#[cfg(unix)]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(content.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, content: &str) -> std::io::Result<()> {
    std::fs::write(path, content)
}

/// Connects, migrates, loads the registry and creates the first admin — under the start-up
/// lock, so several instances starting at once do each step once.
pub async fn prepare(config: &AppConfig) -> Result<DatabaseConnection, StartupError> {
    let url = config.database_url.clone();
    let db = db::connect(&url)
        .await
        .map_err(|source| StartupError::Connect {
            url: redact(&url),
            source,
        })?;
    db::with_startup_lock(&url, || async {
        db::migrate(&db).await.map_err(StartupError::Migrate)?;
        crate::app::competition::published::backfill(&db).await?;
        if config.load_registry {
            let reg = registry::parse(registry::embedded())?;
            let report = crate::db::registry_load::load(&db, &reg).await?;
            if report.skipped {
                println!("Region registry already loaded (checked in {} ms).", report.millis);
            } else {
                println!(
                    "Region registry loaded: {} provinces, {} regencies, {} districts, {} villages in {} ms",
                    report.provinces,
                    report.regencies,
                    report.districts,
                    report.villages,
                    report.millis
                );
            }
        }
        bootstrap_admin(&db, config).await
    })
    .await
    .map_err(|e| match e {
        StartupError::Connect { source, .. } => StartupError::Migrate(source),
        other => other,
    })?;
    Ok(db)
}

impl From<sea_orm::DbErr> for StartupError {
    fn from(e: sea_orm::DbErr) -> Self {
        StartupError::Migrate(e)
    }
}

/// Creates the first admin when there are no accounts yet. The password comes from
/// `JUARA_ADMIN_PASSWORD`, or is generated and printed to the log this once.
pub async fn bootstrap_admin(
    db: &DatabaseConnection,
    config: &AppConfig,
) -> Result<(), StartupError> {
    if users::count(db).await? > 0 {
        return Ok(());
    }
    let (password, generated) = match &config.admin_password {
        Some(p) => (p.clone(), false),
        None => (password::generate(), true),
    };
    let hash = password::hash(&password).map_err(StartupError::Bootstrap)?;
    let admin = users::insert(
        db,
        users::NewUser {
            username: config.admin_username.to_lowercase(),
            display_name: "Administrator".into(),
            password_hash: hash,
            role: Role::Admin,
            region_code: None,
            village_code: None,
        },
    )
    .await?;
    if generated {
        // A password that went through a log must not stay in use: the first login leads
        // straight to the change-password form, and nothing else opens until it is changed.
        users::require_password_change(db, admin).await?;
        // Printed, not only logged, so it is seen even with logging turned down; the server
        // prints it again once it has launched, below Rocket's list of routes.
        let notice = format!(
            "\n  First admin created: username `{}`, password `{password}`\n  \
             You will be asked to change it at the first login.\n",
            config.admin_username
        );
        println!("{notice}");
        let _ = FIRST_ADMIN_NOTICE.set(notice);
    } else {
        println!("First admin `{}` created.", config.admin_username);
    }
    Ok(())
}

/// The generated first admin's credentials, kept for the launch message.
static FIRST_ADMIN_NOTICE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Repeats the generated first admin's credentials as the last thing printed at launch, so
/// they are not lost above Rocket's list of routes.
#[must_use]
pub fn first_admin_reminder() -> rocket::fairing::AdHoc {
    rocket::fairing::AdHoc::on_liftoff("First admin reminder", |_| {
        Box::pin(async {
            if let Some(notice) = FIRST_ADMIN_NOTICE.get() {
                let line = "=".repeat(72);
                println!("\n{line}{notice}{line}\n");
            }
        })
    })
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords_in_urls() {
        assert_eq!(
            super::redact("postgres://juara:s3cret@db:5432/juara"),
            "postgres://juara:***@db:5432/juara"
        );
        assert_eq!(
            super::redact("sqlite://data/juara.db?mode=rwc"),
            "sqlite://data/juara.db?mode=rwc"
        );
    }
}
