//! Region fields: what a person may type without any script (a code, "code — name", a name
//! naming one region at the field's levels, or a name with its path), the refusals next to
//! the field and in the summary, the type-ahead's search endpoint, and names shown instead of
//! codes. The fixture registry has namesakes: "Sidomulyo" (two kelurahan/desa), "Kaliwungu"
//! (a kecamatan and a desa in it) and "Kudus" (Kabupaten Kudus, kecamatan Kota Kudus).

use juara::app::regions::{self, AMBIGUOUS, MISMATCH, UNKNOWN, WRONG_LEVEL, resolve};
use juara::auth::Role;
use juara::registry::Level;
use rocket::http::Status;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::Value;

use crate::common::{TestApp, body};
use crate::competitions::{admin_app, create, fields};

async fn code_of(
    app: &TestApp,
    text: &str,
    levels: &[Level],
) -> Result<Option<String>, &'static str> {
    resolve(&app.db, text, levels)
        .await
        .unwrap()
        .map(|r| r.map(|r| r.code))
}

#[rocket::async_test]
async fn typed_text_resolves_to_one_region_or_says_why_not() {
    let app = TestApp::new().await;
    let ok = |c: &str| Ok(Some(c.to_owned()));
    assert_eq!(code_of(&app, "  ", &[]).await, Ok(None));
    assert_eq!(code_of(&app, "64.72", &[]).await, ok("64.72"));
    assert_eq!(
        code_of(&app, "64.72 — Kota Samarinda", &[]).await,
        ok("64.72")
    );
    assert_eq!(
        code_of(&app, "64.72 - kota  samarinda", &[]).await,
        ok("64.72")
    );
    assert_eq!(
        code_of(&app, "64.72 Kota Samarinda", &[]).await,
        ok("64.72")
    );
    assert_eq!(code_of(&app, "Kota Samarinda", &[]).await, ok("64.72"));
    let regency = [Level::Regency];
    assert_eq!(
        code_of(&app, "samarinda", &regency).await,
        ok("64.72"),
        "kind word optional"
    );
    assert_eq!(
        code_of(&app, "Kabupaten Kudus", &regency).await,
        ok("33.19")
    );
    assert_eq!(
        code_of(&app, "Kudus", &[]).await,
        Err(AMBIGUOUS),
        "kabupaten and kecamatan"
    );
    assert_eq!(code_of(&app, "Sidomulyo", &[]).await, Err(AMBIGUOUS));
    assert_eq!(
        code_of(
            &app,
            "Sidomulyo — Samarinda Ilir, Kota Samarinda, Kalimantan Timur",
            &[]
        )
        .await,
        ok("64.72.04.1003"),
        "the path tells namesakes apart"
    );
    assert_eq!(
        code_of(&app, "Kaliwungu", &[Level::District]).await,
        ok("33.19.01")
    );
    assert_eq!(
        code_of(&app, "64.72 — Kabupaten Kudus", &[]).await,
        Err(MISMATCH)
    );
    assert_eq!(code_of(&app, "99.99", &[]).await, Err(UNKNOWN));
    assert_eq!(code_of(&app, "Atlantis", &[]).await, Err(UNKNOWN));
    assert_eq!(code_of(&app, "64", &regency).await, Err(WRONG_LEVEL));
    assert_eq!(
        code_of(&app, "Kalimantan Timur", &regency).await,
        Err(WRONG_LEVEL)
    );
    assert_eq!(
        regions::input_value(&app.db, Some("33.19.01"))
            .await
            .unwrap(),
        "33.19.01 — Kaliwungu"
    );
}

async fn suggest(app: &TestApp, query: &str) -> (Status, Value) {
    let resp = app.get(&format!("/api/v1/regions/suggest?{query}")).await;
    let status = resp.status();
    let text = body(resp).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[rocket::async_test]
async fn the_type_ahead_offers_names_with_their_path_best_first() {
    let app = TestApp::new().await;
    let (status, res) = suggest(&app, "q=samarinda&levels=regency").await;
    assert_eq!(status, Status::Ok);
    assert_eq!(
        res["items"],
        serde_json::json!([{
            "code": "64.72", "name": "Kota Samarinda", "level": "regency",
            "path": "Kalimantan Timur", "value": "64.72 — Kota Samarinda"
        }])
    );
    let (_, res) = suggest(&app, "q=SIDOMULYO").await;
    let paths: Vec<&str> = res["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "Jekulo, Kabupaten Kudus, Jawa Tengah",
            "Samarinda Ilir, Kota Samarinda, Kalimantan Timur"
        ]
    );
    // Names equal to the text come before names that only contain it.
    let (_, res) = suggest(&app, "q=kaliwungu&levels=district,village").await;
    let first = &res["items"][0];
    assert_eq!(
        (first["code"].as_str(), first["level"].as_str()),
        (Some("33.19.01"), Some("district"))
    );
    let (_, res) = suggest(&app, "q=samarinda").await;
    assert!(res["items"].as_array().unwrap().len() <= regions::MAX_SUGGESTIONS);
    assert_eq!(res["items"][0]["code"], "64.72", "the kota first");
    let (_, res) = suggest(&app, "q=s").await;
    assert_eq!(
        res["items"],
        serde_json::json!([]),
        "one letter asks nothing"
    );
    let (status, _) = suggest(&app, "q=kudus&levels=kota").await;
    assert_eq!(status, Status::NotFound);
}

