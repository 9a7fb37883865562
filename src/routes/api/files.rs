//! Evidence files and links of a nomination: `GET/POST /api/v1/nominations/<id>/files`,
//! `DELETE /api/v1/nominations/<id>/files/<doc>`, `POST /api/v1/nominations/<id>/links` and
//! `GET /api/v1/files/<doc>` (the bytes, only for the owning village and admins in scope).
//! An upload is either `multipart/form-data` (fields `target`, `file`) or the raw bytes as the
//! body with `?target=…&name=…`. `target` is `req:<checklist item id>` or
//! `crit:<criterion id>`. Content is sniffed (PDF, JPEG, PNG), never trusted from the name or
//! header; the size limit is `max_upload_bytes`; a refused or failed upload stores nothing.

use crate::json::{Error as JsonError, Json};
use entity::{competition, nomination, nomination_document};
use rocket::data::{Data, ToByteUnit};
use rocket::form::{Contextual, Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::Status as HttpStatus;
use rocket::{Route, State, delete, get, post, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::nominations::{load_for_reader, load_for_village, require_editable};
use super::support::{self, LANG};
use crate::AppConfig;
use crate::app::nomination::evidence;
use crate::auth::CurrentUser;
use crate::auth::api::ApiWrite;
use crate::db::documents;
use crate::error::AppError;
use crate::ids::{DocumentId, NominationId};
use crate::routes::nominations::files::{Evidence, serve};
use crate::routes::upload;
use crate::storage::Storage;
use crate::uploads;

/// A document on the wire: a stored file (`size_bytes`, `sha256`, `download`) or a link.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FileDto {
    pub id: String,
    pub kind: String,
    pub requirement_id: Option<String>,
    pub criterion_id: Option<String>,
    pub label: String,
    pub url: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub sha256: Option<String>,
    /// Where the bytes are served (files only).
    pub download: Option<String>,
    pub uploaded_at: String,
}

impl FileDto {
    fn of(d: &nomination_document::Model) -> Self {
        FileDto {
            id: d.id.to_string(),
            kind: d.kind.clone(),
            requirement_id: d.requirement_id.map(|x| x.to_string()),
            criterion_id: d.criterion_id.map(|x| x.to_string()),
            label: d.label.clone(),
            url: d.url.clone(),
            content_type: d.content_type.clone(),
            size_bytes: d.size_bytes,
            sha256: d.sha256.clone(),
            download: d
                .stored_name
                .as_ref()
                .map(|_| format!("/api/v1/files/{}", d.id)),
            uploaded_at: support::time_out(Some(d.uploaded_at)).unwrap_or_default(),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
struct FileList {
    items: Vec<FileDto>,
}

#[utoipa::path(get, path = "/api/v1/nominations/{id}/files", tag = "nominations", params(("id" = crate::ids::NominationId, Path, description = "The nomination")), responses((status = 200, body = FileList)))]
#[get("/v1/nominations/<id>/files")]
async fn list(
    who: CurrentUser,
    id: NominationId,
    db: &State<DatabaseConnection>,
) -> Result<Json<FileList>, AppError> {
    let (n, _) = load_for_reader(db.inner(), id, &who).await?;
    let rows = documents::list_for_nomination(db.inner(), n.id).await?;
    Ok(Json(FileList {
        items: rows.iter().map(FileDto::of).collect(),
    }))
}

/// Checks and stores the bytes; the refusal names the limit in MB.
async fn store(
    db: &DatabaseConnection,
    (config, storage): (&AppConfig, &Storage),
    who: &CurrentUser,
    (n, c): (&nomination::Model, &competition::Model),
    target: &str,
    bytes: &[u8],
    name: &str,
) -> Result<(HttpStatus, Json<FileDto>), AppError> {
    let max = config.max_upload_bytes;
    let checked = uploads::check(bytes, max).map_err(|refusal| {
        support::invalid_one("file", evidence::refusal_message(&refusal, max, LANG))
    })?;
    let target = evidence::file_target(db, c, target)
        .await?
        .map_err(|key| support::invalid(vec![("target", key)]))?;
    let row =
        evidence::store_file(db, storage, (n, c), target, checked, bytes, name, who.id).await?;
    Ok((HttpStatus::Created, Json(FileDto::of(&row))))
}

#[derive(FromForm)]
struct UploadInput<'r> {
    target: String,
    file: TempFile<'r>,
}

#[post(
    "/v1/nominations/<id>/files",
    format = "multipart/form-data",
    data = "<form>"
)]
async fn upload_multipart(
    who: ApiWrite,
    id: NominationId,
    form: Form<Contextual<'_, UploadInput<'_>>>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
    storage: &State<Storage>,
) -> Result<(HttpStatus, Json<FileDto>), AppError> {
    let (db, config) = (db.inner(), config.inner());
    let (n, c) = load_for_village(db, id, &who.0).await?;
    require_editable(&n, &c)?;
    let mut form = form.into_inner();
    crate::forms::refuse_control_chars(&mut form);
    let Some(input) = form.value.as_ref() else {
        return Err(support::invalid_state(
            crate::forms::FormState::from_context(&form.context, LANG),
        ));
    };
    let file = upload::read(&input.file, config.max_upload_bytes).await?;
    let (target, name) = (&input.target, &file.raw_name);
    let place = (config, storage.inner());
    store(db, place, &who.0, (&n, &c), target, &file.bytes, name).await
}

/// The raw bytes as the body (any content type but multipart); `name` is only a label.
#[utoipa::path(post, path = "/api/v1/nominations/{id}/files", tag = "nominations",
    description = "One operation, two bodies: `multipart/form-data` with `target` and `file` parts, or the raw bytes with `target` and `name` in the query. PDF, JPEG or PNG, told by content.",
    params(("id" = crate::ids::NominationId, Path, description = "The nomination"),
        ("target" = Option<String>, Query, description = "Raw bytes: `req:<requirement id>` or `crit:<criterion id>`"),
        ("name" = Option<String>, Query, description = "Raw bytes: the file name")),
    request_body(content(
        (Vec<u8> = "application/octet-stream"),
        (Vec<u8> = "multipart/form-data"))),
    responses((status = 201, body = FileDto), (status = 413, description = "Larger than `max_upload_bytes`", body = crate::error::ApiError)))]
