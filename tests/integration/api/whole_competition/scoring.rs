//! Judging: three judges from Undaan (accounts and tokens through the API) on the stage's
//! panel, one declaring a conflict with a village, judging started, automatic assignment,
//! every judge scoring and submitting each sheet, the stage closed and the result sent to
//! review.

use rocket::http::Status;
use serde_json::{Value, json};

use super::{Judge, Run, VALUES, items};
use crate::api::{OWN, json};

pub async fn panel(run: &Run) -> Vec<Judge> {
    let mut judges = Vec::new();
    for i in 1..=3 {
        let account = json!({"username": format!("juri-{i}"), "display_name": format!("Juri {i}"),
            "role": "judge", "region_code": "33.19.04"});
        let (user, api) = run.admin.new_account(&run.app, &account).await;
        assert_eq!(user["role"], "judge");
        let id = user["id"].as_str().unwrap().to_owned();
        let (status, member) = json(
            run.admin
                .put(&run.stage_path(&format!("/panel/{id}")), &json!({}))
                .await,
        )
        .await;
        assert_eq!(status, Status::Ok, "{member}");
        assert_eq!(member["aspects"], json!([]), "scores every aspect");
        judges.push(Judge { id, api });
    }
    let (_, panel) = json(run.admin.get(&run.stage_path("/panel")).await).await;
    assert_eq!(items(&panel, "items").len(), 3);

    // The third judge declares a conflict with OWN (a relative is its village head).
    let body = json!({"region_code": OWN, "reason": "Kerabat kepala desa"});
    let (status, declared) = json(judges[2].api.post("/api/v1/conflicts", &body).await).await;
    assert_eq!(status, Status::Created, "{declared}");
    assert_eq!(declared["withdrawn"], 0, "no sheet yet");
    let (_, seen) = json(run.admin.get("/api/v1/conflicts").await).await;
    let conflict = &items(&seen, "items")[0];
    assert_eq!(
        (
            conflict["judge_id"].as_str(),
            conflict["region_code"].as_str()
        ),
        (Some(judges[2].id.as_str()), Some(OWN)),
        "the committee sees it"
    );

    // Judging starts before the nomination window ends: confirmed explicitly.
    let path = run.path("/status");
    let (status, err) = json(run.admin.post(&path, &json!({"to": "judging"})).await).await;
    crate::api::field_error(status, &err, "confirm_early_start");
    let start = json!({"to": "judging", "confirm_early_start": true});
    let (status, c) = json(run.admin.post(&path, &start).await).await;
    assert_eq!(status, Status::Ok, "{c}");
    assert_eq!(
        (c["status"].as_str(), c["criteria_editable"].as_bool()),
        (Some("judging"), Some(false))
    );

    let (status, done) = json(
        run.admin
            .post(&run.stage_path("/assignments/auto"), &json!({"seed": 14}))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok, "{done}");
    assert_eq!(
        (done["seed"].as_str(), done["sheets"].as_u64()),
        (Some("14"), Some(6)),
        "two judges × three villages"
    );
    let (_, conflicted) = json(judges[2].api.get("/api/v1/judge/sheets").await).await;
    let villages: Vec<&str> = conflicted
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["village_code"].as_str().unwrap())
        .collect();
    assert!(
        !villages.contains(&OWN),
        "never assigned to OWN: {villages:?}"
    );
    judges
}

fn answers(run: &Run, village: &str) -> Vec<Value> {
    let (_, values) = VALUES.iter().find(|(code, _)| *code == village).unwrap();
    values
        .iter()
        .map(|(code, v)| json!({"criterion_id": run.leaf(code), "value": v}))
        .collect()
}

/// The stage score each village's values give (see `VALUES`).
fn expected_subtotal(village: &str) -> &'static str {
    if village == OWN { "90" } else { "76" }
}

pub async fn score(run: &Run, judges: &[Judge]) {
    let mut submitted = 0;
    for judge in judges {
        let (status, sheets) = json(judge.api.get("/api/v1/judge/sheets").await).await;
        assert_eq!(status, Status::Ok);
        for sheet in sheets.as_array().unwrap() {
            assert_eq!(
                (sheet["status"].as_str(), sheet["stage_code"].as_str()),
                (Some("assigned"), Some("LAP"))
            );
            let village = sheet["village_code"].as_str().unwrap();
            let path = format!("/api/v1/judge/sheets/{}", sheet["id"].as_str().unwrap());
            let (_, view) = json(judge.api.get(&path).await).await;
            let codes: Vec<&str> = items(&view, "criteria")
                .iter()
                .map(|c| c["code"].as_str().unwrap())
                .collect();
            assert!(
                codes.contains(&"B.1"),
                "the sheet lists the leaves: {codes:?}"
            );
            let body = json!({"version": sheet["version"], "answers": answers(run, village)});
            let (status, preview) =
                json(judge.api.post(&format!("{path}/preview"), &body).await).await;
            assert_eq!(status, Status::Ok, "{preview}");
            assert_eq!(
                preview["subtotal"],
                expected_subtotal(village),
                "{village}: {preview}"
            );
            assert_eq!(
                (preview["answered"].as_u64(), preview["leaves"].as_u64()),
                (Some(3), Some(3))
            );
            let (status, saved) =
                json(judge.api.post(&format!("{path}/submit"), &body).await).await;
            assert_eq!(status, Status::Ok, "{saved}");
            assert_eq!(saved["status"], "submitted");
            assert_eq!(
                judge.api.put(&path, &body).await.status(),
                Status::Conflict,
                "submitted sheets are locked"
            );
            submitted += 1;
        }
    }
    assert_eq!(submitted, 6);
}

pub async fn close(run: &Run) {
    let (status, stage) = json(run.admin.post(&run.stage_path("/close"), &json!({})).await).await;
    assert_eq!(
        status,
        Status::Ok,
        "every sheet is in, no force needed: {stage}"
    );
    assert!(
        stage["closed_at"].as_str().unwrap().ends_with('Z'),
        "{stage}"
    );
    let (status, c) = json(
        run.admin
            .post(&run.path("/status"), &json!({"to": "review"}))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok, "{c}");
    assert_eq!(c["status"], "review");
}
