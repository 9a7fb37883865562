//! A fresh database per test. SQLite: the migrated, fixture-loaded template file is built once
//! per run and copied. PostgreSQL (`TEST_DATABASE_URL=postgres://…/postgres`): a template
//! database named after the schema version is built once and cloned with
//! `CREATE DATABASE … TEMPLATE`; each test's database is dropped when the test ends.

use std::path::{Path, PathBuf};

use juara::registry::{self, RegistrySource};
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use tokio::sync::OnceCell;

/// The small registry used by tests (2 provinces, 3 regencies, 22 districts, 227 villages).
pub fn fixture_registry() -> RegistrySource<'static> {
    RegistrySource {
        provinces: include_str!("../../fixtures/wilayah_small/provinces.csv"),
        regencies: include_str!("../../fixtures/wilayah_small/regencies.csv"),
        districts: include_str!("../../fixtures/wilayah_small/districts.csv"),
        villages: include_str!("../../fixtures/wilayah_small/villages.csv"),
    }
}

/// The PostgreSQL server URL when the suite runs against PostgreSQL.
pub fn postgres_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| u.starts_with("postgres"))
}

/// Owns one test's database and removes it on drop.
pub struct TestDb {
    pub url: String,
    pub dir: tempfile::TempDir,
    pg_name: Option<String>,
}

async fn prepare_template(db: &DatabaseConnection) {
    Migrator::up(db, None).await.expect("migrations apply");
    let reg = registry::parse(fixture_registry()).expect("fixture parses");
    juara::db::registry_load::load(db, &reg)
        .await
        .expect("fixture loads");
}

/// A name that changes whenever the migrations (their names and their source text) or the
/// fixture change. Hashing the source matters: a migration edited before it lands keeps its
/// name, and a template built from the old text would otherwise be reused (on a shared
/// server, even by another checkout's run).
fn template_name() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let names: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    let src_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migration/src");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&src_dir)
        .expect("migration sources")
        .map(|e| e.expect("migration source").path())
        .collect();
    files.sort();
    let mut sources = String::new();
    for f in files {
        sources.push_str(&std::fs::read_to_string(f).expect("readable migration"));
    }
    let reg = registry::parse(fixture_registry()).expect("fixture parses");
    for b in names
        .join(",")
        .bytes()
        .chain(sources.bytes())
        .chain(reg.version().bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("juara_tpl_{h:016x}")
}

static SQLITE_TEMPLATE: OnceCell<(tempfile::TempDir, PathBuf)> = OnceCell::const_new();
static PG_TEMPLATE: OnceCell<String> = OnceCell::const_new();

fn with_db(server: &str, name: &str) -> String {
    let base = server.rsplit_once('/').map_or(server, |(b, _)| b);
    format!("{base}/{name}")
}

impl TestDb {
    /// A fresh, migrated database with the fixture registry loaded.
    pub async fn create() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        match postgres_url() {
            None => {
                let (_, template) = SQLITE_TEMPLATE
                    .get_or_init(|| async {
                        let tdir = tempfile::tempdir().expect("temp dir");
                        let path = tdir.path().join("template.db");
                        let url = sqlite_url(&path);
                        let db = juara::db::connect(&url).await.expect("sqlite template");
                        prepare_template(&db).await;
                        // Fold the WAL into the main file so a plain copy is complete.
                        db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                            .await
                            .expect("checkpoint");
                        db.close().await.expect("close template");
                        (tdir, path)
                    })
                    .await;
                let path = dir.path().join("juara.db");
                std::fs::copy(template, &path).expect("copy template");
                TestDb {
                    url: sqlite_url(&path),
                    dir,
                    pg_name: None,
                }
            }
            Some(server) => {
                let template = PG_TEMPLATE
                    .get_or_init(|| async { ensure_pg_template(&server).await })
                    .await;
                let name = format!("juara_t_{}", uuid::Uuid::new_v4().simple());
                let admin = juara::db::connect(&server).await.expect("postgres server");
                let sql = format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
                // Two clones of one template at the same instant can collide; retry briefly.
                let mut tries = 0;
                while let Err(e) = admin.execute_unprepared(&sql).await {
                    tries += 1;
                    assert!(tries < 50, "cannot create test database: {e}");
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                admin.close().await.ok();
                TestDb {
                    url: with_db(&server, &name),
                    dir,
                    pg_name: Some(name),
                }
            }
        }
    }

    /// An empty database (no migrations, no registry), for start-up tests.
    pub async fn create_empty() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        match postgres_url() {
            None => TestDb {
                url: sqlite_url(&dir.path().join("juara.db")),
                dir,
                pg_name: None,
            },
            Some(server) => {
                let name = format!("juara_t_{}", uuid::Uuid::new_v4().simple());
                let admin = juara::db::connect(&server).await.expect("postgres server");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                    .await
                    .expect("create database");
                admin.close().await.ok();
                TestDb {
                    url: with_db(&server, &name),
                    dir,
                    pg_name: Some(name),
                }
            }
        }
    }

    /// A pool on this database.
    pub async fn connect(&self) -> DatabaseConnection {
        // The app gives up on a connection after 2 s (ACQUIRE_TIMEOUT); a loaded 2-core
        // machine creating many databases at once can take longer, so a test tries again.
        let mut tries = 0;
        loop {
            match juara::db::connect(&self.url).await {
                Ok(db) => return db,
                Err(e) if tries < 4 => {
                    tries += 1;
                    eprintln!("connect test db, try {tries}: {e}");
                }
                Err(e) => panic!("connect test db: {e}"),
            }
        }
    }
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

async fn ensure_pg_template(server: &str) -> String {
    let name = template_name();
    let admin = juara::db::connect(server).await.expect("postgres server");
    let exists = admin
        .query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DbBackend::Postgres,
            format!("SELECT 1 FROM pg_database WHERE datname = '{name}'"),
        ))
        .await
        .expect("query pg_database")
        .is_some();
    if !exists {
        // Build under a temporary name and rename, so a crash never leaves a half template.
        let building = format!("{name}_build_{}", std::process::id());
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{building}\""))
            .await
            .expect("create template");
        let db = juara::db::connect(&with_db(server, &building))
            .await
            .expect("template");
        prepare_template(&db).await;
        db.close().await.expect("close template");
        let renamed = admin
            .execute_unprepared(&format!(
                "ALTER DATABASE \"{building}\" RENAME TO \"{name}\""
            ))
            .await;
        if renamed.is_err() {
            // Another run finished first; use theirs.
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{building}\""))
                .await
                .ok();
        }
    }
    admin.close().await.ok();
    name
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let (Some(name), Some(server)) = (self.pg_name.take(), postgres_url()) else {
            return;
        };
        // Drop runs outside any runtime the test may have had; use a private one.
        let handle = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(admin) = juara::db::connect(&server).await {
                    let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                    admin.execute_unprepared(&sql).await.ok();
                    admin.close().await.ok();
                }
            });
        });
        handle.join().ok();
    }
}
