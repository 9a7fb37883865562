//! `/api/v1/competitions`: list, read, create (blank or from a built-in template), replace,
//! lifecycle transitions and cloning. Admins reach only competitions in their region (others
//! answer 404); village operators may list and read the competitions open to their village.
//! Validation is `CompetitionForm::check`, the actions `crate::competition_ops`, as on the
//! pages.

use crate::json::{Error as JsonError, Json};
use chrono::Utc;
use entity::competition;
use rocket::http::Status as HttpStatus;
use rocket::{Route, State, get, post, put, routes};
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};

use super::support::{self, loose, time_out};
use crate::app::competition::templates as competition_templates;
use crate::app::competition::{lifecycle, rules};
use crate::auth::api::ApiWrite;
use crate::auth::{CurrentUser, Role};
use crate::competition_forms::CompetitionForm;
use crate::db::competitions::{self as repo, CompetitionFilter, Status};
use crate::error::AppError;
use crate::ids::CompetitionId;
use crate::registry::VillageKind;
use crate::routes::scope::ApiWriteScope;

/// A competition on the wire. Money in whole rupiah, `minimum_score` a decimal string.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CompetitionDto {
    pub id: String,
    pub name: String,
    pub year: i32,
    pub level: String,
    pub region_code: Option<String>,
    pub category: String,
    pub status: entity::CompetitionStatus,
    pub description: String,
    pub nomination_opens_at: Option<String>,
    pub nomination_closes_at: Option<String>,
    pub judging_closes_at: Option<String>,
    pub announcement_at: Option<String>,
    /// The zone the pages type and show its times in (`WIB`, `WITA`, `WIT`); naive times
    /// sent without an offset are read in it.
    pub time_zone: crate::app::competition::zone::TimeZone,
    pub eligible_statuses: Vec<String>,
    pub require_definitive_head: bool,
    pub max_entries: Option<i32>,
    pub appeals_enabled: bool,
    pub appeal_days: i32,
    pub tie_policy: String,
    pub minimum_score: Option<String>,
    pub cash_budget: Option<i64>,
    pub assistance_budget: Option<i64>,
    /// Nominations are accepted right now.
    pub nominations_open: bool,
    /// Stages, criteria and the checklist may still change.
    pub criteria_editable: bool,
}

impl CompetitionDto {
    /// The wire form of a stored competition.
    #[must_use]
    pub fn of(c: &competition::Model) -> Self {
        CompetitionDto {
            id: c.id.to_string(),
            name: c.name.clone(),
            year: c.year,
            level: c.level.clone(),
            region_code: c.region_code.clone(),
            category: c.category.clone(),
            status: c.status,
            description: c.description.clone(),
            nomination_opens_at: time_out(c.nomination_opens_at),
            nomination_closes_at: time_out(c.nomination_closes_at),
            judging_closes_at: time_out(c.judging_closes_at),
            announcement_at: time_out(c.announcement_at),
            time_zone: crate::app::competition::zone::of(c),
            eligible_statuses: repo::split_statuses(&c.eligible_statuses),
            require_definitive_head: c.require_definitive_head,
            max_entries: c.max_entries,
            appeals_enabled: c.appeals_enabled,
            appeal_days: c.appeal_days,
            tie_policy: c.tie_policy.clone(),
            minimum_score: support::points_out(c.minimum_score),
            cash_budget: c.cash_budget,
            assistance_budget: c.assistance_budget,
            nominations_open: repo::window_open(c, Utc::now().fixed_offset()),
            criteria_editable: rules::criteria_editable(rules::status_of(c)),
        }
    }
}

/// The body of create and replace: every field of the page's form.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct CompetitionInput {
    #[serde(deserialize_with = "loose")]
    name: Option<String>,
    #[serde(deserialize_with = "loose")]
    year: Option<String>,
    #[serde(deserialize_with = "loose")]
    level: Option<String>,
    #[serde(deserialize_with = "loose")]
    region_code: Option<String>,
    #[serde(deserialize_with = "loose")]
    category: Option<String>,
    #[serde(deserialize_with = "loose")]
    description: Option<String>,
    #[serde(deserialize_with = "loose")]
    nomination_opens_at: Option<String>,
    #[serde(deserialize_with = "loose")]
    nomination_closes_at: Option<String>,
    #[serde(deserialize_with = "loose")]
    judging_closes_at: Option<String>,
    #[serde(deserialize_with = "loose")]
    announcement_at: Option<String>,
    eligible_statuses: Vec<String>,
    require_definitive_head: bool,
    #[serde(deserialize_with = "loose")]
    max_entries: Option<String>,
    appeals_enabled: bool,
    #[serde(deserialize_with = "loose")]
    appeal_days: Option<String>,
    #[serde(deserialize_with = "loose")]
    tie_policy: Option<String>,
    #[serde(deserialize_with = "loose")]
    minimum_score: Option<String>,
    #[serde(deserialize_with = "loose")]
    cash_budget: Option<String>,
    #[serde(deserialize_with = "loose")]
    assistance_budget: Option<String>,
    /// Why published rules change (required after opening).
    #[serde(deserialize_with = "loose")]
    reason: Option<String>,
    /// A built-in template key (`desa`, `kelurahan`), create only.
    #[serde(deserialize_with = "loose")]
    template: Option<String>,
}

