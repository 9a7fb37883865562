//! Committee forms on the stage page refuse bad input with the error next to the field (422),
//! keep what was typed, and change nothing.

use juara::auth::Role;
use rocket::http::Status;

use super::{Fixture, post};
use crate::common::body;

#[rocket::async_test]
async fn reopen_without_a_reason_and_a_non_numeric_seed_are_refused_in_place() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_satu", None).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let path = format!("/judge/sheets/{}", sheet.id);
    post(&client, &path, &f.complete(0, "submit")).await;
    assert_eq!(
        f.sheet(sheet.id).await.status,
        entity::SheetStatus::Submitted
    );

    f.app.login_as(Role::Admin).await;
    let base = format!(
        "/admin/competitions/{}/judging/{}",
        f.competition.id, f.stage.id
    );
    let resp = f
        .app
        .post_form(
            &format!("{base}/sheets/{}/reopen", sheet.id),
            &[("reason", "  ")],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains(r#"id="err-reason">Alasan wajib diisi"#));
    assert_eq!(
        f.sheet(sheet.id).await.status,
        entity::SheetStatus::Submitted,
        "nothing reopened"
    );

    let resp = f
        .app
        .post_form(&format!("{base}/assign/auto"), &[("seed", "-3x")])
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(html.contains(r#"id="err-seed">Nomor undian harus bilangan bulat"#));
    assert!(html.contains(r#"value="-3x""#));
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let sheets = entity::score_sheet::Entity::find()
        .filter(entity::score_sheet::Column::StageId.eq(f.stage.id))
        .all(&f.app.db)
        .await
        .unwrap();
    assert_eq!(sheets.len(), 1, "nothing assigned");

    // With a reason, the sheet reopens.
    let resp = f
        .app
        .post_form(
            &format!("{base}/sheets/{}/reopen", sheet.id),
            &[("reason", "Nilai B.1 salah ketik")],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(f.sheet(sheet.id).await.status, entity::SheetStatus::Draft);
}
