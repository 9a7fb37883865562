//! Uploaded files on S3-compatible storage (a real `s3s-fs` server on loopback,
//! `common::s3`): stored through the app, served back, shared between two instances on one
//! database, removed with their rows, never left behind by a failed write, and migrated from
//! a local directory.

use juara::auth::Role;
use juara::storage::Storage;
use rocket::http::Status;
use rocket::local::asynchronous::Client;
use uuid::Uuid;

use crate::common::builders::{CompetitionBuilder, requirement};
use crate::common::s3::Bucket;
use crate::common::{PASSWORD, TestApp, log_in_ok, test_figment};
use crate::nominations::{PDF, create_draft, stored_files, upload};

/// A village's draft with a file requirement; this browser is logged in as its operator.
async fn draft(app: &TestApp) -> (Uuid, String) {
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let profil = requirement(&app.db, c.id, "PROFIL", "file", true).await;
    app.login_as(Role::Village).await;
    (create_draft(app, c.id).await, format!("req:{}", profil.id))
}

async fn documents(app: &TestApp, nomination: Uuid) -> Vec<entity::nomination_document::Model> {
    juara::db::documents::list_for_nomination(&app.db, nomination)
        .await
        .unwrap()
}

/// Another instance of the app on the same database, with `storage` set as `change` says and
/// its own local directory; logged in as the village operator.
async fn second_instance(app: &TestApp, change: impl FnOnce(&mut juara::AppConfig)) -> Client {
    let mut config = app.config.clone();
    config.upload_dir = app.config.data_dir.join("other-instance");
    change(&mut config);
    config.validate().unwrap();
    let rocket = juara::build(test_figment(), config, app.db.clone());
    let client = Client::tracked(rocket).await.unwrap();
    log_in_ok(&client, "operator", PASSWORD).await;
    client
}

#[rocket::async_test]
async fn an_upload_is_stored_in_the_bucket_and_served_from_it() {
    let bucket = Bucket::create();
    let app = TestApp::with_config(|c| bucket.configure(c)).await;
    let (id, profil) = draft(&app).await;
    let resp = upload(&app.client, id, &profil, "Profil Desa.pdf", PDF).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let docs = documents(&app, id).await;
    let stored = docs[0].stored_name.clone().unwrap();
    assert_eq!(
        bucket.keys(),
        vec![stored.clone()],
        "one object, named as recorded"
    );
    assert_eq!(bucket.object(&stored).as_deref(), Some(PDF));
    assert!(
        stored_files(&app).is_empty(),
        "nothing on the instance's disk"
    );

    let resp = app.get(&format!("/files/{}", docs[0].id)).await;
    assert_eq!(resp.status(), Status::Ok);
    assert_eq!(resp.into_bytes().await.unwrap(), PDF);

    // Removing the document removes its object.
    let token = app.csrf().await;
    let path = format!("/village/nominations/{id}/documents/{}/delete", docs[0].id);
    let resp = app.post_raw(&path, &[("_csrf", &token)]).await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert!(bucket.keys().is_empty(), "{:?}", bucket.keys());
    assert_eq!(
        app.get(&format!("/files/{}", docs[0].id)).await.status(),
        Status::NotFound
    );
}

#[rocket::async_test]
async fn two_instances_on_one_database_serve_each_others_uploads() {
    let bucket = Bucket::create();
    let app = TestApp::with_config(|c| bucket.configure(c)).await;
    let (id, profil) = draft(&app).await;
    let other = second_instance(&app, |c| bucket.configure(c)).await;
    assert_ne!(
        app.config.upload_dir,
        app.config.data_dir.join("other-instance")
    );

    // Uploaded through the first, served by the second …
    upload(&app.client, id, &profil, "profil.pdf", PDF).await;
    let first = documents(&app, id).await[0].id;
    let resp = other.get(format!("/files/{first}")).dispatch().await;
    assert_eq!(resp.status(), Status::Ok);
    assert_eq!(resp.into_bytes().await.unwrap(), PDF);

    // … and the other way round.
    let photo: &[u8] = b"%PDF-1.4\n% kedua\n%%EOF\n";
    let resp = upload(&other, id, &profil, "kedua.pdf", photo).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let second = documents(&app, id)
        .await
        .into_iter()
        .find(|d| d.id != first)
        .unwrap()
        .id;
    let resp = app.get(&format!("/files/{second}")).await;
    assert_eq!(resp.into_bytes().await.unwrap(), photo);
    assert_eq!(bucket.keys().len(), 2);

    // The reason for the bucket: an instance on its own local directory cannot serve them.
    let local = second_instance(&app, |c| c.storage = "local".into()).await;
    let resp = local.get(format!("/files/{first}")).dispatch().await;
    assert_eq!(resp.status(), Status::NotFound);
}

#[rocket::async_test]
async fn a_failed_record_leaves_no_object_behind() {
    let bucket = Bucket::create();
    let app = TestApp::with_config(|c| bucket.configure(c)).await;
    let local_dir = tempfile::tempdir().unwrap();
    let s3 = app.config.open_storage().unwrap();
    let local = Storage::Local(local_dir.path().to_path_buf());
    let checked = juara::uploads::check(PDF, 1000).unwrap();
    for storage in [&s3, &local] {
        let failing = async |_: &sea_orm::DatabaseTransaction,
                             file: juara::db::documents::StoredFile| {
            // The bytes were stored whole before the row was attempted.
            assert_eq!(
                storage.read(&file.stored_name).await.unwrap().as_deref(),
                Some(PDF)
            );
            Err::<(), _>(sea_orm::DbErr::Custom(
                "the row could not be written".into(),
            ))
        };
        let place = (storage, Uuid::new_v4());
        let result = juara::app::stored::keep(&app.db, place, checked.clone(), PDF, failing).await;
        assert!(result.is_err(), "{}", storage.describe());
        assert!(
            storage.list().await.unwrap().is_empty(),
            "{}",
            storage.describe()
        );
    }
    assert!(bucket.keys().is_empty());
}

#[rocket::async_test]
async fn storage_migrate_copies_local_uploads_into_the_bucket() {
    let app = TestApp::new().await;
    let (id, profil) = draft(&app).await;
    upload(&app.client, id, &profil, "profil.pdf", PDF).await;
    let doc = documents(&app, id).await[0].clone();
    let bucket = Bucket::create();
    let mut config = app.config.clone();
    bucket.configure(&mut config);

    juara::cli::storage_migrate(&config, "local", "s3")
        .await
        .unwrap();
    assert_eq!(bucket.keys(), vec![doc.stored_name.clone().unwrap()]);
    assert_eq!(stored_files(&app).len(), 1, "the source is left as it was");
    // A second run finds everything there and copies nothing.
    juara::cli::storage_migrate(&config, "local", "s3")
        .await
        .unwrap();
    assert_eq!(bucket.keys().len(), 1);

    // An instance configured for the bucket now serves the file.
    let moved = second_instance(&app, |c| bucket.configure(c)).await;
    let resp = moved.get(format!("/files/{}", doc.id)).dispatch().await;
    assert_eq!(resp.status(), Status::Ok);
    assert_eq!(resp.into_bytes().await.unwrap(), PDF);

    // `s3` means the configured bucket; without one it is refused, naming the setting.
    let err = juara::cli::storage_migrate(&app.config, "local", "s3")
        .await
        .unwrap_err();
    assert!(err.contains("JUARA_STORAGE"), "{err}");
}
