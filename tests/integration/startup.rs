//! First start and second start: migrations, the full registry, the first admin.

use juara::AppConfig;
use juara::db::{regions, users};
use juara::registry::{self, RegistrySource};
use sea_orm::EntityTrait;

use crate::common::{PASSWORD, TestDb};

#[rocket::async_test]
async fn second_start_loads_no_regions_twice() {
    let test_db = TestDb::create_empty().await;
    let mut config = AppConfig::with_database(&test_db.url, test_db.dir.path());
    config.admin_password = Some(PASSWORD.into());

    let db = juara::startup::prepare(&config).await.expect("first start");
    let counts = regions::counts(&db).await.unwrap();
    assert_eq!(
        (
            counts.provinces,
            counts.regencies,
            counts.districts,
            counts.villages
        ),
        (38, 514, 7_285, 83_762)
    );
    assert_eq!((counts.desa, counts.kelurahan), (75_252, 8_496));
    assert_eq!(users::count(&db).await.unwrap(), 1);
    let admin = users::find_by_username(&db, "admin")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(admin.role, entity::Role::Admin);
    assert!(juara::auth::password::verify(
        PASSWORD,
        &admin.password_hash
    ));
    db.close().await.unwrap();

    let db = juara::startup::prepare(&config)
        .await
        .expect("second start");
    let reg = registry::parse(registry::embedded()).unwrap();
    let report = juara::db::registry_load::load(&db, &reg).await.unwrap();
    assert!(report.skipped, "an unchanged registry is not written again");
    assert_eq!(report.villages, 0);
    assert_eq!(regions::counts(&db).await.unwrap(), counts);
    assert_eq!(users::count(&db).await.unwrap(), 1, "no second admin");
}

#[rocket::async_test]
async fn a_changed_registry_is_upserted_in_place() {
    let test_db = TestDb::create().await;
    let db = test_db.connect().await;
    let original = crate::common::test_db::fixture_registry();
    let renamed_villages = original.villages.replace(
        "33.19.01.2001,33.19.01,Bakalankrapyak",
        "33.19.01.2001,33.19.01,Bakalan Krapyak",
    );
    let changed = RegistrySource {
        villages: &renamed_villages,
        ..original
    };
    let before = regions::counts(&db).await.unwrap();
    let report = juara::db::registry_load::load(&db, &registry::parse(changed).unwrap())
        .await
        .unwrap();
    assert!(!report.skipped);
    assert_eq!(regions::counts(&db).await.unwrap(), before, "no duplicates");
    let village = entity::village::Entity::find_by_id("33.19.01.2001".to_owned())
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(village.name, "Bakalan Krapyak");
    assert_eq!(village.kind, "desa");
}

#[rocket::async_test]
async fn an_unreachable_database_stops_start_up_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let config = AppConfig::with_database("postgres://nobody@127.0.0.1:1/none", dir.path());
    let err = juara::startup::prepare(&config).await.expect_err("refused");
    let message = err.to_string();
    assert!(
        message.contains("cannot connect to the database"),
        "{message}"
    );
}

#[rocket::async_test]
async fn the_first_admin_gets_a_generated_password_when_none_is_configured() {
    let test_db = TestDb::create().await;
    let db = test_db.connect().await;
    let config = AppConfig::with_database(&test_db.url, test_db.dir.path());
    juara::startup::bootstrap_admin(&db, &config).await.unwrap();
    let admin = users::find_by_username(&db, "admin")
        .await
        .unwrap()
        .unwrap();
    assert!(admin.password_hash.starts_with("$argon2id$"));
    juara::startup::bootstrap_admin(&db, &config).await.unwrap();
    assert_eq!(users::count(&db).await.unwrap(), 1);
}
