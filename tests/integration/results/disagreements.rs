//! Differences of opinion for the plenary, on the demo's announced competition: the page and
//! the API list the same indicators, widest first, each checked against the score rows
//! themselves; a bad threshold is named at its field; only the committee reads them.

use std::collections::HashMap;

use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

use super::json;
use crate::common::{TestApp, body, log_in_ok};

/// Points (ten-thousandths) of a decimal string.
fn units(s: &str) -> i64 {
    s.parse::<juara_domain::Points>().unwrap().units()
}

#[rocket::async_test]
async fn the_plenary_list_matches_the_score_rows_and_only_the_committee_reads_it() {
    let app = TestApp::new().await;
    let report = juara::demo::load(&app.db).await.unwrap();
    let c = report.competition_id;
    let (_, secret, _) = report
        .accounts
        .iter()
        .find(|(u, _, _)| u == "demo-panitia")
        .unwrap();
    log_in_ok(&app.client, "demo-panitia", secret).await;

    let (status, list) = json(
        &app.client,
        &format!("/api/v1/competitions/{c}/results/disagreements?threshold=25"),
    )
    .await;
    assert_eq!(status, Status::Ok, "{list}");
    assert_eq!(list["threshold"], "25");
    let items = list["items"].as_array().unwrap();
    assert!(!items.is_empty(), "the demo's judges disagree somewhere");
    let spreads: Vec<i64> = items
        .iter()
        .map(|d| units(d["spread"].as_str().unwrap()))
        .collect();
    assert!(spreads.windows(2).all(|w| w[0] >= w[1]), "widest first");
    assert!(spreads.iter().all(|s| *s >= 25 * 10_000));

    // Each listed indicator, recomputed from the score rows of its entry's counted sheets.
    let criteria: HashMap<(uuid::Uuid, String), entity::criterion::Model> = {
        let stages = entity::stage::Entity::find()
            .filter(entity::stage::Column::CompetitionId.eq(c))
            .all(&app.db)
            .await
            .unwrap();
        let mut out = HashMap::new();
        for s in &stages {
            for k in entity::criterion::Entity::find()
                .filter(entity::criterion::Column::StageId.eq(s.id))
                .all(&app.db)
                .await
                .unwrap()
            {
                out.insert((s.id, format!("{}:{}", s.code, k.code)), k);
            }
        }
        out
    };
    for d in items.iter().take(5) {
        let key = format!(
            "{}:{}",
            d["stage"].as_str().unwrap(),
            d["criterion"].as_str().unwrap()
        );
        let (stage_id, leaf) = criteria
            .iter()
            .find(|((_, k), _)| *k == key)
            .map(|((s, _), k)| (*s, k.clone()))
            .unwrap();
        let nomination: uuid::Uuid = d["nomination_id"].as_str().unwrap().parse().unwrap();
        let sheets: Vec<uuid::Uuid> = entity::score_sheet::Entity::find()
            .filter(entity::score_sheet::Column::StageId.eq(stage_id))
            .filter(entity::score_sheet::Column::NominationId.eq(nomination))
            .filter(entity::score_sheet::Column::Status.eq(entity::SheetStatus::Submitted))
            .filter(entity::score_sheet::Column::ExcludedAt.is_null())
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.id)
            .collect();
        let mut stored: Vec<i64> = entity::score::Entity::find()
            .filter(entity::score::Column::SheetId.is_in(sheets))
            .filter(entity::score::Column::CriterionId.eq(leaf.id))
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|s| s.value)
            .collect();
        stored.sort_unstable();
        let mut listed: Vec<i64> = d["judges"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|j| j["value"].as_str().map(units))
            .collect();
        listed.sort_unstable();
        assert_eq!(listed, stored, "{key}: every judge's value as entered");
        let (min, max) = (leaf.scale_min.unwrap(), leaf.scale_max.unwrap());
        let spread = (stored[stored.len() - 1] - stored[0]) * 100 * 10_000 / (max - min);
        assert_eq!(units(d["spread"].as_str().unwrap()), spread, "{key}");
    }

    // The page lists the same, linked from the results page; a bad threshold is named.
    let results = body(app.get(&format!("/admin/competitions/{c}/results")).await).await;
    assert!(results.contains(&format!("/admin/competitions/{c}/results/disagreements")));
    let page = body(
        app.get(&format!(
            "/admin/competitions/{c}/results/disagreements?threshold=25"
        ))
        .await,
    )
    .await;
    assert!(page.contains(&format!(
        "{} indikator dengan selisih 25 atau lebih",
        items.len()
    )));
    assert_eq!(page.matches("class=\"card dis-item\"").count(), items.len());
    let bad = body(
        app.get(&format!(
            "/admin/competitions/{c}/results/disagreements?threshold=abc"
        ))
        .await,
    )
    .await;
    assert!(bad.contains("id=\"err-threshold\""));
    assert!(
        bad.contains("selisih 40 atau lebih"),
        "the default is used meanwhile"
    );
    let (status, answer) = json(
        &app.client,
        &format!("/api/v1/competitions/{c}/results/disagreements?threshold=101"),
    )
    .await;
    let got = crate::api::field_error(status, &answer, "threshold");
    assert!(got.contains("0 sampai 100"), "{got}");
    let higher: Value = json(
        &app.client,
        &format!("/api/v1/competitions/{c}/results/disagreements?threshold=50"),
    )
    .await
    .1;
    assert!(higher["items"].as_array().unwrap().len() <= items.len());

    // Nobody else: a judge and a village operator are refused.
    for (role, name) in [(Role::Judge, "juri_lain"), (Role::Village, "desa_lain")] {
        let village = (role == Role::Village).then_some("33.19.01.2001");
        app.create_user(role, name, None, village).await;
        let other = app.new_browser().await;
        log_in_ok(&other, name, crate::common::PASSWORD).await;
        let (status, _) = json(
            &other,
            &format!("/api/v1/competitions/{c}/results/disagreements"),
        )
        .await;
        assert!(matches!(status.code, 403 | 404), "{role:?}: {status}");
    }
}

