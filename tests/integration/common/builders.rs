//! Fixture builders for competitions and their checklists, inserted directly through
//! `entity` ActiveModels (independent of the competition set-up routes), and a multipart
//! body builder for upload tests.

use chrono::{Duration, Utc};
use entity::{competition, criterion, document_requirement, stage};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use uuid::Uuid;

/// `CompetitionBuilder::new("Lomba Desa Kudus").region("33.19").insert(&db)`.
pub struct CompetitionBuilder {
    model: competition::ActiveModel,
}

impl CompetitionBuilder {
    /// An open kabupaten-level desa competition in Kudus, closing in a week.
    pub fn new(name: &str) -> Self {
        let now = Utc::now().fixed_offset();
        CompetitionBuilder {
            model: competition::ActiveModel {
                id: Set(Uuid::new_v4()),
                name: Set(name.to_owned()),
                year: Set(2026),
                level: Set("kabupaten".into()),
                region_code: Set(Some("33.19".into())),
                category: Set("desa".into()),
                status: Set(entity::CompetitionStatus::Open),
                description: Set(String::new()),
                nomination_opens_at: Set(Some(now - Duration::days(7))),
                nomination_closes_at: Set(Some(now + Duration::days(7))),
                judging_closes_at: Set(None),
                announcement_at: Set(None),
                eligible_statuses: Set(String::new()),
                require_definitive_head: Set(false),
                max_entries: Set(None),
                tie_breaks: Set("[]".into()),
                tie_policy: Set("split".into()),
                minimum_score: Set(None),
                cash_budget: Set(None),
                assistance_budget: Set(None),
                appeals_enabled: Set(false),
                appeal_days: Set(0),
                created_by: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            },
        }
    }

    pub fn level(mut self, level: &str, region: Option<&str>) -> Self {
        self.model.level = Set(level.into());
        self.model.region_code = Set(region.map(str::to_owned));
        self
    }

    pub fn category(mut self, category: &str) -> Self {
        self.model.category = Set(category.into());
        self
    }

    pub fn status(mut self, status: &str) -> Self {
        self.model.status = Set(entity::CompetitionStatus::parse(status).expect("a known state"));
        self
    }

    /// The nomination window closed an hour ago.
    pub fn closed(mut self) -> Self {
        self.model.nomination_closes_at = Set(Some(Utc::now().fixed_offset() - Duration::hours(1)));
        self
    }

    pub fn eligible_statuses(mut self, list: &str) -> Self {
        self.model.eligible_statuses = Set(list.into());
        self
    }

    pub fn definitive_head(mut self) -> Self {
        self.model.require_definitive_head = Set(true);
        self
    }

    pub fn max_entries(mut self, n: i32) -> Self {
        self.model.max_entries = Set(Some(n));
        self
    }

    pub async fn insert(self, db: &DatabaseConnection) -> competition::Model {
        self.model.insert(db).await.expect("insert competition")
    }
}

/// Adds a checklist item (`kind` = `file` or `link`).
pub async fn requirement(
    db: &DatabaseConnection,
    competition: Uuid,
    code: &str,
    kind: &str,
    required: bool,
) -> document_requirement::Model {
    document_requirement::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition),
        position: Set(0),
        code: Set(code.into()),
        label: Set(format!("Dokumen {code}")),
        description: Set(String::new()),
        kind: Set(kind.into()),
        required: Set(required),
    }
    .insert(db)
    .await
    .expect("insert requirement")
}

/// Adds a stage with one criterion that asks villages for evidence.
pub async fn evidence_criterion(db: &DatabaseConnection, competition: Uuid) -> criterion::Model {
    let stage = stage::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition),
        position: Set(0),
        code: Set("ADM".into()),
        name: Set("Administrasi".into()),
        kind: Set("documents".into()),
        weight: Set(100),
        aggregation: Set("mean".into()),
        trim_k: Set(0),
        quorum: Set(1),
        shortlist: Set(None),
        pass_threshold: Set(None),
        normalize: Set(false),
        min_entries_per_judge: Set(0),
        judges_per_entry: Set(1),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert stage");
    criterion::ActiveModel {
        id: Set(Uuid::new_v4()),
        stage_id: Set(stage.id),
        parent_id: Set(None),
        code: Set("1.1".into()),
        name: Set("Tertib administrasi".into()),
        guidance: Set(String::new()),
        weight: Set(100),
        position: Set(0),
        scale_min: Set(None),
        scale_max: Set(None),
        scale_step: Set(None),
        optional: Set(false),
        requires_evidence: Set(true),
        levels: Set("[]".into()),
    }
    .insert(db)
    .await
    .expect("insert criterion")
}