impl CompetitionInput {
    fn into_form(self) -> CompetitionForm {
        CompetitionForm {
            name: self.name,
            year: self.year,
            level: self.level,
            region_code: self.region_code,
            category: self.category,
            description: self.description,
            nomination_opens_at: self.nomination_opens_at,
            nomination_closes_at: self.nomination_closes_at,
            judging_closes_at: self.judging_closes_at,
            announcement_at: self.announcement_at,
            eligible_statuses: self.eligible_statuses,
            require_definitive_head: self.require_definitive_head,
            max_entries: self.max_entries,
            appeals_enabled: self.appeals_enabled,
            appeal_days: self.appeal_days,
            // The pages preselect `split`; an API client may leave it out.
            tie_policy: self.tie_policy.or_else(|| Some("split".to_owned())),
            minimum_score: self.minimum_score,
            cash_budget: self.cash_budget,
            assistance_budget: self.assistance_budget,
            reason: self.reason,
            template: self.template,
        }
    }
}

/// The competition if `who` may read it: admins within their scope; villages when it is
/// published (not a draft), its scope contains the village and its category admits it.
pub async fn load_for_reader(
    db: &DatabaseConnection,
    id: CompetitionId,
    who: &CurrentUser,
) -> Result<competition::Model, AppError> {
    let found = match who.role {
        Role::Admin => repo::find_for_admin(db, id, who).await?,
        Role::Village => {
            let village = support::require_village(who)?;
            repo::find_by_id(db, id).await?.filter(|c| {
                let kind = VillageKind::of_code(village);
                c.status != Status::Draft
                    && crate::app::nomination::eligibility_of(c, village, kind)
            })
        }
        Role::Judge => return Err(AppError::Forbidden),
    };
    found.ok_or(AppError::NotFound)
}

/// The competition if it lies in this admin's scope (403 for other roles, 404 outside).
pub async fn load_for_admin(
    db: &DatabaseConnection,
    id: CompetitionId,
    who: &CurrentUser,
) -> Result<competition::Model, AppError> {
    support::require_admin(who)?;
    repo::find_for_admin(db, id, who)
        .await?
        .ok_or(AppError::NotFound)
}

