# JSON API messages
api-err-has-children = Kriteria ini memiliki { $count } sub-kriteria; kirim ulang dengan cascade=true untuk menghapus semuanya.
api-err-body = Isi permintaan tidak dapat dibaca: { $detail }

apidocs-title = Dokumentasi API
apidocs-lead = Semua yang dapat dikerjakan di halaman Juara juga dapat dikerjakan oleh sistem lain melalui API JSON di /api/v1, dengan aturan, cakupan wilayah, tenggat dan jejak audit yang sama.
apidocs-start = Memulai
apidocs-step-token = Buat token API untuk akun Anda:
apidocs-tokens-link = Token API
apidocs-step-header = Kirim token pada setiap permintaan dalam header
apidocs-step-formats = Nilai dan bobot berupa teks desimal ("85.5"), uang berupa bilangan bulat rupiah, waktu RFC 3339; kesalahan dijawab dengan badan ApiError yang menyebut setiap isian bermasalah.
apidocs-step-language = Pesan kesalahan dalam Bahasa Indonesia; untuk bahasa Inggris kirim
apidocs-openapi = Dokumen OpenAPI 3.1 (JSON)
apidocs-contents = Isi
apidocs-schemas = Skema
apidocs-public = publik, tanpa token
apidocs-params = Parameter
apidocs-body = Isi permintaan:
apidocs-answers = Jawaban
footer-api = Dokumentasi API
