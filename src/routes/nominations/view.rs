//! Typed page contexts shared by the nomination pages: the competition summary, the
//! checklist with its documents, and the village's edit page. Queries only through `db`.

use entity::{competition, nomination, nomination_document};
use sea_orm::{ConnectionTrait, DbErr};
use serde::Serialize;

use super::now;
use crate::app::competition::zone::{self, TimeZone};
use crate::db::competitions;
use crate::db::documents;
use crate::db::judging::draw::{StageOrder, named_orders};
use crate::db::nominations::{DEVELOPMENT_STATUSES, Status};
use crate::forms::FormState;
use crate::views::Page;
use crate::views::format::competition_time;

/// What the nomination pages show about the competition.
#[derive(Serialize)]
pub struct CompetitionSummary {
    pub id: String,
    pub name: String,
    pub year: i32,
    pub level: String,
    pub category: String,
    pub status: entity::CompetitionStatus,
    /// In the competition's zone, named (`30 April 2026 pukul 16.00 WITA`).
    pub closes_at: Option<String>,
    /// The zone its times are shown in (for the `waktu` filter).
    pub zone: TimeZone,
    pub window_open: bool,
    /// The published eligibility rules villages are checked against at submission.
    pub eligible_statuses: Vec<String>,
    pub require_definitive_head: bool,
}

impl CompetitionSummary {
    pub fn of(c: &competition::Model, lang: &str) -> Self {
        CompetitionSummary {
            id: c.id.to_string(),
            name: c.name.clone(),
            year: c.year,
            level: c.level.clone(),
            category: c.category.clone(),
            status: c.status,
            closes_at: c.nomination_closes_at.map(|t| competition_time(c, t, lang)),
            zone: zone::of(c),
            window_open: competitions::window_open(c, now()),
            eligible_statuses: competitions::split_statuses(&c.eligible_statuses),
            require_definitive_head: c.require_definitive_head,
        }
    }
}

/// One document, with the link that serves it.
#[derive(Serialize)]
pub struct DocRow {
    pub id: String,
    pub kind: String,
    pub label: String,
    /// The file route for files, the external address for links.
    pub href: String,
    pub size_kb: Option<i64>,
    pub sha256: Option<String>,
}

impl DocRow {
    fn of(d: &nomination_document::Model) -> Self {
        let href = match (&d.url, entity::DocumentKind::parse(&d.kind)) {
            (Some(url), Some(entity::DocumentKind::Link)) => url.clone(),
            _ => format!("/files/{}", d.id),
        };
        DocRow {
            id: d.id.to_string(),
            kind: d.kind.clone(),
            label: d.label.clone(),
            href,
            size_kb: d.size_bytes.map(|b| b.saturating_add(1023) / 1024),
            sha256: d.sha256.clone(),
        }
    }
}

/// A checklist item or an evidence criterion with what was uploaded for it.
#[derive(Serialize)]
pub struct EvidenceRow {
    /// The form value naming it as an upload target (`req:<id>` or `crit:<id>`).
    pub target: String,
    pub code: String,
    pub label: String,
    pub description: String,
    /// `file`, `link`, or `any` for criteria.
    pub kind: String,
    pub required: bool,
    pub docs: Vec<DocRow>,
    /// The stages whose criteria trees name this indicator (criteria only).
    pub stages: Vec<String>,
}

/// The checklist and evidence criteria of a nomination, and whether every required item has
/// a document.
#[derive(Serialize)]
pub struct Evidence {
    pub checklist: Vec<EvidenceRow>,
    pub criteria: Vec<EvidenceRow>,
    pub complete: bool,
    /// Criteria that already have a document.
    pub criteria_done: usize,
}

