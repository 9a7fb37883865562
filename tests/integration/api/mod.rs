//! The JSON API under `/api/v1`: one module per resource, each operation's good path and its
//! refusals. Clients authenticate with personal Bearer tokens (as integrators do) unless a
//! test is about cookie authentication and its CSRF header.

mod access;
mod accounts;
mod advance;
mod competitions;
mod conflicts;
mod criteria;
mod documents;
mod files;
mod judging;
mod language;
mod nominations;
mod openapi;
mod prizes;
mod results;
mod stages;
mod tie_breaks;
mod whole_competition;

use juara::auth::Role;
use rocket::http::{ContentType, Header, Status};
use rocket::local::asynchronous::{Client, LocalResponse};
use serde_json::Value;
use uuid::Uuid;

use crate::common::TestApp;

/// The village `Api::village` acts for (a desa in Kaliwungu, Kudus).
pub const OWN: &str = "33.19.01.2001";
/// Another desa in the same kecamatan.
pub const NEIGHBOUR: &str = "33.19.01.2002";
/// A desa in another kecamatan of Kudus (Jati).
pub const JATI: &str = "33.19.03.2001";

/// An API client with its own Bearer token.
pub struct Api {
    pub client: Client,
    token: String,
}

impl Api {
    /// A new account of `role` with a fresh token.
    pub async fn user(
        app: &TestApp,
        role: Role,
        username: &str,
        region: Option<&str>,
        village: Option<&str>,
    ) -> Api {
        let user = app.create_user(role, username, region, village).await;
        let (token, prefix, hash) = juara::auth::api::generate();
        juara::db::api_tokens::insert(&app.db, user.id.into(), "uji", &prefix, &hash)
            .await
            .unwrap();
        Api {
            client: app.new_browser().await,
            token,
        }
    }

    /// A national admin.
    pub async fn admin(app: &TestApp) -> Api {
        Api::user(app, Role::Admin, "api-admin", None, None).await
    }

    /// The operator of `OWN`.
    pub async fn village(app: &TestApp) -> Api {
        Api::user(app, Role::Village, "api-desa", None, Some(OWN)).await
    }

    /// Exchanges a username and password for a new token (`POST /api/v1/tokens/login`), as
    /// a script without a token does: a client holding it.
    pub async fn login(app: &TestApp, username: &str, password: &str) -> Api {
        let client = app.new_browser().await;
        let body = serde_json::json!({"username": username, "password": password, "name": "skrip"});
        let resp = client
            .post("/api/v1/tokens/login")
            .header(ContentType::JSON)
            .body(body.to_string())
            .dispatch()
            .await;
        let (status, created) = json(resp).await;
        assert_eq!(status, Status::Created, "{created}");
        let token = created["token"].as_str().expect("a token").to_owned();
        Api { client, token }
    }

    /// An account this committee creates through `POST /api/v1/users` (its generated
    /// password answered once) and a client logged in with it: the account's JSON and the
    /// client.
    pub async fn new_account(&self, app: &TestApp, account: &Value) -> (Value, Api) {
        let (status, created) = json(self.post("/api/v1/users", account).await).await;
        assert_eq!(status, Status::Created, "{created}");
        let password = created["generated_password"].as_str().expect("generated");
        let username = created["user"]["username"].as_str().unwrap().to_owned();
        let api = Api::login(app, &username, password).await;
        (created["user"].clone(), api)
    }

    /// The Bearer token.
    pub fn token(&self) -> &str {
        &self.token
    }

