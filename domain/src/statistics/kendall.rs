//! Kendall's coefficient of concordance W on the complete block, with tie correction.

use super::{KendallW, NotComputable, StageScores, count, real};
use crate::Points;

/// Average ranks (1-based, ascending) with ties at the published precision ([`Points`]), and the
/// tie term Σ(t³ − t) over tie groups.
fn average_ranks(values: &[f64]) -> (Vec<f64>, f64) {
    let keys: Vec<Points> = values.iter().map(|v| Points::from_f64(*v)).collect();
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by_key(|i| keys.get(*i).copied());
    let mut ranks = vec![0.0; values.len()];
    let mut ties = 0.0;
    let mut start = 0;
    for group in order.chunk_by(|a, b| keys.get(*a) == keys.get(*b)) {
        let t = real(group.len());
        // Positions start+1 ..= start+t share their mean rank.
        let rank = real(start) + (t + 1.0) / 2.0;
        for i in group {
            if let Some(r) = ranks.get_mut(*i) {
                *r = rank;
            }
        }
        ties += t * t * t - t;
        start += group.len();
    }
    (ranks, ties)
}

impl StageScores {
    /// Kendall's W with tie correction (Kendall & Babington Smith 1939; Siegel & Castellan 1988,
    /// *Nonparametric Statistics for the Behavioral Sciences*, §9.4):
    /// `W = 12·S / (m²(n³−n) − m·ΣT_j)`, where each judge ranks the `n` entries (average ranks
    /// for ties, ties judged at the published precision), `R_i` is entry `i`'s rank sum,
    /// `S = Σ(R_i − m(n+1)/2)²` and `T_j = Σ(t³−t)` over judge `j`'s tie groups. By
    /// Cauchy–Schwarz `12·S` never exceeds the denominator, so W ∈ [0, 1].
    pub fn kendall_w(&self) -> Result<KendallW, NotComputable> {
        let block = self.usable_block()?;
        let (n, m) = (block.entries.len(), block.judges.len());
        let mut rank_sums = vec![0.0; n];
        let mut ties = 0.0;
        for j in 0..m {
            let (ranks, t) = average_ranks(&block.column(j));
            ties += t;
            for (sum, r) in rank_sums.iter_mut().zip(ranks) {
                *sum += r;
            }
        }
        let (nf, mf) = (real(n), real(m));
        let center = mf * (nf + 1.0) / 2.0;
        let s: f64 = rank_sums.iter().map(|r| (r - center).powi(2)).sum();
        let den = mf * mf * (nf * nf * nf - nf) - mf * ties;
        // Rank arithmetic is exact in f64 (half-integers), so a zero denominator is exactly zero.
        if den <= 0.0 {
            return Err(NotComputable::NoVariation);
        }
        let w = (12.0 * s / den).clamp(0.0, 1.0);
        Ok(KendallW {
            w,
            chi_square: mf * (nf - 1.0) * w,
            degrees_of_freedom: count(n - 1),
            judges: count(m),
            entries: count(n),
            excluded_entries: count(block.excluded_entries.len()),
        })
    }
}
