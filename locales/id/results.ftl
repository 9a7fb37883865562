# Hasil lomba (results) — Bahasa Indonesia.

## Committee page
res-title = Hasil penilaian
res-preview-lead = Pratinjau dihitung dari lembar nilai yang sudah dikirim. Belum dipublikasikan.
res-announced-lead = Hasil sudah diumumkan. Nilai tidak dapat diubah lagi kecuali melalui koreksi.
res-problems = Hasil belum dapat dihitung
res-ranking = Peringkat
res-incomplete = Peserta belum lengkap dinilai (tidak diperingkat)
res-shortlists = Peserta yang lolos ke tahap berikutnya
res-extended-by-ties = bertambah karena nilai sama
res-excluded-sheets = Lembar nilai yang tidak dihitung
res-statistics = Keandalan penilaian
res-outliers = Lembar nilai yang menyimpang
res-export-csv = Unduh CSV
res-export-xlsx = Unduh Excel (XLSX)
res-minutes = Berita acara rapat pleno
res-minutes-date = Tanggal rapat
res-minutes-place = Tempat
res-minutes-members = Anggota yang hadir
res-minutes-decision = Keputusan
res-minutes-save = Simpan berita acara
res-announce = Setujui dan umumkan
res-announce-hint = Hasil dibekukan sebagai versi yang tidak dapat diubah, diberi kode hash, lalu dipublikasikan.
res-versions = Versi hasil
res-correct = Koreksi hasil
res-correct-hint = Koreksi membuat versi baru dengan alasan wajib. Versi sebelumnya tetap dapat dibaca.
res-correct-nomination = Desa/kelurahan yang nilainya dikoreksi
res-correct-load = Tampilkan nilai
res-correct-reason = Alasan koreksi
res-correct-submit = Terbitkan versi koreksi
res-appeals = Sanggahan
res-appeal-accept = Terima dengan koreksi
res-appeal-reject = Tolak sanggahan
res-appeal-reason = Alasan penolakan
res-advance = Majukan juara ke tingkat berikutnya
res-advance-target = Lomba tingkat berikutnya
res-advance-top = Jumlah juara teratas

## Columns
res-col-rank = Peringkat
res-col-village = Desa/Kelurahan
res-col-kecamatan = Kecamatan
res-col-kabupaten = Kabupaten/Kota
res-col-final = Nilai akhir
res-col-prize = Hadiah
res-col-decided-by = Penentu
res-col-stage = Tahap
res-col-judges = Juri
res-col-judge = Juri
res-col-criterion = Kriteria
res-col-value = Nilai
res-col-panel = Nilai panel
res-col-weight = Bobot
res-col-contribution = Kontribusi
res-col-cash = Uang pembinaan
res-col-assistance = Bantuan keuangan
res-col-paid = Sudah dibayar
res-col-outstanding = Belum dibayar
res-shared = sama
res-eliminated-at = gugur di tahap
res-total-cash = Total uang pembinaan
res-total-assistance = Total bantuan keuangan
res-na = Tidak berlaku
res-trimmed = Dibuang oleh rata-rata terpangkas

## Tie-breaks
res-tb-stage = Nilai tahap { $stage } lebih tinggi
res-tb-criterion = Nilai { $code } (tahap { $stage }) lebih tinggi
res-tb-spread = Selisih antarjuri di tahap { $stage } lebih kecil
res-tb-minimum = Nilai juri terendah di tahap { $stage } lebih tinggi

## Public
res-nav = Hasil lomba
res-protocol-link = Lihat rincian nilai desa Anda
res-attachment = Lampiran
res-public-title = Pengumuman hasil lomba
res-public-none = Belum ada hasil lomba yang diumumkan.
res-filter-year = Tahun
res-filter-region = Kode wilayah
res-filter = Cari
res-version = Versi
res-announced-at = diumumkan
res-hash = Kode hash hasil (SHA-256)
res-correction-reason = Alasan koreksi

