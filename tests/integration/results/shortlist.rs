//! Advancing a stage's shortlist assigns the next stage's sheets in one action.

use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use super::contest;
use crate::common::TestApp;

#[rocket::async_test]
async fn the_documents_shortlist_gets_field_sheets_except_for_conflicts() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    // Field visits not yet assigned; judging still open.
    entity::score_sheet::Entity::delete_many()
        .filter(entity::score_sheet::Column::StageId.eq(c.lap))
        .exec(&app.db)
        .await
        .unwrap();
    let comp = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut a: entity::competition::ActiveModel = comp.into();
    a.status = Set(entity::CompetitionStatus::Judging);
    a.update(&app.db).await.unwrap();
    app.login_as(Role::Admin).await;

    let path = format!("/admin/competitions/{}/results/stages/ADM/advance", c.id);
    let resp = app.post_form(&path, &[]).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let lap = || {
        entity::score_sheet::Entity::find().filter(entity::score_sheet::Column::StageId.eq(c.lap))
    };
    // Six finalists × three judges, less judge 3 on village 2001 (declared conflict).
    assert_eq!(lap().count(&app.db).await.unwrap(), 17);
    let conflicted = lap()
        .filter(entity::score_sheet::Column::NominationId.eq(c.noms[0]))
        .filter(entity::score_sheet::Column::JudgeId.eq(c.judges[2]))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(conflicted, 0);
    let eliminated = lap()
        .filter(entity::score_sheet::Column::NominationId.eq(c.noms[6]))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(eliminated, 0, "below the shortlist");
    // Repeating creates nothing new.
    assert_eq!(app.post_form(&path, &[]).await.status(), Status::SeeOther);
    assert_eq!(lap().count(&app.db).await.unwrap(), 17);
    // The last stage has nowhere to go.
    let last = format!("/admin/competitions/{}/results/stages/LAP/advance", c.id);
    assert_eq!(app.post_form(&last, &[]).await.status(), Status::Conflict);
}
