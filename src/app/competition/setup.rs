//! Editing the ordered set-up lists of a competition — stages, criteria, the document
//! checklist and the prize table — once for all four: which status freezes each list, unique
//! codes, and each change in its own transaction with the published rules' next version
//! (`published::settle`: after opening, a change that moves the rules needs a reason).
//! Handlers load the rows (in the admin's scope), check the input, and call these; HTML and
//! JSON handlers alike.

use entity::{competition, criterion, document_requirement, prize_tier, stage};
use sea_orm::{DatabaseConnection, TransactionTrait};
use uuid::Uuid;

use super::error::{Error, FieldErrors, Outcome};
use super::published::{self, ChangeBy};
use super::rules::{criteria_editable, ensure_unpublished, prizes_editable, status_of};
use crate::db::competition_setup::{self as setup, CriterionFields, OrderedList};
use crate::db::competitions::Status;
use crate::i18n;

/// A set-up list of a competition and the rules of editing it.
pub trait SetupList: OrderedList {
    /// Locale key of the refusal once the list is frozen.
    const FROZEN_KEY: &'static str;
    /// The list may change in this status.
    fn editable(status: Status) -> bool;
    /// The code a row is known by, where codes are unique in the list's scope.
    fn code(_m: &Self::Model) -> Option<&str> {
        None
    }
    /// The code of checked fields (see [`SetupList::code`]).
    fn fields_code(_f: &Self::Fields) -> Option<&str> {
        None
    }
}

impl SetupList for stage::Entity {
    const FROZEN_KEY: &'static str = "err-criteria-frozen";
    fn editable(status: Status) -> bool {
        criteria_editable(status)
    }
    fn code(m: &stage::Model) -> Option<&str> {
        Some(&m.code)
    }
    fn fields_code(f: &setup::StageFields) -> Option<&str> {
        Some(&f.code)
    }
}

/// Codes are unique per stage; `check_placed` sees to them with the parent.
impl SetupList for criterion::Entity {
    const FROZEN_KEY: &'static str = "err-criteria-frozen";
    fn editable(status: Status) -> bool {
        criteria_editable(status)
    }
}

impl SetupList for document_requirement::Entity {
    const FROZEN_KEY: &'static str = "err-criteria-frozen";
    fn editable(status: Status) -> bool {
        criteria_editable(status)
    }
    fn code(m: &document_requirement::Model) -> Option<&str> {
        Some(&m.code)
    }
    fn fields_code(f: &setup::DocumentFields) -> Option<&str> {
        Some(&f.code)
    }
}

impl SetupList for prize_tier::Entity {
    const FROZEN_KEY: &'static str = "err-prizes-frozen";
    fn editable(status: Status) -> bool {
        prizes_editable(status)
    }
}

/// Refuses (409) when list `E` of `c` may not change now.
pub fn ensure_editable<E: SetupList>(c: &competition::Model, lang: &str) -> Outcome<()> {
    ensure_unpublished(c, lang)?;
    if E::editable(status_of(c)) {
        Ok(())
    } else {
        Err(Error::Conflict(i18n::t(lang, E::FROZEN_KEY)))
    }
}

/// The row `id` of list `E` of competition `c` (criteria: of stage `scope`).
pub async fn find<E: SetupList>(
    db: &DatabaseConnection,
    scope: Uuid,
    id: Uuid,
) -> Outcome<E::Model> {
    setup::find::<E, _>(db, scope, id)
        .await?
        .ok_or(Error::NotFound)
}

/// Refuses a code another row of the list already has.
async fn ensure_code_free<E: SetupList>(
    db: &DatabaseConnection,
    scope: Uuid,
    f: &E::Fields,
    this: Option<Uuid>,
) -> Outcome<()> {
    let Some(code) = E::fields_code(f) else {
        return Ok(());
    };
    let rows = setup::list::<E, _>(db, scope).await?;
    if rows
        .iter()
        .any(|r| E::code(r) == Some(code) && Some(E::id(r)) != this)
    {
        return Err(Error::Invalid(vec![("code", "err-code-taken")]));
    }
    Ok(())
}

/// Appends a row to list `E` of `c` (stages, checklist, prizes) from checked input.
pub async fn add<E: SetupList>(
    db: &DatabaseConnection,
    c: &competition::Model,
    checked: Result<E::Fields, FieldErrors>,
    by: &ChangeBy,
    lang: &str,
) -> Outcome<E::Model> {
    ensure_editable::<E>(c, lang)?;
    let f = checked.map_err(Error::Invalid)?;
    ensure_code_free::<E>(db, c.id, &f, None).await?;
    let txn = db.begin().await?;
    let row = setup::append::<E, _>(&txn, c.id, &f, |_| true, |_| {}).await?;
    published::settle(&txn, c.id, by, false).await?;
    txn.commit().await?;
    Ok(row)
}

