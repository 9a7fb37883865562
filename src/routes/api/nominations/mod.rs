//! `/api/v1/nominations`: a village's entries. Villages create a draft, save its profile
//! (optimistic version: a stale save is 409), submit before the deadline (422 listing every
//! problem, under the field it concerns) and withdraw before judging (409 after). Admins list
//! a competition's nominations (filters `status`, `kabupaten`, `kecamatan`, paginated), read
//! one, and record the administrative check (accept, or reject with a reason the village
//! sees). Rules are `app::nomination`'s (the pages call the same functions) and the profile checks the page's (`profile::check`).

use chrono::Utc;
use entity::{competition, nomination};
use rocket::{Route, State, get, routes};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::competitions::CompetitionDto;
use super::support::{self, LANG, time_out};
use crate::app::nomination::draft::{self, Refused};
use crate::app::nomination::{self as rules};
use crate::auth::{CurrentUser, Role};
use crate::db::competitions;
use crate::db::nominations;
use crate::error::AppError;
use crate::i18n;
use crate::ids::{CompetitionId, NominationId};
use crate::json::Json;

mod committee;
mod village;

/// The village profile on the wire.
#[derive(Serialize, utoipa::ToSchema)]
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
#[derive(Serialize, utoipa::ToSchema)]
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
            editable: rules::editable(n, c, Utc::now().fixed_offset()),
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
    match draft::lock(n, c, Utc::now().fixed_offset()) {
        None => Ok(()),
        Some(refused) => Err(refusal(refused)),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
struct MineRow {
    nomination: NominationDto,
    competition: CompetitionDto,
}

/// The village's own nominations with their competitions.
#[utoipa::path(get, path = "/api/v1/nominations", tag = "nominations", params(("page" = Option<u64>, Query, description = "From 0"), ("per_page" = Option<u64>, Query, description = "Items per page")), responses((status = 200, body = support::Page<MineRow>, description = "The village's own nominations")))]
#[get("/v1/nominations?<page>&<per_page>")]
async fn mine(
    who: CurrentUser,
    page: Option<u64>,
    per_page: Option<u64>,
    db: &State<DatabaseConnection>,
) -> Result<Json<support::Page<MineRow>>, AppError> {
    let village = support::require_village(&who)?;
    let rows = nominations::list_for_village(db.inner(), village).await?;
    let all = rows
        .iter()
        .map(|(n, c)| MineRow {
            nomination: NominationDto::of(n, c),
            competition: CompetitionDto::of(c),
        })
        .collect();
    let (page, per_page) = support::paging(page, per_page);
    Ok(Json(support::Page::cut(all, page, per_page)))
}

/// A refused draft action as an error: 404 when missing, else 409 with the reason.
pub(super) fn refusal(refused: Refused) -> AppError {
    match refused {
        Refused::NotFound => AppError::NotFound,
        other => AppError::Conflict(i18n::t(LANG, other.message_key())),
    }
}

#[utoipa::path(get, path = "/api/v1/nominations/{id}", tag = "nominations", params(("id" = crate::ids::NominationId, Path, description = "The nomination")), responses((status = 200, body = NominationDto)))]
#[get("/v1/nominations/<id>")]
async fn show(
    who: CurrentUser,
    id: NominationId,
    db: &State<DatabaseConnection>,
) -> Result<Json<NominationDto>, AppError> {
    let (n, c) = load_for_reader(db.inner(), id, &who).await?;
    Ok(Json(NominationDto::of(&n, &c)))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(
    mine,
    show,
    committee::review,
    committee::list_for_competition,
    village::create,
    village::save_profile,
    village::submit,
    village::withdraw
))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![
        mine,
        show,
        village::create,
        village::save_profile,
        village::submit,
        village::withdraw,
        committee::review,
        committee::list_for_competition
    ]
}
