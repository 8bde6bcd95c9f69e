### やさしい日本語 (Easy Japanese) for Madoguchi.
### Tag: ja-x-easy (BCP 47: Japanese, private-use subtag "easy"; no registered subtag exists).
### How it was translated: machine-assisted, by an AI model, from the Japanese source
### (ja/main.ftl) and its English twin (en/main.ftl), following the guideline local
### governments use: 出入国在留管理庁・文化庁「在留支援のためのやさしい日本語ガイドライン」.
### Short sentences, one idea per sentence, common words, です・ます, plain dates and times,
### no double negatives, few honorifics. Names a person must recognise are kept (ハローワーク,
### マイページ, 在留カード, 求職番号, 在留資格, 利用規約) and explained where needed.
### Furigana: every kanji above 小学校 grade 2 carries its reading in Aozora notation,
### ｜漢字《かんじ》; the renderer draws it as <ruby>, and as 漢字（かんじ） in plain text.
### Review: NOT reviewed yet. This file awaits review by a native speaker of Japanese
### and by a やさしい日本語 trainer.
### Check: python3 tools/check_locale.py --furigana crates/web/locales/ja-x-easy/main.ftl

## easy
## Kept close to the original on purpose: the staff pages (console-, members-, slots-,
## requests-, day-, audit-, disclosure-, stats-, staff-, dev-clock-, mailbox-, closures-,
## seminar-ops- for staff, room- for the counsellor, role-, purpose-, mode-). Staff are
## trained Hello Work employees and these texts name procedures and laws exactly; they get
## furigana only where the text is also shown to a job seeker.
## Also kept: the terms' titles (terms-system, terms-consultation, terms-seminar) and official
## names, because a person must find the same words on paper and at the counter.

