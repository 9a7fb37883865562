//! Juara: the platform provincial village-empowerment offices (DPMPD) use to run the village
//! and kelurahan competitions (*Lomba Desa dan Kelurahan*).
//!
//! `build` assembles the Rocket app from explicit inputs (tests call it on a fresh database);
//! `ignite` is what `main` runs: read the configuration, connect, migrate, load the region
//! registry, create the first admin, then `build`.

pub mod app;
pub mod auth;
pub mod cli;
pub mod competition_forms;
pub mod config;
pub mod db;
pub mod demo;
pub mod downloads;
pub mod error;
pub mod forms;
pub mod i18n;
pub mod identity;
pub mod ids;
pub mod indonesian;
pub mod integrity;
pub mod json;
pub mod password_policy;
pub mod registry;
pub mod results;
pub mod routes;
pub mod scoring;
pub mod security_headers;
pub mod startup;
pub mod storage;
pub mod uploads;
pub mod views;

pub use juara_domain as domain;

use rocket::figment::Figment;
use rocket::fs::{FileServer, relative};
use rocket::{Build, Rocket};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;

pub use config::AppConfig;
pub use error::{AppError, StartupError};

/// The app over an already prepared database.
#[must_use]
pub fn build(figment: Figment, config: AppConfig, db: DatabaseConnection) -> Rocket<Build> {
    // Templates and static files are found from any working directory.
    let figment = figment.join(("template_dir", relative!("templates")));
    // Rocket trusts `X-Real-IP` by default, which would let any client choose the address
    // login throttling sees; only a configured proxy's header is believed.
    let figment = if config.behind_proxy {
        figment.merge(("ip_header", config.proxy_ip_header.clone()))
    } else {
        figment.merge(("ip_header", false))
    };
    let trust = std::time::Duration::from_millis(config.public_page_trust_ms);
    rocket::custom(figment)
        // Rocket's default Shield would set weaker values first; ours sets them all.
        .attach(rocket::shield::Shield::new())
        .attach(security_headers::SecurityHeaders)
        .manage(db)
        .attach(file_storage(&config))
        .manage(config)
        .manage(db::region_index::RegionSearch::default())
        .manage(routes::results::public_cache::PublicPages::trusting(trust))
        .attach(registry_counts())
        .attach(startup::first_admin_reminder())
        .attach(routes::input_guard::RefuseControlChars)
        .attach(Template::custom(|engines| {
            views::register_tera(&mut engines.tera)
        }))
        .mount("/", routes::web())
        .mount("/api", routes::api())
        .mount("/static", FileServer::from(relative!("static")))
        .register("/", routes::catchers::html())
        .register("/api", routes::catchers::json())
}

/// Counts the registry once per instance: it only changes at start-up, and counting 83,762
/// villages on every home-page request cost ~25 ms of database time each.
fn registry_counts() -> rocket::fairing::AdHoc {
    rocket::fairing::AdHoc::try_on_ignite("Registry counts", |rocket| async move {
        let Some(db) = rocket.state::<DatabaseConnection>() else {
            return Err(rocket);
        };
        match db::regions::counts(db).await {
            Ok(counts) => Ok(rocket.manage(counts)),
            Err(e) => {
                eprintln!("juara: counting the region registry failed: {e}");
                Err(rocket)
            }
        }
    })
}

/// Manages the configured `storage::Storage`; a setting that cannot be opened stops the
/// launch with its message (`AppConfig::validate` reports the same earlier).
fn file_storage(config: &AppConfig) -> rocket::fairing::AdHoc {
    let opened = config.open_storage();
    rocket::fairing::AdHoc::try_on_ignite("File storage", |rocket| async move {
        match opened {
            Ok(storage) => Ok(rocket.manage(storage)),
            Err(e) => {
                eprintln!("juara: {e}");
                Err(rocket)
            }
        }
    })
}

/// Reads the configuration, prepares the database and builds the app.
pub async fn ignite() -> Result<Rocket<Build>, StartupError> {
    let figment = AppConfig::figment();
    let config = AppConfig::from_figment(&figment)?;
    let figment = startup::ensure_secret_key(figment, &config)?;
    let db = startup::prepare(&config).await?;
    Ok(build(figment, config, db))
}
