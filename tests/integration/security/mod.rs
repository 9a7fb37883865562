//! Security and integrity regressions (issue 10), on SQLite and PostgreSQL.

mod access;
mod headers;
mod input;
mod outage;
mod published;
mod published_correction;
mod routes;
mod sessions;
mod throttle;

use std::net::SocketAddr;

use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::Client;

use crate::common::{csrf_of, encode_form};

/// Posts the login form from the TCP peer `peer` (`"10.0.0.1"`), optionally with extra
/// headers; returns the status and the body.
pub async fn login_from(
    client: &Client,
    username: &str,
    password: &str,
    peer: &str,
    headers: &[(&'static str, String)],
) -> (Status, String) {
    let token = csrf_of(client).await;
    let addr: SocketAddr = format!("{peer}:40000").parse().expect("peer address");
    let mut req = client
        .post("/login")
        .remote(addr)
        .header(ContentType::Form)
        .body(encode_form(&[
            ("_csrf", &token),
            ("username", username),
            ("password", password),
        ]));
    for (name, value) in headers {
        req = req.header(rocket::http::Header::new(*name, value.clone()));
    }
    let resp = req.dispatch().await;
    let status = resp.status();
    (status, crate::common::body(resp).await)
}
