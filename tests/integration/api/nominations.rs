//! `/api/v1/nominations`: drafts, profile saves with versions, submission rules and the
//! deadline, withdrawal, the committee's check and its filtered, paginated list.

use juara::auth::Role;
use rocket::http::Status;
use serde_json::{Value, json};
use uuid::Uuid;

use super::{Api, JATI, NEIGHBOUR, OWN, field_error, id_of, json, set_status};
use crate::common::TestApp;
use crate::common::builders::CompetitionBuilder;

fn profile(version: i64) -> Value {
    json!({
        "head_name": "Sutrisno",
        "development_status": "maju",
        "population": 4210,
        "households": "1.280",
        "contact_name": "Siti Aminah",
        "contact_phone": "0812-2900-1234",
        "contact_email": "desa.bakalan@kuduskab.go.id",
        "achievements": "Juara I lomba kebersihan 2024",
        "description": "Desa sentra bordir di Kaliwungu.",
        "version": version
    })
}

async fn create(api: &Api, competition: Uuid) -> Value {
    let (status, n) = json(
        api.post(
            "/api/v1/nominations",
            &json!({"competition_id": competition.to_string()}),
        )
        .await,
    )
    .await;
    assert_eq!(status, Status::Created, "{n}");
    n
}

#[rocket::async_test]
async fn a_village_creates_fills_and_submits_a_nomination() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let village = Api::village(&app).await;
    let n = create(&village, c.id).await;
    assert_eq!(n["status"], "draft");
    assert_eq!(n["village_code"], OWN);
    assert_eq!(n["editable"], true);
    let id = id_of(&n);

    let path = format!("/api/v1/nominations/{id}");
    let (status, err) = json(village.post_empty(&format!("{path}/submit")).await).await;
    assert!(field_error(status, &err, "head_name").contains("Belum diisi"));
    field_error(status, &err, "population");

    let (status, saved) = json(village.put(&format!("{path}/profile"), &profile(0)).await).await;
    assert_eq!(status, Status::Ok, "{saved}");
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["profile"]["households"], 1280);

    let (status, sent) = json(village.post_empty(&format!("{path}/submit")).await).await;
    assert_eq!(status, Status::Ok, "{sent}");
    assert_eq!(sent["status"], "submitted");
    assert_eq!(sent["editable"], false);
    let (status, _) = json(village.put(&format!("{path}/profile"), &profile(2)).await).await;
    assert_eq!(status, Status::Conflict, "no edits after submission");

    let (_, mine) = json(village.get("/api/v1/nominations").await).await;
    assert_eq!(mine["items"][0]["nomination"]["status"], "submitted");
    assert_eq!(mine["items"][0]["competition"]["name"], "Lomba Desa Kudus");
}

#[rocket::async_test]
async fn entry_is_refused_for_duplicates_wrong_category_scope_and_after_the_deadline() {
    let app = TestApp::new().await;
    let village = Api::village(&app).await;
    let open = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    create(&village, open.id).await;
    let body = |c: Uuid| json!({"competition_id": c.to_string()});
    let (status, err) = json(village.post("/api/v1/nominations", &body(open.id)).await).await;
    assert_eq!(status, Status::Conflict);
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("sudah memiliki usulan")
    );

    let kelurahan = CompetitionBuilder::new("Lomba Kelurahan")
        .category("kelurahan")
        .insert(&app.db)
        .await;
    let (status, err) = json(
        village
            .post("/api/v1/nominations", &body(kelurahan.id))
            .await,
    )
    .await;
    field_error(status, &err, "competition_id");
    let elsewhere = CompetitionBuilder::new("Lomba Samarinda")
        .level("kabupaten", Some("64.72"))
        .insert(&app.db)
        .await;
    let (status, err) = json(
        village
            .post("/api/v1/nominations", &body(elsewhere.id))
            .await,
    )
    .await;
    field_error(status, &err, "competition_id");
    let closed = CompetitionBuilder::new("Lomba Tutup")
        .closed()
        .insert(&app.db)
        .await;
    let (status, err) = json(village.post("/api/v1/nominations", &body(closed.id)).await).await;
    assert_eq!(status, Status::Conflict);
    assert!(err["message"].as_str().unwrap().contains("Batas waktu"));
    let draft = CompetitionBuilder::new("Draf")
        .status("draft")
        .insert(&app.db)
        .await;
    let resp = village.post("/api/v1/nominations", &body(draft.id)).await;
    assert_eq!(resp.status(), Status::NotFound);
    let resp = village
        .post(
            "/api/v1/nominations",
            &json!({"competition_id": "bukan-uuid"}),
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);

    let admin = Api::admin(&app).await;
    let resp = admin.post("/api/v1/nominations", &body(open.id)).await;
    assert_eq!(resp.status(), Status::Forbidden, "admins do not nominate");
    let rows = juara::db::nominations::list_for_village(&app.db, OWN)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "only the first draft exists");
}

