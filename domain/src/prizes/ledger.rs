//! The prize ledger's rules, exact to the rupiah: what one prize component (an entry's *uang
//! pembinaan* or *bantuan keuangan*) is due under the result in force, what was paid for it
//! net of reversals, and whether a new payment fits. Differences are never clamped: after a
//! correction an entry can be owed money or owe money back, and both show.

use crate::Rupiah;
use serde::{Deserialize, Serialize};

/// One component's account: due under the result in force, paid net of reversals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balance {
    pub due: Rupiah,
    pub paid: Rupiah,
}

/// Why a payment is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PaymentRefusal {
    /// Zero or negative.
    #[error("the amount must be above zero")]
    NotPositive,
    /// The component carries no money under the result in force (e.g. Rp0 assistance).
    #[error("nothing is due for this prize component")]
    NothingDue,
    /// More than what remains to be paid (`remaining` is zero when fully paid or overpaid).
    #[error("the amount exceeds what remains ({remaining})")]
    ExceedsRemaining { remaining: Rupiah },
    /// The ledger's sums left the range of `i64`.
    #[error("the ledger's arithmetic overflowed")]
    Overflow,
}

impl Balance {
    /// Sums the amounts of the payments still in force (a reversed payment counts nothing).
    #[must_use]
    pub fn with_payments<I: IntoIterator<Item = (Rupiah, bool)>>(
        due: Rupiah,
        payments: I,
    ) -> Option<Balance> {
        let paid = Rupiah::checked_sum(
            payments
                .into_iter()
                .filter(|(_, reversed)| !reversed)
                .map(|(a, _)| a),
        )?;
        Some(Balance { due, paid })
    }

    /// `due − paid`: positive = still to pay (*kurang bayar*), negative = to recover (*lebih
    /// bayar*). `None` on overflow.
    #[must_use]
    pub fn difference(self) -> Option<Rupiah> {
        self.due.checked_sub(self.paid)
    }

    /// What remains to be paid (zero when fully paid or overpaid).
    #[must_use]
    pub fn to_pay(self) -> Option<Rupiah> {
        self.difference().map(|d| d.max(Rupiah::ZERO))
    }

    /// What was overpaid and must be recovered (zero unless overpaid).
    #[must_use]
    pub fn to_recover(self) -> Option<Rupiah> {
        self.paid.checked_sub(self.due).map(|d| d.max(Rupiah::ZERO))
    }

    /// Checks that a new payment of `amount` fits what remains of this component.
    ///
    /// # Errors
    /// The [`PaymentRefusal`] that applies, checked in this order: not positive, nothing due,
    /// overflow, exceeds the remainder.
    pub fn check_payment(self, amount: Rupiah) -> Result<(), PaymentRefusal> {
        if amount <= Rupiah::ZERO {
            return Err(PaymentRefusal::NotPositive);
        }
        if self.due <= Rupiah::ZERO {
            return Err(PaymentRefusal::NothingDue);
        }
        let remaining = self.to_pay().ok_or(PaymentRefusal::Overflow)?;
        if amount > remaining {
            return Err(PaymentRefusal::ExceedsRemaining { remaining });
        }
        Ok(())
    }
}

/// Sums over a whole ledger; `due − paid = to_pay − to_recover` always holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerTotals {
    pub due: Rupiah,
    pub paid: Rupiah,
    pub to_pay: Rupiah,
    pub to_recover: Rupiah,
}

impl LedgerTotals {
    /// Totals of many components (each component's difference taken on its own, so an
    /// overpaid component never hides another's remainder). `None` on overflow.
    #[must_use]
    pub fn of<I: IntoIterator<Item = Balance>>(balances: I) -> Option<LedgerTotals> {
        balances
            .into_iter()
            .try_fold(LedgerTotals::default(), |t, b| {
                Some(LedgerTotals {
                    due: t.due.checked_add(b.due)?,
                    paid: t.paid.checked_add(b.paid)?,
                    to_pay: t.to_pay.checked_add(b.to_pay()?)?,
                    to_recover: t.to_recover.checked_add(b.to_recover()?)?,
                })
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(due: i64, paid: i64) -> Balance {
        Balance {
            due: Rupiah::new(due),
            paid: Rupiah::new(paid),
        }
    }

    #[test]
    fn a_payment_fits_only_what_remains() {
        assert_eq!(b(100, 40).check_payment(Rupiah::new(60)), Ok(()));
        assert_eq!(
            b(100, 40).check_payment(Rupiah::new(61)),
            Err(PaymentRefusal::ExceedsRemaining {
                remaining: Rupiah::new(60)
            })
        );
        assert_eq!(
            b(0, 0).check_payment(Rupiah::new(1)),
            Err(PaymentRefusal::NothingDue)
        );
        assert_eq!(
            b(100, 0).check_payment(Rupiah::ZERO),
            Err(PaymentRefusal::NotPositive)
        );
        assert_eq!(
            b(100, 150).check_payment(Rupiah::new(1)),
            Err(PaymentRefusal::ExceedsRemaining {
                remaining: Rupiah::ZERO
            })
        );
        assert!(b(100, 0).check_payment(Rupiah::new(i64::MAX)).is_err());
    }

    #[test]
    fn reversed_payments_count_nothing_and_overflow_is_refused() {
        let bal = Balance::with_payments(
            Rupiah::new(100),
            [(Rupiah::new(30), false), (Rupiah::new(70), true)],
        );
        assert_eq!(bal, Some(b(100, 30)));
        assert_eq!(
            Balance::with_payments(
                Rupiah::new(1),
                [(Rupiah::new(i64::MAX), false), (Rupiah::new(1), false)]
            ),
            None
        );
        assert_eq!(b(i64::MIN, 1).difference(), None);
    }

    #[test]
    fn totals_keep_overpayments_and_remainders_apart() {
        let t = LedgerTotals::of([b(75, 100), b(0, 50), b(100, 0), b(50, 0)]);
        let t = t.expect("no overflow");
        assert_eq!(t.due, Rupiah::new(225));
        assert_eq!(t.paid, Rupiah::new(150));
        assert_eq!(t.to_pay, Rupiah::new(150));
        assert_eq!(t.to_recover, Rupiah::new(75));
        assert_eq!(
            t.due.checked_sub(t.paid),
            t.to_pay.checked_sub(t.to_recover)
        );
    }
}
