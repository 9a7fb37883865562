//! Issue 10 §6: with the database unreachable, `/healthz` answers 503 within 2 s and every
//! page and API call answers 503 with a clear message — never 401 "please log in".
//! SQLite: the pool is closed under the running app. PostgreSQL, in addition: the app talks
//! to the server through a TCP relay that is then cut (open connections dropped, new ones
//! accepted but never answered), so the timeouts themselves are exercised.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use juara::auth::Role;
use rocket::http::{Header, Status};
use rocket::local::asynchronous::Client;
use rocket::tokio;

use crate::common::{PASSWORD, TestApp, TestDb, body, test_db::postgres_url, test_figment};

/// Far above the configured 2 s, so a slow machine does not fail the test, yet it proves the
/// request does not hang for the old 10 s.
const BOUND: Duration = Duration::from_secs(5);

async fn get_within(client: &Client, path: &str, headers: &[(&str, &str)]) -> (Status, String) {
    let mut req = client.get(path.to_owned());
    for (k, v) in headers {
        req = req.header(Header::new(k.to_string(), v.to_string()));
    }
    let resp = tokio::time::timeout(BOUND, req.dispatch())
        .await
        .unwrap_or_else(|_| panic!("{path} hung for more than {BOUND:?}"));
    let status = resp.status();
    (status, body(resp).await)
}

async fn assert_everything_says_unavailable(client: &Client, token: &str) {
    let started = Instant::now();
    let (status, _) = get_within(client, "/healthz", &[]).await;
    assert_eq!(status, Status::ServiceUnavailable, "/healthz");
    assert!(
        started.elapsed() < Duration::from_millis(2500),
        "/healthz took {:?}",
        started.elapsed()
    );
    for path in ["/admin", "/admin/users", "/regions", "/"] {
        let (status, html) = get_within(client, path, &[]).await;
        assert_eq!(status, Status::ServiceUnavailable, "{path}: {html}");
        assert!(
            html.contains("Basis data tidak dapat dihubungi"),
            "{path}: {html}"
        );
    }
    let (status, json) = get_within(client, "/api/v1/me", &[]).await;
    assert_eq!(status, Status::ServiceUnavailable, "/api/v1/me: {json}");
    assert!(json.contains("Basis data tidak dapat dihubungi"), "{json}");
    let bearer = format!("Bearer {token}");
    let (status, _) = get_within(client, "/api/v1/me", &[("Authorization", &bearer)]).await;
    assert_eq!(status, Status::ServiceUnavailable, "token user");
}

async fn api_token(app: &TestApp, user: uuid::Uuid) -> String {
    let (token, prefix, hash) = juara::auth::api::generate();
    juara::db::api_tokens::insert(&app.db, juara::ids::UserId::from(user), "t", &prefix, &hash)
        .await
        .unwrap();
    token
}

#[rocket::async_test]
async fn a_closed_pool_answers_503_never_401() {
    let app = TestApp::new().await;
    let user = app.login_as(Role::Admin).await;
    let token = api_token(&app, user.id).await;
    let anonymous = app.new_browser().await;
    assert_eq!(app.get("/admin").await.status(), Status::Ok);

    app.db.clone().close().await.unwrap();

    assert_everything_says_unavailable(&app.client, &token).await;
    // Logging in is not "wrong password" either.
    let csrf = crate::common::csrf_of(&anonymous).await;
    let resp = anonymous
        .post("/login")
        .header(rocket::http::ContentType::Form)
        .body(crate::common::encode_form(&[
            ("_csrf", &csrf),
            ("username", &user.username),
            ("password", PASSWORD),
        ]))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::ServiceUnavailable);
}

/// A TCP relay to the database that can be cut.
struct Relay {
    port: u16,
    cut: Arc<AtomicBool>,
    links: Arc<std::sync::Mutex<Vec<tokio::task::AbortHandle>>>,
}

impl Relay {
    async fn start(target: String) -> Relay {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let cut = Arc::new(AtomicBool::new(false));
        let links = Arc::new(std::sync::Mutex::new(Vec::new()));
        let (c, l) = (cut.clone(), links.clone());
        tokio::spawn(async move {
            // Connections accepted after the cut are held open and never answered.
            let mut held = Vec::new();
            while let Ok((mut inbound, _)) = listener.accept().await {
                if c.load(Ordering::SeqCst) {
                    held.push(inbound);
                    continue;
                }
                let target = target.clone();
                let task = tokio::spawn(async move {
                    if let Ok(mut out) = tokio::net::TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut out).await;
                    }
                });
                l.lock().unwrap().push(task.abort_handle());
            }
        });
        Relay { port, cut, links }
    }

    fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
        for link in self.links.lock().unwrap().drain(..) {
            link.abort();
        }
    }
}

#[rocket::async_test]
async fn a_postgres_server_that_stops_answering_gets_503_within_two_seconds() {
    if postgres_url().is_none() {
        return; // PostgreSQL only: SQLite has no server to lose.
    }
    let test_db = TestDb::create().await;
    // postgres://user@host:port/db → the same through the relay.
    let (scheme_user, rest) = test_db.url.split_once('@').unwrap();
    let (host_port, db_name) = rest.split_once('/').unwrap();
    let relay = Relay::start(host_port.to_owned()).await;
    let url = format!("{scheme_user}@127.0.0.1:{}/{db_name}", relay.port);
    let db = juara::db::connect(&url).await.unwrap();
    let config = juara::AppConfig::with_database(&url, test_db.dir.path());
    let client = Client::tracked(juara::build(test_figment(), config.clone(), db.clone()))
        .await
        .unwrap();
    let app = TestApp {
        client,
        db,
        config,
        test_db,
    };
    let user = app.login_as(Role::Admin).await;
    let token = api_token(&app, user.id).await;
    assert_eq!(app.get("/api/v1/me").await.status(), Status::Ok);

    relay.cut();

    assert_everything_says_unavailable(&app.client, &token).await;
}
