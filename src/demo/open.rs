//! The demo's third competition: a kabupaten *Lomba Desa* in the demo village's own kabupaten
//! with nominations open, so the village operator (`demo-desa`) can walk the whole nomination:
//! profile, evidence, submission.

use chrono::{DateTime, Duration, FixedOffset};
use sea_orm::{DatabaseConnection, DbErr};
use uuid::Uuid;

use crate::app::competition::templates::CompetitionTemplate;
use crate::db::competitions::{self, Category, CompetitionFields, Level, Status};

/// Loads the competition and returns its id.
pub(super) async fn load(
    db: &DatabaseConnection,
    template: &CompetitionTemplate,
    admin: Uuid,
    regency: &str,
    now: DateTime<FixedOffset>,
) -> Result<Uuid, DbErr> {
    let year = now.format("%Y").to_string().parse::<i32>().unwrap_or(2026) + 1;
    let fields = CompetitionFields {
        name: format!("Lomba Desa Tingkat Kabupaten {year} (demo, pendaftaran dibuka)"),
        year,
        level: Level::Kabupaten,
        region_code: Some(regency.to_owned()),
        category: Category::Desa,
        description: "Contoh pendaftaran: desa mengisi profil, mengunggah data dukung per \
                      kriteria, lalu mengirim usulan sebelum batas waktu."
            .into(),
        nomination_opens_at: Some(now - Duration::days(5)),
        nomination_closes_at: Some(now + Duration::days(25)),
        judging_closes_at: Some(now + Duration::days(55)),
        announcement_at: Some(now + Duration::days(70)),
        eligible_statuses: Vec::new(),
        require_definitive_head: false,
        max_entries: None,
        appeals_enabled: true,
        appeal_days: 7,
        tie_policy: "split".into(),
        minimum_score: None,
        cash_budget: Some(template.cash_budget),
        assistance_budget: template.assistance_budget,
    };
    let c = super::sample::from_template(db, template, &fields, admin).await?;
    let c = competitions::set_status(db, c, Status::Open).await?;
    Ok(c.id)
}