    fn auth(&self) -> Header<'static> {
        Header::new("Authorization", format!("Bearer {}", self.token))
    }

    pub async fn get(&self, path: &str) -> LocalResponse<'_> {
        self.client
            .get(path.to_owned())
            .header(self.auth())
            .dispatch()
            .await
    }

    pub async fn post(&self, path: &str, body: &Value) -> LocalResponse<'_> {
        self.client
            .post(path.to_owned())
            .header(self.auth())
            .header(ContentType::JSON)
            .body(body.to_string())
            .dispatch()
            .await
    }

    pub async fn post_empty(&self, path: &str) -> LocalResponse<'_> {
        self.client
            .post(path.to_owned())
            .header(self.auth())
            .dispatch()
            .await
    }

    pub async fn put(&self, path: &str, body: &Value) -> LocalResponse<'_> {
        self.client
            .put(path.to_owned())
            .header(self.auth())
            .header(ContentType::JSON)
            .body(body.to_string())
            .dispatch()
            .await
    }

    pub async fn delete(&self, path: &str) -> LocalResponse<'_> {
        self.client
            .delete(path.to_owned())
            .header(self.auth())
            .dispatch()
            .await
    }

    /// Raw bytes as the body.
    pub async fn post_bytes(&self, path: &str, bytes: &[u8], ct: ContentType) -> LocalResponse<'_> {
        self.client
            .post(path.to_owned())
            .header(self.auth())
            .header(ct)
            .body(bytes)
            .dispatch()
            .await
    }
}

impl Api {
    /// A `multipart/form-data` body of `parts` (text fields and files).
    pub async fn post_multipart(
        &self,
        path: &str,
        parts: &[crate::common::builders::Part<'_>],
    ) -> LocalResponse<'_> {
        let boundary = crate::common::builders::BOUNDARY;
        let ct = ContentType::new("multipart", "form-data").with_params(("boundary", boundary));
        let body = crate::common::builders::multipart(parts);
        self.post_bytes(path, &body, ct).await
    }
}

/// The status and the JSON body of a response.
pub async fn json(resp: LocalResponse<'_>) -> (Status, Value) {
    let status = resp.status();
    assert_eq!(
        resp.content_type(),
        Some(ContentType::JSON),
        "JSON answer for {status}"
    );
    let text = resp.into_string().await.unwrap_or_default();
    let value = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).expect("valid JSON")
    };
    (status, value)
}

/// Asserts a 422 naming `field`, returns its messages joined.
pub fn field_error(status: Status, body: &Value, field: &str) -> String {
    assert_eq!(status, Status::UnprocessableEntity, "{body}");
    let messages = body["fields"][field]
        .as_array()
        .unwrap_or_else(|| panic!("no error under {field}: {body}"));
    assert!(!messages.is_empty());
    messages
        .iter()
        .map(|m| m.as_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The `id` of a JSON object as a UUID.
pub fn id_of(v: &Value) -> Uuid {
    Uuid::parse_str(v["id"].as_str().expect("id")).unwrap()
}

/// A provincial desa competition body with a full schedule (Kalimantan Timur).
pub fn competition_body(name: &str) -> Value {
    serde_json::json!({
        "template": "desa",
        "name": name,
        "year": 2026,
        "level": "kabupaten",
        "region_code": "33.19",
        "category": "desa",
        "description": "Lomba tingkat kabupaten",
        "nomination_opens_at": "2026-03-01T08:00:00+07:00",
        "nomination_closes_at": "2026-04-30T16:00:00+07:00",
        "judging_closes_at": "2026-06-30T16:00:00+07:00",
        "announcement_at": "2026-08-17T09:00:00+07:00",
        "max_entries": 40,
        "tie_policy": "split"
    })
}

/// Creates a competition from the desa template through the API; returns its JSON.
pub async fn create_competition(api: &Api, name: &str) -> Value {
    let (status, body) = json(
        api.post("/api/v1/competitions", &competition_body(name))
            .await,
    )
    .await;
    assert_eq!(status, Status::Created, "{body}");
    body
}

/// Sets a competition's status directly (fixtures for later lifecycle states).
pub async fn set_status(app: &TestApp, id: Uuid, status: &str) {
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
    let c = entity::competition::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut a = c.into_active_model();
    a.status = Set(entity::CompetitionStatus::parse(status).expect("a known state"));
    a.update(&app.db).await.unwrap();
}
