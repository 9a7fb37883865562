# Usulan lomba (nominations) — Bahasa Indonesia.

## Village home
nom-open-title = Lomba yang bisa Anda ikuti
nom-open-none = Saat ini tidak ada lomba yang terbuka untuk desa/kelurahan Anda.
nom-deadline = Batas pengusulan
nom-no-deadline = Tanpa batas waktu
nom-create = Buat usulan
nom-open-existing = Buka usulan
nom-mine-title = Usulan kami
nom-review-note = Catatan panitia

## Statuses
nom-status-draft = Draf
nom-status-submitted = Terkirim
nom-status-accepted = Lolos administrasi
nom-status-rejected = Tidak lolos administrasi
nom-status-withdrawn = Ditarik
nom-origin-advanced = Juara dari tingkat di bawahnya
dev-status-sangat_tertinggal = Sangat tertinggal
dev-status-tertinggal = Tertinggal
dev-status-berkembang = Berkembang
dev-status-maju = Maju
dev-status-mandiri = Mandiri

## Profile form
nom-edit-title = Usulan lomba
nom-profile-title = Profil desa/kelurahan
nom-field-head_name = Nama kepala desa/lurah
nom-field-head_is_acting = Kepala desa berstatus penjabat (Pj)
nom-field-development_status = Status perkembangan desa
nom-field-population = Jumlah penduduk (jiwa)
nom-field-households = Jumlah kepala keluarga (KK)
nom-field-contact_name = Nama narahubung
nom-field-contact_phone = Nomor telepon/WA narahubung
nom-field-contact_email = Email narahubung
nom-field-achievements = Prestasi yang pernah diraih
nom-field-description = Gambaran umum desa/kelurahan
nom-choose = — Pilih —
nom-save = Simpan draf
nom-locked = Usulan ini tidak bisa diubah lagi.