/// Admins: every competition in scope (filters `year`, `status`). Villages: the competitions
/// they may enter now.
#[utoipa::path(get, path = "/api/v1/competitions", tag = "competitions", params(("year" = Option<i32>, Query), ("status" = Option<String>, Query, description = "`draft`, `open`, `judging`, `review`, `announced`, `archived`"), ("page" = Option<u64>, Query, description = "From 0"), ("per_page" = Option<u64>, Query, description = "Items per page")), responses((status = 200, body = support::Page<CompetitionDto>, description = "Admins: every competition in scope; villages: those they may enter now")))]
#[get("/v1/competitions?<year>&<status>&<page>&<per_page>")]
async fn list(
    who: CurrentUser,
    year: Option<i32>,
    status: Option<&str>,
    page: Option<u64>,
    per_page: Option<u64>,
    db: &State<DatabaseConnection>,
) -> Result<Json<support::Page<CompetitionDto>>, AppError> {
    let db = db.inner();
    let rows = match who.role {
        Role::Admin => {
            let status = match status {
                Some(s) => Some(
                    Status::parse(s)
                        .ok_or_else(|| support::invalid(vec![("status", "err-choice")]))?,
                ),
                None => None,
            };
            let filter = CompetitionFilter { year, status };
            repo::list_filtered_for_admin(db, &who, filter).await?
        }
        Role::Village => {
            let village = support::require_village(&who)?;
            let kind = VillageKind::of_code(village);
            repo::list_open_for_village(db, village, kind, Utc::now().fixed_offset()).await?
        }
        Role::Judge => return Err(AppError::Forbidden),
    };
    let (page, per_page) = support::paging(page, per_page);
    let all = rows.iter().map(CompetitionDto::of).collect();
    Ok(Json(support::Page::cut(all, page, per_page)))
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), responses((status = 200, body = CompetitionDto)))]
#[get("/v1/competitions/<id>")]
async fn show(
    who: CurrentUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Json<CompetitionDto>, AppError> {
    let c = load_for_reader(db.inner(), id, &who).await?;
    Ok(Json(CompetitionDto::of(&c)))
}

#[utoipa::path(post, path = "/api/v1/competitions", tag = "competitions", request_body = CompetitionInput, responses((status = 201, body = CompetitionDto)))]
#[post("/v1/competitions", data = "<input>")]
async fn create(
    who: ApiWrite,
    input: Result<Json<CompetitionInput>, JsonError<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<(HttpStatus, Json<CompetitionDto>), AppError> {
    let (db, who) = (db.inner(), who.0);
    support::require_admin(&who)?;
    let input = support::body(input)?;
    let form = input.into_inner().into_form();
    let key = form.template.as_deref().map(str::trim).unwrap_or("");
    let template = if key.is_empty() {
        None
    } else {
        Some(
            competition_templates::find(key)
                .ok_or_else(|| support::invalid(vec![("template", "err-choice")]))?,
        )
    };
    let fields = form.check(db, &who).await?.map_err(support::invalid)?;
    let c = lifecycle::create(db, fields, template.as_ref(), who.id).await?;
    Ok((HttpStatus::Created, Json(CompetitionDto::of(&c))))
}

/// Replaces every field, as the edit page does (send the whole competition).
#[utoipa::path(put, path = "/api/v1/competitions/{id}", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = CompetitionInput, responses((status = 200, body = CompetitionDto)))]
#[put("/v1/competitions/<_>", data = "<input>")]
async fn replace(
    a: ApiWriteScope<'_>,
    input: Result<Json<CompetitionInput>, JsonError<'_>>,
) -> Result<Json<CompetitionDto>, AppError> {
    let (db, who) = (a.db, &a.who.0);
    let c = &a.c;
    let input = support::body(input)?;
    let form = input.into_inner().into_form();
    let fields = form.check(db, who).await?.map_err(support::invalid)?;
    let reason = form.reason.as_deref().unwrap_or("");
    let saved = lifecycle::update(db, c.clone(), &fields, reason, who.id, a.lang).await?;
    Ok(Json(CompetitionDto::of(&saved)))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct TransitionInput {
    to: String,
    #[serde(default)]
    reason: String,
    /// Start judging although the nomination window is still open.
    #[serde(default)]
    confirm_early_start: bool,
    /// `"to": "announced"` is the announcement (as `POST /api/v1/results/<id>/announce`):
    /// publish the judges' comments with it.
    #[serde(default)]
    publish_comments: bool,
    /// Announce a result with problems (then `reason` says why).
    #[serde(default)]
    confirm_incomplete: bool,
}

/// A lifecycle step. Opening refuses a set-up the engine does not accept with 422, listing
/// every problem under `setup` (e.g. which node's weights sum to what); starting judging
/// before the nomination window closes is refused with 422 under `confirm_early_start`
/// unless that field is `true`. `"to": "announced"` is the announcement itself, under its
/// rules (see `POST /api/v1/results/<id>/announce`).
#[utoipa::path(post, path = "/api/v1/competitions/{id}/status", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = TransitionInput, responses((status = 200, body = CompetitionDto)))]
#[post("/v1/competitions/<_>/status", data = "<input>")]
async fn transition(
    a: ApiWriteScope<'_>,
    input: Result<Json<TransitionInput>, JsonError<'_>>,
) -> Result<Json<CompetitionDto>, AppError> {
    let (db, who) = (a.db, &a.who.0);
    let c = &a.c;
    let input = support::body(input)?;
    let lang = a.lang;
    let to = Status::parse(input.to.trim())
        .ok_or_else(|| support::invalid(vec![("to", "err-choice")]))?;
    if to == Status::Announced && c.status == Status::Review {
        let go_ahead = crate::app::results::preflight::GoAhead {
            understood: input.confirm_incomplete,
            reason: input.reason.clone(),
        };
        let actor = who.id.into_uuid();
        crate::app::results::announce::announce(
            db,
            c.clone(),
            actor,
            input.publish_comments,
            &go_ahead,
        )
        .await
        .map_err(|e| crate::routes::results::announce_refused(e, a.lang))?;
        let saved = repo::find_by_id(db, a.id())
            .await?
            .ok_or(AppError::NotFound)?;
        return Ok(Json(CompetitionDto::of(&saved)));
    }
    let confirmed = input.confirm_early_start;
    let saved =
        lifecycle::transition(db, c.clone(), to, &input.reason, confirmed, who.id, lang).await?;
    Ok(Json(CompetitionDto::of(&saved)))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
struct CloneInput {
    #[serde(default, deserialize_with = "loose")]
    year: Option<String>,
}

/// A new draft for another year with the same set-up and the schedule shifted.
#[utoipa::path(post, path = "/api/v1/competitions/{id}/clone", tag = "competitions", params(("id" = crate::ids::CompetitionId, Path, description = "The competition")), request_body = CloneInput, responses((status = 201, body = CompetitionDto)))]
#[post("/v1/competitions/<_>/clone", data = "<input>")]
async fn clone(
    a: ApiWriteScope<'_>,
    input: Result<Json<CloneInput>, JsonError<'_>>,
) -> Result<(HttpStatus, Json<CompetitionDto>), AppError> {
    let (db, who) = (a.db, &a.who.0);
    let c = &a.c;
    let input = support::body(input)?;
    let year = input.year.as_deref().and_then(|y| y.trim().parse().ok());
    let year = lifecycle::clone_year(year)?;
    let copy = lifecycle::clone(db, c, year, who.id).await?;
    Ok((HttpStatus::Created, Json(CompetitionDto::of(&copy))))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(list, show, create, replace, transition, clone))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![list, show, create, replace, transition, clone]
}
