//! Conflicts of interest declared after assignment: the judge's sheets inside the region are
//! excluded from results (even submitted ones) so a conflicted score never counts, but kept
//! with their scores and the reason; other sheets stay counted; removing the conflict counts
//! them again; both declaring and removing are in the audit trail. Bad input is refused next to the field.

use entity::audit_event;
use juara::auth::Role;
use juara::db::judging::conflicts;
use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{Fixture, pairs, post};
use crate::common::body;

async fn events(f: &Fixture, action: &str) -> Vec<audit_event::Model> {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .all(&f.app.db)
        .await
        .unwrap()
}

/// Whether the sheet is kept but excluded from results.
async fn excluded(f: &Fixture, id: uuid::Uuid) -> bool {
    f.sheet(id).await.excluded_at.is_some()
}

#[rocket::async_test]
async fn a_late_conflict_excludes_the_judges_sheets_in_that_region_only() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_telat", None).await;
    // Entries 0 and 1 are in Kaliwungu (33.19.01), entry 4 in Kota Kudus (33.19.02).
    let submitted = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let path = format!("/judge/sheets/{}", submitted.id);
    let resp = post(&client, &path, &f.complete(0, "submit")).await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(
        f.sheet(submitted.id).await.status,
        entity::SheetStatus::Submitted
    );
    let untouched = f.assign(1, judge.id).await;
    let elsewhere = f.assign(4, judge.id).await;
    // A field photo on the sheet about to be withdrawn (PNG signature is enough).
    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
    ];
    let photo_sheet = untouched.id;
    let status = super::access::send_photo(&client, photo_sheet, PNG).await;
    assert_eq!(status, Status::SeeOther);
    let photos = juara::db::judging::photos::list(&f.app.db, photo_sheet)
        .await
        .unwrap();
    let photo_path = f.app.config.upload_dir.join(&photos[0].stored_name);
    assert!(photo_path.exists());

    f.app.login_as(Role::Admin).await;
    let jid = judge.id.to_string();
    let resp = f
        .app
        .post_form(
            "/admin/conflicts",
            &[
                ("judge_id", &jid),
                ("region_code", "33.19.01"),
                ("reason", "Adik ipar camat"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let page = body(f.app.get("/admin/conflicts").await).await;
    assert!(
        page.contains("2 lembar penilaian juri ini"),
        "the committee is told"
    );

    assert!(excluded(&f, submitted.id).await, "submitted sheet excluded");
    assert_eq!(
        f.sheet(submitted.id).await.status,
        entity::SheetStatus::Submitted,
        "but kept"
    );
    assert!(!f.scores(submitted.id).await.is_empty(), "with its scores");
    assert!(
        f.sheet(submitted.id)
            .await
            .excluded_reason
            .contains("Adik ipar camat"),
        "the reason is on the sheet"
    );
    assert!(excluded(&f, untouched.id).await);
    assert!(photo_path.exists(), "the excluded sheet's photo is kept");
    assert!(
        !excluded(&f, elsewhere.id).await,
        "a sheet outside the region stays counted"
    );
    let results = body(
        f.app
            .get(&format!("/admin/competitions/{}/results", f.competition.id))
            .await,
    )
    .await;
    assert!(
        results.contains("Adik ipar camat"),
        "the committee's results page lists the excluded sheets with the reason"
    );

    let declared = events(&f, "judging.conflict_declared").await;
    assert_eq!(declared.len(), 1);
    assert_eq!(declared[0].competition_id, Some(f.competition.id));
    assert_eq!(declared[0].reason, "Adik ipar camat");
    assert!(declared[0].details.contains("(33.19.01.2001, submitted)"));
    assert!(declared[0].details.contains("(33.19.01.2002, assigned)"));

    let list = conflicts::list_for_judge(&f.app.db, judge.id)
        .await
        .unwrap();
    let cid = list[0].id.to_string();
    f.app
        .post_form(
            "/admin/conflicts/remove",
            &[("judge_id", &jid), ("id", &cid)],
        )
        .await;
    let removed = events(&f, "judging.conflict_removed").await;
    assert_eq!(removed.len(), 1);
    assert!(removed[0].details.contains("33.19.01"));
    assert!(removed[0].details.contains("dihitung lagi"));
    assert!(
        !excluded(&f, submitted.id).await,
        "removing restores the sheets"
    );
    assert!(!excluded(&f, untouched.id).await);
}

#[rocket::async_test]
async fn announced_results_keep_their_sheets() {
    use sea_orm::{ActiveModelTrait, Set};
    let f = Fixture::new().await;
    let judge = f.judge("juri_lama", None).await;
    let sheet = f.assign(0, judge.id).await;
    let mut c: entity::competition::ActiveModel = f.competition.clone().into();
    c.status = Set(entity::CompetitionStatus::Announced);
    c.update(&f.app.db).await.unwrap();
    let d = juara::app::judging::conflicts::declare(
        &f.app.db,
        (judge.id, "33.19"),
        "Pindah tugas",
        judge.id,
        None,
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(d.withdrawn, 0);
    assert_eq!(
        f.sheet(sheet.id).await.id,
        sheet.id,
        "published history untouched"
    );
}

#[rocket::async_test]
async fn bad_declarations_are_refused_next_to_the_field_and_store_nothing() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_cermat", None).await;
    let client = f.browser(&judge).await;
    let resp = post(
        &client,
        "/judge/conflicts",
        &pairs(&[("region_code", "99.99"), ("reason", "Saudara")]),
    )
    .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains(r#"id="err-region_code">Kode wilayah tidak ditemukan"#));
    assert!(html.contains(r#"value="Saudara""#), "reason kept");
    let resp = post(&client, "/judge/conflicts", &pairs(&[("region_code", " ")])).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    // A duplicate is refused at the field too.
    let ok = pairs(&[("region_code", "33.19.02"), ("reason", "")]);
    assert_eq!(
        post(&client, "/judge/conflicts", &ok).await.status(),
        Status::SeeOther
    );
    let resp = post(&client, "/judge/conflicts", &ok).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("sudah tercatat"));
    assert_eq!(
        conflicts::list_for_judge(&f.app.db, judge.id)
            .await
            .unwrap()
            .len(),
        1
    );

    // The committee naming a judge who does not exist.
    f.app.login_as(Role::Admin).await;
    let stranger = uuid::Uuid::new_v4().to_string();
    let resp = f
        .app
        .post_form(
            "/admin/conflicts",
            &[("judge_id", &stranger), ("region_code", "33.19")],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains(r#"id="err-judge_id""#));
    assert!(events(&f, "judging.conflict_declared").await.len() == 1);
}