## Documents
nom-checklist-title = Kelengkapan dokumen
nom-criteria-title = Data dukung per kriteria
nom-required = Wajib
nom-optional = Tidak wajib
nom-kind-file = Berkas
nom-kind-link = Tautan
nom-no-documents = Belum ada dokumen.
nom-upload-title = Unggah berkas
nom-upload-hint = PDF, JPG atau PNG, paling besar { $mb } MB.
nom-field-target = Untuk dokumen
nom-field-file = Berkas
nom-upload = Unggah
nom-link-title = Tambah tautan (mis. video profil)
nom-field-url = Alamat tautan (https://…)
nom-field-label = Judul tautan
nom-add-link = Tambah tautan
nom-remove = Hapus
nom-checklist-complete = Semua dokumen wajib sudah lengkap.
nom-checklist-incomplete = Masih ada dokumen wajib yang belum diunggah.

## Submit and withdraw
nom-submit-title = Kirim usulan
nom-submit-hint = Setelah dikirim, usulan tidak bisa diubah lagi.
nom-submit = Kirim usulan ke panitia
nom-withdraw = Tarik usulan
nom-withdraw-hint = Usulan bisa ditarik sampai penilaian dimulai.
nom-problems-title = Usulan belum bisa dikirim:

## Messages
nom-flash-created = Draf usulan dibuat. Lengkapi profil dan dokumen, lalu kirim sebelum batas waktu.
nom-flash-saved = Draf usulan disimpan.
nom-flash-uploaded = Berkas diunggah.
nom-flash-link-added = Tautan ditambahkan.
nom-flash-removed = Dokumen dihapus.
nom-flash-submitted = Usulan terkirim ke panitia.
nom-flash-withdrawn = Usulan telah ditarik.
nom-flash-accepted = Usulan dinyatakan lolos administrasi.
nom-flash-rejected = Usulan dinyatakan tidak lolos administrasi.
nom-flash-advanced = { $created } usulan dibawa masuk; { $skipped } dilewati ({ $already } sudah terdaftar).
nom-err-duplicate = Desa/kelurahan Anda sudah memiliki usulan untuk lomba ini.
nom-err-not-eligible = Lomba ini tidak terbuka untuk desa/kelurahan Anda.
nom-err-stale = Usulan ini sudah disimpan dari tab atau perangkat lain. Periksa isian Anda, lalu simpan lagi untuk menimpanya.
nom-err-too-long-short = Maksimal 120 karakter.
nom-err-too-long = Terlalu panjang (maksimal 5.000 karakter).
nom-err-negative = Tidak boleh kurang dari 0.
nom-err-households = Jumlah KK tidak boleh melebihi jumlah penduduk.
nom-err-phone = Nomor telepon harus 8–15 angka (boleh diawali +, spasi atau tanda hubung).
nom-err-email = Alamat email tidak valid.
nom-err-url = Tautan harus berupa alamat http:// atau https:// yang lengkap.
nom-err-target = Pilih dokumen atau kriteria yang dituju.
nom-err-target-link = Dokumen ini berupa tautan; gunakan formulir tautan.
nom-err-target-file = Dokumen ini berupa berkas; unggah berkasnya.
nom-err-file-empty = Berkas kosong.
nom-err-file-too-large = Berkas terlalu besar. Ukuran maksimal { $mb } MB.
nom-err-file-type = Jenis berkas tidak diizinkan. Unggah PDF, JPG atau PNG.
nom-err-withdraw-late = Usulan tidak bisa ditarik lagi: penilaian sudah dimulai.
nom-err-reason-required = Alasan wajib diisi.
nom-err-not-reviewable = Usulan ini tidak bisa diperiksa dalam statusnya sekarang.
nom-problem-not-draft = Usulan ini sudah dikirim dan tidak bisa diubah lagi.
nom-problem-closed = Batas waktu pengusulan sudah lewat; usulan tidak bisa diubah atau dikirim.
nom-problem-missing-field = Belum diisi: { $field }.
nom-problem-missing-document = Dokumen wajib belum ada: { $label }.
nom-problem-category = Kategori lomba tidak sesuai dengan jenis desa/kelurahan Anda.
nom-problem-scope = Desa/kelurahan Anda berada di luar wilayah lomba ini.
nom-problem-status = Status perkembangan desa Anda tidak termasuk yang boleh mengikuti lomba ini.
nom-problem-acting-head = Lomba ini mensyaratkan kepala desa definitif (bukan Pj).
nom-problem-full = Kuota peserta lomba ini sudah penuh.

## Committee
nom-admin-title = Usulan masuk
nom-filter-status = Status
nom-filter-kabupaten = Kabupaten/kota
nom-filter-kecamatan = Kecamatan
nom-filter-any = Semua
nom-filter = Saring
nom-col-village = Desa/kelurahan
nom-col-kecamatan = Kecamatan
nom-col-kabupaten = Kabupaten/kota
nom-col-status = Status
nom-col-submitted = Dikirim
nom-none = Belum ada usulan.
nom-open = Buka
nom-review-title = Pemeriksaan administrasi
nom-field-decision = Keputusan
nom-decision-accept = Lolos
nom-decision-reject = Tidak lolos
nom-field-reason = Alasan (dibaca oleh desa; wajib bila tidak lolos)
nom-review-submit = Simpan keputusan
nom-audit-title = Riwayat
nom-advance-title = Bawa juara dari tingkat di bawahnya
nom-advance-hint = Juara penerima hadiah dari hasil final lomba satu tingkat di bawahnya di wilayah Anda. Desa yang sudah terdaftar dilewati.
nom-advance-none = Tidak ada usulan yang bisa dibawa masuk.
nom-advance-submit = Bawa masuk yang dipilih
nom-col-source = Lomba asal
nom-rules = Syarat peserta
nom-rules-statuses = status perkembangan desa
nom-rules-any-status = semua desa/kelurahan di wilayah dan kategori lomba
nom-rules-definitive = kepala desa definitif (bukan Pj)
nom-stages = Tahap:
nom-add-evidence = Unggah berkas atau tambah tautan
nom-file-too-large = Berkas terlalu besar: paling besar { $mb } MB. Perkecil atau pisahkan berkasnya.
nom-no-documents-short = Belum ada
nom-criteria-done = { $done } dari { $total } kriteria sudah ada data dukungnya