site-name = Madoguchi オンライン｜窓口《まどぐち》
site-tagline = ハローワークの｜仕事《しごと》の｜相談《そうだん》とセミナーを、インターネットで｜予約《よやく》できます
skip-to-content = 本文へすすむ
language-switch = ことば
footer-note = ハローワーク（｜公共職業安定所《こうきょうしょくぎょうあんていしょ》）のオンライン｜窓口《まどぐち》
offices-title = ハローワークのリスト
offices-intro = ハローワークごとに、今日｜開《あ》いている時間と、これからの休みの日を書いています。
today-is = 今日:
today-label = 今日
open = ｜開《あ》いています
closed = 休み
next-closed-days = これからの休みの日
none-in-60-days = これから60日の間、土曜日と日曜日のほかに休みの日はありません。
no-offices = ハローワークは、まだ｜登録《とうろく》されていません。
see-calendar = ｜開《あ》いている日のカレンダーを見る
back-to-offices = ハローワークのリストへ｜戻《もど》る
phone = 電話
office-hours = ｜開《あ》いている時間
calendar-heading = ｜開《あ》いている日と休みの日（60日）
calendar-pages = カレンダーのページ
earlier = 前の60日
later = ｜次《つぎ》の60日
date = ｜日付《ひづけ》
status = ｜状態《じょうたい》
reason-or-hours = 時間・｜理由《りゆう》
closed-weekday = 休み
hours-range = { $opens }～{ $closes }
range = { $from } ～ { $to }
date-long = { $year }年{ $month }月{ $day }日（{ $weekday }）
weekday-mon = 月
weekday-tue = 火
weekday-wed = 水
weekday-thu = 木
weekday-fri = 金
weekday-sat = 土
weekday-sun = 日
weekday-long-mon = 月曜日
weekday-long-tue = 火曜日
weekday-long-wed = 水曜日
weekday-long-thu = 木曜日
weekday-long-fri = 金曜日
weekday-long-sat = 土曜日
weekday-long-sun = 日曜日
closure-weekly = 毎週の休み
error-not-found = ページがありません
error-not-found-detail = ページが見つかりませんでした。アドレス（URL）を｜確《たし》かめてください。
error-bad-request = 入力したことを｜確《たし》かめてください
error-unavailable = 今、とても｜混《こ》んでいます
error-unavailable-detail = 少し｜待《ま》ってから、もう｜一度《いちど》やってください。入力したことは｜消《き》えていません。
error-internal = ｜問題《もんだい》が｜起《お》きました
error-internal-detail = 少し｜待《ま》ってから、もう｜一度《いちど》やってください。
error-payload-too-large = ｜送《おく》ったものが大きすぎます
error-payload-too-large-detail = 入力したことを｜短《みじか》くして、もう｜一度《いちど》｜送《おく》ってください。
error-request-timeout = ｜送《おく》っている｜途中《とちゅう》で止まりました
error-request-timeout-detail = インターネットがつながっているか｜確《たし》かめて、もう｜一度《いちど》やってください。
error-malformed-body = ｜送《おく》ったものを読むことができませんでした
error-malformed-body-detail = もう｜一度《いちど》やってください。
nav-register = ｜利用者登録《りようしゃとうろく》
nav-sign-in = ログイン
nav-me = マイページ
register-title = ｜利用者登録《りようしゃとうろく》
register-intro = ｜登録《とうろく》すると、メールが｜届《とど》きます。メールのリンクを｜開《ひら》くと、｜登録《とうろく》が｜終《お》わります。
register-submit = ｜登録《とうろく》する
register-rate_limited = ここから｜登録《とうろく》した｜回数《かいすう》が多すぎます。1時間ぐらい｜待《ま》ってから、もう｜一度《いちど》やってください。入力したことは｜残《のこ》っています（パスワードは｜残《のこ》りません）。
have-account = もう｜登録《とうろく》した人は、こちら（ログイン）
form-has-errors = 入力したことを｜確《たし》かめてください
required-mark = （｜必《かなら》ず書く）
accept-terms = ｜利用規約《りようきやく》（ルール）を読んで、｜同意《どうい》します
field-user_id = ｜利用者《りようしゃ》ID
field-password = パスワード
field-name = 名前
field-name_kana = 名前（フリガナ）
field-address = ｜住所《じゅうしょ》
field-email = メールアドレス
field-phone = ｜電話番号《でんわばんごう》
hint-user_id = 半角のアルファベットと数字と . _ - で、6～32文字にしてください。大文字と小文字は同じです。
hint-password = 半角のアルファベットと数字と、｜記号《きごう》 ! # $ % & * + - = ? @ _ で、12～64文字にしてください。｜利用者《りようしゃ》IDを入れないでください。
hint-name_kana = カタカナか、ひらがなで書いてください。
hint-phone = ｜例《れい》: 078-231-8609
problem-required = ここに入力してください。
problem-too_long = 長すぎます。｜短《みじか》くしてください。
problem-invalid_user_id = ｜利用者《りようしゃ》IDは、半角のアルファベットと数字と . _ - で、6～32文字にしてください。
problem-weak_password = このパスワードは｜使《つか》えません。
problem-weak_password-too_short = パスワードは12文字か、それより長くしてください。
problem-weak_password-too_long = パスワードは64文字までにしてください。
problem-weak_password-invalid_characters = パスワードに｜使《つか》えるのは、半角のアルファベットと数字と ! # $ % & * + - = ? @ _ だけです。
problem-weak_password-contains_user_id = パスワードに｜利用者《りようしゃ》IDを入れないでください。
problem-weak_password-common_password = このパスワードは、多くの人が｜使《つか》っています。ほかの人に知られやすいです。｜別《べつ》のパスワードにしてください。
problem-invalid_email = メールアドレスが正しくありません。
problem-invalid_phone = ｜電話番号《でんわばんごう》は、半角の数字とハイフン（-）で書いてください。数字は10｜個《こ》か11｜個《こ》です。
problem-invalid_kana = カタカナか、ひらがなで書いてください。
problem-terms_not_accepted = ｜利用規約《りようきやく》に｜同意《どうい》してください。
problem-user_id_taken = この｜利用者《りようしゃ》IDは、ほかの人が｜使《つか》っています。｜別《べつ》のIDにしてください。
problem-invalid_characters = ｜使《つか》うことができない文字があります。
problem-invalid_credentials = ｜利用者《りようしゃ》IDか、パスワードが｜違《ちが》います。
problem-account_locked = このアカウントはロックされています（今は｜使《つか》えません）。15分｜待《ま》ってから、もう｜一度《いちど》やってください。または、「パスワードを｜忘《わす》れた人」から、新しいパスワードを｜決《き》めてください。
problem-email_not_verified = ｜登録《とうろく》は、まだ｜終《お》わっていません。｜届《とど》いたメールのリンクを｜開《ひら》いてください。
problem-rate_limited = 何回もやったので、今は｜使《つか》えません。少し｜待《ま》ってから、もう｜一度《いちど》やってください。
problem-busy = 今、パスワードの｜確認《かくにん》が｜混《こ》んでいます。｜数秒《すうびょう》｜待《ま》ってから、もう｜一度《いちど》やってください。入力したことは｜消《き》えていません。
problem-csrf = ｜画面《がめん》を｜開《ひら》いてから、時間がたちすぎました。もう｜一度《いちど》やってください。
char-offence = 前から{ $position }番目の文字「{ $char }」（{ $codepoint }）は｜使《つか》えません。
char-suggestion = 「{ $suggestion }」に｜変《か》えてください。
sent-title = ｜確認《かくにん》のメールを｜送《おく》りました
sent-body = ｜登録《とうろく》したメールアドレスに、メールを｜送《おく》りました。24時間のうちに、メールのリンクを｜開《ひら》いてください。そうすると、｜登録《とうろく》が｜終《お》わります。
sent-spam = メールが｜届《とど》かないときは、｜迷惑《めいわく》メールのフォルダも見てください。
verify-title = メールアドレスの｜確認《かくにん》
verify-body = 下のボタンを｜押《お》すと、｜登録《とうろく》が｜終《お》わります。
verify-submit = ｜登録《とうろく》を｜終《お》える
verified-title = ｜登録《とうろく》が｜終《お》わりました
verified-body = アカウントを｜使《つか》うことができます。ログインしてください。
expired-title = リンクの｜期限《きげん》が｜切《き》れています
expired-body = ｜確認《かくにん》のリンクは、24時間だけ｜使《つか》えます。もう｜一度《いちど》｜登録《とうろく》してください。7日のうちに｜確認《かくにん》しなかった｜登録《とうろく》は、｜自動《じどう》で｜消《き》えます。