#[post(
    "/v1/nominations/<id>/files?<target>&<name>",
    data = "<data>",
    rank = 2
)]
#[allow(clippy::too_many_arguments)]
async fn upload_raw(
    who: ApiWrite,
    id: NominationId,
    target: Option<&str>,
    name: Option<&str>,
    data: Data<'_>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
    storage: &State<Storage>,
) -> Result<(HttpStatus, Json<FileDto>), AppError> {
    let (db, config) = (db.inner(), config.inner());
    let (n, c) = load_for_village(db, id, &who.0).await?;
    require_editable(&n, &c)?;
    // One byte over the limit is enough to refuse; the rest is never read.
    let limit = config.max_upload_bytes.saturating_add(1);
    let bytes = data
        .open(limit.bytes())
        .into_bytes()
        .await
        .map_err(|e| AppError::Internal(format!("reading upload: {e}")))?
        .into_inner();
    let target = target.unwrap_or("");
    store(
        db,
        (config, storage.inner()),
        &who.0,
        (&n, &c),
        target,
        &bytes,
        name.unwrap_or(""),
    )
    .await
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct LinkInput {
    target: String,
    #[serde(default)]
    label: String,
    url: String,
}

/// A link (e.g. the village video) for a checklist item or criterion that takes links.
#[utoipa::path(post, path = "/api/v1/nominations/{id}/links", tag = "nominations", params(("id" = crate::ids::NominationId, Path, description = "The nomination")), request_body = LinkInput, responses((status = 201, body = FileDto)))]
#[post("/v1/nominations/<id>/links", data = "<input>")]
async fn add_link(
    who: ApiWrite,
    id: NominationId,
    input: Result<Json<LinkInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(HttpStatus, Json<FileDto>), AppError> {
    let db = db.inner();
    let (n, c) = load_for_village(db, id, &who.0).await?;
    let input = support::body(input)?;
    require_editable(&n, &c)?;
    let (url, label) = (input.url.trim(), input.label.trim());
    let target = evidence::link_target(db, &c, &input.target, label, url)
        .await?
        .map_err(support::invalid)?;
    let row = evidence::add_link(db, &n, target, label, url, who.0.id).await?;
    Ok((HttpStatus::Created, Json(FileDto::of(&row))))
}

/// Removes a file or link while the nomination is an editable draft.
#[utoipa::path(delete, path = "/api/v1/nominations/{id}/files/{doc}", tag = "nominations", params(("id" = crate::ids::NominationId, Path, description = "The nomination"), ("doc" = crate::ids::DocumentId, Path, description = "The document")), responses((status = 204, description = "Removed")))]
#[delete("/v1/nominations/<id>/files/<doc>")]
async fn remove(
    who: ApiWrite,
    id: NominationId,
    doc: DocumentId,
    db: &State<DatabaseConnection>,
    storage: &State<Storage>,
) -> Result<HttpStatus, AppError> {
    let db = db.inner();
    let (n, c) = load_for_village(db, id, &who.0).await?;
    let d = documents::find_in_nomination(db, doc, n.id)
        .await?
        .ok_or(AppError::NotFound)?;
    require_editable(&n, &c)?;
    evidence::remove(db, storage, d).await?;
    Ok(HttpStatus::NoContent)
}

/// The stored bytes with their sniffed content type, `nosniff`, and a sanitized file name.
#[utoipa::path(get, path = "/api/v1/files/{doc}", tag = "nominations", params(("doc" = crate::ids::DocumentId, Path, description = "The document")),
    responses((status = 200, description = "The file's bytes", content(
        (Vec<u8> = "application/pdf"), (Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png")))))]
#[get("/v1/files/<doc>")]
async fn download(
    who: CurrentUser,
    doc: DocumentId,
    db: &State<DatabaseConnection>,
    storage: &State<Storage>,
) -> Result<Evidence, AppError> {
    serve(db.inner(), storage.inner(), &who, doc).await
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, upload_raw, add_link, remove, download))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![
        list,
        upload_multipart,
        upload_raw,
        add_link,
        remove,
        download
    ]
}
