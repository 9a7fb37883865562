//! The committee's judging pages: the overview of a competition's stages and the page of one
//! stage (panel, assignments, progress, closing, presentation draw). The actions live in
//! `admin_assign` and `admin_stage`; each is a CSRF-checked POST that redirects back with a
//! flash message, and competitions outside the admin's scope answer 404.

use chrono::Utc;
use entity::{competition, stage};
use rocket::{Route, get, routes, uri};
use rocket_dyn_templates::Template;
use sea_orm::DatabaseConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::db::competition_setup;
use crate::db::judging::progress::{self, Progress};
use crate::db::judging::{assign, draw, panels, sheets};
use crate::db::villages;
use crate::error::AppError;
use crate::forms::FormState;
use crate::ids::{CompetitionId, StageId};
use crate::routes::reply::FormReply;
use crate::routes::scope::AdminScope;
use crate::views::Page;
use crate::views::judging_grid::Grid;

use super::grid;

/// The stage `sid` of the admin's competition, or 404.
async fn stage_of(a: &AdminScope<'_>, sid: StageId) -> Result<stage::Model, AppError> {
    competition_setup::find_stage(a.db, a.c.id, sid.into_uuid())
        .await?
        .ok_or(AppError::NotFound)
}

/// The stage `sid` of the admin's competition (404 outside it), refused (409) when a published
/// result has frozen the competition: what every action of the stage page starts with.
pub(super) async fn open_stage(
    a: &AdminScope<'_>,
    sid: StageId,
    lang: &str,
) -> Result<stage::Model, AppError> {
    let s = stage_of(a, sid).await?;
    crate::integrity::ensure_open(&a.c, lang)?;
    Ok(s)
}

/// Back to the stage page with a success (`ok`) or error message.
pub(super) fn done(s: &stage::Model, page: &Page, ok: bool, key: &str) -> FormReply {
    said(s, ok, page.t(key))
}

/// Back to the stage page with `message` (already in words).
pub(super) fn said(s: &stage::Model, ok: bool, message: String) -> FormReply {
    let back = uri!(stage_page(cid = s.competition_id, sid = s.id)).to_string();
    if ok {
        FormReply::done(back, message)
    } else {
        FormReply::refused(back, message)
    }
}

/// What the pages show of a competition.
#[derive(Serialize)]
struct CompView {
    id: Uuid,
    name: String,
    status: entity::CompetitionStatus,
    judging_closes_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// The zone its times are typed and shown in.
    zone: crate::app::competition::zone::TimeZone,
}

impl CompView {
    fn of(c: &competition::Model) -> Self {
        CompView {
            id: c.id,
            name: c.name.clone(),
            status: c.status,
            judging_closes_at: c.judging_closes_at,
            zone: crate::app::competition::zone::of(c),
        }
    }
}

/// What the pages show of a stage.
#[derive(Serialize)]
struct StageView {
    id: Uuid,
    code: String,
    name: String,
    kind: String,
    judges_per_entry: i32,
    closed_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    close_note: String,
    draw_seed: Option<i64>,
    drawn_at: Option<chrono::DateTime<chrono::FixedOffset>>,
}

impl StageView {
    fn of(s: &stage::Model) -> Self {
        StageView {
            id: s.id,
            code: s.code.clone(),
            name: s.name.clone(),
            kind: s.kind.clone(),
            judges_per_entry: s.judges_per_entry,
            closed_at: s.closed_at,
            close_note: s.close_note.clone(),
            draw_seed: s.draw_seed,
            drawn_at: s.drawn_at,
        }
    }
}

#[derive(Serialize)]
struct StageLink {
    id: Uuid,
    code: String,
    name: String,
    closed: bool,
    progress: Progress,
    grid: Grid,
}

#[derive(Serialize)]
struct Overview {
    page: Page,
    competition: CompView,
    stages: Vec<StageLink>,
}

#[get("/admin/competitions/<_>/judging")]
async fn overview(page: Page, a: AdminScope<'_>) -> Result<Template, AppError> {
    let (db, c) = (a.db, &a.c);
    let now = Utc::now().fixed_offset();
    let judges = panels::judges(db).await?;
    let mut stages = Vec::new();
    for s in competition_setup::list_stages(db, c.id).await? {
        stages.push(StageLink {
            progress: progress::of_stage(db, c, &s, now).await?,
            grid: grid::of_stage(db, c.id, s.id, &judges).await?,
            id: s.id,
            code: s.code,
            name: s.name,
            closed: s.closed_at.is_some(),
        });
    }
    Ok(Template::render(
        "judging/admin_overview",
        &Overview {
            page,
            competition: CompView::of(c),
            stages,
        },
    ))
}

#[derive(Serialize)]
struct Named {
    id: Uuid,
    name: String,
}

#[derive(Serialize)]
struct PanelRow {
    judge: Named,
    aspects: Vec<String>,
    /// A trainee: scores like the others, never counted.
    trainee: bool,
}

#[derive(Serialize)]
struct SheetRow {
    id: Uuid,
    judge: String,
    /// The sheet of a trainee (never counted).
    trainee: bool,
    status: entity::SheetStatus,
    reopen_reason: String,
}

#[derive(Serialize)]
struct EntryRow {
    id: Uuid,
    village_code: String,
    /// "Village, Kecamatan, Kabupaten".
    village: String,
    sheets: Vec<SheetRow>,
}

#[derive(Serialize)]
struct JudgeProgress {
    name: String,
    counts: progress::Counts,
}

