//! The prize ledger of a competition: the application-layer rules for recording a transfer
//! and voiding one, and the reconciliation every page and export reads. Each prize component
//! (an entry's *uang pembinaan* or *bantuan keuangan*) is due what the result version in
//! force awards it; paid is the sum of its transfers net of reversals; the difference is shown
//! as it is (to pay, or to recover after a correction), never clamped. The arithmetic rules
//! themselves live in `juara_domain::prizes::ledger`.

use std::str::FromStr;

use chrono::{NaiveDate, Utc};
use entity::{competition, disbursement, disbursement_reversal};
use juara_domain::Rupiah;
use juara_domain::money::RupiahParseError;
use juara_domain::prizes::ledger::{Balance, LedgerTotals, PaymentRefusal};
use sea_orm::{ConnectionTrait, DbErr, SqlErr};
use uuid::Uuid;

use super::Error;
use crate::app::competition::zone;
use crate::db::results::StoredFile;
use crate::db::results::disbursements::{self, NewDisbursement};
use crate::db::results::snapshots;
use crate::results::{Published, VillageInfo};

/// The two prize components that carry money, as stored in `disbursement.kind`.
pub use entity::PrizeComponent;

/// One entry's account under the version in force.
#[derive(Clone, Debug)]
pub struct Entry {
    pub nomination_id: Uuid,
    pub village: VillageInfo,
    /// Rank and prize label in the version in force (`None`: no longer ranked / no prize).
    pub rank: Option<u32>,
    pub label: Option<String>,
    pub cash: Balance,
    pub assistance: Balance,
}

/// A recorded transfer with its reversal and who recorded them.
#[derive(Clone, Debug)]
pub struct Payment {
    pub record: disbursement::Model,
    pub village: VillageInfo,
    pub recorded_by: String,
    pub reversal: Option<(disbursement_reversal::Model, String)>,
}

/// The whole ledger of a competition.
#[derive(Clone, Debug)]
pub struct Ledger {
    pub version: i32,
    pub content_hash: String,
    pub entries: Vec<Entry>,
    pub payments: Vec<Payment>,
    pub totals: LedgerTotals,
}

/// Today on the calendar of `c`'s zone: a transfer made at 00:30 WIT is dated that day.
#[must_use]
pub fn today(c: &competition::Model) -> NaiveDate {
    zone::today(c, Utc::now())
}

fn due_of(p: &Published, nomination: Uuid, kind: PrizeComponent) -> Rupiah {
    let prize = p.line_of(nomination).and_then(|l| l.prize.as_ref());
    Rupiah::new(prize.map_or(0, |pr| match kind {
        PrizeComponent::Cash => pr.cash,
        PrizeComponent::Assistance => pr.assistance,
    }))
}

fn balance(
    p: &Published,
    payments: &[disbursement::Model],
    reversed: &[Uuid],
    nomination: Uuid,
    kind: PrizeComponent,
) -> Option<Balance> {
    Balance::with_payments(
        due_of(p, nomination, kind),
        payments
            .iter()
            .filter(|d| d.nomination_id == nomination && d.kind == kind.as_str())
            .map(|d| (Rupiah::new(d.amount), reversed.contains(&d.id))),
    )
}

fn village_of(p: &Published, nomination: Uuid) -> VillageInfo {
    p.line_of(nomination)
        .map(|l| l.village.clone())
        .or_else(|| {
            p.incomplete
                .iter()
                .find(|i| i.nomination_id == nomination)
                .map(|i| i.village.clone())
        })
        .unwrap_or_default()
}

