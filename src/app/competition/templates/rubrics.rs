//! The level descriptors (*rubrik*) the built-in templates ship: every indicator of the
//! national tree is scored 1–5 with the same five levels, worded after the maturity scale the
//! provincial evaluation teams use (is it there, is it running, is it evaluated and does it
//! spread); presentation criteria are scored 0–100 in the bands of the PKK and posyandu sheets
//! (65/75/85/95). Committees reword them per indicator in the criterion form.

use juara_domain::Points;
use juara_domain::criteria::levels::Level;

fn level(value: i64, text: &str) -> Level {
    Level {
        value: Points::from_whole(value),
        text: text.to_owned(),
    }
}

/// Levels 1–5 of an indicator.
pub(super) fn indicator() -> Vec<Level> {
    vec![
        level(1, "Belum ada: tidak ada kegiatan maupun dokumen."),
        level(
            2,
            "Baru direncanakan: ada rencana atau dokumen, belum dilaksanakan.",
        ),
        level(3, "Dilaksanakan sebagian: berjalan, bukti belum lengkap."),
        level(
            4,
            "Dilaksanakan dengan baik: berjalan rutin, bukti lengkap.",
        ),
        level(
            5,
            "Sangat baik: berjalan, dievaluasi dan berdampak nyata; layak ditiru desa lain.",
        ),
    ]
}

/// The four bands of a presentation criterion on 0–100.
pub(super) fn presentation() -> Vec<Level> {
    vec![
        level(
            65,
            "Cukup: disampaikan, kurang runtut dan tanpa data pendukung.",
        ),
        level(75, "Baik: runtut, sebagian didukung data."),
        level(
            85,
            "Sangat baik: runtut, didukung data dan contoh nyata di desa.",
        ),
        level(
            95,
            "Istimewa: meyakinkan, data lengkap, inovasi yang dapat ditiru.",
        ),
    ]
}
