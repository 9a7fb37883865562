//! A timing probe (ignored by default): loading inputs and computing a kabupaten-sized field.
//! `cargo test --release --test integration results::scale -- --ignored --nocapture`

use std::time::Instant;

use juara::auth::Role;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use uuid::Uuid;

use crate::common::TestApp;
use crate::common::builders::{CompetitionBuilder, leaf_row, nomination_row, prize_row, stage_row};

/// Every village of the test registry but a few (one nomination per village).
const ENTRIES: usize = 220;
const JUDGES: usize = 3;
const LEAVES: usize = 30;

/// Thirty leaves: ten of 4 and twenty of 3 sum to 100.
fn weight(i: usize) -> i32 {
    if i < 10 { 4 } else { 3 }
}

#[rocket::async_test]
#[ignore = "timing probe"]
async fn preview_of_a_large_field() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba besar")
        .status("review")
        .insert(&app.db)
        .await;
    let stage = stage_row(&app.db, c.id, "ADM", 0, 100, None).await;
    let mut leaves = Vec::new();
    for i in 0..LEAVES {
        leaves.push(
            leaf_row(
                &app.db,
                stage.id,
                &format!("K{i:02}"),
                weight(i),
                i32::try_from(i).unwrap(),
            )
            .await
            .id,
        );
    }
    prize_row(&app.db, c.id, 1, "Juara I", 100_000_000, 0).await;
    let mut judges = Vec::new();
    for j in 0..JUDGES {
        judges.push(
            app.create_user(Role::Judge, &format!("j{j}"), None, None)
                .await
                .id,
        );
    }
    let now = chrono::Utc::now().fixed_offset();
    let villages = entity::village::Entity::find().all(&app.db).await.unwrap();
    for (e, village) in villages.iter().take(ENTRIES).enumerate() {
        let n = nomination_row(&app.db, c.id, &village.code, "accepted").await;
        for (k, j) in judges.iter().enumerate() {
            let sheet = Uuid::new_v4();
            entity::score_sheet::ActiveModel {
                id: Set(sheet),
                stage_id: Set(stage.id),
                nomination_id: Set(n),
                judge_id: Set(*j),
                status: Set(entity::SheetStatus::Submitted),
                version: Set(1),
                visit_date: Set(None),
                visit_notes: Set(String::new()),
                reopen_reason: Set(String::new()),
                submitted_at: Set(Some(now)),
                assigned_by: Set(None),
                assigned_at: Set(now),
                updated_at: Set(now),
                excluded_at: Set(None),
                excluded_reason: Set(String::new()),
                excluded_conflict: Set(None),
            }
            .insert(&app.db)
            .await
            .unwrap();
            let rows = leaves
                .iter()
                .enumerate()
                .map(|(l, id)| entity::score::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    sheet_id: Set(sheet),
                    criterion_id: Set(*id),
                    value: Set(Some(
                        i64::try_from((e * 7 + k * 3 + l) % 101).unwrap() * 10_000,
                    )),
                    not_applicable: Set(false),
                    comment: Set(String::new()),
                });
            entity::score::Entity::insert_many(rows)
                .exec(&app.db)
                .await
                .unwrap();
        }
    }
    let c = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let started = Instant::now();
    let computed = juara::results::compute(&app.db, &c).await.unwrap().unwrap();
    let elapsed = started.elapsed();
    assert_eq!(computed.published.lines.len(), ENTRIES);
    let stats = Instant::now();
    let s = juara::results::stats::stage_stats(&computed.published.result);
    println!(
        "{ENTRIES} entries × {JUDGES} judges × {LEAVES} leaves ({} scores): load+compute+allocate {:?}, statistics {:?} ({} stages)",
        ENTRIES * JUDGES * LEAVES,
        elapsed,
        stats.elapsed(),
        s.len()
    );
}
