//! Appeals answered by the committee: rejected with a reason here (accepted ones are answered
//! by the correction that accepts them, in `correct`), and their attachments downloaded.

use rocket::form::FromForm;
use rocket::{Route, State, get, post, routes};

use crate::app::results::appeal as app_appeal;
use crate::auth::csrf::CsrfForm;
use crate::db::results::appeals;
use crate::error::AppError;
use crate::ids::AppealId;
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;

#[derive(FromForm)]
struct RejectForm {
    answer: Option<String>,
}

#[post(
    "/admin/competitions/<_>/results/appeals/<appeal>/reject",
    data = "<form>"
)]
async fn reject(
    page: Page,
    a: AdminScope<'_>,
    appeal: AppealId,
    form: CsrfForm<'_, RejectForm>,
) -> Result<FormReply, AppError> {
    let db = a.db;
    let c = &a.c;
    let row = appeals::find(db, c.id, appeal.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    let back = super::committee::results_uri(c);
    let answer = form.0.value.as_ref().and_then(|f| f.answer.as_deref());
    let by = a.who.0.id.into_uuid();
    Ok(
        match app_appeal::reject(db, c, row, answer.unwrap_or(""), by, page.lang).await? {
            Ok(_) => FormReply::done(back, page.t("res-flash-rejected")),
            Err(key) => FormReply::refused(back, page.t(key)),
        },
    )
}

#[get("/admin/competitions/<_>/results/appeals/<appeal>/file")]
async fn attachment(
    a: AdminScope<'_>,
    appeal: AppealId,
    storage: &State<crate::storage::Storage>,
) -> Result<crate::downloads::UploadedFile, AppError> {
    let db = a.db;
    let c = &a.c;
    let row = appeals::find(db, c.id, appeal.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    super::appeal_attachment(storage.inner(), &row).await
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![reject, attachment]
}
