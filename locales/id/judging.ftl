# Penilaian (judging) — Bahasa Indonesia.

## Judge
jdg-dash-title = Lembar penilaian saya
jdg-dash-progress = { $done } dari { $total } lembar sudah dikirim
jdg-all = Semua
jdg-filter = Saring
jdg-stage = Tahap
jdg-status = Status
jdg-village = Desa/kelurahan
jdg-deadline = Batas penilaian
jdg-status-assigned = Belum dinilai
jdg-status-draft = Draf
jdg-status-submitted = Terkirim
jdg-profile = Profil desa dan data dukung
jdg-evidence = Data dukung
jdg-subtotal = Subtotal tertimbang
jdg-answered = { $done } dari { $total } indikator terisi
jdg-aspect-subtotal = Subtotal aspek
jdg-score = Nilai
jdg-step = kelipatan
jdg-na = Tidak berlaku
jdg-comment = Catatan
jdg-visit = Verifikasi lapangan
jdg-visit-date = Tanggal kunjungan
jdg-visit-notes = Catatan kunjungan
jdg-save = Simpan draf
jdg-submit = Kirim penilaian
jdg-submit-hint = Setelah dikirim, lembar terkunci dan hanya panitia yang dapat membukanya kembali.
jdg-reopened-because = Dibuka kembali oleh panitia
jdg-flash-saved = Draf penilaian tersimpan.
jdg-flash-submitted = Penilaian terkirim dan terkunci.

## Errors
jdg-err-number = Tulis angka, misalnya 3 atau 3,5.
jdg-err-out-of-scale = Nilai harus antara { $min } dan { $max }.
jdg-err-off-step = Nilai harus berada pada kelipatan { $step } dari nilai terendah.
jdg-err-na-required = Indikator ini wajib dinilai; "tidak berlaku" tidak diizinkan.
jdg-err-outside-scope = Indikator ini bukan bagian aspek yang ditugaskan kepada Anda.
jdg-err-unknown-criterion = Indikator tidak dikenal.
jdg-err-invalid = Ada nilai yang tidak dapat diterima; tidak ada yang disimpan.
jdg-err-incomplete = Masih ada { $count } indikator yang belum dinilai.
jdg-err-unanswered = Belum dinilai.
jdg-err-stale = Lembar ini sudah disimpan dari tab atau perangkat lain. Muat ulang halaman untuk melihat versi terbaru; tidak ada yang ditimpa.
jdg-err-locked = Lembar sudah dikirim dan terkunci.
jdg-err-no-spec = Pengaturan kriteria lomba tidak valid; hubungi panitia.
jdg-closed-not-judging = Lomba tidak sedang dalam tahap penilaian.
jdg-closed-stage = Tahap ini sudah ditutup panitia.
jdg-closed-deadline = Batas waktu penilaian sudah lewat.
jdg-err-form = Isian tidak lengkap atau tidak valid.
jdg-err-seed = Nomor undian harus bilangan bulat (tanpa huruf atau tanda baca), atau kosongkan saja.
jdg-err-reason = Alasan wajib diisi.
jdg-err-not-submitted = Lembar belum dikirim, jadi tidak perlu dibuka kembali.
jdg-err-already-closed = Tahap ini sudah ditutup.
jdg-err-sheets-missing = Masih ada lembar yang belum dikirim. Centang "tutup walau belum lengkap" dan isi catatan untuk tetap menutup.
jdg-err-drawn = Undian urutan sudah dilakukan.
jdg-err-schedule-start = Isi tanggal dan jam mulai, misalnya 2026-08-10 08:00.
jdg-err-schedule-minutes = Durasi per desa harus 1 sampai 600 menit.
jdg-err-not-drawn = Undi urutan pemaparan terlebih dahulu.
jdg-err-region = Kode wilayah tidak ditemukan.
jdg-region-hint = Kode desa, kecamatan, kabupaten/kota atau provinsi, misalnya 33.19.01 (seluruh desa di dalamnya ikut).
jdg-err-conflict-exists = Konflik kepentingan ini sudah tercatat.