/// One part of a multipart form.
pub enum Part<'a> {
    Text(&'a str, &'a str),
    /// (field, file name, bytes)
    File(&'a str, &'a str, &'a [u8]),
}

pub const BOUNDARY: &str = "juara-test-boundary-7d1f";

/// A `multipart/form-data` body in the given order.
pub fn multipart(parts: &[Part<'_>]) -> Vec<u8> {
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Text(name, value) => {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                        .as_bytes(),
                );
            }
            Part::File(name, file, bytes) => {
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\n\
                         Content-Type: application/octet-stream\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
                body.extend_from_slice(b"\r\n");
            }
        }
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}

// ---------------------------------------------------------------- results (judging rows)

/// A stage inserted directly: `stage_row(db, competition, "ADM", 0, 40, Some(6))`.
pub async fn stage_row(
    db: &DatabaseConnection,
    competition: Uuid,
    code: &str,
    position: i32,
    weight: i32,
    shortlist: Option<i32>,
) -> stage::Model {
    stage::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition),
        position: Set(position),
        code: Set(code.into()),
        name: Set(format!("Tahap {code}")),
        kind: Set("other".into()),
        weight: Set(weight),
        aggregation: Set("mean".into()),
        trim_k: Set(0),
        quorum: Set(2),
        shortlist: Set(shortlist),
        pass_threshold: Set(None),
        normalize: Set(false),
        min_entries_per_judge: Set(0),
        judges_per_entry: Set(3),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("insert stage")
}

/// A top-level leaf criterion on a 0–100 scale.
pub async fn leaf_row(
    db: &DatabaseConnection,
    stage: Uuid,
    code: &str,
    weight: i32,
    position: i32,
) -> criterion::Model {
    criterion::ActiveModel {
        id: Set(Uuid::new_v4()),
        stage_id: Set(stage),
        parent_id: Set(None),
        code: Set(code.into()),
        name: Set(format!("Aspek {code}")),
        guidance: Set(String::new()),
        weight: Set(weight),
        position: Set(position),
        scale_min: Set(Some(0)),
        scale_max: Set(Some(100 * 10_000)),
        scale_step: Set(None),
        optional: Set(false),
        requires_evidence: Set(false),
        levels: Set("[]".into()),
    }
    .insert(db)
    .await
    .expect("insert criterion")
}

/// A prize tier.
pub async fn prize_row(
    db: &DatabaseConnection,
    competition: Uuid,
    rank: i32,
    label: &str,
    cash: i64,
    assistance: i64,
) {
    entity::prize_tier::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition),
        rank: Set(rank),
        label: Set(label.into()),
        cash: Set(cash),
        assistance: Set(assistance),
        trophy: Set(rank <= 3),
        certificate: Set(true),
    }
    .insert(db)
    .await
    .expect("insert prize tier");
}

/// A nomination in the given status (`accepted` for judged entries).
pub async fn nomination_row(
    db: &DatabaseConnection,
    competition: Uuid,
    village: &str,
    status: &str,
) -> Uuid {
    let now = Utc::now().fixed_offset();
    entity::nomination::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition),
        village_code: Set(village.into()),
        status: Set(entity::NominationStatus::parse(status).expect("a known state")),
        origin: Set("self".into()),
        source_competition_id: Set(None),
        head_name: Set("Kepala Desa Uji".into()),
        head_is_acting: Set(false),
        development_status: Set("maju".into()),
        population: Set(Some(3000)),
        households: Set(Some(900)),
        contact_name: Set(String::new()),
        contact_phone: Set(String::new()),
        contact_email: Set(String::new()),
        achievements: Set(String::new()),
        description: Set(String::new()),
        submitted_at: Set(Some(now)),
        reviewed_at: Set(Some(now)),
        reviewed_by: Set(None),
        review_note: Set(String::new()),
        withdrawn_at: Set(None),
        version: Set(1),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
    .expect("insert nomination")
    .id
}

