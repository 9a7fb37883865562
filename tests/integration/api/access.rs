//! Who reaches which id-bearing API route: a table of (method, path, actor, status) over one
//! fixture (a Kudus competition with a stage, criterion, checklist item, prize tier, and the
//! village's draft with a file). Bearer tokens throughout; writes send `{}`, so the right
//! actor gets the validation answer (422) and nothing changes. A failure names the row.

use juara::auth::Role;
use rocket::http::{ContentType, Header, Status};
use serde_json::json;

use super::{Api, NEIGHBOUR, id_of, json};
use crate::common::TestApp;
use crate::common::builders::{CompetitionBuilder, evidence_criterion, requirement};
use crate::nominations::PDF;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Actor {
    Anonymous,
    /// Admin of Kabupaten Kudus (the competition's region).
    Admin,
    /// Admin of Kota Samarinda.
    Outsider,
    Judge,
    /// The nominating village.
    Village,
    /// Another village of the same kecamatan.
    Neighbour,
}

#[derive(Clone, Copy, Debug)]
enum Method {
    Get,
    Post,
    Put,
    Delete,
}

use Actor::{Admin, Anonymous, Judge, Neighbour, Outsider, Village};
use Method::{Delete, Get, Post, Put};

const UNAUTH: Status = Status::Unauthorized;
const FORBID: Status = Status::Forbidden;
const MISSING: Status = Status::NotFound;
const INVALID: Status = Status::UnprocessableEntity;

