//! A village operator's score protocol after the announcement (rank, every stage and
//! criterion with the panel score, weight and contribution, each judge's value as "Juri n"
//! with trimmed values marked, and its aspect scores against the winner and the field
//! average), and its appeal (*sanggahan*) within the window.

use entity::{competition, nomination};
use juara_domain::Points;
use juara_domain::explanation::{EntryExplanation, judge_label};
use juara_domain::sheet::ScoreValue;
use rocket::form::FromForm;
use rocket::fs::TempFile;
use rocket::{Route, State, get, post, routes, uri};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;

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
use crate::results::Published;
use crate::routes::reply::FormReply;
use crate::views::Page;

#[derive(Serialize)]
struct JudgeValueView {
    label: String,
    value: String,
    trimmed: bool,
}

#[derive(Serialize)]
struct CriterionView {
    code: String,
    name: String,
    depth: u32,
    panel_score: String,
    weight: String,
    contribution: String,
    not_applicable: bool,
    judges: Vec<JudgeValueView>,
}

#[derive(Serialize)]
struct AspectBar {
    name: String,
    mine: String,
    winner: String,
    average: String,
    mine_pct: i64,
    winner_pct: i64,
    average_pct: i64,
}

#[derive(Serialize)]
struct StageView {
    comments: Vec<String>,
    code: String,
    name: String,
    score: String,
    criteria: Vec<CriterionView>,
    chart: Vec<AspectBar>,
}

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

fn show(p: Option<Points>) -> String {
    p.map(|p| p.to_string()).unwrap_or_else(|| "—".into())
}

fn pct(p: Option<Points>) -> i64 {
    p.map_or(0, |p| (p.units() / Points::SCALE).clamp(0, 100))
}

/// Panel score of a stage's node for an entry's explanation.
fn node_score(e: &EntryExplanation, stage: &str, node: u32) -> Option<Points> {
    e.stages
        .iter()
        .find(|s| s.stage == stage)?
        .criteria
        .iter()
        .find(|c| c.node == node)?
        .panel_score
}

fn stages_of(p: &Published, e: &EntryExplanation) -> Vec<StageView> {
    let nomination = crate::db::results::inputs::nomination_of(e.entry);
    let winner = p
        .lines
        .first()
        .and_then(|l| p.result.explanation(entry_id(l.nomination_id)));
    let field: Vec<EntryExplanation> = p.result.explanations().collect();
    e.stages
        .iter()
        .filter_map(|st| {
            let info = p.stages.iter().find(|s| s.code == st.stage)?;
            let criteria = st
                .criteria
                .iter()
                .filter_map(|line| {
                    let node = info.criteria.get(usize::try_from(line.node).ok()?)?;
                    let judges = st
                        .values
                        .iter()
                        .filter(|v| v.node == line.node)
                        .map(|v| JudgeValueView {
                            label: judge_label(v.label),
                            value: match v.value {
                                ScoreValue::Value(x) => x.to_string(),
                                ScoreValue::NotApplicable => "TB".into(),
                            },
                            trimmed: v.trimmed,
                        })
                        .collect();
                    Some(CriterionView {
                        code: node.code.clone(),
                        name: node.name.clone(),
                        depth: node.depth,
                        panel_score: show(line.panel_score),
                        weight: line.effective_weight.to_string(),
                        contribution: line.contribution.to_string(),
                        not_applicable: line.not_applicable,
                        judges,
                    })
                })
                .collect();
            let chart = info
                .criteria
                .iter()
                .enumerate()
                .filter(|(_, n)| n.depth == 0)
                .filter_map(|(i, n)| {
                    let node = u32::try_from(i).ok()?;
                    let mine = node_score(e, &st.stage, node);
                    let win = winner.as_ref().and_then(|w| node_score(w, &st.stage, node));
                    let scores: Vec<i64> = field
                        .iter()
                        .filter_map(|x| node_score(x, &st.stage, node))
                        .map(Points::units)
                        .collect();
                    let count = i64::try_from(scores.len()).ok().filter(|n| *n > 0);
                    let avg = count.map(|n| Points::from_units(scores.iter().sum::<i64>() / n));
                    Some(AspectBar {
                        name: n.name.clone(),
                        mine: show(mine),
                        winner: show(win),
                        average: show(avg),
                        mine_pct: pct(mine),
                        winner_pct: pct(win),
                        average_pct: pct(avg),
                    })
                })
                .collect();
            let comments = p
                .comments
                .iter()
                .filter(|c| c.nomination_id == nomination && c.stage == st.stage)
                .map(|c| format!("{} ({}): {}", judge_label(c.label), c.criterion, c.text))
                .collect();
            Some(StageView {
                comments,
                code: info.code.clone(),
                name: info.name.clone(),
                score: show(st.score),
                criteria,
                chart,
            })
        })
        .collect()
}

/// The village's nomination in an announced competition.
async fn load(
    db: &DatabaseConnection,
    id: CompetitionId,
    who: &VillageUser,
) -> Result<(competition::Model, nomination::Model), AppError> {
    let c = competitions::find_by_id(db, id)
        .await?
        .filter(is_public)
        .ok_or(AppError::NotFound)?;
    let village = who.0.village_code.as_deref().ok_or(AppError::Forbidden)?;
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
        .map(|e| stages_of(&p, &e))
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
    let (c, n) = load(db, id, &who).await?;
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
) -> Result<FormReply, AppError> {
    let (db, config) = (db.inner(), config.inner());
    let (c, n) = load(db, id, &who).await?;
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
    appeal::file(db, &config.upload_dir, &c, &n, version, body, file, by).await?;
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
    config: &State<AppConfig>,
) -> Result<crate::downloads::UploadedFile, AppError> {
    let db = db.inner();
    let (_, n) = load(db, id, &who).await?;
    let a = appeals::find_for_nomination(db, n.id, appeal.into_uuid())
        .await?
        .ok_or(AppError::NotFound)?;
    super::appeal_attachment(config.inner(), &a)
}

/// Routes of this module.
pub fn routes() -> Vec<Route> {
    routes![protocol, file_appeal, attachment]
}
