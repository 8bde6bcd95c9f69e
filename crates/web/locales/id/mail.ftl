### Bahasa Indonesia (id) — email dan file kalender
###
### Terjemahan ini dibuat dengan bantuan mesin: sebuah model AI menerjemahkan dari versi bahasa Inggris
### (en/mail.ftl) dan teks asli bahasa Jepang (ja/mail.ftl). Teks bahasa Jepang adalah yang berlaku.
### Terjemahan ini menunggu pemeriksaan oleh penutur asli bahasa Indonesia (belum diperiksa).
###
### Machine-assisted translation by an AI model from the English and Japanese sources;
### awaiting review by a native Indonesian speaker. Times are written in 24-hour form (JST).
### A mail is also read as plain text: no markup; links are added by the code.

## Mail, calendar files and the My Page inbox (rules NO-1, NO-4, NO-5). Paragraphs are
## separate messages; links between them are added by the code.

## Common parts
mail-greeting = Yth. { $name },
mail-lock-note = Jika bukan Anda yang melakukan ini, atau jika Anda mengira orang lain tahu kata sandi Anda, segera kunci akun Anda lewat tautan ini:
# A start time: 4/1/2027 10:00 (day/month/year, as written in Indonesia).
mail-start-time = { $day }/{ $month }/{ $year } { $time }
# A start time with its weekday: Sen, 4 Januari 2027, 10:00.
mail-when = { $weekday }, { $day } { $monthname } { $year }, { $time }
mail-app-builtin = Video bawaan (di browser)

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = [Madoguchi] Mohon konfirmasi alamat email Anda
mail-verification-body = Kami telah menerima pendaftaran Anda di Madoguchi. Buka tautan ini dalam 24 jam untuk menyelesaikannya:
mail-welcome-subject = [Madoguchi] Pendaftaran Anda sudah selesai
mail-welcome-body = Alamat email Anda sudah dikonfirmasi dan akun Anda sudah aktif. Sekarang Anda dapat masuk.
mail-inactivity-subject = [Madoguchi] Pendaftaran Anda akan dihapus dalam 30 hari
mail-inactivity-body = Anda sudah hampir satu tahun tidak masuk. Jika Anda tidak masuk dalam 30 hari, pendaftaran Anda akan dihapus dan data pribadi Anda dimusnahkan. Untuk tetap memakainya, cukup masuk:
mail-reset-subject = [Madoguchi] Buat kata sandi baru
mail-reset-body = Sesuai permintaan Anda di kantor, berikut tautan untuk membuat kata sandi baru. Tautan ini hanya dapat dipakai satu kali, dalam 24 jam, dan juga membuka kunci akun Anda:
mail-reset-requested-subject = [Madoguchi] Atur ulang kata sandi Anda
mail-reset-requested-body = Kami menerima permintaan untuk mengatur ulang kata sandi akun Madoguchi Anda. Buka tautan ini dalam 30 menit untuk membuat kata sandi baru. Tautan ini hanya dapat dipakai satu kali, dan semua perangkat Anda akan keluar (logout):
mail-reset-requested-not-you = Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tidak berubah. Jika Anda mengira orang lain tahu kata sandi Anda, segera kunci akun Anda:
mail-reset-while-locked-subject = [Madoguchi] Akun Anda terkunci
mail-reset-while-locked-body = Kami menerima permintaan untuk mengatur ulang kata sandi akun Madoguchi Anda, tetapi akun itu terkunci. Untuk membukanya, mohon hubungi kantor Hello Work Anda: setelah memeriksa identitas Anda, petugas mengirim tautan untuk membuat kata sandi baru dan membuka kunci akun.

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = [Madoguchi] Cara bergabung ke konsultasi Anda sudah ada di Halaman Saya
mail-details-ready-body = Cara bergabung ke konsultasi Anda pada { $when } (waktu Jepang, JST) sekarang sudah ada di Halaman Saya. Silakan masuk untuk melihatnya.
mail-reminder-subject = [Madoguchi] Pengingat: konsultasi Anda besok
mail-reminder-body = Ini pengingat untuk konsultasi kerja online Anda besok, { $when } (waktu Jepang, JST), di { $office }. Mohon bergabung dari ruang pribadi; merekam tidak diperbolehkan. Cara bergabung ada di Halaman Saya.
mail-no-show-subject = [Madoguchi] Anda tidak hadir di konsultasi Anda
mail-no-show-body = Anda tidak bergabung ke konsultasi yang Anda pesan dan tidak membatalkannya, jadi tercatat sebagai tidak hadir tanpa kabar. Jika ini keliru, mohon hubungi Hello Work.
mail-restricted-subject = [Madoguchi] Pemesanan online dihentikan sementara
mail-restricted-body = Karena dua kali tidak hadir tanpa kabar dalam 90 hari, untuk sementara Anda tidak dapat memesan secara online. Mohon hubungi kantor Hello Work Anda lewat telepon atau langsung di loket; petugas dapat mencabut pembatasan ini.
mail-how-to-join = Cara bergabung (ID rapat, kode sandi, dan tautan) ditampilkan di Halaman Saya sebelum harinya, dan kami mengirim email saat informasinya sudah ada; informasi itu tidak pernah dikirim lewat email. Merekam tidak diperbolehkan.
mail-to-prepare = Persiapan: bergabunglah dari ruang pribadi, dengan perangkat yang sudah diperbarui, dan periksa kamera, mikrofon, dan koneksi Anda lebih dulu dengan tes koneksi. Daftar periksa untuk hari itu ada di Halaman Saya.
mail-connection-test-label = Tes koneksi:
mail-change-or-cancel = Untuk mengubah waktu, gunakan Halaman Saya paling lambat sehari sebelumnya; untuk membatalkan, paling lambat sampai waktu mulai.
mail-my-page-label = Halaman Saya:
mail-booked-subject = [Madoguchi] Konsultasi Anda sudah dipesan
mail-booked-body = Konsultasi kerja online Anda (30 menit) sudah pasti: { $when } (waktu Jepang, JST), { $office }, dengan { $app }.
mail-changed-subject = [Madoguchi] Jadwal konsultasi Anda berubah
mail-changed-body = Konsultasi kerja online Anda dipindahkan dari { $was } ke { $when } (waktu Jepang, JST), { $office }, dengan { $app }. Pemesanan pada waktu sebelumnya sudah tidak berlaku.
mail-cancelled-subject = [Madoguchi] Konsultasi Anda dibatalkan
mail-cancelled-body = Konsultasi Anda pada { $when } (waktu Jepang, JST), { $office }, sudah dibatalkan. Dengan file kalender terlampir, Anda juga dapat menghapusnya dari kalender Anda.

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = [Madoguchi] Konsultasi yang Anda minta sudah dijadwalkan
mail-request-scheduled-body = { $office } telah menjadwalkan konsultasi kerja online Anda: { $when } (waktu Jepang, JST), dengan { $app }.
mail-request-scheduled-details = ID rapat, kode sandi, dan tautan akan ditampilkan di Halaman Saya sebelum harinya; semua itu tidak pernah dikirim lewat email. Merekam tidak diperbolehkan. Untuk membatalkan, gunakan Halaman Saya paling lambat sampai waktu mulai.
mail-request-declined-subject = [Madoguchi] Permohonan konsultasi Anda tidak dapat dijadwalkan
mail-request-declined-body = { $office } tidak dapat menjadwalkan permohonan konsultasi Anda. Alasan: { $reason }
mail-request-declined-next = Anda dapat mengirim permohonan baru untuk waktu lain, atau menghubungi Hello Work lewat telepon.
mail-registration-confirmed-subject = [Madoguchi] Pendaftaran pencari kerja Anda sudah dikonfirmasi
mail-registration-confirmed-body = Hello Work telah mengonfirmasi nomor pencari kerja (求職番号) Anda. Sampai masa berlakunya habis, Anda dapat memesan konsultasi dan seminar online. Jika Anda mengubah nomor itu atau masa berlakunya, Hello Work akan mengonfirmasinya lagi.
mail-deleted-by-office-subject = [Madoguchi] Pendaftaran Anda telah dihapus
mail-deleted-by-office-body = Berdasarkan pasal 15 ketentuan penggunaan, Hello Work telah menghapus pendaftaran Madoguchi Anda. Alasan: { $reason }
mail-deleted-by-office-after = Konsultasi dan seminar yang sudah Anda pesan telah dibatalkan, dan data pribadi Anda dihapus setelah email ini terkirim. Jika ada pertanyaan, mohon hubungi kantor Hello Work Anda.