## Village protocol
res-protocol-title = Rincian nilai desa kami
res-protocol-not-ranked = Desa/kelurahan Anda tidak masuk peringkat.
res-chart = Nilai aspek dibandingkan juara dan rata-rata peserta
res-chart-mine = Desa kami
res-chart-winner = Juara I
res-chart-average = Rata-rata
res-appeal-title = Sanggahan
res-appeal-body = Isi sanggahan
res-appeal-file = Lampiran (opsional)
res-appeal-submit = Kirim sanggahan
res-appeal-unavailable = Sanggahan tidak dapat diajukan untuk lomba ini atau masa sanggah sudah berakhir.
res-appeal-open = Sedang diproses panitia
res-appeal-accepted = Diterima, hasil dikoreksi
res-appeal-rejected = Ditolak

## Prizes and disbursement
res-prizes-title = Alokasi dan penyaluran hadiah
res-payments = Penyaluran tercatat
res-payment-record = Catat penyaluran
res-payment-kind = Jenis
res-payment-amount = Jumlah (rupiah)
res-payment-account = Rekening penerima
res-payment-reference = Nomor referensi transfer
res-payment-date = Tanggal transfer
res-payment-proof = Bukti transfer (opsional)

## Messages
res-flash-minutes = Berita acara tersimpan.
res-flash-announced = Hasil diumumkan (versi { $version }).
res-flash-corrected = Koreksi diterbitkan sebagai versi { $version }.
res-flash-rejected = Sanggahan ditolak.
res-flash-appealed = Sanggahan terkirim.
res-flash-disbursed = Penyaluran tercatat.
res-flash-advanced = { $count } juara dimajukan ke { $target }.
res-err-not-judging = Hasil baru dapat dihitung setelah penilaian dimulai.
res-err-engine = Lembar nilai tidak valid: { $detail }
res-err-allocation = Hadiah tidak dapat dialokasikan: { $detail }
res-err-required = Wajib diisi.
res-err-date = Isi tanggal dengan format TTTT-BB-HH.
res-err-minutes-first = Catat berita acara rapat pleno sebelum mengumumkan.
res-err-status = Status lomba tidak memungkinkan tindakan ini.
res-err-reason = Alasan koreksi wajib diisi.
res-err-score = Nilai yang dikoreksi bukan milik lomba ini.
res-err-score-value = Isi angka (mis. 85 atau 85,5) atau TB untuk tidak berlaku.
res-err-answer = Alasan penolakan wajib diisi.
res-err-appeal-answered = Sanggahan ini sudah dijawab.
res-err-appeal-closed = Masa sanggah sudah berakhir atau sanggahan tidak dibuka.
res-err-appeal-exists = Desa/kelurahan Anda sudah mengajukan sanggahan.
res-err-appeal-open = Hadiah belum dapat disalurkan selama masih ada sanggahan yang belum dijawab.
res-err-not-announced = Hasil belum diumumkan.
res-err-target = Pilih lomba tingkat berikutnya yang ada di wilayah Anda.
res-err-top = Isi jumlah juara (minimal 1).
res-err-winner = Pilih desa penerima hadiah.
res-err-kind = Pilih jenis hadiah.
res-err-amount = Isi jumlah rupiah lebih dari 0.
res-err-official = Isi nama, jabatan pejabat penanda tangan, nomor keputusan dan tempat.
res-documents = Dokumen resmi (PDF)
res-minutes-pdf = Unduh berita acara (PDF)
res-official-name = Nama pejabat
res-official-title = Jabatan
res-official-number = Nomor keputusan
res-official-place = Tempat penetapan
res-decree-pdf = Unduh surat keputusan (PDF)
res-certificates = Piagam penghargaan
res-certificate-pdf = Unduh piagam (PDF)
res-shortlist-advance = Majukan peserta ini ke tahap berikutnya
res-err-last-stage = Tahap terakhir tidak punya tahap berikutnya.
res-flash-shortlist = { $count } peserta dimajukan; { $sheets } lembar nilai dibuat untuk panel tahap berikutnya.
res-publish-comments = Tampilkan komentar juri kepada desa (tanpa nama juri)
res-comments = Komentar juri
