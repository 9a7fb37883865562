//! The committee's administrative check (*penilaian administrasi*): accept or reject a
//! submitted nomination with a reason the village sees, recorded in the audit trail in the
//! same transaction. A rejected nomination may be reconsidered (accepted) with a reason.

use chrono::Utc;
use entity::nomination;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, DbErr, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};

use super::Status;
use crate::db::audit::{self, NewEvent};
use crate::ids::UserId;

/// The committee's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Reject,
}

impl Decision {
    /// Parses the form value.
    #[must_use]
    pub fn parse(s: &str) -> Option<Decision> {
        match s {
            "accept" => Some(Decision::Accept),
            "reject" => Some(Decision::Reject),
            _ => None,
        }
    }

    fn status(self) -> Status {
        match self {
            Decision::Accept => Status::Accepted,
            Decision::Reject => Status::Rejected,
        }
    }
}

/// Why a review was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewRefusal {
    /// Rejecting (or reconsidering a rejection) needs a reason.
    ReasonRequired,
    /// Only submitted nominations, or rejected ones being accepted, can be reviewed.
    NotReviewable,
}

/// Records the decision. The status is re-checked inside the UPDATE, so two admins deciding
/// at once cannot both win.
pub async fn review<C: TransactionTrait>(
    db: &C,
    n: &nomination::Model,
    decision: Decision,
    reason: &str,
    actor: UserId,
) -> Result<Result<(), ReviewRefusal>, DbErr> {
    use nomination::Column as N;
    let reason = reason.trim();
    let from = Some(n.status);
    let allowed = matches!(
        (from, decision),
        (Some(Status::Submitted), _) | (Some(Status::Rejected), Decision::Accept)
    );
    if !allowed {
        return Ok(Err(ReviewRefusal::NotReviewable));
    }
    let reconsidering = from == Some(Status::Rejected);
    if reason.is_empty() && (decision == Decision::Reject || reconsidering) {
        return Ok(Err(ReviewRefusal::ReasonRequired));
    }
    let to = decision.status();
    let txn = db.begin().await?;
    let now = Utc::now().fixed_offset();
    let done = nomination::Entity::update_many()
        .col_expr(N::Status, Expr::value(to.as_str()))
        .col_expr(N::ReviewNote, Expr::value(reason))
        .col_expr(N::ReviewedAt, Expr::value(now))
        .col_expr(N::ReviewedBy, Expr::value(actor.into_uuid()))
        .col_expr(N::UpdatedAt, Expr::value(now))
        .col_expr(N::Version, Expr::col(N::Version).add(1))
        .filter(
            Condition::all()
                .add(N::Id.eq(n.id))
                .add(N::Status.eq(n.status.as_str())),
        )
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        return Ok(Err(ReviewRefusal::NotReviewable));
    }
    audit::record(
        &txn,
        NewEvent {
            competition_id: Some(n.competition_id),
            nomination_id: Some(n.id),
            actor_id: Some(actor.into_uuid()),
            action: format!("nomination.{}", to.as_str()),
            reason: reason.to_owned(),
            details: format!("{} → {}", n.status, to.as_str()),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(()))
}
