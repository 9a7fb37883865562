//! The committee's documents of one competition: which letterhead they carry, the signing
//! official's fields (all required, refused field by field), the meeting's minutes, and the
//! file names people keep (`sk-lomba-desa-prov-jatim-2026-v2.pdf`, not a UUID).

use crate::storage::Storage;

use entity::{competition, result_snapshot};
use sea_orm::{ConnectionTrait, DatabaseConnection};

use super::Error;
use crate::app::competition::zone;
use crate::db::regions;
use crate::db::results::minutes;
use crate::results::Published;
use crate::results::documents::decree::Official;
use crate::results::documents::minutes::Meeting;
use crate::results::documents::{self, Letterhead};

/// The signing official as typed on the results page.
#[derive(Clone, Debug, Default)]
pub struct OfficialInput {
    pub name: String,
    pub title: String,
    pub nip: String,
    pub number: String,
    pub place: String,
}

/// The official, dated by the announcement in the competition's zone, or the empty fields as
/// (field, locale key) pairs.
///
/// # Errors
/// Every empty or over-long field.
pub fn official(
    c: &competition::Model,
    s: &result_snapshot::Model,
    f: &OfficialInput,
) -> Result<Official, Vec<(&'static str, &'static str)>> {
    let mut errors = Vec::new();
    for (field, value) in [
        ("name", &f.name),
        ("title", &f.title),
        ("nip", &f.nip),
        ("number", &f.number),
        ("place", &f.place),
    ] {
        if value.trim().is_empty() {
            errors.push((field, "res-err-required"));
        } else if value.chars().count() > 200 {
            errors.push((field, "kop-err-line"));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Official {
        name: f.name.trim().to_owned(),
        title: f.title.trim().to_owned(),
        nip: f.nip.trim().to_owned(),
        number: f.number.trim().to_owned(),
        place: f.place.trim().to_owned(),
        date: crate::indonesian::tanggal(zone::date_of(s.announced_at, zone::of(c))),
    })
}

/// The letterhead of the office running `c`.
///
/// # Errors
/// A database error.
pub async fn letterhead<C: ConnectionTrait>(
    db: &C,
    storage: &Storage,
    c: &competition::Model,
) -> Result<Option<Letterhead>, Error> {
    Ok(crate::app::letterhead::for_region(db, storage, c.region_code.as_deref()).await?)
}

fn internal(e: &documents::Error) -> Error {
    Error::Internal(e.to_string())
}

/// The berita acara of the latest recorded minutes (404 without minutes).
///
/// # Errors
/// No minutes, a database or a layout error.
pub async fn minutes_pdf(
    db: &DatabaseConnection,
    storage: &Storage,
    c: &competition::Model,
    p: &Published,
    snap: Option<&result_snapshot::Model>,
) -> Result<Vec<u8>, Error> {
    let m = minutes::latest(db, c.id).await?.ok_or(Error::NotFound)?;
    let kop = letterhead(db, storage, c).await?;
    let meeting = Meeting {
        held_on: m.held_on,
        held_time: m.held_time.as_deref(),
        zone: zone::of(c),
        place: &m.place,
        members: &m.members,
        decision: &m.decision,
    };
    documents::minutes::pdf(
        p,
        &meeting,
        kop.as_ref(),
        snap.map(|s| s.version),
        snap.map(|s| s.content_hash.as_str()),
    )
    .map_err(|e| internal(&e))
}

/// How each stage combined its judges, in words, read from the competition's set-up (frozen
/// with the result after the announcement).
///
/// # Errors
/// A database error (a set-up that no longer validates describes nothing).
pub async fn aggregations<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
) -> Result<documents::recap::Aggregations, Error> {
    use juara_domain::stage::Aggregation;
    let Ok(setup) = crate::scoring::load_spec(db, c).await? else {
        return Ok(Vec::new());
    };
    Ok(setup
        .spec
        .stages()
        .iter()
        .map(|s| {
            let how = match s.aggregation {
                Aggregation::Mean => "rata-rata nilai juri".to_owned(),
                Aggregation::Median => "median nilai juri".to_owned(),
                Aggregation::TrimmedMean { k } => {
                    format!("rata-rata terpangkas: {k} nilai tertinggi dan {k} terendah dibuang")
                }
            };
            let how = if s.normalization.is_some() {
                format!("{how}, setelah koreksi kelonggaran juri")
            } else {
                how
            };
            (s.code.clone(), how)
        })
        .collect())
}

