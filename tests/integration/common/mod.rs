//! The test harness: `TestApp::new()` builds the real app on a fresh database (SQLite by
//! default, PostgreSQL with `TEST_DATABASE_URL`) and drives it through Rocket's local client,
//! keeping cookies like a browser. Helpers read like the product: `login_as`, `post_form`.

pub mod builders;
pub mod s3;
pub mod test_db;

use juara::AppConfig;
use juara::auth::{Role, password};
use juara::db::users::{self, NewUser};
use rocket::figment::Figment;
use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::{Client, LocalResponse};
use sea_orm::DatabaseConnection;

pub use test_db::TestDb;

/// A password every test user gets unless a test says otherwise.
pub const PASSWORD: &str = "kata-sandi-uji-123";

/// An account made for a test.
#[derive(Clone, Debug)]
pub struct TestUser {
    pub username: String,
    pub password: String,
    pub id: uuid::Uuid,
}

/// The app under test with its own database.
pub struct TestApp {
    pub client: Client,
    pub db: DatabaseConnection,
    pub config: AppConfig,
    /// Held so the database lives as long as the app (dropped, it is removed).
    #[allow(dead_code)]
    pub test_db: TestDb,
}

/// Rocket settings for tests: quiet, a fixed secret so private cookies work.
pub fn test_figment() -> Figment {
    rocket::Config::figment()
        .merge((
            "secret_key",
            "7c9f3e2a1b4d6f8e0a2c4e6f8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d",
        ))
        .merge((
            "log_level",
            std::env::var("TEST_LOG").unwrap_or_else(|_| "off".into()),
        ))
        .merge(("port", 0))
}

impl TestApp {
    /// The app on a fresh database with the fixture registry.
    pub async fn new() -> TestApp {
        Self::with_config(|_| {}).await
    }

    /// The app with configuration changes.
    pub async fn with_config(change: impl FnOnce(&mut AppConfig)) -> TestApp {
        let test_db = TestDb::create().await;
        let mut config = AppConfig::with_database(&test_db.url, test_db.dir.path());
        change(&mut config);
        config.validate().expect("test config is valid");
        let db = test_db.connect().await;
        let rocket = juara::build(test_figment(), config.clone(), db.clone());
        let client = Client::tracked(rocket).await.expect("valid rocket");
        TestApp {
            client,
            db,
            config,
            test_db,
        }
    }

    /// A second browser on the same app and database (its own cookies).
    pub async fn new_browser(&self) -> Client {
        let rocket = juara::build(test_figment(), self.config.clone(), self.db.clone());
        Client::tracked(rocket).await.expect("valid rocket")
    }

    /// Inserts an account directly.
    pub async fn create_user(
        &self,
        role: Role,
        username: &str,
        region: Option<&str>,
        village: Option<&str>,
    ) -> TestUser {
        let user = users::insert(
            &self.db,
            NewUser {
                username: username.to_owned(),
                display_name: format!("Pengguna {username}"),
                password_hash: password::hash(PASSWORD).expect("hash"),
                role,
                region_code: region.map(str::to_owned),
                village_code: village.map(str::to_owned),
            },
        )
        .await
        .expect("insert user");
        TestUser {
            username: user.username,
            password: PASSWORD.to_owned(),
            id: user.id,
        }
    }

    /// Creates a typical account for the role and logs this browser in as it.
    pub async fn login_as(&self, role: Role) -> TestUser {
        let user = match role {
            Role::Admin => self.create_user(role, "panitia", None, None).await,
            Role::Judge => self.create_user(role, "juri", Some("64.72"), None).await,
            Role::Village => {
                self.create_user(role, "operator", None, Some("33.19.01.2001"))
                    .await
            }
        };
        let status = self.login(&user.username, &user.password).await;
        assert_eq!(status, Status::SeeOther, "login as {role:?} should succeed");
        user
    }

    /// Posts the login form; returns the status.
    pub async fn login(&self, username: &str, password: &str) -> Status {
        log_in(&self.client, username, password).await
    }

    /// A new browser logged in as a fresh account of `role` (with its region or village).
    pub async fn browser_as(
        &self,
        role: Role,
        username: &str,
        region: Option<&str>,
        village: Option<&str>,
    ) -> Client {
        self.create_user(role, username, region, village).await;
        let client = self.new_browser().await;
        log_in_ok(&client, username, PASSWORD).await;
        client
    }

    /// The CSRF token of this browser, read from a page like a form would.
    pub async fn csrf(&self) -> String {
        csrf_of(&self.client).await
    }

    /// GET a path.
    pub async fn get(&self, path: &str) -> LocalResponse<'_> {
        self.client.get(path.to_owned()).dispatch().await
    }

    /// POST a form with this browser's CSRF token added.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> LocalResponse<'_> {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("_csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// POST a form exactly as given (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> LocalResponse<'_> {
        self.client
            .post(path.to_owned())
            .header(ContentType::Form)
            .body(encode_form(fields))
            .dispatch()
            .await
    }
}

/// Posts the login form from `client` with its CSRF token: the one form login of the tests.
pub async fn log_in(client: &Client, username: &str, password: &str) -> Status {
    let token = csrf_of(client).await;
    client
        .post("/login")
        .header(ContentType::Form)
        .body(encode_form(&[
            ("_csrf", &token),
            ("username", username),
            ("password", password),
        ]))
        .dispatch()
        .await
        .status()
}

/// Logs `client` in and asserts it worked (a redirect home).
pub async fn log_in_ok(client: &Client, username: &str, password: &str) {
    let status = log_in(client, username, password).await;
    assert_eq!(status, Status::SeeOther, "login as {username}");
}

/// The token a page embeds for forms.
pub async fn csrf_of(client: &Client) -> String {
    let body = client
        .get("/regions")
        .dispatch()
        .await
        .into_string()
        .await
        .expect("page body");
    let marker = "name=\"csrf-token\" content=\"";
    let start = body.find(marker).expect("csrf meta tag") + marker.len();
    body[start..start + 64].to_owned()
}

/// `application/x-www-form-urlencoded` body.
pub fn encode_form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The body of a response as a reader sees it: Tera escapes `/` and quotes in text, so the
/// common entities are decoded before tests look for messages.
pub async fn body(resp: LocalResponse<'_>) -> String {
    resp.into_string()
        .await
        .unwrap_or_default()
        .replace("&#x2F;", "/")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
