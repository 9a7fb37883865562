//! Corrections after the announcement: the committee may change individual scores of one
//! entry (typically after an appeal) and must give a reason; the result is the next snapshot
//! version. Appeals are answered here too: accepted (through a correction) or rejected with a
//! reason.

use std::collections::{BTreeMap, HashMap};

use entity::{competition, criterion, score, score_sheet, user};
use juara_domain::Points;
use rocket::form::FromForm;
use rocket::http::Status;
use rocket::response::{Flash, Redirect, Responder};
use rocket::{Route, State, get, post, routes};
use rocket_dyn_templates::Template;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
};
use serde::Serialize;
use uuid::Uuid;

use super::{describe_refusal, load_admin};
use crate::auth::AdminUser;
use crate::auth::csrf::CsrfForm;
use crate::db::audit::{self, NewEvent};
use crate::db::results::appeals;
use crate::error::AppError;
use crate::forms::FormState;
use crate::i18n;
use crate::ids::CompetitionId;
use crate::results::announce::{self, AnnounceError, ScoreChange};
use crate::views::Page;

/// What a judge's "not applicable" is typed as.
const NOT_APPLICABLE: &str = "TB";

#[derive(Serialize)]
struct ScoreRow {
    id: String,
    stage: String,
    judge: String,
    criterion: String,
    value: String,
}

#[derive(Serialize)]
struct CorrectView {
    page: Page,
    competition_id: String,
    competition_name: String,
    nomination: String,
    appeal: String,
    /// Ranked villages to choose from: (nomination id, "rank. name").
    villages: Vec<(String, String)>,
    scores: Vec<ScoreRow>,
    form: FormState,
}

fn shown(s: &score::Model) -> String {
    if s.not_applicable {
        NOT_APPLICABLE.to_owned()
    } else {
        s.value
            .map(|v| Points::from_units(v).to_string())
            .unwrap_or_default()
    }
}