/// Province codes and the short names offices use in file names.
const PROVINCES: [(&str, &str); 38] = [
    ("11", "aceh"),
    ("12", "sumut"),
    ("13", "sumbar"),
    ("14", "riau"),
    ("15", "jambi"),
    ("16", "sumsel"),
    ("17", "bengkulu"),
    ("18", "lampung"),
    ("19", "babel"),
    ("21", "kepri"),
    ("31", "dki"),
    ("32", "jabar"),
    ("33", "jateng"),
    ("34", "diy"),
    ("35", "jatim"),
    ("36", "banten"),
    ("51", "bali"),
    ("52", "ntb"),
    ("53", "ntt"),
    ("61", "kalbar"),
    ("62", "kalteng"),
    ("63", "kalsel"),
    ("64", "kaltim"),
    ("65", "kaltara"),
    ("71", "sulut"),
    ("72", "sulteng"),
    ("73", "sulsel"),
    ("74", "sultra"),
    ("75", "gorontalo"),
    ("76", "sulbar"),
    ("81", "maluku"),
    ("82", "malut"),
    ("91", "papua"),
    ("92", "papbar"),
    ("93", "papsel"),
    ("94", "papteng"),
    ("95", "pappeg"),
    ("96", "papbardaya"),
];

/// Lower-case ASCII words joined by `-`.
#[must_use]
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// `lomba-desa-prov-jatim-2026`: category, level, region and year of `c`.
///
/// # Errors
/// A database error (naming a kabupaten or kecamatan).
pub async fn base_name<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
) -> Result<String, Error> {
    let level = match c.level.as_str() {
        "provinsi" => "prov",
        "kabupaten" => "kab",
        "kecamatan" => "kec",
        _ => "nasional",
    };
    let region = match c.region_code.as_deref() {
        None => String::new(),
        Some(code) => match PROVINCES.iter().find(|(p, _)| *p == code) {
            Some((_, short)) => (*short).to_owned(),
            None => {
                let name = regions::find(db, code).await?.map(|r| r.name);
                let name = name.unwrap_or_else(|| code.to_owned());
                let name = ["Kabupaten ", "Kota ", "Kecamatan "]
                    .iter()
                    .fold(name.as_str(), |n, p| n.strip_prefix(p).unwrap_or(n))
                    .to_owned();
                slug(&name)
            }
        },
    };
    let parts = [
        "lomba".to_owned(),
        slug(&c.category),
        level.to_owned(),
        region,
        c.year.to_string(),
    ];
    Ok(parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("-"))
}

/// `<kind>-lomba-desa-prov-jatim-2026-v2.<ext>`, or `…-pratinjau.<ext>` before the
/// announcement.
///
/// # Errors
/// A database error.
pub async fn file_name<C: ConnectionTrait>(
    db: &C,
    c: &competition::Model,
    kind: &str,
    snap: Option<&result_snapshot::Model>,
    ext: &str,
) -> Result<String, Error> {
    let base = base_name(db, c).await?;
    let version = snap.map_or_else(|| "pratinjau".to_owned(), |s| format!("v{}", s.version));
    Ok(format!("{kind}-{base}-{version}.{ext}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_are_plain_ascii_words() {
        assert_eq!(super::slug("Kudus"), "kudus");
        assert_eq!(super::slug("Tanjung Jabung Barat"), "tanjung-jabung-barat");
        assert_eq!(super::slug("desa"), "desa");
        assert_eq!(super::slug(" Pulau  Taliabu! "), "pulau-taliabu");
    }
}
