//! The OpenAPI 3.1 document of `/api/v1`, served at `GET /api/v1/openapi.json`. Each API
//! module lists its operations beside its routes (a `Doc` next to `routes()`); this module
//! merges them, names the token scheme and adds the error answers every operation shares, so
//! handlers document only what is theirs. A test checks that every mounted `/api/v1` route is
//! in the document and that every documented operation is mounted.

use std::sync::OnceLock;

use rocket::http::ContentType;
use rocket::{Route, get, routes};
use utoipa::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::{Components, OpenApi as Document, RefOr, Response, ResponseBuilder};

use crate::error::ApiError;
use crate::ids::{
    ApiTokenId, AppealId, CompetitionId, ConflictId, CriterionId, DisbursementId, DocumentId,
    NominationId, PhotoId, PrizeTierId, RequirementId, SheetId, StageId, UserId,
};

/// The document's frame: title, version, the token scheme used by every operation that does
/// not say otherwise.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Juara API",
        version = "1",
        description = "Lomba Desa dan Kelurahan: set-up, nominations, judging, results. \
            Scores and weights are decimal strings (`\"85.5\"`), money whole rupiah integers, \
            times RFC 3339; errors are `ApiError` bodies with per-field messages under `fields`."
    ),
    security(("token" = [])),
    components(schemas(
        ApiError, UserId, CompetitionId, StageId, CriterionId, NominationId, DocumentId, ApiTokenId, RequirementId, PrizeTierId, AppealId, DisbursementId, SheetId, PhotoId, ConflictId
    )),
    tags(
        (name = "regions", description = "The official region registry (public)"),
        (name = "account", description = "Who a token belongs to; tokens"),
        (name = "competitions", description = "Set-up and lifecycle of a competition"),
        (name = "nominations", description = "Villages' entries and their evidence"),
        (name = "scoring", description = "Panels, assignments, conflicts and judges' score sheets"),
        (name = "results", description = "Results, announcement and what follows"),
    )
)]
struct Frame;

/// The answers every operation may give besides its own: who may not, what is not there or
/// not in scope, refused input, a conflict with the state of things, throttling, an outage.
const SHARED_ERRORS: [(&str, &str); 8] = [
    ("400", "Unreadable request"),
    ("401", "No valid token or session"),
    ("403", "This role may not do this"),
    ("404", "Not found, or outside the caller's scope"),
    (
        "409",
        "Not possible in the current state (the message says why)",
    ),
    ("422", "Refused input; `fields` names each problem"),
    ("429", "Too many requests"),
    ("503", "The database is unreachable"),
];

fn error_response(description: &str) -> RefOr<Response> {
    use utoipa::openapi::ContentBuilder;
    let content = ContentBuilder::new()
        .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
            "ApiError",
        ))))
        .build();
    ResponseBuilder::new()
        .description(description)
        .content("application/json", content)
        .build()
        .into()
}

/// The whole document, assembled from every module's part.
#[must_use]
pub fn document() -> Document {
    use super::{
        advance, competitions, criteria, documents, files, lists, nominations, prizes, regions,
        stages,
    };
    let parts = [
        regions::Doc::openapi(),
        crate::routes::tokens::Doc::openapi(),
        competitions::Doc::openapi(),
        stages::Doc::openapi(),
        criteria::Doc::openapi(),
        documents::Doc::openapi(),
        prizes::Doc::openapi(),
        lists::Doc::openapi(),
        nominations::Doc::openapi(),
        files::Doc::openapi(),
        advance::Doc::openapi(),
        super::tie_breaks::Doc::openapi(),
        crate::routes::rules::Doc::openapi(),
        super::accounts::Doc::openapi(),
        super::conflicts::Doc::openapi(),
        super::judging::Doc::openapi(),
        super::presentation::Doc::openapi(),
        crate::routes::results::api_read::Doc::openapi(),
        crate::routes::results::disagreements::Doc::openapi(),
        crate::routes::results::api_decide::Doc::openapi(),
        crate::routes::results::api_correct::Doc::openapi(),
        crate::routes::results::api_money::Doc::openapi(),
        crate::routes::judging::api::Doc::openapi(),
        crate::routes::results::api::Doc::openapi(),
        crate::routes::results::api_announce::Doc::openapi(),
        Doc::openapi(),
    ];
    let mut doc = Frame::openapi();
    for part in parts {
        doc.merge(part);
    }
    let components = doc.components.get_or_insert_with(Components::new);
    components.add_security_scheme(
        "token",
        SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
    );
    for item in doc.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.delete,
            &mut item.patch,
        ];
        for op in operations.into_iter().flatten() {
            for (code, description) in SHARED_ERRORS {
                op.responses
                    .responses
                    .entry(code.to_owned())
                    .or_insert_with(|| error_response(description));
            }
        }
    }
    doc
}

/// The document as served, made once per process (it never changes while running).
fn document_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        // Built from static annotations: a document that does not serialize is a bug the
        // OpenAPI tests catch; served as an empty object rather than a panic.
        document().to_json().unwrap_or_else(|e| {
            log::error!("the OpenAPI document does not serialize: {e}");
            "{}".to_owned()
        })
    })
}

/// This document itself.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "account", security(()),
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json")))]
#[get("/v1/openapi.json")]
fn openapi_json() -> (ContentType, &'static str) {
    (ContentType::JSON, document_json())
}

/// This module's own operation.
#[derive(OpenApi)]
#[openapi(paths(openapi_json))]
struct Doc;

/// Routes of this module.
#[must_use]
pub fn routes() -> Vec<Route> {
    routes![openapi_json]
}
