//! The committee's side of `/api/v1/nominations`: the administrative check and a
//! competition's filtered, paginated list.

use rocket::{State, get, post};
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use super::NominationDto;
use crate::app::nomination::{self as rules, Decision, ReviewRefusal};
use crate::auth::CurrentUser;
use crate::auth::api::ApiWrite;
use crate::db::nominations::{self, ListFilter, Status};
use crate::error::AppError;
use crate::i18n;
use crate::ids::{CompetitionId, NominationId};
use crate::json::{Error as JsonError, Json};
use crate::routes::api::competitions::load_for_admin;
use crate::routes::api::support::{self, LANG};

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub(super) struct ReviewInput {
    /// `accept` or `reject`.
    decision: String,
    #[serde(default)]
    reason: String,
}

/// The administrative check: accept, or reject with a reason (also needed to accept a
/// nomination rejected before).
#[utoipa::path(post, path = "/api/v1/nominations/{id}/review", tag = "nominations", params(("id" = crate::ids::NominationId, Path, description = "The nomination")), request_body = ReviewInput, responses((status = 200, body = NominationDto)))]
#[post("/v1/nominations/<id>/review", data = "<input>")]
pub(super) async fn review(
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
    match rules::review(db, &n, decision, &input.reason, who.id).await? {
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

pub(super) type NominationPage = support::Page<NominationDto>;

/// A competition's nominations for the committee: `status`, `kabupaten` and `kecamatan`
/// (region codes) filters, 0-based `page`, `per_page` up to 200.
#[allow(clippy::too_many_arguments)]
#[utoipa::path(get, path = "/api/v1/competitions/{id}/nominations", tag = "nominations", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("status" = Option<String>, Query, description = "`draft`, `submitted`, `accepted`, `rejected`, `withdrawn`"), ("kabupaten" = Option<String>, Query, description = "A regency code"), ("kecamatan" = Option<String>, Query, description = "A district code"), ("page" = Option<u64>, Query), ("per_page" = Option<u64>, Query)), responses((status = 200, body = support::Page<NominationDto>, description = "The committee's list")))]
#[get("/v1/competitions/<id>/nominations?<status>&<kabupaten>&<kecamatan>&<page>&<per_page>")]
pub(super) async fn list_for_competition(
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
    let region_prefix = match rules::region_filter(kabupaten, kecamatan) {
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