## Committee
jdg-admin-title = Penilaian
jdg-per-entry = { $n } juri per peserta
jdg-panel = Tim penilai
jdg-panel-add = Tambahkan ke tim
jdg-all-aspects = semua aspek
jdg-aspects = Aspek yang dinilai
jdg-aspects-hint = Kosongkan untuk menilai semua aspek.
jdg-judge = Juri
jdg-remove = Hapus
jdg-assign = Penugasan
jdg-seed = Nomor undian
jdg-seed-hint-draw = Kosongkan agar sistem memilih nomor sendiri. Nomor ini dicatat dan diumumkan: undian dengan nomor yang sama selalu menghasilkan urutan yang sama, jadi siapa pun dapat memeriksanya.
jdg-seed-hint-assign = Kosongkan agar sistem memilih nomor sendiri. Nomor ini dicatat: dengan nomor yang sama, pembagian juri selalu sama, jadi dapat diperiksa kembali.
jdg-auto-assign = Tugaskan otomatis
jdg-manual-assign = Tugaskan manual
jdg-progress = Kemajuan
jdg-late = Terlambat
jdg-sheets = Lembar penilaian
jdg-reason = Alasan
jdg-reopen = Buka kembali
jdg-close = Tutup tahap
jdg-close-force = Tutup walau belum lengkap
jdg-close-note = Catatan penutupan
jdg-closed = Ditutup
jdg-draw = Urutan pemaparan
jdg-draw-do = Undi urutan
jdg-schedule = Simpan jadwal
jdg-schedule-start = Mulai ({ $zone })
jdg-schedule-minutes = Menit per peserta
jdg-assign-no-panel = Tahap ini belum punya tim penilai.
jdg-assign-too-few = Ada peserta yang tidak punya cukup juri tanpa konflik kepentingan.
jdg-assign-panel-small = Tim penilai tahap ini hanya { $panel } juri, padahal tahap ini meminta { $needed } juri per peserta. Tambahkan juri ke tim penilai, atau kurangi "Juri per peserta" di pengaturan tahap.
jdg-assign-subpanel-small = Juri yang menilai aspek tertentu di tahap ini hanya { $panel } orang, padahal tahap ini meminta { $needed } juri per peserta. Tambahkan juri untuk aspek itu, atau kurangi "Juri per peserta" di pengaturan tahap.
jdg-assign-conflicts = Peserta berikut tidak punya { $needed } juri tanpa konflik kepentingan: { $entries }. Tambahkan juri dari wilayah lain ke tim penilai.
jdg-assign-free-judges = { $village } ({ $free } juri tanpa konflik)
jdg-assign-unbalanced = Konflik kepentingan membuat beban juri tidak dapat diratakan (selisih paling banyak satu).
jdg-assign-zero = Jumlah juri per peserta harus minimal 1.
jdg-assign-started = Penilaian tahap ini sudah dimulai; penugasan otomatis akan membuang pekerjaan juri.
jdg-assign-conflict = Juri ini memiliki konflik kepentingan dengan peserta tersebut.
jdg-assign-duplicate = Juri ini sudah ditugaskan ke peserta tersebut.
jdg-assign-in-use = Lembar ini sudah dikerjakan dan tidak dapat dihapus.
jdg-flash-panel = Tim penilai diperbarui.
jdg-flash-assigned = Penugasan tersimpan.
jdg-flash-unassigned = Penugasan dihapus.
jdg-flash-reopened = Lembar dibuka kembali; juri akan melihat alasannya.
jdg-flash-closed = Tahap ditutup.
jdg-flash-drawn = Urutan pemaparan diundi.
jdg-flash-scheduled = Jadwal pemaparan tersimpan.

