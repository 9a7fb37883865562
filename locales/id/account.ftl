## API tokens
tokens-title = Token API
tokens-lead = Token API dipakai sistem lain (mis. aplikasi kantor Anda) untuk mengakses Juara atas nama akun ini lewat /api/v1.
tokens-new = Buat token baru
tokens-name = Nama token
tokens-name-hint = Untuk apa token ini, mis. "Integrasi SIPD".
tokens-create = Buat token
tokens-created = Token dibuat
tokens-shown-once = Salin token ini sekarang: token tidak akan ditampilkan lagi.
tokens-prefix = Awalan
tokens-created-at = Dibuat
tokens-last-used = Terakhir dipakai
tokens-revoke = Cabut
tokens-revoked = Dicabut
tokens-none = Belum ada token.
flash-token-revoked = Token telah dicabut.
nav-tokens = Token API