/// The submitted scores of one nomination in this competition (four queries).
async fn scores_of(
    db: &DatabaseConnection,
    c: &competition::Model,
    nomination: Uuid,
) -> Result<Vec<(score::Model, ScoreRow)>, AppError> {
    let stages = crate::db::competition_setup::list_stages(db, c.id).await?;
    let stage_ids: Vec<Uuid> = stages.iter().map(|s| s.id).collect();
    let sheets = score_sheet::Entity::find()
        .filter(score_sheet::Column::NominationId.eq(nomination))
        .filter(score_sheet::Column::StageId.is_in(stage_ids.clone()))
        .filter(score_sheet::Column::Status.eq("submitted"))
        .filter(score_sheet::Column::ExcludedAt.is_null())
        .all(db)
        .await?;
    let scores = score::Entity::find()
        .filter(score::Column::SheetId.is_in(sheets.iter().map(|s| s.id)))
        .order_by_asc(score::Column::SheetId)
        .all(db)
        .await?;
    let criteria: HashMap<Uuid, criterion::Model> = criterion::Entity::find()
        .filter(criterion::Column::StageId.is_in(stage_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let judges: HashMap<Uuid, String> = user::Entity::find()
        .filter(user::Column::Id.is_in(sheets.iter().map(|s| s.judge_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let mut rows: Vec<(score::Model, ScoreRow)> = scores
        .into_iter()
        .filter_map(|s| {
            let sheet = sheets.iter().find(|x| x.id == s.sheet_id)?;
            let stage = stages.iter().find(|x| x.id == sheet.stage_id)?;
            let crit = criteria.get(&s.criterion_id)?;
            let row = ScoreRow {
                id: s.id.to_string(),
                stage: stage.code.clone(),
                judge: judges.get(&sheet.judge_id).cloned().unwrap_or_default(),
                criterion: format!("{} {}", crit.code, crit.name),
                value: shown(&s),
            };
            Some((s, row))
        })
        .collect();
    rows.sort_by(|a, b| {
        (&a.1.stage, &a.1.criterion, &a.1.judge).cmp(&(&b.1.stage, &b.1.criterion, &b.1.judge))
    });
    Ok(rows)
}

async fn view(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    nomination: Option<Uuid>,
    appeal: Option<Uuid>,
    form: FormState,
) -> Result<CorrectView, AppError> {
    let scores = match nomination {
        Some(n) => scores_of(db, c, n)
            .await?
            .into_iter()
            .map(|(_, r)| r)
            .collect(),
        None => Vec::new(),
    };
    let villages = match crate::db::results::snapshots::current(db, c.id).await? {
        Some(snap) => super::published_of(&snap)?
            .lines
            .iter()
            .map(|l| {
                (
                    l.nomination_id.to_string(),
                    format!("{}. {}", l.rank, l.village.name),
                )
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(CorrectView {
        villages,
        page,
        competition_id: c.id.to_string(),
        competition_name: c.name.clone(),
        nomination: nomination.map(|n| n.to_string()).unwrap_or_default(),
        appeal: appeal.map(|a| a.to_string()).unwrap_or_default(),
        scores,
        form,
    })
}

fn parse_uuid(s: Option<&str>) -> Option<Uuid> {
    s.and_then(|s| Uuid::parse_str(s.trim()).ok())
}

#[get("/admin/competitions/<id>/results/correct?<nomination>&<appeal>")]
async fn form(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    nomination: Option<&str>,
    appeal: Option<&str>,
    db: &State<DatabaseConnection>,
) -> Result<Template, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let v = view(
        db,
        page,
        &c,
        parse_uuid(nomination),
        parse_uuid(appeal),
        FormState::default(),
    )
    .await?;
    Ok(Template::render("results/correct", &v))
}

#[derive(FromForm)]
struct CorrectForm {
    reason: Option<String>,
    nomination: Option<String>,
    appeal: Option<String>,
    values: BTreeMap<String, String>,
}

#[derive(Responder)]
enum Reply {
    Done(Flash<Redirect>),
    Page((Status, Template)),
}

#[post("/admin/competitions/<id>/results/correct", data = "<form>")]
async fn submit(
    page: Page,
    who: AdminUser,
    id: CompetitionId,
    form: CsrfForm<'_, CorrectForm>,
    db: &State<DatabaseConnection>,
) -> Result<Reply, AppError> {
    let db = db.inner();
    let c = load_admin(db, id, &who.0).await?;
    let mut state = FormState::from_context(&form.0.context, page.lang);
    let input = form.0.value.as_ref();
    let nomination = parse_uuid(input.and_then(|f| f.nomination.as_deref()));
    let appeal_id = parse_uuid(input.and_then(|f| f.appeal.as_deref()));
    let reason = input
        .and_then(|f| f.reason.as_deref())
        .unwrap_or("")
        .trim()
        .to_owned();
    let appeal = match appeal_id {
        Some(a) => match appeals::find(db, c.id, a).await? {
            Some(a) if a.status == appeals::OPEN => Some(a),
            _ => return Err(AppError::Conflict(page.t("res-err-appeal-answered"))),
        },
        None => None,
    };
    // Only values that differ from what is stored become changes.
    let mut changes = Vec::new();
    if let (Some(n), Some(f)) = (nomination, input) {
        for (stored, _) in scores_of(db, &c, n).await? {
            let Some(typed) = f.values.get(&stored.id.to_string()).map(|v| v.trim()) else {
                continue;
            };
            if typed == shown(&stored) {
                continue;
            }
            let change = if typed.eq_ignore_ascii_case(NOT_APPLICABLE) {
                Some(ScoreChange {
                    score_id: stored.id,
                    value: None,
                    not_applicable: true,
                })
            } else {
                typed.parse::<Points>().ok().map(|p| ScoreChange {
                    score_id: stored.id,
                    value: Some(p.units()),
                    not_applicable: false,
                })
            };
            match change {
                Some(ch) => changes.push(ch),
                None => state.add_key(
                    &format!("values[{}]", stored.id),
                    page.lang,
                    "res-err-score-value",
                ),
            }
        }
    }
    if reason.is_empty() {
        state.add_key("reason", page.lang, "res-err-reason");
    }
    if !state.is_ok() {
        let v = view(db, page, &c, nomination, appeal_id, state).await?;
        return Ok(Reply::Page((
            Status::UnprocessableEntity,
            Template::render("results/correct", &v),
        )));
    }
    match announce::correct(db, &c, who.0.id.into_uuid(), &reason, &changes, appeal).await {
        Ok(s) => {
            let msg = i18n::t_args(
                page.lang,
                "res-flash-corrected",
                &[("version", s.version.to_string())],
            );
            Ok(Reply::Done(Flash::success(
                Redirect::to(format!("/admin/competitions/{}/results", c.id)),
                msg,
            )))
        }
        Err(AnnounceError::Db(e)) => Err(AppError::Db(e)),
        Err(e) => {
            let mut state = state;
            match e {
                AnnounceError::WrongStatus => state.form_errors.push(page.t("res-err-status")),
                AnnounceError::ReasonMissing => {
                    state.add_key("reason", page.lang, "res-err-reason");
                }
                AnnounceError::UnknownScore => state.form_errors.push(page.t("res-err-score")),
                AnnounceError::Refused(r) => state.form_errors = describe_refusal(&r, page.lang),
                AnnounceError::Db(_) => {}
            }
            let v = view(db, page, &c, nomination, appeal_id, state).await?;
            Ok(Reply::Page((
                Status::UnprocessableEntity,
                Template::render("results/correct", &v),
            )))
        }
    }
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
) -> Result<super::committee::Download, AppError> {
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
    )
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![form, submit, reject, attachment]
}
