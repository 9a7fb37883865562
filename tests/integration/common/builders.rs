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
                status: Set("open".into()),
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
        self.model.status = Set(status.into());
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
