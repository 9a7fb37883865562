//! The decree (*surat keputusan*) fixing the winners: Menimbang, Mengingat, Memutuskan /
//! Menetapkan, the signatory with NIP, and the lampiran with every winner's amounts and the
//! total in words.

use serde::Serialize;

use super::minutes::{competition_line, region_of, subject};
use super::{Letterhead, Money, Signatory, score, stamp};
use crate::results::Published;

/// The official who signs and the decree's number, place and date.
#[derive(Clone, Debug)]
pub struct Official {
    pub name: String,
    /// The office title, e.g. `Kepala Dinas Pemberdayaan Masyarakat dan Desa Provinsi Jawa Timur`.
    pub title: String,
    pub nip: String,
    /// The decree number, e.g. `412.2/123/DPMPD/2026`.
    pub number: String,
    pub place: String,
    /// `1 Desember 2026`: the announcement's date in the competition's zone.
    pub date: String,
}

impl Official {
    /// The signature block: `Ditetapkan di …` / `pada tanggal …`, the title, name and NIP.
    #[must_use]
    pub fn signatory(&self) -> Signatory {
        Signatory {
            place_date: format!("Ditetapkan di {}\npada tanggal {}", self.place, self.date),
            role: self.title.clone(),
            name: self.name.clone(),
            nip: self.nip.clone(),
        }
    }
}

#[derive(Serialize)]
struct Dictum {
    label: String,
    text: String,
}

#[derive(Serialize)]
struct Winner {
    label: String,
    village: String,
    region: String,
    score: String,
    cash: String,
    assistance: String,
    total: String,
}

#[derive(Serialize)]
struct Totals {
    cash: String,
    cash_words: String,
    assistance: String,
    assistance_words: String,
    all: String,
}

#[derive(Serialize)]
struct Data {
    title: String,
    kop: Option<Letterhead>,
    heading: Vec<String>,
    number: String,
    about: Vec<String>,
    title_upper: String,
    considering: Vec<String>,
    recalling: Vec<String>,
    enacting: String,
    dictums: Vec<Dictum>,
    signatory: Signatory,
    date: String,
    winners: Vec<Winner>,
    totals: Totals,
    total: Money,
    footer: String,
}

/// The laws every such decree recalls.
const RECALLING: [&str; 4] = [
    "Undang-Undang Nomor 6 Tahun 2014 tentang Desa sebagaimana telah beberapa kali diubah, \
     terakhir dengan Undang-Undang Nomor 3 Tahun 2024;",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa \
     kali diubah;",
    "Peraturan Menteri Dalam Negeri Nomor 81 Tahun 2015 tentang Evaluasi Perkembangan Desa dan \
     Kelurahan;",
    "Petunjuk Pelaksanaan dan Petunjuk Teknis lomba yang berlaku pada tahun berjalan.",
];

fn rp(amount: i64) -> String {
    if amount == 0 {
        "—".into()
    } else {
        Money::of(amount).amount
    }
}

/// The decree as a PDF.
///
/// # Errors
/// A template error.
pub fn pdf(
    p: &Published,
    o: &Official,
    kop: Option<&Letterhead>,
    version: i32,
    hash: &str,
) -> Result<Vec<u8>, super::Error> {
    let about = vec!["PENETAPAN PEMENANG".to_owned(), competition_line(p)];
    let title_upper = o.title.to_uppercase();
    let all = p.totals.cash.saturating_add(p.totals.assistance);
    let total = Money::of(all);
    let subject = subject(p);
    let data = Data {
        title: format!("Keputusan Penetapan Pemenang {subject}"),
        kop: kop.cloned(),
        heading: vec![format!("KEPUTUSAN {title_upper}")],
        number: o.number.clone(),
        enacting: format!(
            "KEPUTUSAN {title_upper} TENTANG PENETAPAN PEMENANG {}.",
            competition_line(p)
        ),
        about,
        considering: vec![
            format!(
                "bahwa dalam rangka mendorong dan mengevaluasi perkembangan desa dan kelurahan \
                 telah diselenggarakan {subject};"
            ),
            "bahwa berdasarkan hasil penilaian dan rapat pleno Tim Penilai sebagaimana \
             tercantum dalam Berita Acara Rapat Pleno, telah diperoleh peringkat peserta;"
                .into(),
            format!(
                "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, \
                 perlu menetapkan Keputusan {} tentang Penetapan Pemenang {subject};",
                o.title
            ),
        ],
        recalling: RECALLING.iter().map(|s| (*s).to_owned()).collect(),
        dictums: vec![
            Dictum {
                label: "KESATU".into(),
                text: format!(
                    "Menetapkan pemenang {subject} sebagaimana tercantum dalam Lampiran yang \
                     merupakan bagian tidak terpisahkan dari Keputusan ini."
                ),
            },
            Dictum {
                label: "KEDUA".into(),
                text: format!(
                    "Kepada pemenang sebagaimana dimaksud dalam Diktum KESATU diberikan uang \
                     pembinaan dan/atau bantuan keuangan dengan jumlah seluruhnya {} ({}).",
                    total.amount, total.words
                ),
            },
            Dictum {
                label: "KETIGA".into(),
                text: "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan \
                       pada anggaran yang tersedia untuk kegiatan tersebut."
                    .into(),
            },
            Dictum {
                label: "KEEMPAT".into(),
                text: "Keputusan ini mulai berlaku pada tanggal ditetapkan.".into(),
            },
        ],
        signatory: o.signatory(),
        date: o.date.clone(),
        winners: p
            .winners()
            .filter_map(|l| {
                let x = l.prize.as_ref()?;
                Some(Winner {
                    label: x.label.clone(),
                    village: l.village.name.clone(),
                    region: region_of(l),
                    score: score(l.final_score),
                    cash: rp(x.cash),
                    assistance: rp(x.assistance),
                    total: rp(x.cash.saturating_add(x.assistance)),
                })
            })
            .collect(),
        totals: Totals {
            cash: Money::of(p.totals.cash).amount,
            cash_words: Money::of(p.totals.cash).words,
            assistance: Money::of(p.totals.assistance).amount,
            assistance_words: Money::of(p.totals.assistance).words,
            all: total.amount.clone(),
        },
        total,
        title_upper,
        footer: stamp(Some(version), Some(hash)),
    };
    super::render("decree.typ", &data, kop)
}