/// A panel judge reads the differences of opinion on the entries whose sheet they submitted,
/// their own answers marked, other judges by label only; a judge who submitted nothing there
/// and a village get nothing.
#[rocket::async_test]
async fn a_panel_judge_reads_their_share_after_submitting() {
    let app = TestApp::new().await;
    let report = juara::demo::load(&app.db).await.unwrap();
    let c = report.competition_id;
    let secret = |name: &str| {
        report
            .accounts
            .iter()
            .find(|(u, _, _)| u == name)
            .map(|(_, p, _)| p.clone())
            .unwrap()
    };
    let judge = app.new_browser().await;
    log_in_ok(&judge, "demo-juri-1", &secret("demo-juri-1")).await;
    let dashboard = body(judge.get("/judge/sheets").dispatch().await).await;
    let path = format!("/judge/competitions/{c}/disagreements");
    assert!(
        dashboard.contains(&path),
        "linked from the judge's sheet list"
    );
    let resp = judge.get(format!("{path}?threshold=0")).dispatch().await;
    assert_eq!(resp.status(), Status::Ok);
    let html = body(resp).await;
    assert!(html.contains("(Anda)"), "their own answers are marked");
    // Only entries whose sheet this judge submitted in the competition.
    let judge_id = entity::user::Entity::find()
        .filter(entity::user::Column::Username.eq("demo-juri-1"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let theirs: Vec<uuid::Uuid> = entity::score_sheet::Entity::find()
        .filter(entity::score_sheet::Column::JudgeId.eq(judge_id))
        .filter(entity::score_sheet::Column::Status.eq(entity::SheetStatus::Submitted))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.nomination_id)
        .collect();
    let villages: Vec<String> = entity::nomination::Entity::find()
        .filter(entity::nomination::Column::CompetitionId.eq(c))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|n| !theirs.contains(&n.id))
        .map(|n| n.village_code)
        .collect();
    for code in villages {
        let name = juara::db::regions::find(&app.db, &code)
            .await
            .unwrap()
            .unwrap()
            .name;
        assert!(
            !html.contains(&format!("<h2>{name} ·")),
            "{name} is not theirs to read"
        );
    }

    // A judge with nothing submitted there, and a village operator, are refused.
    let other = app
        .browser_as(Role::Judge, "juri-lain", Some("64.72"), None)
        .await;
    assert_eq!(
        other.get(path.as_str()).dispatch().await.status(),
        Status::NotFound
    );
    let village = app
        .browser_as(Role::Village, "desa-lain", None, Some("33.19.01.2001"))
        .await;
    assert!(matches!(
        village.get(path.as_str()).dispatch().await.status().code,
        403 | 404
    ));
}