## Conflicts
jdg-conflicts-title = Konflik kepentingan
jdg-conflicts-help = Juri tidak pernah melihat atau menilai peserta dari wilayah yang tercatat di sini, maupun dari wilayah domisilinya.
jdg-region = Kode wilayah (desa, kecamatan, atau kabupaten)
jdg-declare = Catat konflik
jdg-flash-conflict = Konflik kepentingan tercatat.
jdg-flash-conflict-withdrawn = Konflik kepentingan dicatat. { $n } lembar penilaian juri ini untuk desa di wilayah tersebut disimpan tetapi tidak lagi dihitung dalam hasil; panitia perlu menugaskan juri lain.
jdg-flash-conflict-removed = Konflik kepentingan dihapus.

## Photos
jdg-photos = Foto verifikasi
jdg-photo-add = Unggah foto
jdg-err-photo = Pilih foto JPEG atau PNG yang tidak melebihi batas ukuran.
jdg-flash-photo = Foto tersimpan.
jdg-draw-position = urutan ke-{ $n }
jdg-err-visit-date = Tanggal kunjungan tidak valid (format TTTT-BB-HH).
jdg-incomplete-entries = Peserta yang lembarnya belum lengkap

## Public presentation schedule
pres-title = Jadwal pemaparan
pres-nav = Jadwal
pres-lead = Urutan pemaparan desa/kelurahan diundi panitia. Nomor undian dicatat agar siapa pun dapat mengulang undian dan memperoleh urutan yang sama.
pres-none = Belum ada lomba yang mengundi urutan pemaparan.
pres-drawn-at = Diundi
pres-you = Anda
pres-mine = Urutan Anda: ke-{ $n } pada tahap { $stage }
pres-at = pada { $time }

# Judges × entries grid
grid-title = Kemajuan penilaian: juri × peserta
grid-total = Terkirim
grid-total-hint = Angka "Terkirim" = lembar terkirim / lembar yang dihitung (tanpa yang dikecualikan).
grid-legend = Keterangan
grid-empty = Belum ada juri di panel atau belum ada peserta yang diterima.
grid-indicators = { $done }/{ $total } indikator
grid-state-none = Tidak ditugaskan
grid-state-assigned = Belum mulai
grid-state-draft = Draf
grid-state-submitted = Terkirim
grid-state-reopened = Dibuka ulang
grid-state-excluded = Dikecualikan
grid-help-none = juri ini tidak menilai peserta ini
grid-help-assigned = sudah ditugaskan, belum ada nilai
grid-help-draft = sebagian indikator sudah dinilai, belum dikirim
grid-help-submitted = lembar nilai sudah dikirim
grid-help-reopened = dibuka kembali oleh panitia, perlu dikirim ulang
grid-help-excluded = tidak dihitung karena konflik kepentingan
jdg-levels = Uraian tingkat nilai: ketuk untuk memilih

## Trainee judges (juri magang)
jdg-trainee = magang, tidak dihitung
jdg-trainee-field = Juri magang
jdg-trainee-hint = Juri magang ditugasi dan menilai seperti juri lain, nilainya terlihat oleh panitia, tetapi tidak pernah dihitung dalam hasil. Undian penugasan hanya memakai juri yang dihitung; juri magang mendapat semua peserta tahap ini yang tidak berbenturan kepentingan dengannya.
jdg-trainee-locked = Juri ini sudah mulai menilai tahap ini: statusnya sebagai juri magang atau juri yang dihitung tidak dapat diubah lagi, dan juri magang yang sudah menilai tetap di tim (nilainya tetap tidak dihitung).

## The panel's differences of opinion, for its judges after their own submission
jdg-dis-title = Perbedaan pendapat tim penilai
jdg-dis-lead = Indikator pada peserta yang lembarnya sudah Anda kirim, tempat nilai para juri berjauhan, untuk dibahas dalam rapat pleno. Juri lain tetap tanpa nama; nilai Anda ditandai.
jdg-dis-you = Anda
jdg-dis-link = Perbedaan pendapat tim penilai: { $competition }
