//! The built-in set-up templates *Lomba Desa* and *Lomba Kelurahan*, modelled on the national
//! evaluation (Permendagri 81/2015, Juklak 2023/2024): three bidang with their aspects and
//! indicators, a documents → field verification → presentation funnel, the usual document
//! checklist and a prize table. Plain data; a unit test validates both through the engine.

use entity::DocumentKind;
use juara_domain::Points;
use juara_domain::tie_break::TieBreak;

use crate::db::competition_setup::{
    CriterionData, CriterionFields, DocumentFields, PrizeFields, SetupData, StageData, StageFields,
};
use crate::db::competitions::Category;

mod aspects;
mod rubrics;

use aspects::BIDANG;

/// A built-in template.
#[derive(Clone, Debug)]
pub struct CompetitionTemplate {
    /// `desa` or `kelurahan`, also the URL/form key.
    pub key: &'static str,
    pub category: Category,
    pub setup: SetupData,
    pub tie_breaks: Vec<TieBreak>,
    /// Rupiah.
    pub cash_budget: i64,
    pub assistance_budget: Option<i64>,
}

fn node(code: &str, parent: Option<&str>, name: &str, weight: i32, scale: bool) -> CriterionData {
    CriterionData {
        id: None,
        parent_code: parent.map(str::to_owned),
        fields: CriterionFields {
            code: code.to_owned(),
            name: name.to_owned(),
            guidance: String::new(),
            weight,
            scale_min: scale.then_some(Points::from_whole(1).units()),
            scale_max: scale.then_some(Points::from_whole(5).units()),
            scale_step: scale.then_some(Points::from_whole(1).units()),
            optional: false,
            requires_evidence: scale,
            levels: if scale {
                rubrics::indicator()
            } else {
                Vec::new()
            },
        },
    }
}

/// The three bidang with aspects and indicators (indicators scored 1–5).
fn national_tree() -> Vec<CriterionData> {
    let mut out = Vec::new();
    for (code, name, weight, aspects) in BIDANG {
        out.push(node(code, None, name, weight, false));
        for (acode, aname, aweight, indicators) in aspects {
            out.push(node(acode, Some(code), aname, *aweight, false));
            for (i, (iname, iweight)) in (1..).zip(indicators.iter()) {
                let icode = format!("{acode}.{i}");
                out.push(node(&icode, Some(acode), iname, *iweight, true));
            }
        }
    }
    out
}

/// The presentation stage's criteria, scored 0–100.
fn presentation_tree() -> Vec<CriterionData> {
    [
        ("P1", "Penyampaian materi oleh kepala desa/lurah", 30),
        ("P2", "Inovasi dan potensi unggulan", 30),
        ("P3", "Tanya jawab dengan tim penilai", 40),
    ]
    .into_iter()
    .map(|(code, name, weight)| {
        let mut n = node(code, None, name, weight, false);
        n.fields.scale_min = Some(0);
        n.fields.scale_max = Some(Points::from_whole(100).units());
        n.fields.scale_step = Some(Points::from_whole(1).units());
        n.fields.levels = rubrics::presentation();
        n
    })
    .collect()
}

fn stage(code: &str, name: &str, kind: &str, weight: i32, shortlist: Option<i32>) -> StageFields {
    StageFields {
        code: code.to_owned(),
        name: name.to_owned(),
        kind: kind.to_owned(),
        weight,
        aggregation: "mean".to_owned(),
        trim_k: 0,
        quorum: 3,
        shortlist,
        pass_threshold: None,
        normalize: false,
        min_entries_per_judge: 5,
        judges_per_entry: 5,
    }
}

fn stages() -> Vec<StageData> {
    vec![
        StageData {
            id: None,
            fields: stage(
                "ADM",
                "Penilaian administrasi (dokumen)",
                "documents",
                0,
                Some(6),
            ),
            criteria: national_tree(),
        },
        StageData {
            id: None,
            fields: stage("LAPANGAN", "Klarifikasi lapangan", "field", 50, None),
            criteria: national_tree(),
        },
        StageData {
            id: None,
            fields: stage("PAPARAN", "Pemaparan finalis", "presentation", 50, None),
            criteria: presentation_tree(),
        },
    ]
}

fn doc(code: &str, label: &str, description: &str, kind: DocumentKind) -> DocumentFields {
    DocumentFields {
        code: code.to_owned(),
        label: label.to_owned(),
        description: description.to_owned(),
        kind: kind.as_str().to_owned(),
        required: true,
    }
}

fn documents(category: Category) -> Vec<DocumentFields> {
    let (unit, plan, annual) = match category {
        Category::Desa => ("desa", "RPJMDes", "RKPDes"),
        Category::Kelurahan => ("kelurahan", "Renstra Kelurahan", "Renja Kelurahan"),
    };
    vec![
        doc(
            "PROFIL_N1",
            &format!("Profil {unit} tahun N-1"),
            "Data profil tahun lalu.",
            DocumentKind::File,
        ),
        doc(
            "PROFIL_N2",
            &format!("Profil {unit} tahun N-2"),
            "Data profil dua tahun lalu.",
            DocumentKind::File,
        ),
        doc(
            "RPJM",
            plan,
            "Rencana pembangunan jangka menengah.",
            DocumentKind::File,
        ),
        doc(
            "RKP_N1",
            &format!("{annual} tahun N-1"),
            "Rencana kerja tahunan.",
            DocumentKind::File,
        ),
        doc(
            "RKP_N2",
            &format!("{annual} tahun N-2"),
            "Rencana kerja tahunan.",
            DocumentKind::File,
        ),
        doc(
            "LAMPIRAN_81",
            "Lampiran data Permendagri 81/2015",
            "Lampiran data evaluasi perkembangan.",
            DocumentKind::File,
        ),
        doc(
            "VIDEO",
            "Tautan video profil",
            "Gambaran umum, potensi, keunggulan dan inovasi.",
            DocumentKind::Link,
        ),
    ]
}

