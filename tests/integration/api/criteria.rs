//! A stage's criteria tree through the API: nodes at any depth, live weight sums, the
//! engine's refusal of invalid weights (naming the node and the sum), reorder, removal with
//! the subtree, and read-only once judging starts.

use rocket::http::Status;
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Api, field_error, id_of, json, set_status};
use crate::common::TestApp;

fn node(parent: Option<&str>, code: &str, weight: i64, leaf: bool) -> Value {
    let mut v = json!({
        "parent_id": parent,
        "code": code,
        "name": format!("Kriteria {code}"),
        "weight": weight,
    });
    if leaf {
        v["scale_min"] = json!("1");
        v["scale_max"] = json!(5);
        v["scale_step"] = json!("0.5");
    }
    v
}

/// A draft competition with one empty stage; returns (competition, stage).
async fn empty_stage(admin: &Api) -> (Uuid, Uuid) {
    let mut body = super::competition_body("Lomba Desa Kudus 2026");
    body["template"] = json!(null);
    let (status, c) = json(admin.post("/api/v1/competitions", &body).await).await;
    assert_eq!(status, Status::Created);
    let c = id_of(&c);
    let stage = json!({"code": "LAP", "name": "Lapangan", "kind": "field", "weight": 100,
        "aggregation": "mean", "quorum": 3, "judges_per_entry": 3});
    let (status, s) = json(
        admin
            .post(&format!("/api/v1/competitions/{c}/stages"), &stage)
            .await,
    )
    .await;
    assert_eq!(status, Status::Created);
    (c, id_of(&s))
}

#[rocket::async_test]
async fn a_tree_is_built_with_live_sums_and_reordered() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let (c, s) = empty_stage(&admin).await;
    let base = format!("/api/v1/competitions/{c}/stages/{s}/criteria");
    let (status, aspect) = json(admin.post(&base, &node(None, "1", 100, false)).await).await;
    assert_eq!(status, Status::Created, "{aspect}");
    let a = aspect["id"].as_str().unwrap().to_owned();
    let (_, first) = json(admin.post(&base, &node(Some(&a), "1.1", 60, true)).await).await;
    assert_eq!(first["depth"], 1);
    assert_eq!(first["scale_step"], "0.5");
    let (_, second) = json(admin.post(&base, &node(Some(&a), "1.2", 30, true)).await).await;

    let (_, tree) = json(admin.get(&base).await).await;
    assert_eq!(tree["root_weight_sum"], 100);
    assert_eq!(tree["items"][0]["children_weight_sum"], 90);
    let problems = tree["problems"].as_array().unwrap();
    assert!(
        problems.iter().any(|p| p
            .as_str()
            .unwrap()
            .contains("bobot di bawah 1 berjumlah 90")),
        "{tree}"
    );

    let path = format!("/api/v1/competitions/{c}/criteria/{}", id_of(&second));
    let (status, saved) = json(admin.put(&path, &node(Some(&a), "1.2", 40, true)).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(saved["weight"], 40);
    let (status, moved) = json(admin.post_empty(&format!("{path}/move?up=true")).await).await;
    assert_eq!(status, Status::Ok);
    let codes: Vec<&str> = moved["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["1", "1.2", "1.1"]);
    assert!(moved["problems"].as_array().unwrap().is_empty(), "{moved}");
    let _ = first;
}

#[rocket::async_test]
async fn invalid_weights_keep_the_competition_from_opening_naming_node_and_sum() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let c = id_of(&super::create_competition(&admin, "Lomba Desa Kudus 2026").await);
    let stages = juara::db::competition_setup::list_stages(&app.db, c)
        .await
        .unwrap();
    let rows = juara::db::competition_setup::list_criteria(&app.db, stages[0].id)
        .await
        .unwrap();
    let root = rows.iter().find(|r| r.parent_id.is_none()).unwrap();
    let mut body = json!({
        "code": root.code, "name": root.name, "weight": root.weight + 7,
        "guidance": root.guidance,
    });
    if let (Some(min), Some(max)) = (root.scale_min, root.scale_max) {
        body["scale_min"] = json!(juara::domain::Points::from_units(min).to_string());
        body["scale_max"] = json!(juara::domain::Points::from_units(max).to_string());
    }
    let path = format!("/api/v1/competitions/{c}/criteria/{}", root.id);
    let (status, _) = json(admin.put(&path, &body).await).await;
    assert_eq!(status, Status::Ok);

    let (status, err) = json(
        admin
            .post(
                &format!("/api/v1/competitions/{c}/status"),
                &json!({"to": "open"}),
            )
            .await,
    )
    .await;
    let setup = field_error(status, &err, "setup");
    assert!(
        setup.contains("bobot tingkat teratas berjumlah 107"),
        "{setup}"
    );
    assert!(setup.contains(&stages[0].code), "names the stage: {setup}");
    let (_, still) = json(admin.get(&format!("/api/v1/competitions/{c}")).await).await;
    assert_eq!(still["status"], "draft");
}