/// The ledger under the version in force (`None` before the announcement).
///
/// # Errors
/// A database error, an unreadable snapshot or an overflowing sum.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
) -> Result<Option<Ledger>, Error> {
    let Some(snap) = snapshots::current(db, c.id).await? else {
        return Ok(None);
    };
    let p =
        snapshots::published(&snap).ok_or_else(|| Error::Internal("unreadable snapshot".into()))?;
    let records = disbursements::list(db, c.id).await?;
    let reversals = disbursements::reversals(db, c.id).await?;
    let reversed: Vec<Uuid> = reversals.iter().map(|r| r.disbursement_id).collect();
    let people = crate::db::results::reads::display_names(
        db,
        records
            .iter()
            .filter_map(|d| d.recorded_by)
            .chain(reversals.iter().filter_map(|r| r.recorded_by)),
    )
    .await?;
    let overflow = || Error::Internal("ledger sum overflowed".into());
    // Winners of the version in force, then anyone paid who no longer is one.
    let mut order: Vec<Uuid> = p.winners().map(|l| l.nomination_id).collect();
    for d in &records {
        if !order.contains(&d.nomination_id) {
            order.push(d.nomination_id);
        }
    }
    let mut entries = Vec::with_capacity(order.len());
    for n in order {
        let line = p.line_of(n);
        entries.push(Entry {
            nomination_id: n,
            village: village_of(&p, n),
            rank: line.filter(|l| l.eliminated_at.is_none()).map(|l| l.rank),
            label: line.and_then(|l| l.prize.as_ref()).map(|x| x.label.clone()),
            cash: balance(&p, &records, &reversed, n, PrizeComponent::Cash).ok_or_else(overflow)?,
            assistance: balance(&p, &records, &reversed, n, PrizeComponent::Assistance)
                .ok_or_else(overflow)?,
        });
    }
    let totals = LedgerTotals::of(entries.iter().flat_map(|e| [e.cash, e.assistance]))
        .ok_or_else(overflow)?;
    let who = |id: Option<Uuid>| {
        id.and_then(|i| people.get(&i).cloned())
            .unwrap_or_else(|| "—".into())
    };
    let payments = records
        .into_iter()
        .map(|d| Payment {
            village: village_of(&p, d.nomination_id),
            recorded_by: who(d.recorded_by),
            reversal: reversals
                .iter()
                .find(|r| r.disbursement_id == d.id)
                .map(|r| (r.clone(), who(r.recorded_by))),
            record: d,
        })
        .collect();
    Ok(Some(Ledger {
        version: snap.version,
        content_hash: snap.content_hash,
        entries,
        payments,
        totals,
    }))
}

/// A refused field: the field's name and a message key with its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    fn new(field: &'static str, key: &'static str) -> Self {
        Problem {
            field,
            key,
            args: Vec::new(),
        }
    }

    fn with(mut self, name: &'static str, value: String) -> Self {
        self.args.push((name, value));
        self
    }
}

/// A transfer as typed in the form.
pub struct PaymentInput {
    pub nomination: Option<Uuid>,
    pub kind: String,
    pub amount: String,
    pub account: String,
    pub reference: String,
    pub paid_on: String,
    pub proof: Option<StoredFile>,
}