pub async fn evidence<C: ConnectionTrait>(
    db: &C,
    n: &nomination::Model,
) -> Result<Evidence, DbErr> {
    let docs = documents::list_for_nomination(db, n.id).await?;
    let rows_for = |pick: &dyn Fn(&nomination_document::Model) -> bool| {
        docs.iter()
            .filter(|d| pick(d))
            .map(DocRow::of)
            .collect::<Vec<_>>()
    };
    let checklist: Vec<EvidenceRow> = documents::requirements_for(db, n.competition_id)
        .await?
        .into_iter()
        .map(|r| EvidenceRow {
            target: format!("req:{}", r.id),
            docs: rows_for(&|d| d.requirement_id == Some(r.id)),
            code: r.code,
            label: r.label,
            description: r.description,
            kind: r.kind,
            required: r.required,
            stages: Vec::new(),
        })
        .collect();
    let criteria = evidence_rows(
        documents::evidence_criteria(db, n.competition_id).await?,
        &crate::db::competition_setup::list_stages(db, n.competition_id).await?,
        &docs,
    );
    let complete = checklist.iter().all(|r| !r.required || !r.docs.is_empty());
    Ok(Evidence {
        criteria_done: criteria.iter().filter(|r| !r.docs.is_empty()).count(),
        checklist,
        criteria,
        complete,
    })
}

/// One row per indicator: a template often repeats the same indicator (code and name) in
/// several stages' trees, and the village gives its evidence once. The row uploads to the
/// first stage's criterion and shows what was given to any of them (judges of every stage see
/// all of a nomination's documents).
fn evidence_rows(
    criteria: Vec<entity::criterion::Model>,
    stages: &[entity::stage::Model],
    docs: &[nomination_document::Model],
) -> Vec<EvidenceRow> {
    let order = |c: &entity::criterion::Model| stages.iter().position(|s| s.id == c.stage_id);
    let mut criteria = criteria;
    criteria.sort_by_key(|c| (c.code.clone(), order(c)));
    let mut rows: Vec<(EvidenceRow, Vec<uuid::Uuid>)> = Vec::new();
    for c in criteria {
        let stage = order(&c)
            .and_then(|i| stages.get(i))
            .map(|s| s.name.clone())
            .unwrap_or_default();
        if let Some((row, ids)) = rows
            .iter_mut()
            .find(|(r, _)| r.code == c.code && r.label == c.name)
        {
            ids.push(c.id);
            if !row.stages.contains(&stage) {
                row.stages.push(stage);
            }
            continue;
        }
        let row = EvidenceRow {
            target: format!("crit:{}", c.id),
            docs: Vec::new(),
            code: c.code,
            label: c.name,
            description: c.guidance,
            kind: entity::DocumentKind::Any.as_str().into(),
            required: false,
            stages: vec![stage],
        };
        rows.push((row, vec![c.id]));
    }
    rows.into_iter()
        .map(|(mut row, ids)| {
            row.docs = docs
                .iter()
                .filter(|d| d.criterion_id.is_some_and(|id| ids.contains(&id)))
                .map(DocRow::of)
                .collect();
            row
        })
        .collect()
}

/// What a nomination page shows about the nomination itself.
#[derive(Serialize)]
pub struct NominationSummary {
    pub id: String,
    pub village_code: String,
    pub status: entity::NominationStatus,
    pub origin: String,
    pub review_note: String,
    pub submitted_at: Option<String>,
    pub reviewed_at: Option<String>,
    pub withdrawn_at: Option<String>,
    pub version: i32,
}

impl NominationSummary {
    /// The nomination `n` of competition `c`, its times in the competition's zone.
    pub fn of(n: &nomination::Model, c: &competition::Model, lang: &str) -> Self {
        let when = |t: Option<_>| t.map(|t| competition_time(c, t, lang));
        NominationSummary {
            id: n.id.to_string(),
            village_code: n.village_code.clone(),
            status: n.status,
            origin: n.origin.clone(),
            review_note: n.review_note.clone(),
            submitted_at: when(n.submitted_at),
            reviewed_at: when(n.reviewed_at),
            withdrawn_at: when(n.withdrawn_at),
            version: n.version,
        }
    }
}

