# Bahasa Indonesia — the default language of Juara.

## Layout
nav-label = Navigasi utama
nav-regions = Wilayah
nav-admin = Panitia
nav-users = Pengguna
nav-my-account = Akun saya
nav-judge = Penilaian
nav-village = Desa saya
nav-login = Masuk
nav-logout = Keluar
footer-about = Juara — sistem Lomba Desa dan Kelurahan untuk DPMPD/DPMD.
footer-data-licence = Data wilayah dari idn-area-data (Kemendagri), tersedia di bawah Open Database License
pagination-label = Halaman
pagination-prev = Sebelumnya
pagination-next = Berikutnya
pagination-status = Halaman { $page } dari { $pages }

## Home
home-title = Lomba Desa dan Kelurahan
home-lead = Usulan desa dan kelurahan berprestasi, penilaian oleh tim penilai, dan pengumuman juara yang terbuka.
home-to-dashboard = Buka dasbor
home-how-title = Cara kerja
home-how-1 = Panitia DPMPD menyiapkan lomba: kriteria, tahap penilaian, dan hadiah.
home-how-2 = Operator desa/kelurahan mengirim usulan beserta dokumen pendukung.
home-how-3 = Tim penilai menilai secara tertutup; hasil dan rincian nilai diumumkan untuk semua.
home-browse-regions = Jelajahi data wilayah

## Levels and roles
level-province = Provinsi
level-regency = Kabupaten/Kota
level-district = Kecamatan
level-village = Desa/Kelurahan
level-province-plural = provinsi
level-regency-plural = kabupaten/kota
level-village-plural = desa dan kelurahan
role-admin = Panitia (admin)
role-judge = Juri
role-village = Operator desa/kelurahan
role-judge-plural = juri
role-village-plural = operator desa/kelurahan

## Session
login-title = Masuk
login-submit = Masuk
login-help = Lupa kata sandi? Hubungi panitia DPMPD di provinsi Anda.
login-failed = Nama pengguna atau kata sandi salah.
login-throttled = Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam { $minutes } menit.
flash-logged-in = Selamat datang kembali, { $name }.
flash-logged-in-first = Selamat datang di Juara, { $name }.
flash-logged-out = Anda telah keluar.

## Account
password-title = Ganti kata sandi
password-submit = Simpan kata sandi baru
flash-password-changed = Kata sandi telah diganti. Sesi di perangkat lain telah diakhiri.
field-username = Nama pengguna
field-password = Kata sandi
field-current-password = Kata sandi saat ini
field-new-password = Kata sandi baru
field-confirm-password = Ulangi kata sandi baru
field-display-name = Nama lengkap
field-role = Peran
field-region-code = Kode wilayah
field-village-code = Kode desa/kelurahan
hint-password = Minimal 10 karakter.
hint-password-optional = Kosongkan untuk membuat kata sandi acak yang ditampilkan sekali.
hint-username = 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.
hint-village-code = Untuk operator desa, mis. 64.02.01.2001.
hint-region-code = Untuk panitia: wilayah kerja (kosong = nasional). Untuk juri: wilayah asal, dipakai untuk konflik kepentingan.

## Dashboards
admin-title = Dasbor panitia
admin-scope = Wilayah kerja
admin-scope-national = Wilayah kerja: nasional
admin-actions = Tindakan
judge-title = Dasbor juri
judge-welcome = Selamat datang, { $name }.
judge-home-region = Wilayah asal
judge-home-region-help = Anda tidak akan ditugaskan menilai desa di wilayah asal Anda.
judge-no-home-region = Wilayah asal belum diisi.
judge-assignments = Penugasan
judge-no-assignments = Belum ada usulan yang ditugaskan kepada Anda.
village-title = Desa saya
village-nominations = Usulan lomba
village-no-nominations = Belum ada usulan lomba.

## Regions
regions-title = Data wilayah
regions-search = Cari
regions-search-placeholder = Nama atau kode wilayah
regions-level = Tingkat
regions-all-levels = Semua tingkat
regions-found = { $count } wilayah ditemukan.
regions-none = Tidak ada wilayah yang cocok.
regions-children = { $count } wilayah di bawahnya
col-code = Kode
col-name = Nama
col-level = Tingkat
col-kind = Jenis
col-region = Wilayah

## Accounts (admin)
users-title = Akun pengguna
users-new = Buat akun
users-create = Buat akun
users-created = Akun dibuat
users-password-once = Catat kata sandi ini sekarang: kata sandi tidak akan ditampilkan lagi.
users-search-placeholder = Cari nama atau nama pengguna
users-all-roles = Semua peran
users-none = Belum ada akun.
users-deactivate = Nonaktifkan
users-activate = Aktifkan
flash-user-activated = Akun telah diaktifkan.
flash-user-deactivated = Akun telah dinonaktifkan dan sesinya diakhiri.

