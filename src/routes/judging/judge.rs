//! The judge's pages: the dashboard of assigned entries and the scoring sheet. Every sheet
//! route loads through `sheets::find_for_judge`, so another judge's sheet and a conflicted
//! entry both answer 404.

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, Utc};
use juara_domain::Points;
use rocket::form::FromForm;
use rocket::http::Status;
use rocket::{Route, State, get, post, routes, uri};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use super::sheet_view::{self, SheetView};
use crate::app::judging::sheets::{self as rules, SaveRefusal};
use crate::auth::{CurrentUser, JudgeUser, Role, csrf::CsrfForm};
use crate::db::judging::sheets::{self, Answer, SheetCtx, SheetInput};
use crate::error::AppError;
use crate::ids::SheetId;
use crate::routes::reply::FormReply;
use crate::views::Page;

/// Loads the judge's own, non-conflicted sheet or answers 404 (403 for a non-judge API
/// token). Pages, photos and the API all load through here.
pub(super) async fn load(
    db: &DatabaseConnection,
    who: &CurrentUser,
    id: SheetId,
) -> Result<SheetCtx, AppError> {
    if who.role != Role::Judge {
        return Err(AppError::Forbidden);
    }
    sheets::find_for_judge(db, who.id.into_uuid(), id.into_uuid())
        .await?
        .ok_or(AppError::NotFound)
}

#[derive(Serialize)]
struct Row {
    id: Uuid,
    competition: String,
    stage: String,
    /// The village's name, as on the sheet page (judges see whom they score).
    village: String,
    /// "Kecamatan, Kabupaten".
    place: String,
    status: entity::SheetStatus,
    writable: bool,
    /// The judge is a trainee on this stage: the sheet is scored but never counted.
    trainee: bool,
    deadline: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// The zone of the sheet's competition (rows may come from several).
    zone: crate::app::competition::zone::TimeZone,
}

#[derive(Serialize)]
struct Dashboard {
    page: Page,
    rows: Vec<Row>,
    total: usize,
    submitted: usize,
    percent: usize,
    stages: Vec<String>,
    filter_stage: String,
    filter_status: String,
    /// Competitions where the judge has submitted a sheet: their share of the panel's
    /// differences of opinion, as (id, name).
    discussions: Vec<(Uuid, String)>,
}

#[get("/judge/sheets?<stage>&<status>")]
async fn index(
    page: Page,
    who: JudgeUser,
    stage: Option<&str>,
    status: Option<&str>,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let now = Utc::now().fixed_offset();
    let all = sheets::list_for_judge(db.inner(), who.0.id.into_uuid()).await?;
    let total = all.len();
    let submitted = all
        .iter()
        .filter(|c| c.sheet.status == entity::SheetStatus::Submitted)
        .count();
    let mut discussions: Vec<(Uuid, String)> = all
        .iter()
        .filter(|c| c.sheet.status == entity::SheetStatus::Submitted)
        .map(|c| (c.competition.id, c.competition.name.clone()))
        .collect();
    discussions.sort_by(|a, b| a.1.cmp(&b.1));
    discussions.dedup();
    let mut stages: Vec<String> = all.iter().map(|c| c.stage.code.clone()).collect();
    stages.sort();
    stages.dedup();
    let (fs, fst) = (stage.unwrap_or(""), status.unwrap_or(""));
    let mut shown: Vec<SheetCtx> = all
        .into_iter()
        .filter(|c| fs.is_empty() || c.stage.code == fs)
        .filter(|c| fst.is_empty() || c.sheet.status.as_str() == fst)
        .collect();
    let codes: Vec<&str> = shown
        .iter()
        .map(|c| c.nomination.village_code.as_str())
        .collect();
    let villages = crate::db::villages::infos(db.inner(), &codes).await?;
    let village = |c: &SheetCtx| villages.get(&c.nomination.village_code).cloned();
    // Work still to do first, then what is submitted; each by competition, stage and name.
    shown.sort_by_cached_key(|c| {
        (
            c.sheet.status == entity::SheetStatus::Submitted,
            c.competition.name.clone(),
            c.stage.position,
            village(c).map(|v| v.name.to_lowercase()),
        )
    });
    let trainee_of = crate::db::judging::panels::trainees(
        db.inner(),
        shown.iter().map(|c| c.stage.id).collect::<Vec<_>>(),
    )
    .await?;
    let rows = shown
        .into_iter()
        .map(|c| {
            let v = village(&c).unwrap_or_default();
            Row {
                trainee: trainee_of.contains(&(c.stage.id, c.sheet.judge_id)),
                id: c.sheet.id,
                writable: rules::ensure_editable(&c, now).is_ok(),
                zone: crate::app::competition::zone::of(&c.competition),
                competition: c.competition.name,
                stage: format!("{} — {}", c.stage.code, c.stage.name),
                village: if v.name.is_empty() {
                    c.nomination.village_code
                } else {
                    v.name
                },
                place: [v.district, v.regency]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                status: c.sheet.status,
                deadline: c.competition.judging_closes_at,
            }
        })
        .collect();
    let view = Dashboard {
        page,
        rows,
        total,
        submitted,
        percent: (submitted * 100).checked_div(total).unwrap_or(0),
        stages,
        filter_stage: fs.to_owned(),
        discussions,
        filter_status: fst.to_owned(),
    };
    Ok(Template::render("judging/dashboard", &view))
}

#[derive(Serialize)]
struct SheetPage {
    page: Page,
    sheet: SheetView,
    general_errors: Vec<String>,
}