## Seminars (SE-2…SE-6)
mail-seminar-my-page = Cara bergabung ditampilkan di Halaman Saya. Untuk membatalkan, gunakan Halaman Saya.
mail-seminar-ask-office = Jika ada pertanyaan, mohon hubungi Hello Work. Seminar lain ada di halaman seminar.
mail-seminar-place-registration = pendaftaran
mail-seminar-place-waiting = tempat di daftar tunggu
mail-seminar-registered-subject = [Madoguchi] Anda sudah terdaftar di seminar
mail-seminar-registered-body = Anda sudah terdaftar di "{ $title }" ({ $when }, waktu Jepang, JST).
mail-seminar-waitlisted-subject = [Madoguchi] Anda masuk daftar tunggu seminar
mail-seminar-waitlisted-body = "{ $title }" ({ $when }, waktu Jepang, JST) sudah penuh, jadi Anda dimasukkan ke daftar tunggunya. Jika ada kursi kosong sebelum batas pendaftaran, orang di daftar tunggu didaftarkan sesuai urutan dan diberi tahu.
mail-seminar-promoted-subject = [Madoguchi] Ada kursi kosong: Anda sudah terdaftar
mail-seminar-promoted-body = Ada kursi yang kosong, jadi sekarang Anda sudah terdaftar di "{ $title }" ({ $when }, waktu Jepang, JST).
mail-seminar-cancelled-by-user-subject = [Madoguchi] Pendaftaran seminar Anda dibatalkan
mail-seminar-cancelled-by-user-body = Sesuai permintaan Anda, { $place } Anda untuk "{ $title }" ({ $when }, waktu Jepang, JST) sudah dibatalkan.
mail-seminar-cancelled-by-user-after = Seminar lain ada di halaman seminar.
mail-seminar-removed-subject = [Madoguchi] Pendaftaran seminar Anda dibatalkan oleh kantor
mail-seminar-removed-body = Hello Work membatalkan pendaftaran Anda di "{ $title }" ({ $when }, waktu Jepang, JST). Alasan: { $reason }
mail-seminar-cancelled-subject = [Madoguchi] Sebuah seminar dibatalkan
mail-seminar-cancelled-body = Hello Work membatalkan "{ $title }" ({ $when }, waktu Jepang, JST), jadi { $place } Anda juga dibatalkan. Alasan: { $reason }
mail-seminar-suspended-subject = [Madoguchi] Sebuah seminar berhenti menerima pendaftaran
mail-seminar-suspended-body = "{ $title }" ({ $when }, waktu Jepang, JST) untuk sementara tidak menerima pendaftaran baru dan mungkin dibatalkan. Jika dibatalkan, Anda akan diberi tahu. Pendaftaran Anda tetap seperti sekarang. Alasan: { $reason }
mail-seminar-resumed-subject = [Madoguchi] Seminar tetap diadakan sesuai rencana
mail-seminar-resumed-body = "{ $title }" ({ $when }, waktu Jepang, JST) tetap diadakan sesuai rencana, dan pendaftaran dibuka kembali.
mail-seminar-moved-subject = [Madoguchi] Tanggal dan waktu sebuah seminar berubah
mail-seminar-moved-body = "{ $title }" dipindahkan dari { $from } ke { $to } (waktu Jepang, JST). Pendaftaran Anda ikut dipindahkan.
mail-seminar-moved-body-reason = "{ $title }" dipindahkan dari { $from } ke { $to } (waktu Jepang, JST). Pendaftaran Anda ikut dipindahkan. Alasan: { $reason }
mail-seminar-moved-after = Jika waktu yang baru tidak cocok untuk Anda, Anda dapat membatalkannya di Halaman Saya.
mail-seminar-phone-cancelled-subject = [Madoguchi] Pendaftaran seminar Anda dibatalkan
mail-seminar-phone-cancelled-body = Sesuai yang Anda sampaikan kepada Hello Work lewat telepon, pendaftaran Anda di "{ $title }" ({ $when }, waktu Jepang, JST) sudah dibatalkan. Ini tidak dihitung sebagai tidak hadir tanpa kabar.
mail-seminar-no-show-corrected-subject = [Madoguchi] Catatan tidak hadir sudah diperbaiki
mail-seminar-no-show-corrected-body = Hello Work telah memperbaiki catatan tidak hadir tanpa kabar untuk "{ $title }" ({ $when }, waktu Jepang, JST). Ini tidak lagi dihitung sebagai tidak hadir tanpa kabar.

