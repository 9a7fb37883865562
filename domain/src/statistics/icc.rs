//! Intraclass correlations of Shrout & Fleiss on the complete block.

use super::{Icc, MeanSquares, NotComputable, StageScores, count, mean, ratio, real};

impl StageScores {
    /// Intraclass correlations (Shrout & Fleiss 1979, "Intraclass correlations: uses in
    /// assessing rater reliability", *Psychological Bulletin* 86(2), 420–428, Table 1), from
    /// the mean squares of the `n` targets × `k` judges block:
    /// ICC(1,1) = (BMS−WMS)/(BMS+(k−1)WMS); ICC(2,1) = (BMS−EMS)/(BMS+(k−1)EMS+k(JMS−EMS)/n);
    /// ICC(3,1) = (BMS−EMS)/(BMS+(k−1)EMS); ICC(1,k) = (BMS−WMS)/BMS;
    /// ICC(2,k) = (BMS−EMS)/(BMS+(JMS−EMS)/n); ICC(3,k) = (BMS−EMS)/BMS.
    /// Values can be negative (agreement worse than chance); they are reported as computed.
    pub fn icc(&self) -> Result<Icc, NotComputable> {
        let block = self.usable_block()?;
        let (n, k) = (block.entries.len(), block.judges.len());
        let (nf, kf) = (real(n), real(k));
        let all: Vec<f64> = block.rows.iter().flatten().copied().collect();
        let grand = mean(&all);
        let ss_total: f64 = all.iter().map(|x| (x - grand).powi(2)).sum();
        let largest = all.iter().fold(0.0_f64, |a, x| a.max(x.abs()));
        // Negligible spread (relative to the magnitude of the scores) is float noise.
        if ss_total / (nf * kf) <= (1e-9 * (1.0 + largest)).powi(2) {
            return Err(NotComputable::NoVariation);
        }
        let ss_targets: f64 = block
            .rows
            .iter()
            .map(|r| kf * (mean(r) - grand).powi(2))
            .sum();
        let ss_judges: f64 = (0..k)
            .map(|j| nf * (mean(&block.column(j)) - grand).powi(2))
            .sum();
        let bms = ss_targets / (nf - 1.0);
        let jms = ss_judges / (kf - 1.0);
        // Clamp: the residual is a difference of sums and may come out as −1e-15.
        let ems = ((ss_total - ss_targets - ss_judges) / ((nf - 1.0) * (kf - 1.0))).max(0.0);
        let wms = ((ss_total - ss_targets) / (nf * (kf - 1.0))).max(0.0);
        let scale = bms + jms + ems + wms;
        Ok(Icc {
            targets: count(n),
            judges: count(k),
            excluded_entries: count(block.excluded_entries.len()),
            mean_squares: MeanSquares {
                between_targets: bms,
                between_judges: jms,
                residual: ems,
                within_targets: wms,
            },
            icc_1_1: ratio(bms - wms, bms + (kf - 1.0) * wms, scale),
            icc_2_1: ratio(
                bms - ems,
                bms + (kf - 1.0) * ems + kf * (jms - ems) / nf,
                scale,
            ),
            icc_3_1: ratio(bms - ems, bms + (kf - 1.0) * ems, scale),
            icc_1_k: ratio(bms - wms, bms, scale),
            icc_2_k: ratio(bms - ems, bms + (jms - ems) / nf, scale),
            icc_3_k: ratio(bms - ems, bms, scale),
        })
    }
}
