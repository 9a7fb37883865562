//! The aspects and indicators of the three bidang of the national evaluation, as data.

/// (code, name, weight, [(indicator name, weight)]).
pub(super) type Aspect = (
    &'static str,
    &'static str,
    i32,
    &'static [(&'static str, i32)],
);

const PEMERINTAHAN: &[Aspect] = &[
    (
        "1.1",
        "Tertib administrasi pemerintahan",
        30,
        &[
            ("Kelengkapan buku administrasi umum dan penduduk", 50),
            ("Ketepatan waktu penyusunan dan pelaporan APB", 50),
        ],
    ),
    (
        "1.2",
        "Kinerja penyelenggaraan pemerintahan",
        30,
        &[
            ("Realisasi pendapatan dan belanja", 34),
            ("Kualitas pelayanan publik", 33),
            ("Transparansi informasi publik", 33),
        ],
    ),
    (
        "1.3",
        "Prakarsa dan kreativitas pemerintahan",
        20,
        &[
            ("Inovasi program pemerintahan", 50),
            ("Kerja sama antardesa/pihak ketiga", 50),
        ],
    ),
    (
        "1.4",
        "Pemerintahan berbasis teknologi informasi",
        20,
        &[
            ("Sistem informasi dan situs web", 50),
            ("Pelayanan administrasi secara daring", 50),
        ],
    ),
];

const KEWILAYAHAN: &[Aspect] = &[
    (
        "2.1",
        "Identitas wilayah",
        20,
        &[
            ("Papan nama dan peta wilayah", 50),
            ("Data potensi dan profil wilayah", 50),
        ],
    ),
    (
        "2.2",
        "Batas wilayah",
        20,
        &[("Penetapan dan penegasan batas wilayah", 100)],
    ),
    (
        "2.3",
        "Inovasi pengelolaan wilayah",
        20,
        &[
            ("Pemanfaatan potensi wilayah", 50),
            ("Pengelolaan lingkungan dan sampah", 50),
        ],
    ),
    (
        "2.4",
        "Kesiapsiagaan bencana",
        20,
        &[
            ("Peta dan jalur evakuasi bencana", 50),
            ("Relawan dan sarana tanggap bencana", 50),
        ],
    ),
    (
        "2.5",
        "Regulasi investasi",
        20,
        &[("Kemudahan perizinan dan peraturan investasi", 100)],
    ),
];

const KEMASYARAKATAN: &[Aspect] = &[
    (
        "3.1",
        "Partisipasi masyarakat",
        12,
        &[
            ("Kehadiran dalam musyawarah", 50),
            ("Swadaya dan gotong royong", 50),
        ],
    ),
    (
        "3.2",
        "Lembaga kemasyarakatan",
        12,
        &[
            ("Keaktifan RT/RW dan LPM", 50),
            ("Karang taruna dan lembaga adat", 50),
        ],
    ),
    (
        "3.3",
        "Pemberdayaan kesejahteraan keluarga (PKK)",
        11,
        &[
            ("Pelaksanaan 10 program pokok PKK", 50),
            ("Administrasi dan kader PKK", 50),
        ],
    ),
    (
        "3.4",
        "Keamanan dan ketertiban",
        11,
        &[
            ("Siskamling dan linmas", 50),
            ("Penanganan konflik sosial", 50),
        ],
    ),
    (
        "3.5",
        "Pendidikan",
        11,
        &[
            ("Angka partisipasi sekolah", 50),
            ("PAUD dan pendidikan nonformal", 50),
        ],
    ),
    (
        "3.6",
        "Kesehatan",
        11,
        &[
            ("Posyandu dan kader kesehatan", 34),
            ("Penurunan stunting", 33),
            ("Sanitasi dan air bersih", 33),
        ],
    ),
    (
        "3.7",
        "Ekonomi masyarakat",
        11,
        &[("BUMDes/koperasi dan UMKM", 50), ("Ketahanan pangan", 50)],
    ),
    (
        "3.8",
        "Penanggulangan kemiskinan",
        11,
        &[
            ("Data dan sasaran penduduk miskin", 50),
            ("Program perlindungan sosial", 50),
        ],
    ),
    (
        "3.9",
        "Kapasitas masyarakat",
        10,
        &[("Pelatihan dan peningkatan keterampilan", 100)],
    ),
];

pub(super) const BIDANG: [(&str, &str, i32, &[Aspect]); 3] = [
    ("1", "Bidang Pemerintahan", 35, PEMERINTAHAN),
    ("2", "Bidang Kewilayahan", 30, KEWILAYAHAN),
    ("3", "Bidang Kemasyarakatan", 35, KEMASYARAKATAN),
];
