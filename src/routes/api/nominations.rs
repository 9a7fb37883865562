//! `/api/v1/nominations`: a village's entries. Villages create a draft, save its profile
//! (optimistic version: a stale save is 409), submit before the deadline (422 listing every
//! problem, under the field it concerns) and withdraw before judging (409 after). Admins list
//! a competition's nominations (filters `status`, `kabupaten`, `kecamatan`, paginated), read
//! one, and record the administrative check (accept, or reject with a reason the village
//! sees). Rules are `db::nominations`' and the profile checks the page's (`profile::check`).

use std::collections::BTreeMap;

use crate::json::{Error as JsonError, Json};
use chrono::Utc;
use entity::{competition, nomination};
use rocket::http::Status as HttpStatus;
use rocket::{Route, State, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::competitions::{CompetitionDto, load_for_admin};
use super::support::{self, LANG, loose, time_out};
use crate::auth::api::ApiWrite;
use crate::auth::{CurrentUser, Role};
use crate::db::competitions;
use crate::db::nominations::{
    self, Decision, EntryRefusal, ListFilter, Problem, ReviewRefusal, Status,
};
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::ids::{CompetitionId, NominationId};
use crate::routes::nominations::profile::{self, ProfileForm};

/// The village profile on the wire.
#[derive(Serialize)]
pub struct ProfileDto {
    pub head_name: String,
    pub head_is_acting: bool,
    pub development_status: String,
    pub population: Option<i32>,
    pub households: Option<i32>,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub achievements: String,
    pub description: String,
}

/// A nomination on the wire. `version` must be sent back with profile saves.
#[derive(Serialize)]
pub struct NominationDto {
    pub id: String,
    pub competition_id: String,
    pub village_code: String,
    pub status: entity::NominationStatus,
    /// `self` or `advanced` (brought in from the level below).
    pub origin: String,
    pub version: i32,
    pub profile: ProfileDto,
    /// The committee's reason, shown to the village.
    pub review_note: String,
    pub submitted_at: Option<String>,
    pub reviewed_at: Option<String>,
    pub withdrawn_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Profile and evidence may change now.
    pub editable: bool,
}

impl NominationDto {
    /// The wire form of a stored nomination.
    #[must_use]
    pub fn of(n: &nomination::Model, c: &competition::Model) -> Self {
        NominationDto {
            id: n.id.to_string(),
            competition_id: n.competition_id.to_string(),
            village_code: n.village_code.clone(),
            status: n.status,
            origin: n.origin.clone(),
            version: n.version,
            profile: ProfileDto {
                head_name: n.head_name.clone(),
                head_is_acting: n.head_is_acting,
                development_status: n.development_status.clone(),
                population: n.population,
                households: n.households,
                contact_name: n.contact_name.clone(),
                contact_phone: n.contact_phone.clone(),
                contact_email: n.contact_email.clone(),
                achievements: n.achievements.clone(),
                description: n.description.clone(),
            },
            review_note: n.review_note.clone(),
            submitted_at: time_out(n.submitted_at),
            reviewed_at: time_out(n.reviewed_at),
            withdrawn_at: time_out(n.withdrawn_at),
            created_at: time_out(Some(n.created_at)).unwrap_or_default(),
            updated_at: time_out(Some(n.updated_at)).unwrap_or_default(),
            editable: nominations::editable(n, c, Utc::now().fixed_offset()),
        }
    }
}

/// The nomination and its competition if `who` may read it: the owning village, or an admin
/// whose scope contains the competition. Everyone else: 404 (judges: 403).
pub async fn load_for_reader(
    db: &DatabaseConnection,
    id: NominationId,
    who: &CurrentUser,
) -> Result<(nomination::Model, competition::Model), AppError> {
    match who.role {
        Role::Admin => nominations::find_for_admin(db, id, who)
            .await?
            .ok_or(AppError::NotFound),
        Role::Village => load_for_village(db, id, who).await,
        Role::Judge => Err(AppError::Forbidden),
    }
}

/// The caller's own nomination (403 for other roles, 404 for another village's).
pub async fn load_for_village(
    db: &DatabaseConnection,
    id: NominationId,
    who: &CurrentUser,
) -> Result<(nomination::Model, competition::Model), AppError> {
    let village = support::require_village(who)?;
    let n = nominations::find_for_village(db, id, village)
        .await?
        .ok_or(AppError::NotFound)?;
    let c = competitions::find_by_id(db, CompetitionId::from(n.competition_id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((n, c))
}

/// 409 unless the nomination is a draft inside the window.
pub fn require_editable(n: &nomination::Model, c: &competition::Model) -> Result<(), AppError> {
    if nominations::editable(n, c, Utc::now().fixed_offset()) {
        return Ok(());
    }
    let key = if n.status == Status::Draft {
        "nom-problem-closed"
    } else {
        "nom-problem-not-draft"
    };
    Err(AppError::Conflict(i18n::t(LANG, key)))
}

#[derive(Serialize)]
struct MineRow {
    nomination: NominationDto,
    competition: CompetitionDto,
}

#[derive(Serialize)]
struct MineList {
    items: Vec<MineRow>,
}

/// The village's own nominations with their competitions.
#[get("/v1/nominations")]
async fn mine(
    who: CurrentUser,
    db: &State<DatabaseConnection>,
) -> Result<Json<MineList>, AppError> {
    let village = support::require_village(&who)?;
    let rows = nominations::list_for_village(db.inner(), village).await?;
    Ok(Json(MineList {
        items: rows
            .iter()
            .map(|(n, c)| MineRow {
                nomination: NominationDto::of(n, c),
                competition: CompetitionDto::of(c),
            })
            .collect(),
    }))
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct CreateInput {
    competition_id: String,
}

/// A new empty draft. 404 for an unknown or unpublished competition, 422 when the village
/// may not enter it, 409 outside the window or when the village already has one.
#[post("/v1/nominations", data = "<input>")]
async fn create(
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
    let c = competitions::find_by_id(db, CompetitionId::from(id))
        .await?
        .ok_or(AppError::NotFound)?;
    match nominations::entry_refusal(&c, village, Utc::now().fixed_offset()) {
        Some(EntryRefusal::Invisible) => return Err(AppError::NotFound),
        Some(EntryRefusal::NotEligible) => {
            return Err(support::invalid(vec![(
                "competition_id",
                "nom-err-not-eligible",
            )]));
        }
        Some(EntryRefusal::Closed) => {
            return Err(AppError::Conflict(i18n::t(LANG, "nom-problem-closed")));
        }
        None => {}
    }
    match nominations::insert_draft(db, c.id, village, who.id).await {
        Ok(n) => Ok((HttpStatus::Created, Json(NominationDto::of(&n, &c)))),
        // The unique index has the last word, also when two requests race.
        Err(e) if crate::db::is_unique_violation(&e) => {
            Err(AppError::Conflict(i18n::t(LANG, "nom-err-duplicate")))
        }
        Err(e) => Err(e.into()),
    }
}

#[get("/v1/nominations/<id>")]
async fn show(
    who: CurrentUser,
    id: NominationId,
    db: &State<DatabaseConnection>,
) -> Result<Json<NominationDto>, AppError> {
    let (n, c) = load_for_reader(db.inner(), id, &who).await?;
    Ok(Json(NominationDto::of(&n, &c)))
}

/// The profile as sent; numbers may be JSON numbers or text (`"1.250"`).
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct ProfileInput {
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
#[put("/v1/nominations/<id>/profile", data = "<input>")]
async fn save_profile(
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
    match nominations::update_draft(db, id, version, &profile).await? {
        Some(saved) => Ok(Json(NominationDto::of(&saved, &c))),
        None => Err(AppError::Conflict(i18n::t(LANG, "nom-err-stale"))),
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
#[post("/v1/nominations/<id>/submit")]
async fn submit(
    who: ApiWrite,
    id: NominationId,
    db: &State<DatabaseConnection>,
) -> Result<Json<NominationDto>, AppError> {
    let db = db.inner();
    let (n, c) = load_for_village(db, id, &who.0).await?;
    let now = Utc::now().fixed_offset();
    match nominations::submit(db, n, &c, who.0.id, now).await? {
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
#[post("/v1/nominations/<id>/withdraw")]
async fn withdraw(
    who: ApiWrite,
    id: NominationId,
    db: &State<DatabaseConnection>,
) -> Result<Json<NominationDto>, AppError> {
    let db = db.inner();
    let (n, c) = load_for_village(db, id, &who.0).await?;
    crate::integrity::ensure_open(&c, LANG)?;
    let now = Utc::now().fixed_offset();
    match nominations::withdraw(db, n, &c, who.0.id, now).await? {
        Some(saved) => Ok(Json(NominationDto::of(&saved, &c))),
        None => Err(AppError::Conflict(i18n::t(LANG, "nom-err-withdraw-late"))),
    }
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct ReviewInput {
    /// `accept` or `reject`.
    decision: String,
    #[serde(default)]
    reason: String,
}

/// The administrative check: accept, or reject with a reason (also needed to accept a
/// nomination rejected before).
#[post("/v1/nominations/<id>/review", data = "<input>")]
async fn review(
    who: ApiWrite,
    id: NominationId,
    input: Result<Json<ReviewInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<Json<NominationDto>, AppError> {
    let (db, who) = (db.inner(), who.0);
    support::require_admin(&who)?;
    let input = support::body(input)?;
    let (n, c) = nominations::find_for_admin(db, id, &who)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::integrity::ensure_open(&c, LANG)?;
    let mut errors = Vec::new();
    let decision = Decision::parse(input.decision.trim());
    if decision.is_none() {
        errors.push(("decision", "err-choice"));
    }
    if input.reason.chars().count() > 2000 {
        errors.push(("reason", "nom-err-too-long"));
    }
    let (Some(decision), true) = (decision, errors.is_empty()) else {
        return Err(support::invalid(errors));
    };
    match nominations::review(db, &n, decision, &input.reason, who.id).await? {
        Ok(()) => {
            let (saved, c) = nominations::find_for_admin(db, id, &who)
                .await?
                .ok_or(AppError::NotFound)?;
            Ok(Json(NominationDto::of(&saved, &c)))
        }
        Err(ReviewRefusal::ReasonRequired) => Err(support::invalid(vec![(
            "reason",
            "nom-err-reason-required",
        )])),
        Err(ReviewRefusal::NotReviewable) => {
            Err(AppError::Conflict(i18n::t(LANG, "nom-err-not-reviewable")))
        }
    }
}

#[derive(Serialize)]
struct NominationPage {
    items: Vec<NominationDto>,
    total: u64,
    page: u64,
    per_page: u64,
}

/// A competition's nominations for the committee: `status`, `kabupaten` and `kecamatan`
/// (region codes) filters, 0-based `page`, `per_page` up to 200.
#[allow(clippy::too_many_arguments)]
#[get("/v1/competitions/<id>/nominations?<status>&<kabupaten>&<kecamatan>&<page>&<per_page>")]
async fn list_for_competition(
    who: CurrentUser,
    id: CompetitionId,
    status: Option<&str>,
    kabupaten: Option<&str>,
    kecamatan: Option<&str>,
    page: Option<u64>,
    per_page: Option<u64>,
    db: &State<DatabaseConnection>,
) -> Result<Json<NominationPage>, AppError> {
    let db = db.inner();
    let c = load_for_admin(db, id, &who).await?;
    let mut errors = Vec::new();
    let status = match status.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => {
            let parsed = Status::parse(s);
            if parsed.is_none() {
                errors.push(("status", "err-choice"));
            }
            parsed
        }
        None => None,
    };
    let region_prefix = match nominations::region_filter(kabupaten, kecamatan) {
        Ok(prefix) => prefix,
        Err(e) => {
            errors.extend(e);
            None
        }
    };
    if !errors.is_empty() {
        return Err(support::invalid(errors));
    }
    let filter = ListFilter {
        status,
        region_prefix,
    };
    let rows = nominations::list_for_competition(db, c.id, &filter).await?;
    let (page, per_page) = support::paging(page, per_page);
    let total = u64::try_from(rows.len()).unwrap_or(u64::MAX);
    let skip = usize::try_from(page.saturating_mul(per_page)).unwrap_or(usize::MAX);
    let take = usize::try_from(per_page).unwrap_or(usize::MAX);
    Ok(Json(NominationPage {
        items: rows
            .iter()
            .skip(skip)
            .take(take)
            .map(|n| NominationDto::of(n, &c))
            .collect(),
        total,
        page,
        per_page,
    }))
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![
        mine,
        create,
        show,
        save_profile,
        submit,
        withdraw,
        review,
        list_for_competition
    ]
}
