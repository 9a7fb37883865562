//! The committee's judges × entries grid: each cell the state of one judge's sheet for one
//! entry (not assigned, assigned, draft with n of m indicators, submitted, reopened, excluded
//! for a conflict), the indicator count limited to the judge's aspects, and the totals.

use chrono::Utc;
use entity::{score, score_sheet};
use juara::auth::Role;
use juara::db::judging::{grid as rows, panels};
use juara::views::judging_grid::{CellState, build};
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
use uuid::Uuid;

use super::Fixture;
use crate::common::body;

async fn answer(f: &Fixture, sheet: Uuid, leaf: usize, value: Option<i64>) {
    score::ActiveModel {
        id: Set(Uuid::new_v4()),
        sheet_id: Set(sheet),
        criterion_id: Set(f.leaves[leaf].id),
        value: Set(value.map(|v| v * 10_000)),
        not_applicable: Set(value.is_none()),
        comment: Set(String::new()),
    }
    .insert(&f.app.db)
    .await
    .unwrap();
}

async fn change(
    f: &Fixture,
    sheet: score_sheet::Model,
    edit: impl FnOnce(&mut score_sheet::ActiveModel),
) {
    let mut a = sheet.into_active_model();
    edit(&mut a);
    a.update(&f.app.db).await.unwrap();
}

#[rocket::async_test]
async fn each_cell_shows_the_sheet_state_with_its_indicators_and_totals() {
    let f = Fixture::with_entries(3).await;
    let ana = f.judge("juri_ana", None).await;
    let budi = f.judge("juri_budi", None).await;
    let citra = f.judge("juri_citra", None).await;
    let dewi = f.judge("juri_dewi", None).await;
    // Dewi scores aspect B only: one indicator (B.1) is hers.
    panels::upsert(&f.app.db, f.stage.id, dewi.id, (&[f.aspect_b.id], false))
        .await
        .unwrap();

    f.assign(0, ana.id).await;
    let draft = f.assign(1, ana.id).await;
    answer(&f, draft.id, 0, Some(4)).await;
    answer(&f, draft.id, 1, None).await;
    change(&f, draft, |a| a.status = Set(entity::SheetStatus::Draft)).await;

    let done = f.assign(0, budi.id).await;
    change(&f, done, |a| {
        a.status = Set(entity::SheetStatus::Submitted);
        a.submitted_at = Set(Some(Utc::now().fixed_offset()));
    })
    .await;
    let reopened = f.assign(1, budi.id).await;
    answer(&f, reopened.id, 2, Some(85)).await;
    change(&f, reopened, |a| {
        a.status = Set(entity::SheetStatus::Draft);
        a.reopen_reason = Set("Nilai B.1 perlu dicek".into());
    })
    .await;

    let withdrawn = f.assign(0, citra.id).await;
    change(&f, withdrawn, |a| {
        a.excluded_at = Set(Some(Utc::now().fixed_offset()));
        a.excluded_reason = Set("Saudara kandung".into());
    })
    .await;

    let partial = f.assign(2, dewi.id).await;
    answer(&f, partial.id, 0, Some(3)).await; // outside her aspect: not counted
    answer(&f, partial.id, 2, Some(70)).await;
    change(&f, partial, |a| a.status = Set(entity::SheetStatus::Draft)).await;

    let names: Vec<(Uuid, String)> = [&ana, &budi, &citra, &dewi]
        .iter()
        .map(|u| (u.id, u.username.clone()))
        .collect();
    let entries: Vec<(Uuid, String)> = f
        .entries
        .iter()
        .map(|e| (e.id, e.village_code.clone()))
        .collect();
    let data = rows::of_stage(&f.app.db, f.stage.id).await.unwrap();
    let grid = build(&names, &entries, &data);

    let judges: Vec<&str> = grid.rows.iter().map(|r| r.judge.as_str()).collect();
    assert_eq!(
        judges,
        ["juri_dewi", "juri_ana", "juri_budi", "juri_citra"],
        "panel first"
    );
    let cell = |judge: &str, entry: usize| {
        let row = grid.rows.iter().find(|r| r.judge == judge).unwrap();
        let c = &row.cells[entry];
        (c.state, c.answered, c.total)
    };
    assert_eq!(cell("juri_ana", 0), (CellState::Assigned, 0, 3));
    assert_eq!(
        cell("juri_ana", 1),
        (CellState::Draft, 2, 3),
        "N/A counts as answered"
    );
    assert_eq!(cell("juri_ana", 2).0, CellState::None);
    assert_eq!(cell("juri_budi", 0).0, CellState::Submitted);
    assert_eq!(cell("juri_budi", 1), (CellState::Reopened, 1, 3));
    assert_eq!(cell("juri_citra", 0).0, CellState::Excluded);
    assert_eq!(cell("juri_citra", 1).0, CellState::None);
    assert_eq!(
        cell("juri_dewi", 2),
        (CellState::Draft, 1, 1),
        "only her aspect counts"
    );

    let totals: Vec<(usize, usize)> = grid.rows.iter().map(|r| (r.submitted, r.sheets)).collect();
    assert_eq!(
        totals,
        [(0, 1), (0, 2), (1, 2), (0, 0)],
        "excluded sheets do not count"
    );
    let columns: Vec<(usize, usize)> = grid
        .columns
        .iter()
        .map(|c| (c.submitted, c.sheets))
        .collect();
    assert_eq!(columns, [(1, 2), (0, 2), (0, 1)]);
    assert_eq!((grid.submitted, grid.sheets), (1, 5));

    // The committee's pages draw it, states in words next to their colour.
    f.app.login_as(Role::Admin).await;
    let c = f.competition.id;
    for path in [
        format!("/admin/competitions/{c}/judging"),
        format!("/admin/competitions/{c}/judging/{}", f.stage.id),
    ] {
        let resp = f.app.get(&path).await;
        assert_eq!(resp.status(), Status::Ok, "{path}");
        let html = body(resp).await;
        assert!(html.contains(r#"class="grid-scroll""#), "{path}");
        for state in [
            "assigned",
            "draft",
            "submitted",
            "reopened",
            "excluded",
            "none",
        ] {
            assert!(
                html.contains(&format!(r#"data-state="{state}""#)),
                "{path}: {state}"
            );
        }
        assert!(
            html.contains("Dibuka ulang") && html.contains("2/3 indikator"),
            "{path}"
        );
        assert!(
            html.contains("<td class=\"jg-sum\">1/5</td>"),
            "{path}: grand total"
        );
    }
}