#[rocket::async_test]
async fn a_competition_region_is_typed_by_name_and_shown_by_name() {
    let app = admin_app().await;
    let mut form = fields("Lomba Desa Samarinda", "desa", "");
    form.retain(|(k, _)| !["level", "region_code"].contains(k));
    form.extend([("level", "kabupaten"), ("region_code", "Kota Samarinda")]);
    let id = create(&app, &form).await;
    let stored = crate::competitions::competition(&app, id).await;
    assert_eq!(stored.region_code.as_deref(), Some("64.72"));
    let html = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(
        html.contains("Kota Samarinda · "),
        "the heading names the region"
    );
    assert!(!html.contains("Kabupaten/Kota 64.72"));
    let html = body(app.get("/admin/competitions").await).await;
    assert!(html.contains("Kota Samarinda"), "the list names it too");
    let html = body(app.get(&format!("/admin/competitions/{id}/edit")).await).await;
    assert!(
        html.contains(r#"value="64.72 — Kota Samarinda""#),
        "shown again as code and name"
    );
    assert!(html.contains("data-region-picker"));

    let before = entity::competition::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    for (typed, message) in [
        ("Atlantis", "Wilayah tidak ditemukan"),
        ("64.72 — Kabupaten Kudus", "tidak cocok"),
        ("Kalimantan Timur", "tidak sesuai dengan tingkat lomba"),
    ] {
        let mut bad = form.clone();
        bad.retain(|(k, _)| *k != "region_code");
        bad.push(("region_code", typed));
        let resp = app.post_form("/admin/competitions", &bad).await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "{typed}");
        let html = body(resp).await;
        let at_field = r#"<p class="field-error" id="err-region_code">"#;
        let field_msg = html.split(at_field).nth(1).unwrap_or_default();
        assert!(field_msg.contains(message), "{typed}: next to the field");
        let summary = html.split("error-summary").nth(1).unwrap_or_default();
        assert!(
            summary.contains(r##"href="#f-region_code""##) && summary.contains(message),
            "{typed}: in the summary"
        );
        assert!(
            html.contains(&format!(r#"value="{typed}""#)),
            "{typed}: kept as typed"
        );
    }
    let after = entity::competition::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(before, after, "nothing stored");
}

#[rocket::async_test]
async fn accounts_and_conflicts_take_names_too() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let resp = app
        .post_form(
            "/admin/users",
            &[
                ("role", "village"),
                ("username", "op.sidomulyo"),
                ("display_name", "Operator Sidomulyo"),
                (
                    "village_code",
                    "Sidomulyo — Samarinda Ilir, Kota Samarinda, Kalimantan Timur",
                ),
                ("region_code", ""),
                ("password", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::Created);
    let op = juara::db::users::find_by_username(&app.db, "op.sidomulyo")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(op.village_code.as_deref(), Some("64.72.04.1003"));
    let judge = |name: &'static str, region: &'static str| {
        [
            ("role", "judge"),
            ("username", name),
            ("display_name", "Juri"),
            ("village_code", ""),
            ("region_code", region),
            ("password", ""),
        ]
    };
    let resp = app
        .post_form("/admin/users", &judge("juri.kudus", "Kudus"))
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(
        body(resp)
            .await
            .contains("Ada beberapa wilayah dengan nama ini")
    );
    let resp = app
        .post_form("/admin/users", &judge("juri.kudus", "Kabupaten Kudus"))
        .await;
    assert_eq!(resp.status(), Status::Created);

    let juri = juara::db::users::find_by_username(&app.db, "juri.kudus")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(juri.region_code.as_deref(), Some("33.19"));
    let id = juri.id.to_string();
    let declare = |region: &'static str| {
        [
            ("judge_id", id.clone()),
            ("region_code", region.to_owned()),
            ("reason", "Tetangga".to_owned()),
        ]
    };
    let owned = declare("Kaliwungu");
    let pairs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let resp = app.post_form("/admin/conflicts", &pairs).await;
    assert_eq!(
        resp.status(),
        Status::UnprocessableEntity,
        "kecamatan or desa?"
    );
    let html = body(resp).await;
    assert!(
        html.contains("beberapa wilayah"),
        "{}",
        html.split("error-summary").nth(1).unwrap_or_default()
    );
    let owned = declare("33.19.01 — Kaliwungu");
    let pairs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        app.post_form("/admin/conflicts", &pairs).await.status(),
        Status::SeeOther
    );
    let stored = juara::db::judging::conflicts::list_for_judge(&app.db, juri.id)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].region_code, "33.19.01");
}

#[rocket::async_test]
async fn lists_name_regions_and_the_public_filter_takes_a_name() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    app.create_user(Role::Judge, "juri.samarinda", Some("64.72"), None)
        .await;
    let html = body(app.get("/admin/users").await).await;
    assert!(
        html.contains("Kota Samarinda"),
        "the account list names the region"
    );

    let c = crate::results::contest(&app).await;
    crate::results::announce(&app, &c).await;
    let anon = app.new_browser().await;
    let list = body(anon.get("/results?region=Kabupaten+Kudus").dispatch().await).await;
    assert!(
        list.contains("Lomba Desa Kabupaten Kudus 2026"),
        "filtered by the name"
    );
    let item = list
        .split("Lomba Desa Kabupaten Kudus 2026")
        .nth(1)
        .unwrap_or_default();
    let item = item.split("</li>").next().unwrap_or_default();
    assert!(
        item.contains("Kabupaten Kudus") && !item.contains("33.19"),
        "{item}"
    );
    let none = body(anon.get("/results?region=Kota+Samarinda").dispatch().await).await;
    assert!(!none.contains("Lomba Desa Kabupaten Kudus 2026"));
    // The year is in the name already: the title does not repeat it.
    let winners = body(anon.get(format!("/results/{}", c.id)).dispatch().await).await;
    assert!(winners.contains("<h1>Lomba Desa Kabupaten Kudus 2026</h1>"));
}