/// The profile as form values (first render of the edit page).
pub fn profile_state(n: &nomination::Model) -> FormState {
    let mut s = FormState::default();
    let opt = |v: Option<i32>| v.map(|x| x.to_string()).unwrap_or_default();
    for (k, v) in [
        ("head_name", n.head_name.clone()),
        ("development_status", n.development_status.clone()),
        ("population", opt(n.population)),
        ("households", opt(n.households)),
        ("contact_name", n.contact_name.clone()),
        ("contact_phone", n.contact_phone.clone()),
        ("contact_email", n.contact_email.clone()),
        ("achievements", n.achievements.clone()),
        ("description", n.description.clone()),
        ("version", n.version.to_string()),
    ] {
        s.values.insert(k.to_owned(), v);
    }
    if n.head_is_acting {
        s.values.insert("head_is_acting".into(), "on".into());
    }
    s
}

/// The forms of the edit page, each re-rendered with its own values and errors.
#[derive(Default)]
pub struct Forms {
    /// `None`: the stored profile.
    pub profile: Option<FormState>,
    pub upload: FormState,
    pub link: FormState,
    /// Why the nomination cannot be submitted (after a refused submit).
    pub problems: Vec<String>,
}

/// The village's nomination page.
#[derive(Serialize)]
pub struct EditView {
    pub page: Page,
    pub competition: CompetitionSummary,
    pub nomination: NominationSummary,
    pub form: FormState,
    pub upload: FormState,
    pub link: FormState,
    pub problems: Vec<String>,
    pub evidence: Evidence,
    /// Draft inside the window: profile and documents may change.
    pub editable: bool,
    pub can_withdraw: bool,
    pub statuses: [&'static str; 5],
    pub max_upload_mb: u64,
    /// The same limit in bytes, for the browser's check before sending.
    pub max_upload_bytes: u64,
    /// Every refused field of the page, for the summary at its top.
    pub summary: Vec<super::summary::SummaryItem>,
    /// The indicator the refused upload or link was for (its inline form opens with errors).
    pub upload_target: String,
    pub link_target: String,
    /// Drawn presentation orders of the competition, once this entry is in them.
    pub presentation: Vec<StageOrder>,
    /// This entry's places in those orders.
    pub my_places: Vec<MyPlace>,
}

/// The village's own place in one drawn order.
#[derive(Serialize)]
pub struct MyPlace {
    pub stage: String,
    pub position: i32,
    pub starts_at: Option<String>,
}

pub async fn edit_view<C: ConnectionTrait>(
    db: &C,
    page: Page,
    n: &nomination::Model,
    c: &competition::Model,
    forms: Forms,
    max_upload_bytes: u64,
) -> Result<EditView, DbErr> {
    let lang = page.lang;
    let stages = crate::db::competition_setup::list_stages(db, c.id).await?;
    let presentation: Vec<StageOrder> = named_orders(db, &stages)
        .await?
        .into_iter()
        .filter(|o| o.slots.iter().any(|s| s.nomination_id == n.id))
        .collect();
    let my_places = presentation
        .iter()
        .filter_map(|o| {
            let slot = o.slots.iter().find(|s| s.nomination_id == n.id)?;
            Some(MyPlace {
                stage: o.stage_name.clone(),
                position: slot.position,
                starts_at: slot.starts_at.map(|t| competition_time(c, t, lang)),
            })
        })
        .collect();
    let summary = super::summary::of(forms.profile.as_ref(), &forms.upload, &forms.link);
    let target_of = |f: &FormState| f.values.get("target").cloned().unwrap_or_default();
    Ok(EditView {
        summary,
        upload_target: target_of(&forms.upload),
        link_target: target_of(&forms.link),
        max_upload_bytes,
        presentation,
        my_places,
        page,
        competition: CompetitionSummary::of(c, lang),
        nomination: NominationSummary::of(n, c, lang),
        form: forms.profile.unwrap_or_else(|| profile_state(n)),
        upload: forms.upload,
        link: forms.link,
        problems: forms.problems,
        evidence: evidence(db, n).await?,
        editable: editable(n, c),
        can_withdraw: c.status == competitions::Status::Open && n.status != Status::Withdrawn,
        statuses: DEVELOPMENT_STATUSES,
        max_upload_mb: max_upload_bytes.div_ceil(1024 * 1024),
    })
}

/// A draft may change only while the nomination window is open.
pub fn editable(n: &nomination::Model, c: &competition::Model) -> bool {
    crate::app::nomination::editable(n, c, now())
}