/// `{c}` competition, `{s}` stage, `{k}` criterion, `{d}` checklist item, `{p}` prize tier,
/// `{n}` nomination, `{f}` its file.
const TABLE: &[(Method, &str, Actor, Status)] = &[
    (Get, "/api/v1/competitions/{c}", Anonymous, UNAUTH),
    (Get, "/api/v1/competitions/{c}", Admin, Status::Ok),
    (Get, "/api/v1/competitions/{c}", Outsider, MISSING),
    (Get, "/api/v1/competitions/{c}", Judge, FORBID),
    (Get, "/api/v1/competitions/{c}", Village, Status::Ok),
    (Put, "/api/v1/competitions/{c}", Anonymous, UNAUTH),
    (Put, "/api/v1/competitions/{c}", Admin, INVALID),
    (Put, "/api/v1/competitions/{c}", Outsider, MISSING),
    (Put, "/api/v1/competitions/{c}", Village, FORBID),
    (Post, "/api/v1/competitions/{c}/status", Admin, INVALID),
    (Post, "/api/v1/competitions/{c}/status", Outsider, MISSING),
    (Post, "/api/v1/competitions/{c}/status", Judge, FORBID),
    (Post, "/api/v1/competitions/{c}/clone", Admin, INVALID),
    (Post, "/api/v1/competitions/{c}/clone", Outsider, MISSING),
    (Post, "/api/v1/competitions/{c}/clone", Village, FORBID),
    (Get, "/api/v1/competitions/{c}/stages", Admin, Status::Ok),
    (Get, "/api/v1/competitions/{c}/stages", Outsider, MISSING),
    (Get, "/api/v1/competitions/{c}/stages", Village, FORBID),
    (Post, "/api/v1/competitions/{c}/stages", Anonymous, UNAUTH),
    (Post, "/api/v1/competitions/{c}/stages", Admin, INVALID),
    (Post, "/api/v1/competitions/{c}/stages", Outsider, MISSING),
    (Post, "/api/v1/competitions/{c}/stages", Judge, FORBID),
    (
        Get,
        "/api/v1/competitions/{c}/stages/{s}",
        Admin,
        Status::Ok,
    ),
    (
        Get,
        "/api/v1/competitions/{c}/stages/{s}",
        Outsider,
        MISSING,
    ),
    (Put, "/api/v1/competitions/{c}/stages/{s}", Admin, INVALID),
    (Put, "/api/v1/competitions/{c}/stages/{s}", Village, FORBID),
    (
        Delete,
        "/api/v1/competitions/{c}/stages/{s}",
        Outsider,
        MISSING,
    ),
    (
        Delete,
        "/api/v1/competitions/{c}/stages/{s}",
        Village,
        FORBID,
    ),
    (
        Post,
        "/api/v1/competitions/{c}/stages/{s}/move?up=true",
        Outsider,
        MISSING,
    ),
    (
        Post,
        "/api/v1/competitions/{c}/stages/{s}/move?up=true",
        Judge,
        FORBID,
    ),
    (
        Get,
        "/api/v1/competitions/{c}/stages/{s}/criteria",
        Admin,
        Status::Ok,
    ),
    (
        Get,
        "/api/v1/competitions/{c}/stages/{s}/criteria",
        Outsider,
        MISSING,
    ),
    (
        Get,
        "/api/v1/competitions/{c}/stages/{s}/criteria",
        Village,
        FORBID,
    ),
    (
        Post,
        "/api/v1/competitions/{c}/stages/{s}/criteria",
        Admin,
        INVALID,
    ),
    (
        Post,
        "/api/v1/competitions/{c}/stages/{s}/criteria",
        Neighbour,
        FORBID,
    ),
    (Put, "/api/v1/competitions/{c}/criteria/{k}", Admin, INVALID),
    (
        Put,
        "/api/v1/competitions/{c}/criteria/{k}",
        Outsider,
        MISSING,
    ),
    (
        Delete,
        "/api/v1/competitions/{c}/criteria/{k}",
        Outsider,
        MISSING,
    ),
    (
        Delete,
        "/api/v1/competitions/{c}/criteria/{k}",
        Village,
        FORBID,
    ),
    (
        Post,
        "/api/v1/competitions/{c}/criteria/{k}/move?up=true",
        Outsider,
        MISSING,
    ),
    (
        Post,
        "/api/v1/competitions/{c}/criteria/{k}/move?up=true",
        Judge,
        FORBID,
    ),
    (Get, "/api/v1/competitions/{c}/documents", Admin, Status::Ok),
    (
        Get,
        "/api/v1/competitions/{c}/documents",
        Village,
        Status::Ok,
    ),
    (Get, "/api/v1/competitions/{c}/documents", Outsider, MISSING),
    (Get, "/api/v1/competitions/{c}/documents", Judge, FORBID),
    (Post, "/api/v1/competitions/{c}/documents", Admin, INVALID),
    (Post, "/api/v1/competitions/{c}/documents", Village, FORBID),
    (
        Put,
        "/api/v1/competitions/{c}/documents/{d}",
        Admin,
        INVALID,
    ),
    (
        Put,
        "/api/v1/competitions/{c}/documents/{d}",
        Outsider,
        MISSING,
    ),
    (
        Delete,
        "/api/v1/competitions/{c}/documents/{d}",
        Village,
        FORBID,
    ),
    (
        Post,
        "/api/v1/competitions/{c}/documents/{d}/move?up=true",
        Outsider,
        MISSING,
    ),
    (Get, "/api/v1/competitions/{c}/prizes", Admin, Status::Ok),
    (Get, "/api/v1/competitions/{c}/prizes", Outsider, MISSING),
    (Get, "/api/v1/competitions/{c}/prizes", Village, FORBID),
    (Post, "/api/v1/competitions/{c}/prizes", Admin, INVALID),
    (Post, "/api/v1/competitions/{c}/prizes", Judge, FORBID),
    (Put, "/api/v1/competitions/{c}/prizes/{p}", Admin, INVALID),
    (
        Put,
        "/api/v1/competitions/{c}/prizes/{p}",
        Outsider,
        MISSING,
    ),
    (
        Delete,
        "/api/v1/competitions/{c}/prizes/{p}",
        Village,
        FORBID,
    ),
    (
        Post,
        "/api/v1/competitions/{c}/prizes/{p}/move?up=true",
        Outsider,
        MISSING,
    ),
    (
        Get,
        "/api/v1/competitions/{c}/nominations",
        Anonymous,
        UNAUTH,
    ),
    (
        Get,
        "/api/v1/competitions/{c}/nominations",
        Admin,
        Status::Ok,
    ),
    (
        Get,
        "/api/v1/competitions/{c}/nominations",
        Outsider,
        MISSING,
    ),
    (Get, "/api/v1/competitions/{c}/nominations", Village, FORBID),
    (Get, "/api/v1/competitions/{c}/advance", Admin, Status::Ok),
    (Get, "/api/v1/competitions/{c}/advance", Outsider, MISSING),
    (Get, "/api/v1/competitions/{c}/advance", Village, FORBID),
    (Post, "/api/v1/competitions/{c}/advance", Admin, INVALID),
    (Post, "/api/v1/competitions/{c}/advance", Outsider, MISSING),
    (Post, "/api/v1/competitions/{c}/advance", Judge, FORBID),
    (Get, "/api/v1/nominations/{n}", Anonymous, UNAUTH),
    (Get, "/api/v1/nominations/{n}", Admin, Status::Ok),
    (Get, "/api/v1/nominations/{n}", Outsider, MISSING),
    (Get, "/api/v1/nominations/{n}", Judge, FORBID),
    (Get, "/api/v1/nominations/{n}", Village, Status::Ok),
    (Get, "/api/v1/nominations/{n}", Neighbour, MISSING),
    (Put, "/api/v1/nominations/{n}/profile", Village, INVALID),
    (Put, "/api/v1/nominations/{n}/profile", Neighbour, MISSING),
    (Put, "/api/v1/nominations/{n}/profile", Admin, FORBID),
    (Post, "/api/v1/nominations/{n}/submit", Neighbour, MISSING),
    (Post, "/api/v1/nominations/{n}/submit", Admin, FORBID),
    (Post, "/api/v1/nominations/{n}/withdraw", Neighbour, MISSING),
    (Post, "/api/v1/nominations/{n}/withdraw", Judge, FORBID),
    (Post, "/api/v1/nominations/{n}/review", Admin, INVALID),
    (Post, "/api/v1/nominations/{n}/review", Outsider, MISSING),
    (Post, "/api/v1/nominations/{n}/review", Village, FORBID),
    (Get, "/api/v1/nominations/{n}/files", Village, Status::Ok),
    (Get, "/api/v1/nominations/{n}/files", Admin, Status::Ok),
    (Get, "/api/v1/nominations/{n}/files", Neighbour, MISSING),
    (Get, "/api/v1/nominations/{n}/files", Outsider, MISSING),
    (Post, "/api/v1/nominations/{n}/files", Anonymous, UNAUTH),
    (Post, "/api/v1/nominations/{n}/files", Village, INVALID),
    (Post, "/api/v1/nominations/{n}/files", Neighbour, MISSING),
    (Post, "/api/v1/nominations/{n}/files", Admin, FORBID),
    (Post, "/api/v1/nominations/{n}/links", Village, INVALID),
    (Post, "/api/v1/nominations/{n}/links", Neighbour, MISSING),
    (
        Delete,
        "/api/v1/nominations/{n}/files/{f}",
        Neighbour,
        MISSING,
    ),
    (Delete, "/api/v1/nominations/{n}/files/{f}", Admin, FORBID),
    (
        Delete,
        "/api/v1/nominations/{n}/files/{f}",
        Anonymous,
        UNAUTH,
    ),
    (Get, "/api/v1/files/{f}", Anonymous, UNAUTH),
    (Get, "/api/v1/files/{f}", Village, Status::Ok),
    (Get, "/api/v1/files/{f}", Admin, Status::Ok),
    (Get, "/api/v1/files/{f}", Neighbour, MISSING),
    (Get, "/api/v1/files/{f}", Outsider, MISSING),
    (Get, "/api/v1/files/{f}", Judge, MISSING),
];