#[get("/judge/sheets/<id>")]
async fn show(
    page: Page,
    who: JudgeUser,
    id: SheetId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let ctx = load(db, &who.0, id).await?;
    let now = Utc::now().fixed_offset();
    let sheet = sheet_view::build(db, &ctx, None, &BTreeMap::new(), page.lang, now).await?;
    Ok(Template::render(
        "judging/sheet",
        &SheetPage {
            page,
            sheet,
            general_errors: Vec::new(),
        },
    ))
}

/// The sheet form: `score[<criterion id>]`, `na[<id>]`, `comment[<id>]`.
#[derive(FromForm)]
pub struct SheetForm<'r> {
    version: i32,
    action: &'r str,
    score: HashMap<String, String>,
    na: HashMap<String, bool>,
    comment: HashMap<String, String>,
    visit_date: Option<&'r str>,
    visit_notes: Option<String>,
}

/// Parses the form into answers; unreadable numbers become per-criterion errors.
fn parse(form: &SheetForm<'_>, lang: &str) -> (SheetInput, BTreeMap<Uuid, Vec<String>>) {
    let mut errors: BTreeMap<Uuid, Vec<String>> = BTreeMap::new();
    let mut ids: Vec<Uuid> = form
        .score
        .keys()
        .chain(form.na.keys())
        .chain(form.comment.keys())
        .filter_map(|k| Uuid::parse_str(k).ok())
        .collect();
    ids.sort();
    ids.dedup();
    let answers = ids
        .into_iter()
        .map(|id| {
            let key = id.to_string();
            let raw = form.score.get(&key).map(|s| s.trim()).unwrap_or("");
            let value = if raw.is_empty() {
                None
            } else {
                match raw.parse::<Points>() {
                    Ok(v) => Some(v),
                    Err(_) => {
                        errors
                            .entry(id)
                            .or_default()
                            .push(crate::i18n::t(lang, "jdg-err-number"));
                        None
                    }
                }
            };
            Answer {
                criterion_id: id,
                value,
                not_applicable: form.na.get(&key).copied().unwrap_or(false),
                comment: form.comment.get(&key).cloned().unwrap_or_default(),
            }
        })
        .collect();
    let visit_date = match form.visit_date.map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(date) if crate::forms::plausible_date(date) => Some(date),
            Ok(_) | Err(_) => {
                // Reported with the sheet's messages: the nil id is no criterion.
                errors
                    .entry(Uuid::nil())
                    .or_default()
                    .push(crate::i18n::t(lang, "jdg-err-visit-date"));
                None
            }
        },
    };
    let input = SheetInput {
        version: form.version,
        answers,
        visit_date,
        visit_notes: form
            .visit_notes
            .clone()
            .unwrap_or_default()
            .trim()
            .to_owned(),
    };
    (input, errors)
}

#[post("/judge/sheets/<id>", data = "<form>")]
async fn save(
    page: Page,
    who: JudgeUser,
    id: SheetId,
    form: CsrfForm<'_, SheetForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let ctx = load(db, &who.0, id).await?;
    crate::integrity::ensure_open(&ctx.competition, page.lang)?;
    let now = Utc::now().fixed_offset();
    let Some(f) = form.0.value.as_ref() else {
        let sheet = sheet_view::build(db, &ctx, None, &BTreeMap::new(), page.lang, now).await?;
        // Rocket's and the shared checks' messages (e.g. a refused control character).
        let state = crate::forms::FormState::from_context(&form.0.context, page.lang);
        let mut general_errors: Vec<String> = state
            .errors
            .into_values()
            .flatten()
            .chain(state.form_errors)
            .collect();
        general_errors.dedup();
        if general_errors.is_empty() {
            general_errors.push(page.t("jdg-err-invalid"));
        }
        let body = SheetPage {
            page,
            sheet,
            general_errors,
        };
        return Ok(FormReply::invalid("judging/sheet", &body));
    };
    let (input, parse_errors) = parse(f, page.lang);
    let submit = f.action == "submit";
    let outcome = if parse_errors.is_empty() {
        rules::save(db, &ctx, &input, submit, now).await?
    } else {
        Err(SaveRefusal::Invalid(Vec::new()))
    };
    match outcome {
        Ok(saved) => {
            let key = if submit {
                "jdg-flash-submitted"
            } else {
                "jdg-flash-saved"
            };
            Ok(FormReply::done(
                uri!(show(id = saved.id)).to_string(),
                page.t(key),
            ))
        }
        Err(refusal) => {
            let (mut fields, mut general) =
                sheet_view::refusal_messages(db, &ctx, &refusal, page.lang).await?;
            for (k, v) in parse_errors {
                if k.is_nil() {
                    general.extend(v);
                } else {
                    fields.entry(k).or_default().extend(v);
                }
            }
            let status = match refusal {
                SaveRefusal::Stale { .. } | SaveRefusal::Locked | SaveRefusal::Closed(_) => {
                    Status::Conflict
                }
                _ => Status::UnprocessableEntity,
            };
            let mut sheet =
                sheet_view::build(db, &ctx, Some(&input.answers), &fields, page.lang, now).await?;
            // Keep what was typed; the form keeps the version it was read at, so a stale
            // save needs a reload (which shows the other tab's values) to go through.
            sheet.visit_notes = input.visit_notes.clone();
            sheet.version = input.version;
            let body = SheetPage {
                page,
                sheet,
                general_errors: general,
            };
            Ok(FormReply::page(status, "judging/sheet", &body))
        }
    }
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![index, show, save]
}
