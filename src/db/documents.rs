//! Evidence attached to nominations (files and links), the competition's document checklist
//! and the criteria that ask for evidence. File bytes live on disk (`crate::uploads`); this
//! module only keeps the rows. `find_for_viewer` is the one place deciding who may read a file.

use chrono::Utc;
use entity::{criterion, document_requirement, nomination, nomination_document, stage};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, ModelTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

use crate::identity::{CurrentUser, Role};
use crate::ids::{CompetitionId, DocumentId, UserId};

/// What a document is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// An item of the competition's checklist.
    Requirement(Uuid),
    /// A criterion whose evidence the village provides.
    Criterion(Uuid),
}

/// A stored file's facts.
#[derive(Clone, Debug)]
pub struct StoredFile {
    pub stored_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
}

/// A new file or link row.
#[derive(Clone, Debug)]
pub struct NewDocument {
    pub nomination_id: Uuid,
    pub target: Target,
    /// Sanitized original name, or the link's title.
    pub label: String,
    /// A link (`kind = link`) …
    pub url: Option<String>,
    /// … or a stored file (`kind = file`).
    pub file: Option<StoredFile>,
    pub uploaded_by: UserId,
}

/// Inserts a document row.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    new: NewDocument,
) -> Result<nomination_document::Model, DbErr> {
    let (requirement_id, criterion_id) = match new.target {
        Target::Requirement(id) => (Some(id), None),
        Target::Criterion(id) => (None, Some(id)),
    };
    let kind = if new.file.is_some() {
        entity::DocumentKind::File
    } else {
        entity::DocumentKind::Link
    }
    .as_str();
    let file = new.file;
    nomination_document::ActiveModel {
        id: Set(Uuid::new_v4()),
        nomination_id: Set(new.nomination_id),
        requirement_id: Set(requirement_id),
        criterion_id: Set(criterion_id),
        kind: Set(kind.to_owned()),
        label: Set(new.label),
        url: Set(new.url),
        stored_name: Set(file.as_ref().map(|f| f.stored_name.clone())),
        content_type: Set(file.as_ref().map(|f| f.content_type.clone())),
        size_bytes: Set(file.as_ref().map(|f| f.size_bytes)),
        sha256: Set(file.map(|f| f.sha256)),
        uploaded_by: Set(Some(new.uploaded_by.into_uuid())),
        uploaded_at: Set(Utc::now().fixed_offset()),
    }
    .insert(db)
    .await
}

/// A nomination's documents, oldest first.
pub async fn list_for_nomination<C: ConnectionTrait>(
    db: &C,
    nomination_id: Uuid,
) -> Result<Vec<nomination_document::Model>, DbErr> {
    nomination_document::Entity::find()
        .filter(nomination_document::Column::NominationId.eq(nomination_id))
        .order_by_asc(nomination_document::Column::UploadedAt)
        .all(db)
        .await
}

/// The document if it belongs to this nomination.
pub async fn find_in_nomination<C: ConnectionTrait>(
    db: &C,
    id: DocumentId,
    nomination_id: Uuid,
) -> Result<Option<nomination_document::Model>, DbErr> {
    nomination_document::Entity::find_by_id(id.into_uuid())
        .filter(nomination_document::Column::NominationId.eq(nomination_id))
        .one(db)
        .await
}

/// Deletes a document row (the caller removes the file after the commit).
pub async fn delete<C: ConnectionTrait>(
    db: &C,
    doc: nomination_document::Model,
) -> Result<(), DbErr> {
    doc.delete(db).await.map(|_| ())
}

/// True when some document row still points at this stored file (advanced nominations
/// reference their source's files).
pub async fn is_referenced<C: ConnectionTrait>(db: &C, stored_name: &str) -> Result<bool, DbErr> {
    nomination_document::Entity::find()
        .filter(nomination_document::Column::StoredName.eq(stored_name))
        .one(db)
        .await
        .map(|d| d.is_some())
}

/// The competition's document checklist, in order.
pub async fn requirements_for<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<document_requirement::Model>, DbErr> {
    document_requirement::Entity::find()
        .filter(document_requirement::Column::CompetitionId.eq(competition_id))
        .order_by_asc(document_requirement::Column::Position)
        .all(db)
        .await
}

/// Criteria of the competition's stages for which villages upload evidence.
pub async fn evidence_criteria<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<Vec<criterion::Model>, DbErr> {
    let stage_ids: Vec<Uuid> = stage::Entity::find()
        .filter(stage::Column::CompetitionId.eq(competition_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.id)
        .collect();
    criterion::Entity::find()
        .filter(criterion::Column::StageId.is_in(stage_ids))
        .filter(criterion::Column::RequiresEvidence.eq(true))
        .order_by_asc(criterion::Column::Code)
        .all(db)
        .await
}

/// The document if `who` may read it: the village that owns the nomination, or an admin
/// whose scope contains the competition. Everyone else gets `None` (served as 404).
pub async fn find_for_viewer<C: ConnectionTrait>(
    db: &C,
    id: DocumentId,
    who: &CurrentUser,
) -> Result<Option<nomination_document::Model>, DbErr> {
    let Some(doc) = nomination_document::Entity::find_by_id(id.into_uuid())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let Some(n) = nomination::Entity::find_by_id(doc.nomination_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let allowed = match who.role {
        Role::Village => who.village_code.as_deref() == Some(n.village_code.as_str()),
        Role::Admin => {
            let competition = CompetitionId::from(n.competition_id);
            super::competitions::find_for_admin(db, competition, who)
                .await?
                .is_some()
        }
        // A judge sees the evidence of entries assigned to them, unless in conflict.
        Role::Judge => {
            let judge = who.id.into_uuid();
            let assigned = entity::score_sheet::Entity::find()
                .filter(entity::score_sheet::Column::JudgeId.eq(judge))
                .filter(entity::score_sheet::Column::NominationId.eq(n.id))
                .one(db)
                .await?
                .is_some();
            assigned && !super::judging::conflicts::in_conflict(db, judge, &n.village_code).await?
        }
    };
    Ok(allowed.then_some(doc))
}
