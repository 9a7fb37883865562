//! The offline sheet's JSON endpoints, used by the sheet page's script with the session cookie
//! and the CSRF token in `X-CSRF-Token` (`ApiWrite`): the server's current copy (with a warning
//! when another device saved lately), the sync of a whole draft with the version it was based
//! on (a stale one answered 409 with the server's copy, refused values 422 per field), queued
//! photos, and the list of sheets to prepare for offline use. Every write goes through
//! `app::judging::sync`, i.e. the same save rule as the sheet page and `/api/v1/judge/sheets`.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Utc};
use rocket::form::{Form, FromForm};
use rocket::fs::TempFile;
use rocket::http::{CookieJar, Status};
use rocket::serde::json::Json as Out;
use rocket::{Route, State, get, post, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::api::{SaveBody, to_input};
use super::judge::load;
use super::sheet_view;
use crate::AppConfig;
use crate::app::judging::sheets::{SaveRefusal, ensure_editable};
use crate::app::judging::sync::{self, ServerCopy, SyncRefusal};
use crate::auth::api::ApiWrite;
use crate::auth::{JudgeUser, csrf};
use crate::db::judging::sheets::{self as rows, SheetCtx};
use crate::error::AppError;
use crate::ids::SheetId;
use crate::json::Json;

/// A JSON answer with its status.
type Reply = (Status, Out<Value>);

fn reply<T: Serialize>(status: Status, body: &T) -> Reply {
    (
        status,
        Out(serde_json::to_value(body).unwrap_or(Value::Null)),
    )
}

#[derive(Serialize)]
struct AnswerOut {
    criterion_id: Uuid,
    /// Machine decimals (`"3.50"`), or null when unanswered or N/A.
    value: Option<String>,
    not_applicable: bool,
    comment: String,
}

/// The server's copy of a sheet.
#[derive(Serialize)]
struct CopyOut {
    version: i32,
    status: entity::SheetStatus,
    writable: bool,
    answers: Vec<AnswerOut>,
    visit_date: Option<String>,
    visit_notes: String,
    updated_at: DateTime<FixedOffset>,
    /// When another device last saved this sheet, if lately.
    other_device_at: Option<DateTime<FixedOffset>>,
    /// The browser's CSRF token, for a page that came from the offline cache.
    csrf: String,
}

fn copy_out(
    copy: ServerCopy,
    writable: bool,
    other_device_at: Option<DateTime<FixedOffset>>,
    csrf: String,
) -> CopyOut {
    CopyOut {
        version: copy.version,
        status: copy.status,
        writable,
        answers: copy
            .answers
            .into_iter()
            .map(|a| AnswerOut {
                criterion_id: a.criterion_id,
                value: a.value.filter(|_| !a.not_applicable).map(|v| v.to_string()),
                not_applicable: a.not_applicable,
                comment: a.comment,
            })
            .collect(),
        visit_date: copy.visit_date.map(|d| d.to_string()),
        visit_notes: copy.visit_notes,
        updated_at: copy.updated_at,
        other_device_at,
        csrf,
    }
}

/// The device id a request names, if it is well-formed.
fn device_of(device: Option<&str>) -> Option<&str> {
    device.filter(|d| sync::valid_device(d))
}

/// Whether the sheet may change now (re-read, since the copy may be newer than `ctx`).
fn writable(ctx: &SheetCtx, copy: &ServerCopy, now: DateTime<FixedOffset>) -> bool {
    let mut fresh = ctx.clone();
    fresh.sheet.status = copy.status;
    ensure_editable(&fresh, now).is_ok()
}

#[get("/judge/sheets/<id>/sync?<device>")]
async fn show(
    who: JudgeUser,
    id: SheetId,
    device: Option<&str>,
    jar: &CookieJar<'_>,
    db: &State<DatabaseConnection>,
) -> Result<Out<CopyOut>, AppError> {
    let db = db.inner();
    let ctx = load(db, &who.0, id).await?;
    let now = Utc::now().fixed_offset();
    let copy = sync::current(db, &ctx).await?;
    let other = match device_of(device) {
        Some(d) => sync::other_device(db, &ctx, d, now).await?,
        None => None,
    };
    let open = writable(&ctx, &copy, now);
    Ok(Out(copy_out(copy, open, other, csrf::token(jar))))
}

/// A draft from a device: the sheet body of `PUT /api/v1/judge/sheets/<id>` (its `version`
/// is the one the device's copy was based on) and the device's id.
#[derive(Deserialize)]
struct SyncBody {
    device: String,
    #[serde(flatten)]
    sheet: SaveBody,
}

#[derive(Serialize)]
struct Synced {
    version: i32,
    status: entity::SheetStatus,
    saved_at: DateTime<FixedOffset>,
    other_device_at: Option<DateTime<FixedOffset>>,
}

/// Why nothing was written: `error` is `stale`, `locked`, `closed`, `invalid` or `setup`.
#[derive(Serialize)]
struct Refused {
    error: &'static str,
    message: String,
    /// Messages per criterion id (and `sheet` for the whole sheet).
    fields: BTreeMap<String, Vec<String>>,
    /// With `stale`: what the server holds now.
    current: Option<CopyOut>,
}

fn refused(status: Status, error: &'static str, message: String) -> Reply {
    let body = Refused {
        error,
        message,
        fields: BTreeMap::new(),
        current: None,
    };
    reply(status, &body)
}

#[post("/judge/sheets/<id>/sync", format = "json", data = "<body>")]
async fn save(
    who: ApiWrite,
    id: SheetId,
    body: Result<Json<SyncBody>, crate::json::Error<'_>>,
    jar: &CookieJar<'_>,
    db: &State<DatabaseConnection>,
) -> Result<Reply, AppError> {
    let db = db.inner();
    let lang = crate::i18n::from_cookies(jar);
    let ctx = load(db, &who.0, id).await?;
    crate::integrity::ensure_open(&ctx.competition, lang)?;
    let t = |key: &str| crate::i18n::t(lang, key);
    let Ok(Json(body)) = body else {
        return Ok(refused(Status::BadRequest, "invalid", t("off-bad-request")));
    };
    if !sync::valid_device(&body.device) {
        return Ok(refused(Status::BadRequest, "invalid", t("off-bad-request")));
    }
    let input = match to_input(body.sheet) {
        Ok(input) => input,
        Err(AppError::Invalid(fields)) => {
            let fields = fields
                .into_iter()
                .map(|(k, v)| (k.trim_start_matches("answers.").to_owned(), v))
                .collect();
            let body = Refused {
                error: "invalid",
                message: t("jdg-err-invalid"),
                fields,
                current: None,
            };
            return Ok(reply(Status::UnprocessableEntity, &body));
        }
        Err(other) => return Err(other),
    };
    let now = Utc::now().fixed_offset();
    match sync::sync(db, &ctx, &input, &body.device, now).await? {
        Ok(saved) => {
            let other = sync::other_device(db, &ctx, &body.device, now).await?;
            let out = Synced {
                version: saved.version,
                status: saved.status,
                saved_at: saved.updated_at,
                other_device_at: other,
            };
            Ok(reply(Status::Ok, &out))
        }
        Err(SyncRefusal::Stale(copy)) => {
            let open = writable(&ctx, &copy, now);
            let body = Refused {
                error: "stale",
                message: t("off-stale"),
                fields: BTreeMap::new(),
                current: Some(copy_out(copy, open, None, csrf::token(jar))),
            };
            Ok(reply(Status::Conflict, &body))
        }
        Err(SyncRefusal::Refused(refusal)) => {
            let (by_id, general) = sheet_view::refusal_messages(db, &ctx, &refusal, lang).await?;
            let (status, error) = match refusal {
                SaveRefusal::Locked => (Status::Conflict, "locked"),
                SaveRefusal::Closed(_) | SaveRefusal::Stale { .. } => (Status::Conflict, "closed"),
                SaveRefusal::NoSpec => (Status::Conflict, "setup"),
                SaveRefusal::Invalid(_) | SaveRefusal::Incomplete(_) => {
                    (Status::UnprocessableEntity, "invalid")
                }
            };
            let mut fields: BTreeMap<String, Vec<String>> =
                by_id.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
            let message = general.join(" ");
            if !general.is_empty() {
                fields.insert("sheet".into(), general);
            }
            let body = Refused {
                error,
                message,
                fields,
                current: None,
            };
            Ok(reply(status, &body))
        }
    }
}

#[derive(FromForm)]
struct QueuedPhoto<'r> {
    file: TempFile<'r>,
}

