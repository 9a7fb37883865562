//! The village operator's home (`/village`): competitions the village may enter now, its
//! own nominations with their status and the committee's note, and creating a draft.

use rocket::form::FromForm;
use rocket::http::Status as HttpStatus;
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::view::{CompetitionSummary, NominationSummary};
use super::{now, village_path};
use crate::app::competition::rules_history::{self, Notice};
use crate::app::nomination::draft::{self, Refused};
use crate::auth::{VillageUser, csrf::CsrfForm};
use crate::db::competitions;
use crate::db::nominations;
use crate::db::regions::{self, Region};
use crate::error::AppError;
use crate::ids::CompetitionId;
use crate::registry::VillageKind;
use crate::routes::reply::FormReply;
use crate::views::Page;

#[derive(Serialize)]
struct OpenRow {
    competition: CompetitionSummary,
    /// The village's nomination in it, if any.
    nomination_id: Option<String>,
}

#[derive(Serialize)]
struct MineRow {
    competition: CompetitionSummary,
    nomination: NominationSummary,
}

#[derive(Serialize)]
struct HomeView {
    page: Page,
    region: Option<Region>,
    ancestors: Vec<Region>,
    open: Vec<OpenRow>,
    mine: Vec<MineRow>,
    /// Changes of the published rules since the village entered.
    rules_notices: Vec<Notice>,
    errors: Vec<String>,
}

async fn home_view(
    page: Page,
    village: &str,
    db: &DatabaseConnection,
    errors: Vec<String>,
) -> Result<HomeView, AppError> {
    let kind = VillageKind::of_code(village);
    let mine = nominations::list_for_village(db, village).await?;
    let open = competitions::list_open_for_village(db, village, kind, now())
        .await?
        .into_iter()
        .map(|c| OpenRow {
            nomination_id: mine
                .iter()
                .find(|(n, _)| n.competition_id == c.id)
                .map(|(n, _)| n.id.to_string()),
            competition: CompetitionSummary::of(&c, page.lang),
        })
        .collect();
    Ok(HomeView {
        rules_notices: rules_history::notices(db, &mine).await?,
        region: regions::find(db, village).await?,
        ancestors: regions::ancestors(db, village).await?,
        open,
        mine: mine
            .iter()
            .map(|(n, c)| MineRow {
                competition: CompetitionSummary::of(c, page.lang),
                nomination: NominationSummary::of(n, c, page.lang),
            })
            .collect(),
        page,
        errors,
    })
}

/// The operator's village code (the guard guarantees a village operator; an account without
/// a village is treated as having nothing).
fn village_of(who: &VillageUser) -> Result<&str, AppError> {
    who.0.village_code.as_deref().ok_or(AppError::NotFound)
}

#[get("/village")]
async fn home(
    page: Page,
    who: VillageUser,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let view = home_view(page, village_of(&who)?, db.inner(), Vec::new()).await?;
    Ok(Template::render("dashboard/village", &view))
}

#[derive(FromForm)]
struct CreateForm<'r> {
    competition_id: &'r str,
}

#[post("/village/nominations", data = "<form>")]
async fn create(
    page: Page,
    who: VillageUser,
    form: CsrfForm<'_, CreateForm<'_>>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let (db, village) = (db.inner(), village_of(&who)?);
    let id = form
        .0
        .value
        .as_ref()
        .and_then(|f| uuid::Uuid::parse_str(f.competition_id).ok())
        .ok_or(AppError::NotFound)?;
    let refused = match draft::create(db, CompetitionId::from(id), village, who.0.id, now()).await?
    {
        Ok((n, _)) => {
            return Ok(FormReply::done(
                village_path(n.id),
                page.t("nom-flash-created"),
            ));
        }
        Err(Refused::NotFound) => return Err(AppError::NotFound),
        Err(r) => r,
    };
    let status = if refused == Refused::NotEligible {
        HttpStatus::UnprocessableEntity
    } else {
        HttpStatus::Conflict
    };
    let message = page.t(refused.message_key());
    let view = home_view(page, village, db, vec![message]).await?;
    Ok(FormReply::page(status, "dashboard/village", &view))
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![home, create]
}
