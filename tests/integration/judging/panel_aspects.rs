//! Panel aspects as rows of `panel_member_aspect`: written and replaced by the panel form's
//! app function, and locked with the rest of a published result's inputs.

use entity::{competition, panel_member_aspect};
use juara::integrity::is_lock_violation;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::Fixture;

#[rocket::async_test]
async fn aspects_are_rows_replaced_on_change_and_locked_after_the_announcement() {
    let f = Fixture::new().await;
    let db = &f.app.db;
    let j = f.judge("juri_aspek", None).await;
    let add = juara::app::judging::panels::add;
    add(db, &f.stage, j.id, (&[f.aspect_b.id], None))
        .await
        .unwrap()
        .unwrap();
    let member = juara::db::judging::panels::find(db, f.stage.id, j.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(member.aspects, vec![f.aspect_b.id]);
    // Back to all aspects: the rows go, the panel row stays.
    add(db, &f.stage, j.id, (&[], None)).await.unwrap().unwrap();
    let rows = panel_member_aspect::Entity::find()
        .filter(panel_member_aspect::Column::PanelMemberId.eq(member.row.id))
        .all(db)
        .await
        .unwrap();
    assert!(rows.is_empty());
    add(db, &f.stage, j.id, (&[f.aspect_b.id], None))
        .await
        .unwrap()
        .unwrap();
    // A criterion that is no top-level aspect of the stage is refused.
    let leaf = f.leaves[0].id;
    assert!(
        add(db, &f.stage, j.id, (&[leaf], None))
            .await
            .unwrap()
            .is_err()
    );

    // Announced: the database refuses every write of the new table.
    let mut c: competition::ActiveModel = f.competition.clone().into();
    c.status = Set(entity::CompetitionStatus::Announced);
    c.update(db).await.unwrap();
    let insert = panel_member_aspect::ActiveModel {
        panel_member_id: Set(member.row.id),
        criterion_id: Set(leaf),
    }
    .insert(db)
    .await
    .expect_err("insert refused");
    assert!(is_lock_violation(&insert), "{insert}");
    let delete = panel_member_aspect::Entity::delete_many()
        .filter(panel_member_aspect::Column::PanelMemberId.eq(member.row.id))
        .exec(db)
        .await
        .expect_err("delete refused");
    assert!(is_lock_violation(&delete), "{delete}");
    let update = panel_member_aspect::Entity::update_many()
        .col_expr(
            panel_member_aspect::Column::CriterionId,
            sea_orm::sea_query::Expr::value(leaf),
        )
        .filter(panel_member_aspect::Column::PanelMemberId.eq(member.row.id))
        .exec(db)
        .await
        .expect_err("update refused");
    assert!(is_lock_violation(&update), "{update}");
    let kept = juara::db::judging::panels::find(db, f.stage.id, j.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.aspects, vec![f.aspect_b.id]);
}
