//! A stage's presentation order through the API, as on the stage page: drawn by lot with an
//! optional seed (`POST …/stages/<sid>/presentation/draw`, once; the seed is audited) and
//! scheduled (`PUT …/stages/<sid>/presentation/schedule` with the first slot's time and the
//! minutes per entry). Admins in scope only; refused once a published result froze the
//! competition.

use chrono::Utc;
use rocket::{Route, get, post, put, routes};
use serde::{Deserialize, Serialize};

use super::stages::load_stage;
use super::support::{self, time_out};
use crate::app::competition::zone;
use crate::competition_forms::parse_time;
use crate::db::judging::draw;
use crate::error::AppError;
use crate::i18n;
use crate::ids::StageId;
use crate::json::{Error as JsonError, Json};
use crate::routes::scope::{ApiScope, ApiWriteScope};

#[derive(Serialize, utoipa::ToSchema)]
struct SlotDto {
    position: i32,
    nomination_id: String,
    starts_at: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
struct Order {
    /// The seed of the draw (`null` before it).
    seed: Option<String>,
    drawn_at: Option<String>,
    items: Vec<SlotDto>,
}

fn order_of(s: &entity::stage::Model, slots: &[entity::presentation_slot::Model]) -> Order {
    Order {
        seed: s.draw_seed.map(|x| x.to_string()),
        drawn_at: time_out(s.drawn_at),
        items: slots
            .iter()
            .map(|x| SlotDto {
                position: x.position,
                nomination_id: x.nomination_id.to_string(),
                starts_at: time_out(x.starts_at),
            })
            .collect(),
    }
}

#[utoipa::path(get, path = "/api/v1/competitions/{id}/stages/{sid}/presentation", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), responses((status = 200, body = Order)))]
#[get("/v1/competitions/<_>/stages/<sid>/presentation")]
async fn show(a: ApiScope<'_>, sid: StageId) -> Result<Json<Order>, AppError> {
    let s = load_stage(&a, sid).await?;
    let slots = draw::slots(a.db, s.id).await?;
    Ok(Json(order_of(&s, &slots)))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct DrawInput {
    #[serde(deserialize_with = "support::loose")]
    seed: Option<String>,
}

/// Draws the order by lot (409 once drawn).
#[utoipa::path(post, path = "/api/v1/competitions/{id}/stages/{sid}/presentation/draw", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), request_body = DrawInput, responses((status = 200, body = Order)))]
#[post(
    "/v1/competitions/<_>/stages/<sid>/presentation/draw",
    data = "<input>"
)]
async fn draw_order(
    a: ApiWriteScope<'_>,
    sid: StageId,
    input: Result<Json<DrawInput>, JsonError<'_>>,
) -> Result<Json<Order>, AppError> {
    let s = load_stage(&a, sid).await?;
    crate::integrity::ensure_open(&a.c, a.lang)?;
    let input = support::body(input)?.into_inner();
    let seed = match input.seed.as_deref().map(str::trim) {
        None | Some("") => rand::random::<i64>(),
        Some(text) => text
            .parse::<i64>()
            .map_err(|_| support::invalid(vec![("seed", "jdg-err-seed")]))?,
    };
    let now = Utc::now().fixed_offset();
    let actor = a.who.0.id.into_uuid();
    let Some(slots) = draw::draw(a.db, s.clone(), seed, actor, now).await? else {
        return Err(AppError::Conflict(i18n::t(a.lang, "jdg-err-drawn")));
    };
    let s = load_stage(&a, sid).await?;
    Ok(Json(order_of(&s, &slots)))
}

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
struct ScheduleInput {
    /// The first slot: RFC 3339, or a local time in the competition's zone.
    start: String,
    /// Minutes per entry, 1–600.
    #[serde(deserialize_with = "support::loose")]
    minutes: Option<String>,
}

/// Sets the schedule of a drawn order.
#[utoipa::path(put, path = "/api/v1/competitions/{id}/stages/{sid}/presentation/schedule", tag = "scoring", params(("id" = crate::ids::CompetitionId, Path, description = "The competition"), ("sid" = crate::ids::StageId, Path, description = "The stage")), request_body = ScheduleInput, responses((status = 200, body = Order)))]
#[put(
    "/v1/competitions/<_>/stages/<sid>/presentation/schedule",
    data = "<input>"
)]
async fn schedule(
    a: ApiWriteScope<'_>,
    sid: StageId,
    input: Result<Json<ScheduleInput>, JsonError<'_>>,
) -> Result<Json<Order>, AppError> {
    let s = load_stage(&a, sid).await?;
    crate::integrity::ensure_open(&a.c, a.lang)?;
    let input = support::body(input)?.into_inner();
    let text = input.start.trim();
    let start = parse_time(text, zone::of(&a.c)).filter(|_| text.contains('T'));
    let minutes = input
        .minutes
        .as_deref()
        .and_then(|m| m.trim().parse::<i64>().ok())
        .filter(|m| (1..=600).contains(m));
    let mut errors = Vec::new();
    if start.is_none() {
        errors.push(("start", "jdg-err-schedule-start"));
    }
    if minutes.is_none() {
        errors.push(("minutes", "jdg-err-schedule-minutes"));
    }
    let (Some(start), Some(minutes)) = (start, minutes) else {
        return Err(support::invalid(errors));
    };
    if s.drawn_at.is_none() {
        return Err(AppError::Conflict(i18n::t(a.lang, "jdg-err-not-drawn")));
    }
    draw::schedule(a.db, s.id, start, minutes).await?;
    let slots = draw::slots(a.db, s.id).await?;
    Ok(Json(order_of(&s, &slots)))
}

/// This module's operations in the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(show, draw_order, schedule))]
pub struct Doc;

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![show, draw_order, schedule]
}