#[rocket::async_test]
async fn bad_nodes_are_refused_and_removal_of_a_parent_needs_cascade() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let (c, s) = empty_stage(&admin).await;
    let (_, s2) = empty_stage(&admin).await;
    let base = format!("/api/v1/competitions/{c}/stages/{s}/criteria");
    let (_, aspect) = json(admin.post(&base, &node(None, "1", 100, false)).await).await;
    let a = aspect["id"].as_str().unwrap().to_owned();
    let (_, leaf) = json(admin.post(&base, &node(Some(&a), "1.1", 100, true)).await).await;

    let mut bad = node(Some(&Uuid::new_v4().to_string()), "1 1", 101, true);
    bad["scale_min"] = json!("5");
    bad["scale_max"] = json!("1");
    let (status, err) = json(admin.post(&base, &bad).await).await;
    field_error(status, &err, "parent_id");
    field_error(status, &err, "code");
    field_error(status, &err, "weight");
    field_error(status, &err, "scale_max");
    let (status, err) = json(admin.post(&base, &node(None, "1.1", 10, true)).await).await;
    field_error(status, &err, "code");
    // A node cannot move under its own child, nor under another competition's stage.
    let (status, err) = json(
        admin
            .put(
                &format!("/api/v1/competitions/{c}/criteria/{a}"),
                &node(Some(leaf["id"].as_str().unwrap()), "1", 100, false),
            )
            .await,
    )
    .await;
    field_error(status, &err, "parent_id");
    let foreign = format!("/api/v1/competitions/{c}/stages/{s2}/criteria");
    assert_eq!(admin.get(&foreign).await.status(), Status::NotFound);

    let parent = format!("/api/v1/competitions/{c}/criteria/{a}");
    let (status, err) = json(admin.delete(&parent).await).await;
    assert_eq!(status, Status::Conflict);
    assert!(err["message"].as_str().unwrap().contains("1 sub-kriteria"));
    assert_eq!(
        admin
            .delete(&format!("{parent}?cascade=true"))
            .await
            .status(),
        Status::NoContent
    );
    let (_, tree) = json(admin.get(&base).await).await;
    assert!(tree["items"].as_array().unwrap().is_empty());
}

#[rocket::async_test]
async fn criteria_are_read_only_once_judging_starts() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let (c, s) = empty_stage(&admin).await;
    let base = format!("/api/v1/competitions/{c}/stages/{s}/criteria");
    let (_, leaf) = json(admin.post(&base, &node(None, "1", 100, true)).await).await;
    set_status(&app, c, "judging").await;
    let (status, _) = json(admin.post(&base, &node(None, "2", 10, true)).await).await;
    assert_eq!(status, Status::Conflict);
    let path = format!("/api/v1/competitions/{c}/criteria/{}", id_of(&leaf));
    assert_eq!(
        admin.put(&path, &node(None, "1", 50, true)).await.status(),
        Status::Conflict
    );
    assert_eq!(admin.delete(&path).await.status(), Status::Conflict);
    assert_eq!(
        admin
            .post_empty(&format!("{path}/move?up=true"))
            .await
            .status(),
        Status::Conflict
    );
    let (status, tree) = json(admin.get(&base).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(tree["items"][0]["weight"], 100, "unchanged");
}

#[rocket::async_test]
async fn level_descriptors_round_trip_and_are_checked_like_the_form() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let (c, s) = empty_stage(&admin).await;
    let base = format!("/api/v1/competitions/{c}/stages/{s}/criteria");
    let mut leaf = node(None, "1", 100, true);
    leaf["levels"] = json!([
        {"value": "4,5", "text": "Hampir sempurna"},
        {"value": 1, "text": "Belum ada:\ntidak ada dokumen"},
    ]);
    let (status, made) = json(admin.post(&base, &leaf).await).await;
    assert_eq!(status, Status::Created, "{made}");
    assert_eq!(
        made["levels"],
        json!([
            {"value": "1", "text": "Belum ada: tidak ada dokumen"},
            {"value": "4.5", "text": "Hampir sempurna"},
        ]),
        "value order, decimal strings, one line each"
    );
    let (_, tree) = json(admin.get(&base).await).await;
    assert_eq!(tree["items"][0]["levels"], made["levels"]);

    let path = format!(
        "/api/v1/competitions/{c}/criteria/{}",
        made["id"].as_str().unwrap()
    );
    for (levels, message) in [
        (
            json!([{"value": "6", "text": "Di luar"}]),
            "harus ada pada skala",
        ),
        (
            json!([{"value": "1.25", "text": "Bukan kelipatan"}]),
            "harus ada pada skala",
        ),
        (json!([{"value": "2", "text": ""}]), "harus diisi"),
        (
            json!([{"text": "Tanpa nilai"}]),
            "berbentuk \"nilai = uraian\"",
        ),
    ] {
        let mut body = node(None, "1", 100, true);
        body["levels"] = levels;
        let (status, answer) = json(admin.put(&path, &body).await).await;
        let got = field_error(status, &answer, "levels");
        assert!(got.contains(message), "{got}");
    }
    let (_, tree) = json(admin.get(&base).await).await;
    assert_eq!(
        tree["items"][0]["levels"], made["levels"],
        "refusals changed nothing"
    );
    let (status, saved) = json(admin.put(&path, &node(None, "1", 100, true)).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(
        saved["levels"],
        json!([]),
        "a replacement without levels has none"
    );
}
