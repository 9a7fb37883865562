//! A village operator's score protocol after the announcement (rank, final score and prize
//! up front, then each stage with its criteria, judges' values and aspect chart: built in
//! `protocol`), and its appeal (*sanggahan*) within the window.

use entity::{competition, nomination};
use rocket::form::FromForm;
use rocket::fs::TempFile;
use rocket::{Route, State, get, post, routes, uri};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

use super::protocol::{StageView, stages_of};
use super::public::is_public;
use super::{LineView, published_of};
use crate::AppConfig;
use crate::app::results::appeal;
use crate::auth::VillageUser;
use crate::auth::csrf::CsrfForm;
use crate::db::competitions;
use crate::db::results::appeals;
use crate::db::results::inputs::entry_id;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::{AppealId, CompetitionId};
use crate::routes::reply::FormReply;
use crate::views::Page;

#[derive(Serialize)]
struct AppealView {
    status: entity::AppealStatus,
    version: i32,
    body: String,
    answer: String,
    /// The attachment as the village named it, and where to open it again.
    attachment: Option<(String, String)>,
}

impl AppealView {
    fn of(c: &competition::Model, a: entity::appeal::Model) -> Self {
        let link = uri!(attachment(CompetitionId::from(c.id), AppealId::from(a.id))).to_string();
        AppealView {
            status: a.status,
            version: a.snapshot_version,
            attachment: a.attachment_name.map(|name| (name, link)),
            body: a.body,
            answer: a.answer,
        }
    }
}

#[derive(Serialize)]
struct ProtocolView {
    page: Page,
    competition_id: String,
    competition_name: String,
    version: i32,
    hash: String,
    line: Option<LineView>,
    stages: Vec<StageView>,
    /// The village's appeals, oldest first.
    appeals: Vec<AppealView>,
    can_appeal: bool,
    /// When its appeal window closes (`None`: no appeals in this competition).
    appeal_closes: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// A correction changed its standing and opened a fresh window.
    appeal_reopened: bool,
    /// The competition's zone for the times shown.
    zone: &'static str,
    form: FormState,
}

/// The village's nomination in an announced competition.
pub(super) async fn load(
    db: &DatabaseConnection,
    id: CompetitionId,
    who: &crate::auth::CurrentUser,
) -> Result<(competition::Model, nomination::Model), AppError> {
    let c = competitions::find_by_id(db, id)
        .await?
        .filter(is_public)
        .ok_or(AppError::NotFound)?;
    let village = who.village_code.as_deref().ok_or(AppError::Forbidden)?;
    let n = appeals::village_entry(db, c.id, village)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((c, n))
}

async fn protocol_view(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    n: &nomination::Model,
    form: FormState,
) -> Result<ProtocolView, AppError> {
    let standing = appeal::standing(db, c, n).await?;
    let snap = &standing.current;
    let p = published_of(snap)?;
    let line = p.line_of(n.id).map(|l| LineView::of(l, page.lang));
    let stages = p
        .result
        .explanation(entry_id(n.id))
        .map(|e| stages_of(&p, &e, page.lang))
        .unwrap_or_default();
    Ok(ProtocolView {
        competition_id: c.id.to_string(),
        // The name as announced (a later rename does not rewrite the protocol).
        competition_name: p.competition_name.clone(),
        version: snap.version,
        hash: snap.content_hash.clone(),
        line,
        stages,
        can_appeal: standing.closed.is_none(),
        appeal_closes: standing.closes,
        appeal_reopened: standing.reopened,
        zone: crate::app::competition::zone::of(c).label(),
        appeals: standing
            .appeals
            .into_iter()
            .map(|a| AppealView::of(c, a))
            .collect(),
        form,
        page,
    })
}

#[get("/village/results/<id>")]
async fn protocol(
    page: Page,
    who: VillageUser,
    id: CompetitionId,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let (c, n) = load(db, id, &who.0).await?;
    let view = protocol_view(db, page, &c, &n, FormState::default()).await?;
    Ok(Template::render("results/protocol", &view))
}

#[derive(FromForm)]
struct AppealForm<'r> {
    body: Option<String>,
    file: Option<TempFile<'r>>,
}

#[post("/village/results/<id>/appeal", data = "<form>")]
async fn file_appeal(
    page: Page,
    who: VillageUser,
    id: CompetitionId,
    form: CsrfForm<'_, AppealForm<'_>>,
    db: &State<DatabaseConnection>,
    config: &State<AppConfig>,
    storage: &State<crate::storage::Storage>,
) -> Result<FormReply, AppError> {
    let (db, config) = (db.inner(), config.inner());
    let (c, n) = load(db, id, &who.0).await?;
    let version = appeal::ensure_may_file(db, &c, &n, page.lang).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = form.0.value.as_ref();
    let body = input
        .and_then(|f| f.body.as_deref())
        .unwrap_or("")
        .trim()
        .to_owned();
    if body.is_empty() {
        state.add_key("body", page.lang, "res-err-required");
    }
    let file = input.and_then(|f| f.file.as_ref());
    let file = super::checked_upload(file, config, page.lang, &mut state, "file").await?;
    if !state.is_ok() {
        let view = protocol_view(db, page, &c, &n, state).await?;
        return Ok(FormReply::invalid("results/protocol", &view));
    }
    let by = who.0.id.into_uuid();
    appeal::file(db, storage.inner(), &c, &n, version, body, file, by).await?;
    Ok(FormReply::done(
        uri!(protocol(CompetitionId::from(c.id))).to_string(),
        page.t("res-flash-appealed"),
    ))
}

/// The village's own appeal attachment, under the name it was uploaded with.
#[get("/village/results/<id>/appeals/<appeal>/file")]
async fn attachment(
    who: VillageUser,
    id: CompetitionId,
    appeal: AppealId,
    db: &State<DatabaseConnection>,
    storage: &State<crate::storage::Storage>,
) -> Result<crate::downloads::UploadedFile, AppError> {
    let db = db.inner();
    let (_, n) = load(db, id, &who.0).await?;
    let a = appeals::find_for_nomination(db, n.id, appeal.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    super::appeal_attachment(storage.inner(), &a).await
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![protocol, file_appeal, attachment]
}
