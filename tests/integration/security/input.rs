//! Issue 10 §5: bad input answers 422 (never 500), identically on SQLite and PostgreSQL, and
//! stores nothing. Control characters (NUL above all: PostgreSQL cannot store it) are refused
//! in form fields, JSON strings, query strings and paths with "Isian mengandung karakter yang
//! tidak diizinkan."; `next` with a control character falls back to a default page; dates
//! outside 2000–2100 and amounts above Rp1 triliun are refused next to their field.

use entity::{api_token, audit_event, competition, score};
use juara::auth::Role;
use rocket::http::{ContentType, Header, Status};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::json;

use crate::api::{Api, competition_body, field_error, json as json_of};
use crate::common::{TestApp, body, csrf_of};
use crate::competitions::fields;
use crate::judging::{Fixture, post};

const REFUSED: &str = "Isian mengandung karakter yang tidak diizinkan.";

async fn competitions(app: &TestApp) -> u64 {
    competition::Entity::find().count(&app.db).await.unwrap()
}

#[rocket::async_test]
async fn control_characters_in_form_fields_are_refused_next_to_the_field() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    for bad in ["Lomba\u{0}Desa", "Lomba\u{1b}[31m", "Lomba\u{7f}"] {
        let resp = app
            .post_form("/admin/competitions", &fields(bad, "desa", ""))
            .await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "{bad:?}");
        let page = body(resp).await;
        assert!(page.contains(REFUSED), "{bad:?}: field error shown");
        assert!(!page.contains('\u{0}'), "NUL not echoed back");
    }
    assert_eq!(competitions(&app).await, 0, "nothing stored");
    // Multi-line text keeps its newlines and tabs.
    let mut ok = fields("Lomba Desa", "desa", "");
    ok.retain(|(k, _)| *k != "description");
    ok.push(("description", "Baris satu\r\nBaris dua\tkolom"));
    let resp = app.post_form("/admin/competitions", &ok).await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(competitions(&app).await, 1);

    // Token names.
    let resp = app
        .post_form("/account/tokens", &[("name", "skrip\u{0}")])
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains(REFUSED));
    assert_eq!(api_token::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[rocket::async_test]
async fn control_characters_in_json_are_refused_naming_the_field() {
    let app = TestApp::new().await;
    let admin = Api::admin(&app).await;
    let mut bad = competition_body("Lomba\u{0}Desa");
    let (status, err) = json_of(admin.post("/api/v1/competitions", &bad).await).await;
    assert_eq!(field_error(status, &err, "name"), REFUSED);
    bad["name"] = json!("Lomba Desa");
    bad["description"] = json!(["a", "b\u{0}"]);
    let (status, err) = json_of(admin.post("/api/v1/competitions", &bad).await).await;
    field_error(status, &err, "description[1]");
    assert_eq!(competitions(&app).await, 0);
}

#[rocket::async_test]
async fn a_judge_comment_with_nul_is_refused_on_the_page_and_the_api() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_nul", None).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let mut form = f.complete(0, "save");
    let leaf = f.leaves[0].id;
    for (k, v) in &mut form {
        if *k == format!("comment[{leaf}]") {
            *v = "bagus\u{0}".into();
        }
    }
    let path = format!("/judge/sheets/{}", sheet.id);
    let resp = post(&client, &path, &form).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains(REFUSED));
    let api = format!("/api/v1/judge/sheets/{}", sheet.id);
    let answers = json!({"version": 0, "answers": [
        {"criterion_id": leaf, "value": "4", "comment": "bagus\u{0}"},
    ]});
    let resp = client
        .put(api)
        .header(ContentType::JSON)
        .header(Header::new("X-CSRF-Token", csrf_of(&client).await))
        .body(answers.to_string())
        .dispatch()
        .await;
    let (status, err) = json_of(resp).await;
    assert_eq!(field_error(status, &err, "answers[0].comment"), REFUSED);
    assert_eq!(score::Entity::find().count(&f.app.db).await.unwrap(), 0);
    assert_eq!(f.sheet(sheet.id).await.version, 0, "nothing saved");
}