/// A committee form on the stage page that was refused: which one, with what was typed and
/// the errors to show next to its fields.
#[derive(Serialize)]
pub(super) struct Failed {
    /// `auto`, `manual`, `draw`, `schedule`, `close` or `reopen-<sheet id>`.
    pub form: String,
    pub state: FormState,
}

#[derive(Serialize)]
struct StagePage {
    page: Page,
    competition: CompView,
    stage: StageView,
    panel: Vec<PanelRow>,
    judges: Vec<Named>,
    aspects: Vec<Named>,
    entries: Vec<EntryRow>,
    judge_progress: Vec<JudgeProgress>,
    progress: Progress,
    /// Judges × entries, each cell a sheet's state.
    grid: Grid,
    order: Option<draw::StageOrder>,
    /// Entries with sheets not yet submitted (what closing now would leave incomplete).
    incomplete: Vec<String>,
    failed: Option<Failed>,
}

#[get("/admin/competitions/<cid>/judging/<sid>")]
async fn stage_page(
    page: Page,
    a: AdminScope<'_>,
    cid: CompetitionId,
    sid: StageId,
) -> Result<Template, AppError> {
    debug_assert_eq!(cid, a.id());
    let s = stage_of(&a, sid).await?;
    let view = stage_view(a.db, page, &a.c, &s, None).await?;
    Ok(Template::render("judging/admin_stage", &view))
}

/// Refuses the form `form` of the stage page: the values typed are kept and each
/// `(field, message key)` error is shown next to its field.
pub(super) async fn refuse(
    a: &AdminScope<'_>,
    page: Page,
    s: &stage::Model,
    form: String,
    values: &[(&str, &str)],
    errors: &[(&str, &str)],
) -> Result<FormReply, AppError> {
    let mut state = FormState::default();
    for (k, v) in values {
        state.values.insert((*k).to_owned(), (*v).to_owned());
    }
    for (field, key) in errors {
        state.add_key(field, page.lang, key);
    }
    let view = stage_view(a.db, page, &a.c, s, Some(Failed { form, state })).await?;
    Ok(FormReply::invalid("judging/admin_stage", &view))
}

async fn stage_view(
    db: &DatabaseConnection,
    page: Page,
    c: &competition::Model,
    s: &stage::Model,
    failed: Option<Failed>,
) -> Result<StagePage, AppError> {
    let judges = panels::judges(db).await?;
    let name_of = |id: Uuid| {
        judges
            .iter()
            .find(|j| j.id == id)
            .map_or_else(|| id.to_string(), |j| j.display_name.clone())
    };
    let criteria = sheets::criteria(db, s.id).await?;
    let aspects: Vec<Named> = criteria
        .iter()
        .filter(|c| c.parent_id.is_none())
        .map(|c| Named {
            id: c.id,
            name: format!("{} {}", c.code, c.name),
        })
        .collect();
    let members = panels::list(db, s.id).await?;
    let trainees: std::collections::HashSet<Uuid> = members
        .iter()
        .filter(|p| p.row.trainee)
        .map(|p| p.row.judge_id)
        .collect();
    let panel: Vec<PanelRow> = members
        .into_iter()
        .map(|p| PanelRow {
            trainee: p.row.trainee,
            judge: Named {
                id: p.row.judge_id,
                name: name_of(p.row.judge_id),
            },
            aspects: p
                .aspects
                .iter()
                .filter_map(|id| aspects.iter().find(|a| a.id == *id).map(|a| a.name.clone()))
                .collect(),
        })
        .collect();
    let all_sheets = assign::sheets_of_stage(db, s.id).await?;
    let noms = assign::entries(db, c.id).await?;
    let codes: Vec<&str> = noms.iter().map(|n| n.village_code.as_str()).collect();
    let names = villages::infos(db, &codes).await?;
    let entries: Vec<EntryRow> = noms
        .iter()
        .map(|n| EntryRow {
            id: n.id,
            village_code: n.village_code.clone(),
            village: villages::label_of(&names, &n.village_code),
            sheets: all_sheets
                .iter()
                .filter(|x| x.nomination_id == n.id)
                .map(|x| SheetRow {
                    id: x.id,
                    judge: name_of(x.judge_id),
                    trainee: trainees.contains(&x.judge_id),
                    status: x.status,
                    reopen_reason: x.reopen_reason.clone(),
                })
                .collect(),
        })
        .collect();
    let now = Utc::now().fixed_offset();
    let progress = progress::of_stage(db, c, s, now).await?;
    let judge_progress = progress
        .by_judge
        .iter()
        .map(|p| JudgeProgress {
            name: name_of(p.id),
            counts: p.clone(),
        })
        .collect();
    let incomplete = progress
        .by_entry
        .iter()
        .filter(|e| e.missing() > 0)
        .filter_map(|e| entries.iter().find(|n| n.id == e.id))
        .map(|n| n.village.clone())
        .collect();
    let order = draw::named_orders(db, std::slice::from_ref(s)).await?.pop();
    Ok(StagePage {
        grid: grid::of_stage(db, c.id, s.id, &judges).await?,
        incomplete,
        page,
        competition: CompView::of(c),
        stage: StageView::of(s),
        panel,
        judges: judges
            .iter()
            .map(|j| Named {
                id: j.id,
                name: j.display_name.clone(),
            })
            .collect(),
        aspects,
        entries,
        judge_progress,
        progress,
        order,
        failed,
    })
}

/// Routes of this file.
pub fn routes() -> Vec<Route> {
    routes![overview, stage_page]
}