## Terms (NT-3)
mail-terms-subject = [Madoguchi] Ketentuan penggunaan akan berubah
mail-terms-body = Ketentuan penggunaan baru untuk { $label } (versi { $version }) berlaku mulai { $when } (waktu Jepang, JST). Anda akan diminta menyetujuinya sebelum pemesanan atau pendaftaran berikutnya. Bacalah di halaman ketentuan.
mail-terms-label-consultation = konsultasi kerja online
mail-terms-label-seminar = seminar online
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = [Madoguchi] Dibatalkan: kantor tutup
mail-closed-what-consultation = Konsultasi kerja online Anda
mail-closed-what-seminar = Pendaftaran Anda di "{ $title }"
mail-closed-day = { $what } pada { $when } (waktu Jepang, JST), { $office }, dibatalkan karena kantor tutup pada hari itu. Alasan: { $reason }
mail-closed-hours = { $what } pada { $when } (waktu Jepang, JST), { $office }, dibatalkan karena kantor tutup dari { $from } sampai { $until } pada hari itu. Alasan: { $reason }
mail-closed-sorry = Mohon maaf atas ketidaknyamanan ini. Jika ada pertanyaan, silakan telepon { $office } ({ $phone }).
mail-closed-book-again = Untuk memesan waktu lain:

