//! The office letterhead (*kop surat*) every document prints: each admin configures the one of
//! their scope (their region; a national admin the national one). Fields are checked here,
//! the logo (PNG or JPEG only) is stored under a new name and kept only when the row commits;
//! the replaced logo file is removed afterwards.

use sea_orm::{DatabaseConnection, DbErr, TransactionTrait};
use uuid::Uuid;

use crate::db::audit::{self, NewEvent};
use crate::db::letterheads::{self, Fields, Logo};
use crate::identity::CurrentUser;
use crate::results::documents::Letterhead;
use crate::storage::Storage;
use crate::uploads::{Checked, FileKind};

/// Longest accepted line, in characters.
pub const MAX_LINE: usize = 200;

/// What the office typed, and a new logo if one was uploaded.
pub struct Input {
    pub government: String,
    pub office: String,
    pub address: String,
    pub contact: String,
    pub logo: Option<(Checked, Vec<u8>)>,
}

/// Why the letterhead was not saved.
#[derive(Debug)]
pub enum Error {
    /// (field, locale key) pairs.
    Invalid(Vec<(&'static str, &'static str)>),
    Db(DbErr),
    Io(std::io::Error),
}

impl From<DbErr> for Error {
    fn from(e: DbErr) -> Self {
        Error::Db(e)
    }
}

/// The problems of `input`, field by field.
#[must_use]
pub fn check(input: &Input) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    for (field, value, required) in [
        ("government", &input.government, true),
        ("office", &input.office, true),
        ("address", &input.address, true),
        ("contact", &input.contact, false),
    ] {
        if required && value.trim().is_empty() {
            errors.push((field, "kop-err-required"));
        } else if value.chars().count() > MAX_LINE || value.contains(['\n', '\r']) {
            errors.push((field, "kop-err-line"));
        }
    }
    if let Some((checked, bytes)) = &input.logo
        && (!matches!(checked.kind, FileKind::Png | FileKind::Jpeg)
            || !crate::results::documents::logo_ok(bytes))
    {
        errors.push(("logo", "kop-err-logo-type"));
    }
    errors
}

/// Saves the letterhead of `who`'s scope.
///
/// # Errors
/// Refused input, or a database or file error (nothing is kept then).
pub async fn save(
    db: &DatabaseConnection,
    storage: &Storage,
    who: &CurrentUser,
    input: Input,
) -> Result<(), Error> {
    let errors = check(&input);
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let scope = letterheads::scope_of(who.region_code.as_deref());
    let before = letterheads::find(db, &scope).await?;
    let id = before.as_ref().map_or_else(Uuid::new_v4, |b| b.id);
    let pending = match &input.logo {
        Some((checked, bytes)) => Some((
            storage
                .put_new(id, checked.kind, bytes)
                .await
                .map_err(Error::Io)?,
            checked.kind.content_type().to_owned(),
        )),
        None => None,
    };
    let logo = pending.as_ref().map(|(p, t)| Logo {
        stored: p.stored_name().to_owned(),
        content_type: t.clone(),
    });
    let fields = Fields {
        government: input.government.trim().to_owned(),
        office: input.office.trim().to_owned(),
        address: input.address.trim().to_owned(),
        contact: input.contact.trim().to_owned(),
    };
    let by = who.id.into_uuid();
    let saved = async {
        let txn = db.begin().await?;
        letterheads::save(&txn, id, &scope, fields, logo, by).await?;
        audit::record(
            &txn,
            NewEvent {
                competition_id: None,
                nomination_id: None,
                actor_id: Some(by),
                action: "letterhead.saved".into(),
                reason: String::new(),
                details: serde_json::json!({ "scope": scope }).to_string(),
            },
        )
        .await?;
        txn.commit().await
    }
    .await;
    match (saved, pending) {
        (Err(e), Some((p, _))) => {
            p.discard().await;
            Err(e.into())
        }
        (Err(e), None) => Err(e.into()),
        (Ok(()), Some((p, _))) => {
            p.keep();
            // The replaced logo is no longer referenced.
            if let Some(old) = before.and_then(|b| b.logo_stored) {
                let _ = storage.remove(&old).await;
            }
            Ok(())
        }
        (Ok(()), None) => Ok(()),
    }
}

/// The letterhead documents of a competition in `region_code` print — the office's own, else
/// the nearest enclosing office's, else the national one, else none — with its logo read from
/// storage.
///
/// # Errors
/// A database error (a missing logo file is printed without a logo).
pub async fn for_region<C: sea_orm::ConnectionTrait>(
    db: &C,
    storage: &Storage,
    region_code: Option<&str>,
) -> Result<Option<Letterhead>, DbErr> {
    let mut scopes: Vec<String> = region_code
        .map(|c| {
            let mut all = crate::registry::Level::ancestor_codes(c);
            all.push(c.to_owned());
            all
        })
        .unwrap_or_default();
    scopes.reverse();
    scopes.push(letterheads::scope_of(None));
    let mut found = None;
    for scope in &scopes {
        found = letterheads::find(db, scope).await?;
        if found.is_some() {
            break;
        }
    }
    let Some(row) = found else {
        return Ok(None);
    };
    let logo = match row.logo_stored.as_deref() {
        Some(name) => storage.read(name).await.ok().flatten(),
        None => None,
    };
    Ok(Some(Letterhead {
        government: row.government,
        office: row.office,
        address: row.address,
        contact: row.contact,
        logo,
    }))
}
