//! Judges' comments reach the villages only when the committee publishes them.

use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::{Contest, announce, browser_as, contest, village};
use crate::common::{TestApp, body};

const COMMENT: &str = "Dokumen profil desa belum ditandatangani";

async fn comment_on_2002(app: &TestApp, c: &Contest) {
    let sheet = entity::score_sheet::Entity::find()
        .filter(entity::score_sheet::Column::StageId.eq(c.lap))
        .filter(entity::score_sheet::Column::NominationId.eq(c.noms[1]))
        .filter(entity::score_sheet::Column::JudgeId.eq(c.judges[0]))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let score = entity::score::Entity::find()
        .filter(entity::score::Column::SheetId.eq(sheet.id))
        .filter(entity::score::Column::CriterionId.eq(c.lap_a))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut a: entity::score::ActiveModel = score.into();
    a.comment = Set(COMMENT.into());
    a.update(&app.db).await.unwrap();
}

async fn protocol_of_2002(app: &TestApp, c: &Contest) -> String {
    let op = browser_as(app, Role::Village, "op2002", None, Some(&village(1))).await;
    body(
        op.get(format!("/village/results/{}", c.id))
            .dispatch()
            .await,
    )
    .await
}

#[rocket::async_test]
async fn comments_stay_with_the_committee_unless_published() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    comment_on_2002(&app, &c).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    assert!(!protocol_of_2002(&app, &c).await.contains(COMMENT));
}

#[rocket::async_test]
async fn published_comments_appear_under_the_anonymous_label() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    comment_on_2002(&app, &c).await;
    app.login_as(Role::Admin).await;
    let minutes = format!("/admin/competitions/{}/results/minutes", c.id);
    app.post_form(
        &minutes,
        &[
            ("held_on", "2026-11-20"),
            ("place", "Aula"),
            ("members", "A"),
            ("decision", "B"),
        ],
    )
    .await;
    let resp = app
        .post_form(
            &format!("/admin/competitions/{}/results/announce", c.id),
            &[("publish_comments", "true")],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let page = protocol_of_2002(&app, &c).await;
    assert!(page.contains(COMMENT));
    assert!(page.contains("Juri ") && page.contains("(A): "));
    assert!(!page.contains("juri1"));
}
