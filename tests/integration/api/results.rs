//! A result through the API from review to advanced winners, as on the results pages: the
//! plenary minutes, the reliability statistics, announcing through the status endpoint, the
//! village's protocol and appeal, rejecting an appeal, a correction (preview, then confirm),
//! the prize ledger with a transfer and its reversal, and the winners advancing a level.

use entity::{plenary_minutes, result_snapshot};
use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use super::{Api, field_error, json};
use crate::common::TestApp;
use crate::common::builders::CompetitionBuilder;
use crate::results::{Contest, contest, lap_a_score, village};

async fn count_minutes(app: &TestApp, c: &Contest) -> u64 {
    plenary_minutes::Entity::find()
        .filter(plenary_minutes::Column::CompetitionId.eq(c.id))
        .count(&app.db)
        .await
        .unwrap()
}

async fn versions(app: &TestApp, c: &Contest) -> u64 {
    result_snapshot::Entity::find()
        .filter(result_snapshot::Column::CompetitionId.eq(c.id))
        .count(&app.db)
        .await
        .unwrap()
}

fn minutes() -> Value {
    json!({"held_on": "2026-11-20", "held_time": "09:30", "place": "Aula DPMPD Kudus",
        "members": "Ketua, Sekretaris, Anggota", "decision": "Menetapkan hasil penilaian"})
}

#[rocket::async_test]
async fn minutes_reliability_and_the_announcement() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    let admin = Api::admin(&app).await;
    let base = format!("/api/v1/competitions/{}/results", c.id);

    // Announcing before the minutes: refused, as on the page.
    let status_path = format!("/api/v1/competitions/{}/status", c.id);
    let (status, _) = json(admin.post(&status_path, &json!({"to": "announced"})).await).await;
    assert_eq!(status, Status::Conflict);
    assert_eq!(versions(&app, &c).await, 0);

    let bad = json!({"held_on": "kemarin", "held_time": "25:00", "place": " "});
    let (status, err) = json(admin.post(&format!("{base}/minutes"), &bad).await).await;
    for field in ["held_on", "held_time", "place", "members", "decision"] {
        field_error(status, &err, field);
    }
    let outsider = Api::user(&app, Role::Admin, "admin-kaltim", Some("64"), None).await;
    let village = Api::village(&app).await;
    let path = format!("{base}/minutes");
    assert_eq!(
        outsider.post(&path, &minutes()).await.status(),
        Status::NotFound
    );
    assert_eq!(
        village.post(&path, &minutes()).await.status(),
        Status::Forbidden
    );
    assert_eq!(count_minutes(&app, &c).await, 0);
    let (status, m) = json(admin.post(&path, &minutes()).await).await;
    assert_eq!(status, Status::Created, "{m}");
    assert_eq!(m["held_on"], "2026-11-20");
    assert_eq!(count_minutes(&app, &c).await, 1);

    // Reliability at full precision, all six forms under both names.
    let (status, r) = json(admin.get(&format!("{base}/reliability")).await).await;
    assert_eq!(status, Status::Ok, "{r}");
    assert_eq!(r["preview"], true);
    let adm = &r["stages"][0];
    assert_eq!(adm["stage"], "ADM");
    let forms = adm["icc"]["forms"].as_array().unwrap();
    let names: Vec<(&str, &str)> = forms
        .iter()
        .map(|f| {
            (
                f["shrout_fleiss"].as_str().unwrap(),
                f["mcgraw_wong"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("ICC(1,1)", "ICC(1)"),
            ("ICC(2,1)", "ICC(A,1)"),
            ("ICC(3,1)", "ICC(C,1)"),
            ("ICC(1,k)", "ICC(k)"),
            ("ICC(2,k)", "ICC(A,k)"),
            ("ICC(3,k)", "ICC(C,k)"),
        ]
    );
    let w = adm["kendall_w"]["w"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&w));
    let icc = forms[1]["value"].as_f64().unwrap();
    assert_ne!(
        format!("{icc:.3}").parse::<f64>().unwrap(),
        icc,
        "not rounded"
    );
    assert_eq!(adm["leniency"].as_array().unwrap().len(), 3);
    let outlier = &adm["outliers"][0];
    assert_eq!(outlier["nomination_id"], c.noms[11].to_string());
    assert_eq!(outlier["judge_id"], c.judges[2].to_string());
    assert_eq!(
        outsider.get(&format!("{base}/reliability")).await.status(),
        Status::NotFound
    );

    // The status endpoint announces under the announcement's rules.
    let (status, comp) = json(admin.post(&status_path, &json!({"to": "announced"})).await).await;
    assert_eq!(status, Status::Ok, "{comp}");
    assert_eq!(comp["status"], "announced");
    assert_eq!(versions(&app, &c).await, 1);
    let (_, r) = json(admin.get(&format!("{base}/reliability")).await).await;
    assert_eq!(
        (r["preview"].as_bool(), r["version"].as_i64()),
        (Some(false), Some(1))
    );
}