#[rocket::async_test]
async fn profile_saves_are_checked_and_a_stale_version_is_refused() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let village = Api::village(&app).await;
    let id = id_of(&create(&village, c.id).await);
    let path = format!("/api/v1/nominations/{id}/profile");

    let mut bad = profile(0);
    bad["population"] = json!(-3);
    bad["contact_email"] = json!("desa@");
    bad["development_status"] = json!("super");
    let (status, err) = json(village.put(&path, &bad).await).await;
    field_error(status, &err, "population");
    field_error(status, &err, "contact_email");
    field_error(status, &err, "development_status");
    let mut no_version = profile(0);
    no_version.as_object_mut().unwrap().remove("version");
    let (status, err) = json(village.put(&path, &no_version).await).await;
    field_error(status, &err, "version");

    let (status, _) = json(village.put(&path, &profile(0)).await).await;
    assert_eq!(status, Status::Ok);
    let mut other_tab = profile(0);
    other_tab["head_name"] = json!("Ditimpa");
    let (status, err) = json(village.put(&path, &other_tab).await).await;
    assert_eq!(status, Status::Conflict);
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("tab atau perangkat lain")
    );
    let (_, now) = json(village.get(&format!("/api/v1/nominations/{id}")).await).await;
    assert_eq!(now["profile"]["head_name"], "Sutrisno", "not overwritten");
    assert_eq!(now["version"], 1);
}

#[rocket::async_test]
async fn submission_checks_eligibility_rules_and_the_deadline() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .eligible_statuses("berkembang")
        .definitive_head()
        .insert(&app.db)
        .await;
    let village = Api::village(&app).await;
    let id = id_of(&create(&village, c.id).await);
    let mut body = profile(0);
    body["head_is_acting"] = json!(true);
    village
        .put(&format!("/api/v1/nominations/{id}/profile"), &body)
        .await;
    let submit = format!("/api/v1/nominations/{id}/submit");
    let (status, err) = json(village.post_empty(&submit).await).await;
    field_error(status, &err, "development_status");
    field_error(status, &err, "head_is_acting");

    // After the deadline: refused with the reason, and the draft stays a draft.
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    let mut a = c.clone().into_active_model();
    a.eligible_statuses = Set(String::new());
    a.require_definitive_head = Set(false);
    a.nomination_closes_at = Set(Some(
        chrono::Utc::now().fixed_offset() - chrono::Duration::hours(1),
    ));
    a.update(&app.db).await.unwrap();
    let (status, err) = json(village.post_empty(&submit).await).await;
    assert!(field_error(status, &err, "nomination").contains("Batas waktu"));
    let (_, n) = json(village.get(&format!("/api/v1/nominations/{id}")).await).await;
    assert_eq!(n["status"], "draft");
}

#[rocket::async_test]
async fn withdrawal_is_allowed_until_judging_starts() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let village = Api::village(&app).await;
    let id = id_of(&create(&village, c.id).await);
    let path = format!("/api/v1/nominations/{id}/withdraw");
    let (status, n) = json(village.post_empty(&path).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(n["status"], "withdrawn");
    assert!(n["withdrawn_at"].is_string());

    let later = CompetitionBuilder::new("Lomba Lain").insert(&app.db).await;
    let id = id_of(&create(&village, later.id).await);
    set_status(&app, later.id, "judging").await;
    let (status, err) = json(
        village
            .post_empty(&format!("/api/v1/nominations/{id}/withdraw"))
            .await,
    )
    .await;
    assert_eq!(status, Status::Conflict, "{err}");
    let (_, n) = json(village.get(&format!("/api/v1/nominations/{id}")).await).await;
    assert_eq!(n["status"], "draft");
}

#[rocket::async_test]
async fn nominations_are_read_only_by_their_village_and_admins_in_scope() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let village = Api::village(&app).await;
    let id = id_of(&create(&village, c.id).await);
    let path = format!("/api/v1/nominations/{id}");
    let neighbour = Api::user(&app, Role::Village, "tetangga", None, Some(NEIGHBOUR)).await;
    assert_eq!(neighbour.get(&path).await.status(), Status::NotFound);
    assert_eq!(
        neighbour
            .put(&format!("{path}/profile"), &profile(0))
            .await
            .status(),
        Status::NotFound
    );
    assert_eq!(
        neighbour
            .post_empty(&format!("{path}/submit"))
            .await
            .status(),
        Status::NotFound
    );
    let judge = Api::user(&app, Role::Judge, "juri", Some("33.19"), None).await;
    assert_eq!(judge.get(&path).await.status(), Status::Forbidden);
    let outside = Api::user(&app, Role::Admin, "admin-smd", Some("64.72"), None).await;
    assert_eq!(outside.get(&path).await.status(), Status::NotFound);
    let kudus = Api::user(&app, Role::Admin, "admin-kudus", Some("33.19"), None).await;
    assert_eq!(kudus.get(&path).await.status(), Status::Ok);
    assert_eq!(
        kudus
            .put(&format!("{path}/profile"), &profile(0))
            .await
            .status(),
        Status::Forbidden,
        "admins do not edit a village's profile"
    );
}

