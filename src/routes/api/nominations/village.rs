//! The village's side of `/api/v1/nominations`: create a draft, save its profile, submit,
//! withdraw. Each calls the same `app::nomination` function as the page.

use std::collections::BTreeMap;

use chrono::Utc;
use rocket::http::Status as HttpStatus;
use rocket::{State, post, put};
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use super::{NominationDto, load_for_village, refusal, require_editable};
use crate::app::nomination::draft::{self, Refused};
use crate::app::nomination::{self as rules, Problem};
use crate::auth::api::ApiWrite;
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::ids::{CompetitionId, NominationId};
use crate::json::{Error as JsonError, Json};
use crate::routes::api::support::{self, LANG, loose};
use crate::routes::nominations::profile::{self, ProfileForm};

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub(super) struct CreateInput {
    competition_id: String,
}

/// A new empty draft. 404 for an unknown or unpublished competition, 422 when the village
/// may not enter it, 409 outside the window or when the village already has one.
#[utoipa::path(post, path = "/api/v1/nominations", tag = "nominations", request_body = CreateInput, responses((status = 201, body = NominationDto, description = "A new draft")))]
#[post("/v1/nominations", data = "<input>")]
pub(super) async fn create(
    who: ApiWrite,
    input: Result<Json<CreateInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(HttpStatus, Json<NominationDto>), AppError> {
    let (db, who) = (db.inner(), who.0);
    let village = support::require_village(&who)?;
    let input = support::body(input)?;
    let Ok(id) = uuid::Uuid::parse_str(input.competition_id.trim()) else {
        return Err(support::invalid(vec![("competition_id", "err-invalid")]));
    };
    let now = Utc::now().fixed_offset();
    match draft::create(db, CompetitionId::from(id), village, who.id, now).await? {
        Ok((n, c)) => Ok((HttpStatus::Created, Json(NominationDto::of(&n, &c)))),
        Err(Refused::NotEligible) => Err(support::invalid(vec![(
            "competition_id",
            "nom-err-not-eligible",
        )])),
        Err(refused) => Err(refusal(refused)),
    }
}

/// The profile as sent; numbers may be JSON numbers or text (`"1.250"`).
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub(super) struct ProfileInput {
    head_name: String,
    head_is_acting: bool,
    development_status: String,
    #[serde(deserialize_with = "loose")]
    population: Option<String>,
    #[serde(deserialize_with = "loose")]
    households: Option<String>,
    contact_name: String,
    contact_phone: String,
    contact_email: String,
    achievements: String,
    description: String,
    /// The `version` the client read; required.
    #[serde(deserialize_with = "loose")]
    version: Option<String>,
}

/// Saves the draft's profile (the whole profile, as the page's form does).
#[utoipa::path(put, path = "/api/v1/nominations/{id}/profile", tag = "nominations", params(("id" = crate::ids::NominationId, Path, description = "The nomination")), request_body = ProfileInput, responses((status = 200, body = NominationDto)))]
#[put("/v1/nominations/<id>/profile", data = "<input>")]
pub(super) async fn save_profile(
    who: ApiWrite,
    id: NominationId,
    input: Result<Json<ProfileInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Json<NominationDto>, AppError> {
    let db = db.inner();
    let (n, c) = load_for_village(db, id, &who.0).await?;
    let input = support::body(input)?;
    require_editable(&n, &c)?;
    let p = input.into_inner();
    let form = ProfileForm {
        head_name: &p.head_name,
        head_is_acting: p.head_is_acting,
        development_status: &p.development_status,
        population: p.population.as_deref().unwrap_or(""),
        households: p.households.as_deref().unwrap_or(""),
        contact_name: &p.contact_name,
        contact_phone: &p.contact_phone,
        contact_email: &p.contact_email,
        achievements: &p.achievements,
        description: &p.description,
        version: p.version.as_deref().unwrap_or(""),
    };
    let mut state = FormState::default();
    let checked = profile::check(&form, &mut state, LANG);
    let Some((profile, version)) = checked.filter(|_| state.is_ok()) else {
        if p.version.is_none() {
            state.form_errors.clear();
            state.add_key("version", LANG, "err-required");
        }
        return Err(support::invalid_state(state));
    };
    let now = Utc::now().fixed_offset();
    match draft::save(db, (&n, &c), version, &profile, now).await? {
        Ok(saved) => Ok(Json(NominationDto::of(&saved, &c))),
        Err(refused) => Err(refusal(refused)),
    }
}

/// The field a submission problem concerns.
fn problem_field(p: &Problem) -> &'static str {
    match p {
        Problem::MissingField(f) => f,
        Problem::MissingDocument(_) => "documents",
        Problem::StatusNotEligible => "development_status",
        Problem::ActingHead => "head_is_acting",
        Problem::NotDraft
        | Problem::Closed
        | Problem::WrongCategory
        | Problem::OutsideScope
        | Problem::Full => "nomination",
    }
}

/// Sends the draft to the committee; 422 listing every problem when it cannot go yet.
#[utoipa::path(post, path = "/api/v1/nominations/{id}/submit", tag = "nominations", params(("id" = crate::ids::NominationId, Path, description = "The nomination")), responses((status = 200, body = NominationDto)))]
#[post("/v1/nominations/<id>/submit")]
pub(super) async fn submit(
    who: ApiWrite,
    id: NominationId,
    db: &State<DatabaseConnection>,
) -> Result<Json<NominationDto>, AppError> {
    let db = db.inner();
    let (n, c) = load_for_village(db, id, &who.0).await?;
    let now = Utc::now().fixed_offset();
    match rules::submit(db, n, &c, who.0.id, now).await? {
        Ok(saved) => Ok(Json(NominationDto::of(&saved, &c))),
        Err(problems) => {
            let mut fields: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for p in &problems {
                fields
                    .entry(problem_field(p).to_owned())
                    .or_default()
                    .push(p.message(LANG));
            }
            Err(AppError::Invalid(fields))
        }
    }
}

/// Takes the nomination back while the competition is still open (409 once judging starts).
#[utoipa::path(post, path = "/api/v1/nominations/{id}/withdraw", tag = "nominations", params(("id" = crate::ids::NominationId, Path, description = "The nomination")), responses((status = 200, body = NominationDto)))]
#[post("/v1/nominations/<id>/withdraw")]
pub(super) async fn withdraw(
    who: ApiWrite,
    id: NominationId,
    db: &State<DatabaseConnection>,
) -> Result<Json<NominationDto>, AppError> {
    let db = db.inner();
    let (n, c) = load_for_village(db, id, &who.0).await?;
    crate::integrity::ensure_open(&c, LANG)?;
    let now = Utc::now().fixed_offset();
    match rules::withdraw(db, n, &c, who.0.id, now).await? {
        Some(saved) => Ok(Json(NominationDto::of(&saved, &c))),
        None => Err(AppError::Conflict(i18n::t(LANG, "nom-err-withdraw-late"))),
    }
}
