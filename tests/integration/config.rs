//! Bad configuration fails before launch with a message naming the key.

use juara::AppConfig;
use juara::config::ConfigError;
use rocket::figment::Figment;
use rocket::figment::providers::Serialized;

fn config_in(dir: &std::path::Path) -> AppConfig {
    AppConfig::with_database("sqlite://data/juara.db?mode=rwc", dir)
}

#[test]
fn an_unknown_database_scheme_is_refused_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    for url in ["mysql://root@localhost/juara", "juara.db", ""] {
        let mut c = config_in(dir.path());
        c.database_url = url.into();
        let err = c.validate().unwrap_err();
        assert!(matches!(err, ConfigError::DatabaseUrl(_)), "{url}");
        assert!(err.to_string().contains("database_url"), "{err}");
    }
}

#[test]
fn the_figment_layers_are_read_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let figment = Figment::from(Serialized::defaults(serde_json::json!({
        "database_url": "postgres://juara@db/juara",
        "data_dir": dir.path(),
        "upload_dir": dir.path().join("up"),
        "login_max_failures": 3,
    })));
    let c = AppConfig::from_figment(&figment).unwrap();
    assert!(c.is_postgres());
    assert_eq!(c.login_max_failures, 3);
    assert_eq!(c.session_hours, 12, "unset keys keep their defaults");

    let bad = figment.merge(("login_max_failures", "lima"));
    let err = AppConfig::from_figment(&bad).err().expect("refused");
    assert!(err.to_string().contains("login_max_failures"), "{err}");
}

#[test]
fn an_unwritable_upload_dir_is_refused_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    // A path below a regular file can never be created, even by root.
    let file = dir.path().join("not-a-dir");
    std::fs::write(&file, b"x").unwrap();
    let mut c = config_in(dir.path());
    c.upload_dir = file.join("uploads");
    let err = c.validate().unwrap_err();
    assert!(matches!(err, ConfigError::UploadDir { .. }));
    assert!(err.to_string().starts_with("upload_dir"), "{err}");
}

#[test]
fn the_storage_setting_is_a_directory_or_a_bucket() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = config_in(dir.path());
    c.storage = "ftp://files.example".into();
    let err = c.validate().unwrap_err();
    assert!(matches!(err, ConfigError::Storage(_)), "{err}");
    assert!(
        err.to_string().starts_with("storage (JUARA_STORAGE)"),
        "{err}"
    );
    // A bucket needs no writable upload directory; opening it makes no request.
    c.storage = "s3://juara-files/prod".into();
    c.storage_endpoint = Some("http://127.0.0.1:1".into());
    c.upload_dir = dir.path().join("not-a-dir");
    std::fs::write(&c.upload_dir, b"x").unwrap();
    c.validate().unwrap();
    assert_eq!(
        c.open_storage().unwrap().describe(),
        "bucket s3://juara-files/prod"
    );
}

#[test]
fn zero_limits_and_weak_admin_passwords_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = config_in(dir.path());
    c.login_max_failures = 0;
    assert!(
        c.validate()
            .unwrap_err()
            .to_string()
            .contains("login_max_failures")
    );
    let mut c = config_in(dir.path());
    c.admin_password = Some("pendek".into());
    assert!(
        c.validate()
            .unwrap_err()
            .to_string()
            .contains("admin_password")
    );
}

#[test]
fn postgres_in_release_without_a_secret_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = config_in(dir.path());
    c.database_url = "postgres://juara@db/juara".into();
    let figment = Figment::new().select(rocket::Config::RELEASE_PROFILE);
    let err = juara::startup::ensure_secret_key(figment, &c).unwrap_err();
    assert!(err.to_string().contains("ROCKET_SECRET_KEY"), "{err}");
}

#[test]
fn a_fresh_sqlite_install_generates_a_private_key_once_and_reuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let c = config_in(dir.path());
    let figment = Figment::new();
    let first = juara::startup::ensure_secret_key(figment.clone(), &c).unwrap();
    let second = juara::startup::ensure_secret_key(figment, &c).unwrap();
    let key: String = first.extract_inner("secret_key").unwrap();
    assert_eq!(key.len(), 64);
    assert_eq!(key, second.extract_inner::<String>("secret_key").unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("secret.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn rockets_default_zero_key_is_replaced_in_release() {
    // Rocket's own figment carries an all-zero key, which release builds refuse.
    let dir = tempfile::tempdir().unwrap();
    let c = config_in(dir.path());
    let figment = rocket::Config::figment().select(rocket::Config::RELEASE_PROFILE);
    let out = juara::startup::ensure_secret_key(figment, &c).unwrap();
    let key: rocket::config::SecretKey = out.extract_inner("secret_key").unwrap();
    assert!(!key.is_zero());
    assert!(
        dir.path().join("secret.key").exists(),
        "key kept for restarts"
    );
    let config: rocket::Config = out.extract().unwrap();
    assert!(!config.secret_key.is_zero());
}

#[test]
fn an_explicit_secret_key_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let c = config_in(dir.path());
    let figment = Figment::new().merge(("secret_key", "a".repeat(64)));
    let out = juara::startup::ensure_secret_key(figment, &c).unwrap();
    assert_eq!(
        out.extract_inner::<String>("secret_key").unwrap(),
        "a".repeat(64)
    );
    assert!(!dir.path().join("secret.key").exists(), "nothing generated");
}