fn tier(label: &str, cash: i64, assistance: i64, trophy: bool) -> PrizeFields {
    PrizeFields {
        label: label.to_owned(),
        cash,
        assistance,
        trophy,
        certificate: true,
    }
}

const JT: i64 = 1_000_000;

/// Every built-in template.
#[must_use]
pub fn all() -> Vec<CompetitionTemplate> {
    let tie_breaks = vec![
        TieBreak::StageScore {
            stage: "PAPARAN".to_owned(),
        },
        TieBreak::StageScore {
            stage: "LAPANGAN".to_owned(),
        },
    ];
    // Desa: Kaltim style, cash plus bantuan keuangan for the top three.
    let desa_prizes = vec![
        tier("Juara I", 15 * JT, 100 * JT, true),
        tier("Juara II", 12_500_000, 75 * JT, true),
        tier("Juara III", 10 * JT, 50 * JT, true),
        tier("Harapan I", 7_500_000, 0, false),
        tier("Harapan II", 5 * JT, 0, false),
        tier("Harapan III", 2_500_000, 0, false),
    ];
    // Kelurahan: cash only (Kalimantan Tengah 2024 amounts).
    let kelurahan_prizes = vec![
        tier("Juara I", 100 * JT, 0, true),
        tier("Juara II", 85 * JT, 0, true),
        tier("Juara III", 70 * JT, 0, true),
        tier("Harapan I", 60 * JT, 0, false),
        tier("Harapan II", 45 * JT, 0, false),
        tier("Harapan III", 30 * JT, 0, false),
    ];
    let sum = |p: &[PrizeFields], f: fn(&PrizeFields) -> i64| p.iter().map(f).sum::<i64>();
    vec![
        CompetitionTemplate {
            key: "desa",
            category: Category::Desa,
            cash_budget: sum(&desa_prizes, |p| p.cash),
            assistance_budget: Some(sum(&desa_prizes, |p| p.assistance)),
            setup: SetupData {
                stages: stages(),
                documents: documents(Category::Desa),
                prizes: desa_prizes,
            },
            tie_breaks: tie_breaks.clone(),
        },
        CompetitionTemplate {
            key: "kelurahan",
            category: Category::Kelurahan,
            cash_budget: sum(&kelurahan_prizes, |p| p.cash),
            assistance_budget: None,
            setup: SetupData {
                stages: stages(),
                documents: documents(Category::Kelurahan),
                prizes: kelurahan_prizes,
            },
            tie_breaks,
        },
    ]
}

/// The template with this key.
#[must_use]
pub fn find(key: &str) -> Option<CompetitionTemplate> {
    all().into_iter().find(|t| t.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn competition(t: &CompetitionTemplate) -> entity::competition::Model {
        let now = Utc::now().fixed_offset();
        entity::competition::Model {
            id: uuid::Uuid::new_v4(),
            name: "Uji".into(),
            year: 2026,
            level: "provinsi".into(),
            region_code: Some("64".into()),
            category: t.category.as_str().into(),
            status: entity::CompetitionStatus::Draft,
            description: String::new(),
            nomination_opens_at: None,
            nomination_closes_at: None,
            judging_closes_at: None,
            announcement_at: None,
            eligible_statuses: String::new(),
            require_definitive_head: false,
            max_entries: None,
            tie_breaks: serde_json::to_string(&t.tie_breaks).unwrap(),
            tie_policy: "split".into(),
            minimum_score: None,
            cash_budget: Some(t.cash_budget),
            assistance_budget: t.assistance_budget,
            appeals_enabled: false,
            appeal_days: 0,
            created_by: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn every_template_validates_through_the_engine() {
        for t in all() {
            let c = competition(&t);
            let valid = crate::scoring::build_spec(&c, t.setup.clone());
            assert!(valid.is_ok(), "{}: {:?}", t.key, valid.err());
            let valid = valid.unwrap();
            assert_eq!(valid.spec.stages().len(), 3, "{}", t.key);
            // 3 bidang, 18 aspects (4 + 5 + 9) and 35 indicators.
            let tree = &valid.spec.stages()[1].criteria;
            assert_eq!(tree.nodes().len(), 3 + 18 + 35, "{}", t.key);
            // Every leaf describes its levels, on its own scale.
            for stage in &t.setup.stages {
                for k in stage
                    .criteria
                    .iter()
                    .filter(|k| k.fields.scale_min.is_some())
                {
                    let f = &k.fields;
                    let scale = juara_domain::criteria::Scale {
                        min: Points::from_units(f.scale_min.unwrap()),
                        max: Points::from_units(f.scale_max.unwrap()),
                        step: f.scale_step.map(Points::from_units),
                    };
                    assert!(f.levels.len() >= 4, "{} {}", t.key, f.code);
                    let problems = juara_domain::criteria::levels::check(&scale, &f.levels);
                    assert!(problems.is_empty(), "{} {}: {problems:?}", t.key, f.code);
                }
            }
        }
    }

    #[test]
    fn the_kelurahan_template_pays_cash_only() {
        let t = find("kelurahan").unwrap();
        assert!(t.setup.prizes.iter().all(|p| p.assistance == 0));
        assert_eq!(t.cash_budget, 390 * JT);
        assert!(find("desa").unwrap().setup.prizes[0].assistance > 0);
    }
}