async fn announced(app: &TestApp, admin: &Api, c: &Contest) {
    let base = format!("/api/v1/competitions/{}", c.id);
    let resp = admin
        .post(&format!("{base}/results/minutes"), &minutes())
        .await;
    assert_eq!(resp.status(), Status::Created);
    let resp = admin
        .post(&format!("{base}/status"), &json!({"to": "announced"}))
        .await;
    assert_eq!(resp.status(), Status::Ok);
    assert_eq!(versions(app, c).await, 1);
}

#[rocket::async_test]
async fn protocol_appeals_corrections_money_and_advancement() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    let admin = Api::admin(&app).await;
    announced(&app, &admin, &c).await;
    let base = format!("/api/v1/competitions/{}/results", c.id);

    // The village's protocol: its line and every judge's value, in the one decimal form.
    let op = Api::user(&app, Role::Village, "op-2001", None, Some(&village(0))).await;
    let (status, p) = json(op.get(&format!("/api/v1/results/{}/protocol", c.id)).await).await;
    assert_eq!(status, Status::Ok, "{p}");
    assert_eq!(p["line"]["rank"], 1);
    assert_eq!(p["line"]["final_score"], "86");
    let lap = &p["stages"][1];
    assert_eq!(lap["code"], "LAP");
    assert_eq!(lap["score"], "90");
    assert_eq!(lap["criteria"][0]["judges"][0]["value"], "90");
    assert_eq!(p["can_appeal"], true);
    let stranger = Api::user(&app, Role::Village, "op-lain", None, Some("33.19.03.2001")).await;
    let path = format!("/api/v1/results/{}/protocol", c.id);
    assert_eq!(stranger.get(&path).await.status(), Status::NotFound);
    assert_eq!(admin.get(&path).await.status(), Status::Forbidden);

    // Appeals: filed by villages, one rejected with an answer.
    let appeals = format!("/api/v1/results/{}/appeals", c.id);
    let (status, err) = json(op.post(&appeals, &json!({"body": " "})).await).await;
    field_error(status, &err, "body");
    let (status, mine) = json(
        op.post(&appeals, &json!({"body": "Nilai LAP A keliru"}))
            .await,
    )
    .await;
    assert_eq!(status, Status::Created, "{mine}");
    assert_eq!(mine["status"], "open");
    assert_eq!(
        op.post(&appeals, &json!({"body": "lagi"})).await.status(),
        Status::Conflict
    );
    let op5 = Api::user(&app, Role::Village, "op-2005", None, Some(&village(4))).await;
    let (_, other) = json(op5.post(&appeals, &json!({"body": "Mohon ditinjau"})).await).await;
    let reject = format!("{base}/appeals/{}/reject", other["id"].as_str().unwrap());
    let (status, err) = json(admin.post(&reject, &json!({"answer": ""})).await).await;
    field_error(status, &err, "answer");
    assert_eq!(
        op5.post(&reject, &json!({"answer": "x"})).await.status(),
        Status::Forbidden
    );
    let (status, rejected) = json(
        admin
            .post(&reject, &json!({"answer": "Sudah sesuai"}))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok, "{rejected}");
    assert_eq!(rejected["status"], "rejected");
    let (_, list) = json(admin.get(&appeals).await).await;
    assert_eq!(list["total"], 2);

    // No transfer while an appeal is open.
    let pay = format!("{base}/disbursements");
    let today = crate::results::advancement::today();
    let transfer = json!({"nomination_id": c.noms[1].to_string(), "kind": "cash",
        "amount": 100_000_000, "account": "BPD 123", "reference": "TRX-1", "paid_on": today});
    assert_eq!(admin.post(&pay, &transfer).await.status(), Status::Conflict);

    // A correction answering the open appeal: first the preview, then the confirmation.
    let (status, scores) = json(admin.get(&format!("{base}/scores/{}", c.noms[0])).await).await;
    assert_eq!(status, Status::Ok);
    let score = lap_a_score(&app, &c, 0).await.to_string();
    assert!(
        scores["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == score)
    );
    let corrections = format!("{base}/corrections");
    let (status, err) = json(
        admin
            .post(&corrections, &json!({"nomination_id": "x"}))
            .await,
    )
    .await;
    field_error(status, &err, "nomination_id");
    field_error(status, &err, "reason");
    let mut body = json!({"nomination_id": c.noms[0].to_string(), "reason": "Sanggahan diterima",
        "appeal_id": mine["id"], "values": {score.clone(): "abc"}});
    let (status, err) = json(admin.post(&corrections, &body).await).await;
    field_error(status, &err, &format!("values.{score}"));
    body["values"] = json!({score.clone(): 70});
    let (status, preview) = json(admin.post(&corrections, &body).await).await;
    assert_eq!(status, Status::Ok, "{preview}");
    assert!(!preview["rows"].as_array().unwrap().is_empty());
    assert_eq!(versions(&app, &c).await, 1, "a preview publishes nothing");
    body["confirm"] = json!("basi");
    assert_eq!(
        admin.post(&corrections, &body).await.status(),
        Status::Conflict
    );
    body["confirm"] = preview["confirm"].clone();
    let (status, done) = json(admin.post(&corrections, &body).await).await;
    assert_eq!(status, Status::Created, "{done}");
    assert_eq!(done["version"], 2);
    assert_eq!(versions(&app, &c).await, 2);

    // The ledger in whole rupiah; a transfer and its reversal.
    let (status, ledger) = json(admin.get(&format!("{base}/ledger")).await).await;
    assert_eq!(status, Status::Ok, "{ledger}");
    assert_eq!(ledger["version"], 2);
    assert!(ledger["total_due"].as_i64().unwrap() > 0);
    let bad = json!({"nomination_id": c.noms[1].to_string(), "kind": "emas", "amount": "seratus",
        "paid_on": today});
    let (status, err) = json(admin.post(&pay, &bad).await).await;
    field_error(status, &err, "kind");
    field_error(status, &err, "amount");
    let winner = ledger["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["rank"] == 1)
        .unwrap()
        .clone();
    let mut transfer = transfer;
    transfer["nomination_id"] = winner["nomination_id"].clone();
    transfer["amount"] = winner["cash"]["due"].clone();
    let (status, paid) = json(admin.post(&pay, &transfer).await).await;
    assert_eq!(status, Status::Created, "{paid}");
    assert_eq!(paid["amount"], winner["cash"]["due"]);
    let reverse = format!(
        "{base}/disbursements/{}/reverse",
        paid["id"].as_str().unwrap()
    );
    let (status, err) = json(
        admin
            .post(&reverse, &json!({"reason": "Salah rekening"}))
            .await,
    )
    .await;
    field_error(status, &err, "confirm");
    let body = json!({"reason": "Salah rekening", "confirm": true});
    assert_eq!(admin.post(&reverse, &body).await.status(), Status::Ok);
    assert_eq!(admin.post(&reverse, &body).await.status(), Status::Conflict);
    let (_, ledger) = json(admin.get(&format!("{base}/ledger")).await).await;
    assert_eq!(ledger["total_paid"], 0, "net of the reversal");

    // The top two advance to the provincial competition.
    let above = CompetitionBuilder::new("Lomba Desa Provinsi Jawa Tengah")
        .level("provinsi", Some("33"))
        .insert(&app.db)
        .await;
    let advance = format!("{base}/advance");
    let (status, err) = json(
        admin
            .post(&advance, &json!({"target": "x", "top": 0}))
            .await,
    )
    .await;
    field_error(status, &err, "target");
    field_error(status, &err, "top");
    let body = json!({"target": above.id.to_string(), "top": 2});
    let (status, err) = json(admin.post(&advance, &body).await).await;
    assert_eq!(
        status,
        Status::Conflict,
        "the appeal window is still open: {err}"
    );
    crate::results::advancement::announced_days_ago(&app, c.id, 8).await;
    let (status, moved) = json(admin.post(&advance, &body).await).await;
    assert_eq!(status, Status::Created, "{moved}");
    assert_eq!(moved["created"].as_array().unwrap().len(), 2);
}