/// Checks and records a transfer against the version in force. Call inside a transaction:
/// everything it reads and writes is then one consistent step, and a refusal writes nothing.
///
/// # Errors
/// A database error; refusals are the inner `Err`, one [`Problem`] per field.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
    input: PaymentInput,
    today: NaiveDate,
    by: Uuid,
) -> Result<Result<disbursement::Model, Vec<Problem>>, Error> {
    let snap = snapshots::current(db, c.id)
        .await?
        .ok_or_else(|| Error::Internal("no announced version".into()))?;
    let p =
        snapshots::published(&snap).ok_or_else(|| Error::Internal("unreadable snapshot".into()))?;
    let records = disbursements::list(db, c.id).await?;
    let reversed: Vec<Uuid> = disbursements::reversals(db, c.id)
        .await?
        .into_iter()
        .map(|r| r.disbursement_id)
        .collect();
    let mut problems = Vec::new();
    let nomination = input.nomination.filter(|n| {
        p.line_of(*n).is_some_and(|l| l.prize.is_some())
            || records.iter().any(|d| d.nomination_id == *n)
    });
    if nomination.is_none() {
        problems.push(Problem::new("nomination", "res-err-winner"));
    }
    let kind = PrizeComponent::parse(&input.kind);
    if kind.is_none() {
        problems.push(Problem::new("kind", "res-err-kind"));
    }
    let amount = match Rupiah::from_str(&input.amount) {
        Ok(a) if a > Rupiah::ZERO => Some(a),
        Ok(_) | Err(RupiahParseError::Empty | RupiahParseError::Negative) => {
            problems.push(Problem::new("amount", "res-err-amount"));
            None
        }
        Err(RupiahParseError::InvalidCharacter(_)) => {
            problems.push(Problem::new("amount", "ldg-err-amount-chars"));
            None
        }
        Err(RupiahParseError::TooLarge) => {
            problems.push(Problem::new("amount", "ldg-err-amount-too-large"));
            None
        }
    };
    if let (Some(n), Some(k), Some(a)) = (nomination, kind, amount) {
        let refusal = match balance(&p, &records, &reversed, n, k) {
            Some(b) => b.check_payment(a).err(),
            None => Some(PaymentRefusal::Overflow),
        };
        match refusal {
            None => {}
            Some(PaymentRefusal::NothingDue) => {
                problems.push(Problem::new("amount", "ldg-err-nothing-due"));
            }
            Some(PaymentRefusal::ExceedsRemaining { remaining }) => problems.push(
                Problem::new("amount", "ldg-err-exceeds").with("remaining", remaining.to_string()),
            ),
            Some(PaymentRefusal::NotPositive) => {
                problems.push(Problem::new("amount", "res-err-amount"));
            }
            Some(PaymentRefusal::Overflow) => {
                problems.push(Problem::new("amount", "ldg-err-amount-too-large"));
            }
        }
    }
    let account = input.account.trim().to_owned();
    if account.is_empty() {
        problems.push(Problem::new("account", "res-err-required"));
    }
    let reference = input.reference.trim().to_owned();
    if reference.is_empty() {
        problems.push(Problem::new("reference", "res-err-required"));
    } else if records
        .iter()
        .any(|d| d.reference.trim().eq_ignore_ascii_case(&reference))
    {
        problems.push(duplicate(&reference));
    }
    let paid_on = NaiveDate::parse_from_str(input.paid_on.trim(), "%Y-%m-%d").ok();
    let announced = snapshots::version(db, c.id, 1)
        .await?
        .map_or(snap.announced_at, |first| first.announced_at);
    let announced_on = zone::date_of(announced, zone::of(c));
    match paid_on {
        None => problems.push(Problem::new("paid_on", "res-err-date")),
        Some(d) if d > today => problems.push(Problem::new("paid_on", "ldg-err-date-future").with(
            "today",
            format!("{} {}", today.format("%d-%m-%Y"), zone::of(c).label()),
        )),
        Some(d) if d < announced_on => problems.push(
            Problem::new("paid_on", "ldg-err-date-before")
                .with("date", announced_on.format("%d-%m-%Y").to_string()),
        ),
        Some(_) => {}
    }
    let (Some(nomination), Some(kind), Some(amount), Some(paid_on), true) =
        (nomination, kind, amount, paid_on, problems.is_empty())
    else {
        return Ok(Err(problems));
    };
    let saved = disbursements::insert(
        db,
        c.id,
        NewDisbursement {
            nomination_id: nomination,
            kind: kind.as_str().to_owned(),
            amount: amount.amount(),
            recipient_account: account,
            reference: reference.clone(),
            paid_on,
            proof: input.proof,
        },
        by,
    )
    .await;
    match saved {
        Ok(d) => Ok(Ok(d)),
        // Two requests with the same reference at once: the unique index decides.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Ok(Err(vec![duplicate(&reference)]))
        }
        Err(e) => Err(e.into()),
    }
}

fn duplicate(reference: &str) -> Problem {
    Problem::new("reference", "ldg-err-reference-taken").with("reference", reference.to_owned())
}

/// Why a reversal is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReversalRefusal {
    NotFound,
    AlreadyReversed,
    ReasonMissing,
}

/// Voids transfer `id` with a reversal entry (inside the caller's transaction).
///
/// # Errors
/// A database error; refusals are the inner `Err`.
pub async fn reverse<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
    id: Uuid,
    reason: &str,
    by: Uuid,
) -> Result<Result<(disbursement::Model, disbursement_reversal::Model), ReversalRefusal>, DbErr> {
    let Some(d) = disbursements::find(db, c.id, id).await? else {
        return Ok(Err(ReversalRefusal::NotFound));
    };
    if disbursements::reversal_of(db, d.id).await?.is_some() {
        return Ok(Err(ReversalRefusal::AlreadyReversed));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Ok(Err(ReversalRefusal::ReasonMissing));
    }
    match disbursements::insert_reversal(db, &d, reason.to_owned(), by).await {
        Ok(r) => Ok(Ok((d, r))),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Ok(Err(ReversalRefusal::AlreadyReversed))
        }
        Err(e) => Err(e),
    }
}
