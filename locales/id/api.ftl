# JSON API messages
api-err-has-children = Kriteria ini memiliki { $count } sub-kriteria; kirim ulang dengan cascade=true untuk menghapus semuanya.
api-err-body = Isi permintaan tidak dapat dibaca: { $detail }