## Field errors
err-control-char = Isian mengandung karakter yang tidak diizinkan.
err-required = Wajib diisi.
err-length = Panjang isian tidak sesuai.
err-choice = Pilih salah satu pilihan yang tersedia.
err-range = Nilai di luar rentang yang diizinkan.
err-number = Harus berupa angka.
err-invalid = Isian tidak valid.
err-username-format = Nama pengguna harus 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.
err-username-taken = Nama pengguna sudah dipakai.
err-outside-scope = Wilayah ini di luar wilayah kerja Anda.
err-unknown-village = Kode desa/kelurahan tidak ditemukan.
err-unknown-region = Kode wilayah tidak ditemukan (gunakan kode provinsi, kabupaten/kota atau kecamatan).
err-password-too-short = Kata sandi minimal 10 karakter.
err-password-too-long = Kata sandi maksimal 128 karakter.
err-password-is-username = Kata sandi tidak boleh sama dengan nama pengguna.
err-current-password = Kata sandi saat ini salah.
err-password-mismatch = Kedua kata sandi baru tidak sama.
err-password-guessable = Kata sandi ini terlalu mudah ditebak (kata umum, pengulangan atau urutan). Gunakan beberapa kata yang tidak lazim digabung.

## Error pages
error-back-home = Kembali ke beranda
error-400-title = Permintaan tidak valid
error-401-title = Perlu masuk
error-403-title = Akses ditolak
error-404-title = Tidak ditemukan
error-413-title = Berkas terlalu besar
error-422-title = Isian tidak valid
error-429-title = Terlalu banyak permintaan
error-500-title = Terjadi kesalahan
error-503-title = Layanan tidak tersedia
error-400 = Permintaan tidak dapat diproses.
error-401 = Silakan masuk untuk membuka halaman ini.
error-403 = Anda tidak berhak membuka halaman ini, atau formulir sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.
error-404 = Halaman atau data yang Anda cari tidak ada.
error-413 = Berkas atau isian melebihi batas ukuran sekali kirim (lihat batas di samping kolom unggah). Kembali ke halaman sebelumnya, perkecil atau pisahkan berkasnya, lalu unggah lagi. Isian yang sudah diketik tetap tersimpan di perangkat ini.
error-422 = Periksa kembali isian Anda.
error-429 = Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.
error-500 = Terjadi kesalahan di server. Coba lagi nanti; tim kami sudah dicatat.
error-503 = Basis data tidak dapat dihubungi. Layanan sedang terganggu; coba lagi beberapa saat lagi. Anda tidak perlu masuk ulang.
error-password-change-required = Kata sandi akun ini harus diganti terlebih dahulu (Akun → Ganti kata sandi).

## Sessions and security
password-must-change = Kata sandi akun ini dibuat otomatis. Ganti kata sandi sekarang sebelum melanjutkan.
logout-all-title = Keluar dari semua perangkat
logout-all-help = Mengakhiri semua sesi akun ini di semua peramban dan perangkat, termasuk yang ini. Token API tidak terpengaruh.
logout-all-submit = Keluar dari semua perangkat
flash-logged-out-all = Anda telah keluar dari semua perangkat.
lockouts-title = Penguncian masuk
lockouts-intro = Percobaan masuk yang gagal berulang kali dari satu alamat, atau terlalu sering untuk satu akun, dalam 30 hari terakhir.
lockouts-empty = Tidak ada penguncian.
lockouts-when = Waktu
lockouts-account = Akun
lockouts-kind = Jenis
lockouts-detail = Rincian
lockouts-kind-address = Alamat dikunci sementara
lockouts-kind-account = Akun diperlambat
lockouts-link = Penguncian masuk
confirm-step = Langkah ini tidak bisa dibatalkan. Lanjutkan?
confirm-remove = Hapus data ini?
form-summary = Periksa isian berikut:
form-draft-restored = Isian yang belum tersimpan dipulihkan dari perangkat ini. Tekan Simpan agar tersimpan.
form-draft-discard = Buang isian yang dipulihkan
form-uploading = Mengunggah…
admin-running = Lomba berjalan
admin-all-competitions = Semua lomba
admin-to-review = { $n } usulan menunggu diperiksa
admin-accepted = { $n } usulan lolos administrasi
admin-no-running = Belum ada lomba yang berjalan. Mulai dengan "Buat lomba".

# Region fields (type-ahead over the registry)
field-region = Wilayah
field-village = Desa/kelurahan
region-picker-hint = Ketik nama wilayah lalu pilih dari daftar, atau isi kodenya.
region-picker-none = Tidak ada wilayah yang cocok.
region-picker-count = %n wilayah cocok. Pilih dengan tombol panah lalu Enter.
region-level-province = Provinsi
region-level-regency = Kabupaten/Kota
region-level-district = Kecamatan
region-level-village = Desa/Kelurahan
region-title-province = Provinsi { $name }
region-title-district = Kecamatan { $name }
err-region-unknown = Wilayah tidak ditemukan. Ketik namanya lalu pilih dari daftar, atau isi kode Kemendagri (mis. 64.72).
err-region-ambiguous = Ada beberapa wilayah dengan nama ini. Pilih salah satu dari daftar, atau isi kodenya (mis. 34.04).
err-region-mismatch = Kode dan nama wilayah tidak cocok. Pilih ulang dari daftar, atau isi kodenya saja.