/// A judge on a stage's panel, limited to some top-level aspects (empty = all).
pub async fn panel_row(db: &DatabaseConnection, stage: Uuid, judge: Uuid, aspects: &[Uuid]) {
    panel_member_row(db, stage, judge, (aspects, false)).await;
}

/// A panel member, a trainee (scoring, never counted) when `trainee`.
pub async fn panel_member_row(
    db: &DatabaseConnection,
    stage: Uuid,
    judge: Uuid,
    (aspects, trainee): (&[Uuid], bool),
) {
    let member = entity::panel_member::ActiveModel {
        id: Set(Uuid::new_v4()),
        stage_id: Set(stage),
        judge_id: Set(judge),
        created_at: Set(Utc::now().fixed_offset()),
        trainee: Set(trainee),
    }
    .insert(db)
    .await
    .expect("insert panel member");
    for a in aspects {
        entity::panel_member_aspect::ActiveModel {
            panel_member_id: Set(member.id),
            criterion_id: Set(*a),
        }
        .insert(db)
        .await
        .expect("insert panel member aspect");
    }
}

/// A declared conflict of interest.
pub async fn conflict_row(db: &DatabaseConnection, judge: Uuid, region: &str) {
    entity::judge_conflict::ActiveModel {
        id: Set(Uuid::new_v4()),
        judge_id: Set(judge),
        region_code: Set(region.into()),
        reason: Set("Kerabat kepala desa".into()),
        declared_by: Set(None),
        created_at: Set(Utc::now().fixed_offset()),
    }
    .insert(db)
    .await
    .expect("insert conflict");
}

/// A score sheet with its scores (whole points): `sheet_row(db, stage, nom, judge, "submitted",
/// &[(criterion, Some(85))])`. Returns the sheet id.
pub async fn sheet_row(
    db: &DatabaseConnection,
    stage: Uuid,
    nomination: Uuid,
    judge: Uuid,
    status: &str,
    scores: &[(Uuid, Option<i64>)],
) -> Uuid {
    let now = Utc::now().fixed_offset();
    let sheet = entity::score_sheet::ActiveModel {
        id: Set(Uuid::new_v4()),
        stage_id: Set(stage),
        nomination_id: Set(nomination),
        judge_id: Set(judge),
        status: Set(entity::SheetStatus::parse(status).expect("a known state")),
        version: Set(1),
        visit_date: Set(None),
        visit_notes: Set(String::new()),
        reopen_reason: Set(String::new()),
        submitted_at: Set((status == "submitted").then_some(now)),
        assigned_by: Set(None),
        assigned_at: Set(now),
        updated_at: Set(now),
        excluded_at: Set(None),
        excluded_reason: Set(String::new()),
        excluded_conflict: Set(None),
    }
    .insert(db)
    .await
    .expect("insert sheet");
    for (criterion, value) in scores {
        entity::score::ActiveModel {
            id: Set(Uuid::new_v4()),
            sheet_id: Set(sheet.id),
            criterion_id: Set(*criterion),
            value: Set(value.map(|v| v * 10_000)),
            not_applicable: Set(false),
            comment: Set(String::new()),
        }
        .insert(db)
        .await
        .expect("insert score");
    }
    sheet.id
}

impl CompetitionBuilder {
    /// Appeals open for `days` after the announcement.
    pub fn appeals(mut self, days: i32) -> Self {
        self.model.appeals_enabled = Set(true);
        self.model.appeal_days = Set(days);
        self
    }

    /// The tie-break chain as stored (JSON of `TieBreak`s).
    pub fn tie_breaks(mut self, json: &str) -> Self {
        self.model.tie_breaks = Set(json.into());
        self
    }

    pub fn budgets(mut self, cash: Option<i64>, assistance: Option<i64>) -> Self {
        self.model.cash_budget = Set(cash);
        self.model.assistance_budget = Set(assistance);
        self
    }
}
