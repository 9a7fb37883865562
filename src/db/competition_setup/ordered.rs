//! One implementation of the ordered set-up lists of a competition — stages, criteria (per
//! stage and parent), the document checklist and the prize table: list, find within the
//! competition, append, save, delete and move one place up or down. Each entity says once
//! which column scopes its list and which one orders it ([`OrderedList`]).

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

/// An entity whose rows form ordered lists scoped by a parent row.
///
/// Its rows convert to active models and cross threads: the bounds below are implied wherever
/// `E: OrderedList` is.
pub trait OrderedList:
    EntityTrait<
        Model: IntoActiveModel<<Self as EntityTrait>::ActiveModel> + Clone + Send + Sync,
        ActiveModel: Send,
    >
{
    /// The checked values of a row.
    type Fields: Sync;
    /// The primary key column.
    const ID: Self::Column;
    /// The column naming the parent the list belongs to.
    const SCOPE: Self::Column;
    /// The column holding the order.
    const ORDER: Self::Column;
    /// Orders rows of equal order (none where the order is unique).
    const TIE: Option<Self::Column>;
    /// The first order value (positions count from 0, ranks from 1).
    const FIRST: i32;
    /// The order is unique per list: renumbering moves rows out of the way first.
    const UNIQUE: bool;
    /// Deleting a row renumbers the rest so the order has no gap.
    const CLOSE_GAPS: bool;

    fn id(m: &Self::Model) -> Uuid;
    fn scope(m: &Self::Model) -> Uuid;
    fn order(m: &Self::Model) -> i32;
    /// True when two rows of the same scope are in one list (criteria: the same parent).
    fn same_list(_a: &Self::Model, _b: &Self::Model) -> bool {
        true
    }
    /// A new row of `scope` at `order`, fields still unset.
    fn blank(scope: Uuid, order: i32) -> Self::ActiveModel;
    fn set_order(a: &mut Self::ActiveModel, order: i32);
    fn apply(a: &mut Self::ActiveModel, f: &Self::Fields);
}

/// Every row of `scope`, in order.
pub async fn list<E: OrderedList, C: ConnectionTrait>(
    db: &C,
    scope: Uuid,
) -> Result<Vec<E::Model>, DbErr> {
    let mut q = E::find().filter(E::SCOPE.eq(scope)).order_by_asc(E::ORDER);
    if let Some(tie) = E::TIE {
        q = q.order_by_asc(tie);
    }
    q.all(db).await
}

/// The row if it belongs to `scope`.
pub async fn find<E: OrderedList, C: ConnectionTrait>(
    db: &C,
    scope: Uuid,
    id: Uuid,
) -> Result<Option<E::Model>, DbErr> {
    E::find()
        .filter(E::ID.eq(id))
        .filter(E::SCOPE.eq(scope))
        .one(db)
        .await
}

/// The next order value after `rows`.
pub fn next_order<E: OrderedList>(rows: impl Iterator<Item = i32>) -> i32 {
    rows.max().map_or(E::FIRST, |p| p + 1)
}

/// Appends a row at the end of the list of `scope`; `place` fills further columns (a
/// criterion's parent) and `sibling` tells which rows share the new row's list.
pub async fn append<E: OrderedList, C: ConnectionTrait>(
    db: &C,
    scope: Uuid,
    f: &E::Fields,
    sibling: impl Fn(&E::Model) -> bool,
    place: impl FnOnce(&mut E::ActiveModel),
) -> Result<E::Model, DbErr> {
    let rows = list::<E, C>(db, scope).await?;
    let order = next_order::<E>(rows.iter().filter(|m| sibling(m)).map(E::order));
    let mut a = E::blank(scope, order);
    place(&mut a);
    E::apply(&mut a, f);
    a.insert(db).await
}

/// Saves a row's fields.
pub async fn save<E: OrderedList, C: ConnectionTrait>(
    db: &C,
    current: E::Model,
    f: &E::Fields,
) -> Result<E::Model, DbErr> {
    let mut a = current.into_active_model();
    E::apply(&mut a, f);
    a.update(db).await
}

/// The rows in the same list as `row` (itself included), in order.
async fn siblings<E: OrderedList, C: ConnectionTrait>(
    db: &C,
    row: &E::Model,
) -> Result<Vec<E::Model>, DbErr> {
    Ok(list::<E, C>(db, E::scope(row))
        .await?
        .into_iter()
        .filter(|m| E::same_list(row, m))
        .collect())
}

/// Removes one row (the caller removes what hangs from it first).
pub async fn remove<E: OrderedList, C: ConnectionTrait>(
    db: &C,
    current: E::Model,
) -> Result<(), DbErr> {
    let rest: Vec<E::Model> = siblings::<E, C>(db, &current)
        .await?
        .into_iter()
        .filter(|m| E::id(m) != E::id(&current))
        .collect();
    E::delete(current.into_active_model()).exec(db).await?;
    if E::CLOSE_GAPS {
        renumber::<E, C>(db, rest).await?;
    }
    Ok(())
}

/// Moves a row one place up or down its list.
pub async fn move_row<E: OrderedList, C: ConnectionTrait>(
    db: &C,
    current: &E::Model,
    up: bool,
) -> Result<(), DbErr> {
    let mut rows = siblings::<E, C>(db, current).await?;
    if swap_with_neighbour(&mut rows, |m| E::id(m) == E::id(current), up) {
        renumber::<E, C>(db, rows).await?;
    }
    Ok(())
}

/// Writes FIRST, FIRST + 1… to `rows` in their current order, touching only the rows whose
/// order changes. Where the order is unique, changed rows first step aside to negative values.
async fn renumber<E: OrderedList, C: ConnectionTrait>(
    db: &C,
    rows: Vec<E::Model>,
) -> Result<(), DbErr> {
    let changed: Vec<(i32, E::Model)> = (E::FIRST..)
        .zip(rows)
        .filter(|(order, row)| E::order(row) != *order)
        .collect();
    if E::UNIQUE {
        for (order, row) in &changed {
            let mut a = row.clone().into_active_model();
            E::set_order(&mut a, -order);
            a.update(db).await?;
        }
    }
    for (order, row) in changed {
        let mut a = row.into_active_model();
        E::set_order(&mut a, order);
        a.update(db).await?;
    }
    Ok(())
}

/// Swaps the matching row with its neighbour; false when there is none.
fn swap_with_neighbour<T>(rows: &mut [T], is_it: impl Fn(&T) -> bool, up: bool) -> bool {
    let Some(i) = rows.iter().position(is_it) else {
        return false;
    };
    let j = if up {
        i.checked_sub(1)
    } else {
        i.checked_add(1)
    };
    match j {
        Some(j) if j < rows.len() => {
            rows.swap(i, j);
            true
        }
        _ => false,
    }
}
