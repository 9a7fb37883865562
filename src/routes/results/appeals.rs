//! Appeals answered by the committee: rejected with a reason here (accepted ones are answered
//! by the correction that accepts them, in `correct`), and their attachments downloaded.

use rocket::form::FromForm;
use rocket::response::{Flash, Redirect};
use rocket::{Route, State, get, post, routes};
use sea_orm::{DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use super::load_admin;
use crate::auth::AdminUser;
use crate::auth::csrf::CsrfForm;
use crate::db::audit::{self, NewEvent};
use crate::db::results::appeals;
use crate::error::AppError;
use crate::ids::CompetitionId;
use crate::views::Page;

fn parse_uuid(s: Option<&str>) -> Option<Uuid> {
    s.and_then(|s| Uuid::parse_str(s.trim()).ok())
}

#[derive(FromForm)]
struct RejectForm {
    answer: Option<String>,
}

#[post(
    "/admin/competitions/<id>/results/appeals/<appeal>/reject",
    data = "<form>"
)]
async fn reject(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    appeal: &str,
    form: CsrfForm<'_, RejectForm>,
    db: &State<DatabaseConnection>,
) -> Result<Flash<Redirect>, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let a = match parse_uuid(Some(appeal)) {
        Some(a) => appeals::find(db, c.id, a).await?,
        None => None,
    }
    .ok_or(AppError::NotFound)?;
    let back = format!("/admin/competitions/{}/results", c.id);
    if a.status != appeals::OPEN {
        return Err(AppError::Conflict(page.t("res-err-appeal-answered")));
    }
    let answer = form
        .0
        .value
        .as_ref()
        .and_then(|f| f.answer.as_deref())
        .unwrap_or("")
        .trim()
        .to_owned();
    if answer.is_empty() {
        return Ok(Flash::error(Redirect::to(back), page.t("res-err-answer")));
    }
    let txn = db.begin().await?;
    let saved = appeals::answer(&txn, a, appeals::REJECTED, answer, who.0.id.into_uuid()).await?;
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(c.id),
            nomination_id: Some(saved.nomination_id),
            actor_id: Some(who.0.id.into_uuid()),
            action: "appeal.rejected".into(),
            reason: saved.answer.clone(),
            ..Default::default()
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Flash::success(
        Redirect::to(back),
        page.t("res-flash-rejected"),
    ))
}

#[get("/admin/competitions/<id>/results/appeals/<appeal>/file")]
async fn attachment(
    who: AdminUser,
    id: CompetitionId,
    appeal: &str,
    db: &State<DatabaseConnection>,
    config: &State<crate::AppConfig>,
) -> Result<crate::downloads::UploadedFile, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let a = match parse_uuid(Some(appeal)) {
        Some(a) => appeals::find(db, c.id, a).await?,
        None => None,
    }
    .ok_or(AppError::NotFound)?;
    super::stored_file(
        config.inner(),
        a.attachment_stored.as_deref(),
        a.attachment_type.as_deref(),
        a.attachment_name.as_deref(),
    )
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![reject, attachment]
}