#[rocket::async_test]
async fn control_characters_in_the_address_answer_422() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    for path in [
        "/admin/users?q=%00",
        "/admin/users?q=a%0Db",
        "/regions/33%00",
        "/regions?q=%00",
    ] {
        let resp = app.get(path).await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "{path}");
        assert!(body(resp).await.contains(REFUSED), "{path}");
    }
    let resp = app.get("/api/v1/regions?q=%00").await;
    let (status, err) = json_of(resp).await;
    assert_eq!(field_error(status, &err, "q"), REFUSED);
    // A POST with a bad query is refused before its handler: nothing recorded.
    let before = audit_event::Entity::find().count(&app.db).await.unwrap();
    let resp = app.post_form("/admin/competitions?x=%00", &[]).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert_eq!(
        audit_event::Entity::find().count(&app.db).await.unwrap(),
        before
    );
}

#[rocket::async_test]
async fn login_with_nul_fails_cleanly_and_next_with_control_characters_goes_home() {
    let app = TestApp::new().await;
    app.create_user(Role::Admin, "panitia", None, None).await;
    for (user, pass) in [
        ("panitia\u{0}", crate::common::PASSWORD),
        ("panitia", "x\u{0}"),
    ] {
        let resp = app
            .post_form("/login", &[("username", user), ("password", pass)])
            .await;
        assert_eq!(resp.status(), Status::UnprocessableEntity);
    }
    assert_eq!(app.get("/dashboard").await.status(), Status::Unauthorized);
    for next in ["/%09/x", "/%0d%0aSet-Cookie:%20a=b", "/%00"] {
        let resp = app.get(&format!("/lang/en?next={next}")).await;
        assert_eq!(resp.status(), Status::SeeOther, "{next}");
        assert_eq!(resp.headers().get_one("Location"), Some("/"), "{next}");
        let resp = app.get(&format!("/login?next={next}")).await;
        assert_eq!(resp.status(), Status::Ok, "{next}");
        assert!(!body(resp).await.contains("Set-Cookie"));
    }
    let resp = app
        .post_form(
            "/login",
            &[
                ("username", "panitia"),
                ("password", crate::common::PASSWORD),
                ("next", "/\r\nSet-Cookie: a=b"),
            ],
        )
        .await;
    // CR/LF are allowed in multi-line text, so the form passes; `next` falls back.
    assert_eq!(resp.status(), Status::SeeOther, "refused, not 500");
    assert_eq!(resp.headers().get_one("Location"), Some("/dashboard"));
}

#[rocket::async_test]
async fn dates_outside_2000_2100_and_budgets_above_a_trillion_are_refused() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let max = i64::MAX.to_string();
    for (field, value, message) in [
        (
            "nomination_opens_at",
            "9999-03-01T08:00",
            "Tahun harus antara 2000 dan 2100.",
        ),
        ("nomination_opens_at", "-001-03-01T08:00", ""),
        (
            "announcement_at",
            "1999-12-31",
            "Tahun harus antara 2000 dan 2100.",
        ),
        (
            "cash_budget",
            max.as_str(),
            "Paling banyak Rp1.000.000.000.000",
        ),
        (
            "assistance_budget",
            "1000000000001",
            "Paling banyak Rp1.000.000.000.000",
        ),
    ] {
        let mut form = fields("Lomba Desa", "desa", "");
        form.retain(|(k, _)| *k != field);
        form.push((field, value));
        let resp = app.post_form("/admin/competitions", &form).await;
        assert_eq!(
            resp.status(),
            Status::UnprocessableEntity,
            "{field}={value}"
        );
        let page = body(resp).await;
        assert!(page.contains(message), "{field}={value}: {message}");
    }
    assert_eq!(competitions(&app).await, 0);
    let mut form = fields("Lomba Desa", "desa", "");
    form.retain(|(k, _)| *k != "cash_budget");
    form.push(("cash_budget", "1000000000000"));
    let resp = app.post_form("/admin/competitions", &form).await;
    assert_eq!(
        resp.status(),
        Status::SeeOther,
        "Rp1 triliun itself is accepted"
    );

    let api = Api::admin(&app).await;
    let mut b = competition_body("Lomba API");
    b["nomination_opens_at"] = json!("9999-03-01T08:00:00+07:00");
    b["cash_budget"] = json!(i64::MAX);
    let (status, err) = json_of(api.post("/api/v1/competitions", &b).await).await;
    field_error(status, &err, "nomination_opens_at");
    field_error(status, &err, "cash_budget");
    assert_eq!(competitions(&app).await, 1);
}