## Calendar files (NO-4)
ics-location = { $office } ({ $app })
ics-consultation-summary = Konsultasi kerja online ({ $office })
ics-consultation-description = Cara bergabung (ID rapat, kode sandi, tautan) ada di Halaman Saya; informasi itu tidak pernah dikirim lewat email.
ics-consultation-alarm = Konsultasi kerja online Anda segera dimulai
ics-seminar-description = Cara bergabung ada di Halaman Saya; informasi itu tidak pernah dikirim lewat email.
ics-seminar-alarm = Seminar Anda segera dimulai

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = [Madoguchi] Anda diundang ke wawancara
mail-interview-proposed-body = { $office } telah mengatur wawancara daring dengan { $employer } ({ $job }) pada { $when } (waktu Jepang), melalui { $app }.
mail-interview-answer-on-my-page = Silakan periksa detailnya di Halaman Saya dan pilih terima atau tolak.
mail-interview-cancelled-subject = [Madoguchi] Wawancara dibatalkan
mail-interview-cancelled-body = Hello Work membatalkan wawancara Anda dengan { $employer } ({ $job }) pada { $when } (waktu Jepang).
mail-interview-withdrawn-subject = [Madoguchi] Anda mengundurkan diri dari wawancara
mail-interview-withdrawn-body = Anda mengundurkan diri dari wawancara dengan { $employer } ({ $job }) pada { $when } (waktu Jepang).
mail-interview-outcome-subject = [Madoguchi] Hasil wawancara Anda
mail-interview-outcome-body = Hasil wawancara dengan { $employer } ({ $job }): { $outcome }
mail-interview-employer-subject = 【Madoguchi】オンライン面接のご案内（ハローワーク）
mail-interview-employer-body = { $employer }様の求人（{ $number }　{ $job }）について、求職者がオンライン面接を承諾しました。日時：{ $when }（日本時間）、方法：{ $app }。
mail-interview-employer-link-note = 次のリンクから面接の詳細をご覧ください。このリンクは最初に開いたブラウザでのみ使え、面接の終了時刻まで有効です。他の方に転送しないでください。
mail-interview-employer-cancelled-subject = 【Madoguchi】オンライン面接の取消しのお知らせ（ハローワーク）
mail-interview-employer-cancelled-body = { $when }（日本時間）に予定していた{ $employer }様の求人（{ $job }）のオンライン面接は取り消されました。お送りしたリンクは使えなくなりました。
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $day }/{ $month }/{ $year }
mail-selection-referred-subject = [Madoguchi] Anda dirujuk ke hari seleksi
mail-selection-referred-body = Hello Work merujuk Anda ke hari seleksi (管理選考) { $employer } untuk "{ $job }" pada { $date }, dengan wawancara daring. Silakan pilih dan pesan waktu wawancara di Halaman Saya.
mail-selection-employer-subject = [Madoguchi] Daftar kandidat hari seleksi Anda
mail-selection-employer-body = Daftar kandidat hari seleksi { $employer } ({ $date }) ada di tautan di bawah. Tautan hanya dapat dipakai sekali, di satu peramban, sampai hari seleksi berakhir.
mail-selection-employer-note = Daftar hanya menampilkan apa yang disetujui setiap pencari kerja untuk dibagikan. Jika tautan tidak berfungsi, hubungi Hello Work.