#[rocket::async_test]
async fn every_id_bearing_api_route_answers_each_actor_as_the_table_says() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let k = evidence_criterion(&app.db, c.id).await;
    let d = requirement(&app.db, c.id, "PROFIL", "file", true).await;
    let admin = Api::user(&app, Role::Admin, "admin-kudus", Some("33.19"), None).await;
    let (_, p) = json(
        admin
            .post(
                &format!("/api/v1/competitions/{}/prizes", c.id),
                &json!({"label": "Juara I", "cash": 1_000_000}),
            )
            .await,
    )
    .await;
    let village = Api::village(&app).await;
    let (_, n) = json(
        village
            .post(
                "/api/v1/nominations",
                &json!({"competition_id": c.id.to_string()}),
            )
            .await,
    )
    .await;
    let n = id_of(&n);
    let (status, f) = json(
        village
            .post_bytes(
                &format!("/api/v1/nominations/{n}/files?target=req:{}", d.id),
                PDF,
                ContentType::PDF,
            )
            .await,
    )
    .await;
    assert_eq!(status, Status::Created);
    let ids = [
        ("{c}", c.id.to_string()),
        ("{s}", k.stage_id.to_string()),
        ("{k}", k.id.to_string()),
        ("{d}", d.id.to_string()),
        ("{p}", p["id"].as_str().unwrap().to_owned()),
        ("{n}", n.to_string()),
        ("{f}", f["id"].as_str().unwrap().to_owned()),
    ];
    let outsider = Api::user(&app, Role::Admin, "admin-smd", Some("64.72"), None).await;
    let judge = Api::user(&app, Role::Judge, "juri", Some("33.19"), None).await;
    let neighbour = Api::user(&app, Role::Village, "tetangga", None, Some(NEIGHBOUR)).await;
    let anonymous = app.new_browser().await;

    for (method, template, actor, expected) in TABLE {
        let path = ids
            .iter()
            .fold((*template).to_owned(), |p, (k, v)| p.replace(k, v));
        let (client, token) = match actor {
            Anonymous => (&anonymous, None),
            Admin => (&admin.client, Some(admin.token())),
            Outsider => (&outsider.client, Some(outsider.token())),
            Judge => (&judge.client, Some(judge.token())),
            Village => (&village.client, Some(village.token())),
            Neighbour => (&neighbour.client, Some(neighbour.token())),
        };
        let mut req = match method {
            Get => client.get(path.clone()),
            Post => client.post(path.clone()),
            Put => client.put(path.clone()),
            Delete => client.delete(path.clone()),
        };
        if let Some(token) = token {
            req = req.header(Header::new("Authorization", format!("Bearer {token}")));
        }
        if matches!(method, Post | Put) {
            req = req.header(ContentType::JSON).body("{}");
        }
        let resp = req.dispatch().await;
        let status = resp.status();
        assert_eq!(
            status, *expected,
            "{actor:?} {method:?} {path}: expected {expected}, got {status}"
        );
        if status != Status::Ok || !path.starts_with("/api/v1/files/") {
            assert_eq!(
                resp.content_type(),
                Some(ContentType::JSON),
                "{actor:?} {method:?} {path} answers JSON"
            );
        }
    }
    // Nothing the table sent changed the fixture.
    let (_, still) = json(village.get(&format!("/api/v1/nominations/{n}")).await).await;
    assert_eq!(still["status"], "draft");
    assert_eq!(crate::nominations::document_count(&app, n).await, 1);
}