#[derive(Serialize)]
struct PhotoOut {
    id: Uuid,
    label: String,
    url: String,
}

/// A photo from the device's queue; sending the same photo twice stores it once.
#[post(
    "/judge/sheets/<id>/photos/queue",
    format = "multipart/form-data",
    data = "<form>"
)]
async fn photo(
    who: ApiWrite,
    id: SheetId,
    form: Option<Form<QueuedPhoto<'_>>>,
    jar: &CookieJar<'_>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
    storage: &State<crate::storage::Storage>,
) -> Result<Reply, AppError> {
    let (db, config) = (db.inner(), config.inner());
    let lang = crate::i18n::from_cookies(jar);
    let ctx = load(db, &who.0, id).await?;
    crate::integrity::ensure_open(&ctx.competition, lang)?;
    let max = config.max_upload_bytes;
    let file = match form.as_ref() {
        Some(f) => Some(crate::routes::upload::read(&f.file, max).await?),
        None => None,
    };
    let upload = file
        .as_ref()
        .map(|f| (f.bytes.as_slice(), f.raw_name.as_str()));
    let now = Utc::now().fixed_offset();
    let place = (storage.inner(), max);
    match sync::add_photo_once(db, place, &ctx, upload, now).await? {
        Ok(p) => {
            let out = PhotoOut {
                url: format!("/judge/sheets/{}/photos/{}", ctx.sheet.id, p.id),
                id: p.id,
                label: p.label,
            };
            Ok(reply(Status::Created, &out))
        }
        Err(no) => {
            let status = match no {
                crate::app::judging::photos::PhotoRefusal::NotAnImage => {
                    Status::UnprocessableEntity
                }
                crate::app::judging::photos::PhotoRefusal::NotEditable(_) => Status::Conflict,
            };
            let message = crate::i18n::t(lang, no.message_key());
            Ok(refused(status, "photo", message))
        }
    }
}

#[derive(Serialize)]
struct Prepared {
    id: Uuid,
    url: String,
    version: i32,
    writable: bool,
}

#[derive(Serialize)]
struct OfflineList {
    user: Uuid,
    csrf: String,
    sheets: Vec<Prepared>,
}

/// The judge's sheets, for "Siapkan untuk luring" to put in the device's cache.
#[get("/judge/offline")]
async fn prepare(
    who: JudgeUser,
    jar: &CookieJar<'_>,
    db: &State<DatabaseConnection>,
) -> Result<Out<OfflineList>, AppError> {
    let now = Utc::now().fixed_offset();
    let sheets = rows::list_for_judge(db.inner(), who.0.id.into_uuid())
        .await?
        .into_iter()
        .map(|c| Prepared {
            id: c.sheet.id,
            url: format!("/judge/sheets/{}", c.sheet.id),
            version: c.sheet.version,
            writable: ensure_editable(&c, now).is_ok(),
        })
        .collect();
    Ok(Out(OfflineList {
        user: who.0.id.into_uuid(),
        csrf: csrf::token(jar),
        sheets,
    }))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![show, save, photo, prepare]
}
