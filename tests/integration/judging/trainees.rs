//! Trainee judges (*juri magang*, issue 17): on the panel, assigned and scoring like the
//! others, shown to the committee, never counted. Property: whatever a trainee scores, the
//! results are identical with and without them; the same sheets counted would move them.

use entity::{panel_member, score_sheet};
use juara::auth::Role;
use juara::db::judging::panels;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::Fixture;
use crate::common::body;
use crate::common::builders::{panel_member_row, prize_row, sheet_row};

/// The results as the committee would publish them, as JSON text.
async fn results(f: &Fixture) -> String {
    let computed = juara::results::compute(&f.app.db, &f.competition)
        .await
        .unwrap()
        .unwrap_or_else(|r| panic!("results refused: {r:?}"));
    serde_json::to_string(&computed.published).unwrap()
}

/// A small deterministic generator: the seed's next value.
fn next(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *state >> 33
}

/// A submitted sheet per entry from `judge`, each leaf at the bottom or the top of its scale
/// as `state` draws.
async fn score_everything(f: &Fixture, judge: Uuid, state: &mut u64) {
    for n in &f.entries {
        let scores: Vec<(Uuid, Option<i64>)> = f
            .leaves
            .iter()
            .map(|k| {
                let (low, high) = (k.scale_min.unwrap(), k.scale_max.unwrap());
                let v = if next(state).is_multiple_of(2) {
                    low
                } else {
                    high
                };
                (k.id, Some(v / 10_000))
            })
            .collect();
        sheet_row(&f.app.db, f.stage.id, n.id, judge, "submitted", &scores).await;
    }
}

#[rocket::async_test]
async fn whatever_trainees_score_the_results_are_identical_without_them() {
    let f = Fixture::new().await;
    for (rank, label) in [(1, "Juara I"), (2, "Juara II"), (3, "Juara III")] {
        prize_row(&f.app.db, f.competition.id, rank, label, 1_000_000, 0).await;
    }
    let mut state = 2026;
    for name in ["juri_a", "juri_b"] {
        let j = f.judge(name, None).await;
        panels::upsert(&f.app.db, f.stage.id, j.id, (&[], false))
            .await
            .unwrap();
        score_everything(&f, j.id, &mut state).await;
    }
    let counted = results(&f).await;
    assert!(
        counted.contains("\"rank\":1"),
        "the panel's results rank the entries: {counted}"
    );
    let mut trainees = Vec::new();
    for case in 0..4 {
        let t = f.judge(&format!("magang_{case}"), None).await;
        panel_member_row(&f.app.db, f.stage.id, t.id, (&[], true)).await;
        score_everything(&f, t.id, &mut state).await;
        trainees.push(t.id);
        assert_eq!(
            results(&f).await,
            counted,
            "case {case}: a trainee moved the results"
        );
    }
    // Counted, the same sheets move the results: the comparison above can fail.
    for row in panel_member::Entity::find()
        .filter(panel_member::Column::JudgeId.is_in(trainees))
        .all(&f.app.db)
        .await
        .unwrap()
    {
        let mut a: panel_member::ActiveModel = row.into();
        a.trainee = Set(false);
        a.update(&f.app.db).await.unwrap();
    }
    assert_ne!(results(&f).await, counted);
}

