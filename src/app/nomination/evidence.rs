//! Evidence on a nomination, shared by the village's pages and the JSON API: which checklist
//! item or criterion an upload names, storing a checked file with its row without ever
//! leaving an orphan, links, and removing a document. Access (own village, draft inside the
//! window: `super::lock`) is the caller's to check first, since each answers a locked draft
//! in its own way.

use entity::{DocumentKind, competition, nomination, nomination_document};
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr};
use uuid::Uuid;

use crate::db::documents::{self, NewDocument, StoredFile, Target};
use crate::ids::UserId;
use crate::storage::Storage;
use crate::uploads;

/// The upload target (`req:<uuid>` or `crit:<uuid>`) if it names this competition's checklist
/// item or evidence criterion, with the kind of document it takes (`file`, `link` or `any`).
pub async fn resolve_target(
    db: &DatabaseConnection,
    c: &competition::Model,
    value: &str,
) -> Result<Option<(Target, String)>, DbErr> {
    let parse = |prefix: &str| {
        value
            .trim()
            .strip_prefix(prefix)
            .and_then(|id| Uuid::parse_str(id).ok())
    };
    if let Some(id) = parse("req:") {
        let found = documents::requirements_for(db, c.id).await?;
        return Ok(found
            .into_iter()
            .find(|r| r.id == id)
            .map(|r| (Target::Requirement(id), r.kind)));
    }
    if let Some(id) = parse("crit:") {
        let found = documents::evidence_criteria(db, c.id).await?;
        return Ok(found
            .iter()
            .any(|k| k.id == id)
            .then(|| (Target::Criterion(id), DocumentKind::Any.as_str().to_owned())));
    }
    Ok(None)
}

/// The checklist item or criterion an upload names, or the key of the reason it cannot take
/// a file (`target` field).
pub async fn file_target(
    db: &DatabaseConnection,
    c: &competition::Model,
    value: &str,
) -> Result<Result<Target, &'static str>, DbErr> {
    Ok(match resolve_target(db, c, value).await? {
        Some((_, kind)) if DocumentKind::parse(&kind) == Some(DocumentKind::Link) => {
            Err("nom-err-target-link")
        }
        Some((t, _)) => Ok(t),
        None => Err("nom-err-target"),
    })
}

/// A link's target, checked with its label and address: the target or every field error
/// (field, message key).
pub async fn link_target(
    db: &DatabaseConnection,
    c: &competition::Model,
    target: &str,
    label: &str,
    url: &str,
) -> Result<Result<Target, Vec<(&'static str, &'static str)>>, DbErr> {
    let mut errors = Vec::new();
    let target = match resolve_target(db, c, target).await? {
        Some((t, kind)) if DocumentKind::parse(&kind) != Some(DocumentKind::File) => Some(t),
        Some(_) => {
            errors.push(("target", "nom-err-target-file"));
            None
        }
        None => {
            errors.push(("target", "nom-err-target"));
            None
        }
    };
    if !link_ok(url) {
        errors.push(("url", "nom-err-url"));
    }
    if label.chars().count() > 120 {
        errors.push(("label", "nom-err-too-long-short"));
    }
    match (target, errors.is_empty()) {
        (Some(t), true) => Ok(Ok(t)),
        _ => Ok(Err(errors)),
    }
}

/// The message of a refused upload in `lang`, naming the limit in MB.
#[must_use]
pub fn refusal_message(refusal: &uploads::Refusal, max_bytes: u64, lang: &str) -> String {
    let mb = max_bytes.div_ceil(1024 * 1024).to_string();
    crate::i18n::t_args(lang, refusal.message_key(), &[("mb", mb)])
}

pub use crate::app::stored::StoreError;

/// True for an absolute http(s) address with a host and no spaces.
#[must_use]
pub fn link_ok(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or_default();
        !host.is_empty() && host.contains('.') && !url.chars().any(char::is_whitespace)
    }) && url.len() <= 2000
}

/// Stores checked bytes under a generated name and records the row (`app::stored::keep`:
/// a failure at any step leaves nothing behind).
#[allow(clippy::too_many_arguments)]
pub async fn store_file(
    db: &DatabaseConnection,
    storage: &Storage,
    (n, c): (&nomination::Model, &competition::Model),
    target: Target,
    checked: uploads::Checked,
    bytes: &[u8],
    raw_name: &str,
    actor: UserId,
) -> Result<nomination_document::Model, StoreError> {
    let record = async |txn: &DatabaseTransaction, file: StoredFile| {
        let new = NewDocument {
            nomination_id: n.id,
            target,
            label: uploads::sanitize_name(raw_name),
            url: None,
            file: Some(file),
            uploaded_by: actor,
        };
        documents::insert(txn, new).await
    };
    crate::app::stored::keep(db, (storage, c.id), checked, bytes, record).await
}

/// Records a link; an empty label takes the address.
pub async fn add_link(
    db: &DatabaseConnection,
    n: &nomination::Model,
    target: Target,
    label: &str,
    url: &str,
    actor: UserId,
) -> Result<nomination_document::Model, DbErr> {
    let new = NewDocument {
        nomination_id: n.id,
        target,
        label: if label.is_empty() {
            url.chars().take(120).collect()
        } else {
            label.to_owned()
        },
        url: Some(url.to_owned()),
        file: None,
        uploaded_by: actor,
    };
    documents::insert(db, new).await
}

/// Removes a document row, then its file unless another row still points at it.
pub async fn remove(
    db: &DatabaseConnection,
    storage: &Storage,
    doc: nomination_document::Model,
) -> Result<(), DbErr> {
    let stored = doc.stored_name.clone();
    documents::delete(db, doc).await?;
    // The row is gone first: a file left behind by a failed removal is harmless and
    // invisible, while a row pointing at a missing file would not be.
    if let Some(name) = stored
        && !documents::is_referenced(db, &name).await?
        && let Err(e) = storage.remove(&name).await
    {
        log::warn!("could not remove {name}: {e}");
    }
    Ok(())
}