#[rocket::async_test]
async fn the_committee_accepts_or_rejects_with_a_reason_the_village_sees() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let draft = crate::nominations::nomination_with_status(&app, c.id, NEIGHBOUR, "draft").await;
    let sent = crate::nominations::nomination_with_status(&app, c.id, OWN, "submitted").await;
    let admin = Api::user(&app, Role::Admin, "admin-kudus", Some("33.19"), None).await;
    let review = |id: Uuid| format!("/api/v1/nominations/{id}/review");

    let (status, err) = json(
        admin
            .post(&review(sent), &json!({"decision": "maybe"}))
            .await,
    )
    .await;
    field_error(status, &err, "decision");
    let (status, err) = json(
        admin
            .post(&review(sent), &json!({"decision": "reject"}))
            .await,
    )
    .await;
    assert!(field_error(status, &err, "reason").contains("wajib"));
    let (status, err) = json(
        admin
            .post(&review(draft), &json!({"decision": "accept"}))
            .await,
    )
    .await;
    assert_eq!(status, Status::Conflict, "{err}");

    let outside = Api::user(&app, Role::Admin, "admin-smd", Some("64.72"), None).await;
    let resp = outside
        .post(&review(sent), &json!({"decision": "accept"}))
        .await;
    assert_eq!(resp.status(), Status::NotFound);
    let village = Api::village(&app).await;
    let resp = village
        .post(&review(sent), &json!({"decision": "accept"}))
        .await;
    assert_eq!(resp.status(), Status::Forbidden);

    let (status, rejected) = json(
        admin
            .post(
                &review(sent),
                &json!({"decision": "reject", "reason": "RPJMDes belum dilegalisasi"}),
            )
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(rejected["status"], "rejected");
    let (_, seen) = json(village.get(&format!("/api/v1/nominations/{sent}")).await).await;
    assert_eq!(seen["review_note"], "RPJMDes belum dilegalisasi");
    let (status, _) = json(
        admin
            .post(&review(sent), &json!({"decision": "accept"}))
            .await,
    )
    .await;
    assert_eq!(
        status,
        Status::UnprocessableEntity,
        "reconsidering needs a reason"
    );
    let (status, accepted) = json(
        admin
            .post(
                &review(sent),
                &json!({"decision": "accept", "reason": "Legalisasi menyusul diterima"}),
            )
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok);
    assert_eq!(accepted["status"], "accepted");
}

#[rocket::async_test]
async fn the_committee_list_filters_by_status_kabupaten_kecamatan_and_pages() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let with = crate::nominations::nomination_with_status;
    with(&app, c.id, OWN, "submitted").await;
    with(&app, c.id, NEIGHBOUR, "accepted").await;
    with(&app, c.id, JATI, "submitted").await;
    let admin = Api::admin(&app).await;
    let base = format!("/api/v1/competitions/{}/nominations", c.id);
    let villages = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["village_code"].as_str().unwrap().to_owned())
            .collect()
    };
    let (status, all) = json(admin.get(&base).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(all["total"], 3);
    let (_, submitted) = json(admin.get(&format!("{base}?status=submitted")).await).await;
    assert_eq!(villages(&submitted), vec![OWN, JATI]);
    let (_, kaliwungu) = json(admin.get(&format!("{base}?kecamatan=33.19.01")).await).await;
    assert_eq!(villages(&kaliwungu), vec![OWN, NEIGHBOUR]);
    let (_, both) = json(
        admin
            .get(&format!(
                "{base}?kabupaten=33.19&kecamatan=33.19.03&status=submitted"
            ))
            .await,
    )
    .await;
    assert_eq!(villages(&both), vec![JATI]);
    let (_, kudus) = json(admin.get(&format!("{base}?kabupaten=33.19")).await).await;
    assert_eq!(kudus["total"], 3);
    let (_, page) = json(admin.get(&format!("{base}?page=1&per_page=2")).await).await;
    assert_eq!(villages(&page), vec![JATI]);
    assert_eq!(page["total"], 3);

    let (status, err) = json(admin.get(&format!("{base}?kecamatan=33.19")).await).await;
    field_error(status, &err, "kecamatan");
    let (status, err) = json(
        admin
            .get(&format!("{base}?kabupaten=64.72&kecamatan=33.19.01"))
            .await,
    )
    .await;
    field_error(status, &err, "kecamatan");
    let (status, err) = json(admin.get(&format!("{base}?status=lulus")).await).await;
    field_error(status, &err, "status");

    let outside = Api::user(&app, Role::Admin, "admin-smd", Some("64.72"), None).await;
    assert_eq!(outside.get(&base).await.status(), Status::NotFound);
    let village = Api::village(&app).await;
    assert_eq!(village.get(&base).await.status(), Status::Forbidden);
}