#[rocket::async_test]
async fn a_trainee_is_marked_for_the_committee_and_shadows_every_entry_without_a_conflict() {
    let f = Fixture::new().await;
    let counted = [
        f.judge("juri_satu", None).await,
        f.judge("juri_dua", None).await,
    ];
    // The trainee lives in 33.19.02.2002, the fifth entry's village.
    let trainee = f.judge("juri_magang", Some("33.19.02.2002")).await;
    f.app.login_as(Role::Admin).await;
    let base = format!(
        "/admin/competitions/{}/judging/{}",
        f.competition.id, f.stage.id
    );
    for j in &counted {
        let id = j.id.to_string();
        let resp = f
            .app
            .post_form(&format!("{base}/panel"), &[("judge_id", &id)])
            .await;
        assert_eq!(resp.status(), Status::SeeOther);
    }
    let id = trainee.id.to_string();
    let resp = f
        .app
        .post_form(
            &format!("{base}/panel"),
            &[("judge_id", &id), ("trainee", "true")],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let members = panels::list(&f.app.db, f.stage.id).await.unwrap();
    assert_eq!(
        members
            .iter()
            .filter(|m| m.row.trainee)
            .map(|m| m.row.judge_id)
            .collect::<Vec<_>>(),
        vec![trainee.id]
    );

    let resp = f
        .app
        .post_form(&format!("{base}/assign/auto"), &[("seed", "7")])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let sheets = score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.eq(f.stage.id))
        .all(&f.app.db)
        .await
        .unwrap();
    let of = |j: Uuid| sheets.iter().filter(|s| s.judge_id == j).count();
    // The draw: two counted judges per entry from the two counted judges; the trainee on
    // every entry but the one in their own village.
    assert_eq!((of(counted[0].id), of(counted[1].id)), (6, 6));
    assert_eq!(of(trainee.id), 5);
    let own = f
        .entries
        .iter()
        .find(|n| n.village_code == "33.19.02.2002")
        .unwrap();
    assert!(
        !sheets
            .iter()
            .any(|s| s.judge_id == trainee.id && s.nomination_id == own.id)
    );

    let html = body(f.app.get(&base).await).await;
    assert!(
        html.contains("magang, tidak dihitung"),
        "the committee sees who is a trainee"
    );
    assert!(html.contains("Juri magang"), "and can add one");
    // The trainee is told on their own sheet list; a counted judge is not.
    for (name, told) in [("juri_magang", true), ("juri_satu", false)] {
        let phone = f.app.new_browser().await;
        crate::common::log_in_ok(&phone, name, crate::common::PASSWORD).await;
        let list = body(phone.get("/judge/sheets").dispatch().await).await;
        assert_eq!(list.contains("magang, tidak dihitung"), told, "{name}");
    }

    // The API says the same and sets it the same way.
    let api = crate::api::Api::admin(&f.app).await;
    let panel_path = format!(
        "/api/v1/competitions/{}/stages/{}/panel",
        f.competition.id, f.stage.id
    );
    let resp = api
        .put(
            &format!("{panel_path}/{}", counted[1].id),
            &serde_json::json!({"trainee": true}),
        )
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let (_, panel) = crate::api::json(api.get(&panel_path).await).await;
    let flags: Vec<(String, bool)> = panel["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["judge_id"].as_str().unwrap().to_owned(),
                m["trainee"].as_bool().unwrap(),
            )
        })
        .collect();
    assert!(
        flags.contains(&(counted[1].id.to_string(), true)),
        "{flags:?}"
    );
    assert!(
        flags.contains(&(counted[0].id.to_string(), false)),
        "{flags:?}"
    );
}

#[rocket::async_test]
async fn whether_a_judge_counts_is_fixed_once_they_score_and_trainees_never_hold_up_closing() {
    use juara::app::judging::panels::{self as panel_rules, Invalid};
    let f = Fixture::new().await;
    let db = &f.app.db;
    let counted = f.judge("juri_satu", None).await;
    let trainee = f.judge("juri_magang", None).await;
    panels::upsert(db, f.stage.id, counted.id, (&[], false))
        .await
        .unwrap();
    panel_member_row(db, f.stage.id, trainee.id, (&[], true)).await;
    let mut state = 7;
    score_everything(&f, counted.id, &mut state).await;
    // The trainee has one draft and one untouched sheet: not done, and not the panel's work.
    sheet_row(db, f.stage.id, f.entries[0].id, trainee.id, "draft", &[]).await;
    sheet_row(db, f.stage.id, f.entries[1].id, trainee.id, "assigned", &[]).await;

    let flip = panel_rules::add(db, &f.stage, trainee.id, (&[], Some(false)))
        .await
        .unwrap();
    assert_eq!(
        flip,
        Err(Invalid("jdg-trainee-locked")),
        "a scoring trainee stays one"
    );
    let flip = panel_rules::add(db, &f.stage, counted.id, (&[], Some(true)))
        .await
        .unwrap();
    assert_eq!(
        flip,
        Err(Invalid("jdg-trainee-locked")),
        "a scoring judge stays counted"
    );
    let gone = panel_rules::remove(db, &f.stage, trainee.id).await.unwrap();
    assert_eq!(
        gone,
        Err(Invalid("jdg-trainee-locked")),
        "their sheets would count"
    );
    // Changing aspects without saying keeps what they are.
    panel_rules::add(db, &f.stage, trainee.id, (&[], None))
        .await
        .unwrap()
        .unwrap();
    let member = panels::find(db, f.stage.id, trainee.id)
        .await
        .unwrap()
        .unwrap();
    assert!(member.row.trainee);

    let now = chrono::Utc::now().fixed_offset();
    let progress = juara::db::judging::progress::of_stage(db, &f.competition, &f.stage, now)
        .await
        .unwrap();
    assert_eq!(
        (progress.total.submitted, progress.total.missing()),
        (u32::try_from(f.entries.len()).unwrap(), 0),
        "the trainee's unfinished sheets are not missing from the panel"
    );
    let closed = juara::db::judging::progress::close(
        db,
        &f.competition,
        f.stage.clone(),
        false,
        "",
        counted.id,
        now,
    )
    .await
    .unwrap();
    assert!(
        closed.is_ok(),
        "closing needs no override for a trainee: {closed:?}"
    );
}