/// Saves a row of list `E` of `c` from checked input.
pub async fn change<E: SetupList>(
    db: &DatabaseConnection,
    c: &competition::Model,
    row: E::Model,
    checked: Result<E::Fields, FieldErrors>,
    by: &ChangeBy,
    lang: &str,
) -> Outcome<E::Model> {
    ensure_editable::<E>(c, lang)?;
    let f = checked.map_err(Error::Invalid)?;
    ensure_code_free::<E>(db, E::scope(&row), &f, Some(E::id(&row))).await?;
    let txn = db.begin().await?;
    let row = setup::save::<E, _>(&txn, row, &f).await?;
    published::settle(&txn, c.id, by, false).await?;
    txn.commit().await?;
    Ok(row)
}

/// Moves a row one place up or down its list.
pub async fn reorder<E: SetupList>(
    db: &DatabaseConnection,
    c: &competition::Model,
    row: &E::Model,
    up: bool,
    by: &ChangeBy,
    lang: &str,
) -> Outcome<()> {
    ensure_editable::<E>(c, lang)?;
    let txn = db.begin().await?;
    setup::move_row::<E, _>(&txn, row, up).await?;
    published::settle(&txn, c.id, by, false).await?;
    txn.commit().await?;
    Ok(())
}

/// Removes a checklist item or a prize tier.
pub async fn delete<E: SetupList>(
    db: &DatabaseConnection,
    c: &competition::Model,
    row: E::Model,
    by: &ChangeBy,
    lang: &str,
) -> Outcome<()> {
    ensure_editable::<E>(c, lang)?;
    let txn = db.begin().await?;
    setup::remove::<E, _>(&txn, row).await?;
    published::settle(&txn, c.id, by, false).await?;
    txn.commit().await?;
    Ok(())
}

/// Removes a stage with its whole criteria tree.
pub async fn delete_stage(
    db: &DatabaseConnection,
    c: &competition::Model,
    row: stage::Model,
    by: &ChangeBy,
    lang: &str,
) -> Outcome<()> {
    ensure_editable::<stage::Entity>(c, lang)?;
    let txn = db.begin().await?;
    setup::delete_stage(&txn, row).await?;
    published::settle(&txn, c.id, by, false).await?;
    txn.commit().await?;
    Ok(())
}

/// A criterion and its stage, if the stage belongs to `c`.
pub async fn find_criterion(
    db: &DatabaseConnection,
    c: &competition::Model,
    id: Uuid,
) -> Outcome<(stage::Model, criterion::Model)> {
    setup::find_criterion(db, c.id, id)
        .await?
        .ok_or(Error::NotFound)
}

/// A criterion checked against its stage's rows: the parent and the fields.
pub type PlacedCriterion = (Option<Uuid>, CriterionFields);

/// Adds a criterion to stage `s`; `check` sees the stage's rows (parent, unique code).
pub async fn add_criterion(
    db: &DatabaseConnection,
    c: &competition::Model,
    s: &stage::Model,
    check: impl FnOnce(&[criterion::Model]) -> Result<PlacedCriterion, FieldErrors>,
    by: &ChangeBy,
    lang: &str,
) -> Outcome<criterion::Model> {
    ensure_editable::<criterion::Entity>(c, lang)?;
    let rows = setup::list_criteria(db, s.id).await?;
    let (parent, f) = check(&rows).map_err(Error::Invalid)?;
    let txn = db.begin().await?;
    let row = setup::insert_criterion(&txn, s.id, parent, &f).await?;
    published::settle(&txn, c.id, by, false).await?;
    txn.commit().await?;
    Ok(row)
}

/// Saves a criterion; `check` sees the stage's rows (parent outside its subtree, code).
pub async fn change_criterion(
    db: &DatabaseConnection,
    c: &competition::Model,
    k: criterion::Model,
    check: impl FnOnce(&[criterion::Model]) -> Result<PlacedCriterion, FieldErrors>,
    by: &ChangeBy,
    lang: &str,
) -> Outcome<criterion::Model> {
    ensure_editable::<criterion::Entity>(c, lang)?;
    let rows = setup::list_criteria(db, k.stage_id).await?;
    let (parent, f) = check(&rows).map_err(Error::Invalid)?;
    let txn = db.begin().await?;
    let row = setup::update_criterion(&txn, k, parent, &f).await?;
    published::settle(&txn, c.id, by, false).await?;
    txn.commit().await?;
    Ok(row)
}

/// What deleting a criterion did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removal {
    /// Gone, with its subtree.
    Done,
    /// Not done: it has this many descendants and the caller did not confirm.
    HasChildren(usize),
}

/// Removes a criterion; one with children only when `confirmed` (its subtree goes with it).
pub async fn delete_criterion(
    db: &DatabaseConnection,
    c: &competition::Model,
    k: &criterion::Model,
    confirmed: bool,
    by: &ChangeBy,
    lang: &str,
) -> Outcome<Removal> {
    ensure_editable::<criterion::Entity>(c, lang)?;
    let rows = setup::list_criteria(db, k.stage_id).await?;
    let descendants = setup::subtree_ids(&rows, k.id).len().saturating_sub(1);
    if descendants > 0 && !confirmed {
        return Ok(Removal::HasChildren(descendants));
    }
    let txn = db.begin().await?;
    setup::delete_criterion(&txn, k).await?;
    published::settle(&txn, c.id, by, false).await?;
    txn.commit().await?;
    Ok(Removal::Done)
}
