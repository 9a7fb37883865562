//! Appeals answered by the committee: rejected with a reason here (accepted ones are answered
//! by the correction that accepts them, in `correct`), and their attachments downloaded.

use rocket::form::FromForm;
use rocket::{Route, State, get, post, routes};
use sea_orm::DatabaseConnection;

use super::load_admin;
use crate::app::results::appeal as app_appeal;
use crate::auth::AdminUser;
use crate::auth::csrf::CsrfForm;
use crate::db::results::appeals;
use crate::error::AppError;
use crate::ids::{AppealId, CompetitionId};
use crate::routes::reply::FormReply;
use crate::views::Page;

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
    appeal: AppealId,
    form: CsrfForm<'_, RejectForm>,
    db: &State<DatabaseConnection>,
) -> Result<FormReply, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let a = appeals::find(db, c.id, appeal.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    let back = super::committee::results_uri(&c);
    let answer = form.0.value.as_ref().and_then(|f| f.answer.as_deref());
    let by = who.0.id.into_uuid();
    Ok(
        match app_appeal::reject(db, &c, a, answer.unwrap_or(""), by, page.lang).await? {
            Ok(_) => FormReply::done(back, page.t("res-flash-rejected")),
            Err(key) => FormReply::refused(back, page.t(key)),
        },
    )
}

#[get("/admin/competitions/<id>/results/appeals/<appeal>/file")]
async fn attachment(
    who: AdminUser,
    id: CompetitionId,
    appeal: AppealId,
    db: &State<DatabaseConnection>,
    config: &State<crate::AppConfig>,
) -> Result<crate::downloads::UploadedFile, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let a = appeals::find(db, c.id, appeal.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    super::appeal_attachment(config.inner(), &a)
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![reject, attachment]
}
