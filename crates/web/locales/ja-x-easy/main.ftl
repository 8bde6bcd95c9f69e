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
link-invalid-title = このリンクは｜使《つか》えません
link-invalid-body = リンクが正しくないか、もう｜使《つか》われています。もう｜登録《とうろく》が｜終《お》わっている人は、ログインしてください。
sign-in-title = ログイン
sign-in-submit = ログインする
no-account = はじめての人は、こちら（｜利用者登録《りようしゃとうろく》）
me-title = マイページ
password-change-due = パスワードを｜変《か》えてから、1年たちました。新しいパスワードに｜変《か》えてください。
inbox-title = お知らせ（メールと同じです）
inbox-empty = お知らせはありません。
terms-history-title = ｜利用規約《りようきやく》に｜同意《どうい》した｜記録《きろく》
sign-out = ログアウト
lock-title = アカウントのロック
lock-body = パスワードをほかの人に知られたかもしれないときは、このアカウントをすぐにロックできます（｜使《つか》えないようにします）。ロックをやめたいときは、ハローワークの｜窓口《まどぐち》に行ってください。あなたであることを｜確認《かくにん》してから、パスワードを新しくします。
lock-submit = アカウントをロックする
lock-my-account = アカウントをすぐにロックする
locked-title = アカウントをロックしました
locked-body = すべてのログインを｜終《お》わりにしました。ロックをやめたいときは、ハローワークの｜窓口《まどぐち》で話してください。ハローワークが｜送《おく》るリンクから新しいパスワードを｜決《き》めると、ロックが｜終《お》わります。
reset-title = 新しいパスワードを｜決《き》める
reset-body = 新しいパスワードを｜決《き》めると、アカウントのロックも｜終《お》わります。
reset-submit = パスワードを｜決《き》める
reset-done-title = 新しいパスワードを｜決《き》めました
reset-done-body = 新しいパスワードでログインしてください。
field-current_password = 今のパスワード
field-new_password = 新しいパスワード
hint-new_password = 半角のアルファベットと数字と、｜記号《きごう》 ! # $ % & * + - = ? @ _ で、12～64文字にしてください。今のパスワードと同じにしないでください。
problem-weak_password-same_as_current = 今のパスワードと｜違《ちが》うパスワードにしてください。
password-change-title = パスワードを｜変《か》える
password-change-submit = ｜変《か》える
password-changed-title = パスワードを｜変《か》えました
delete-title = ｜利用者登録《りようしゃとうろく》を｜消《き》す
delete-body = ｜登録《とうろく》を｜消《き》すと、これからの｜予約《よやく》はキャンセルになります。名前・｜住所《じゅうしょ》・｜連絡先《れんらくさき》などのあなたの｜情報《じょうほう》は、すぐに｜消《き》えます。
delete-kept = ｜統計《とうけい》のために、だれのものかわからない｜利用《りよう》の｜記録《きろく》だけが｜残《のこ》ります。｜消《き》した｜登録《とうろく》は、元に｜戻《もど》すことができません。
delete-submit = ｜登録《とうろく》を｜消《き》す
deleted-title = ｜登録《とうろく》を｜消《き》しました
deleted-body = ありがとうございました。
mailbox-title = 開発用メールボックス
mailbox-note = デモモードでは、メールは送信されずにここに届きます。本番では表示されません。
mailbox-subject = 件名
mailbox-to = 宛先
staff-sign-in-title = 職員ログイン
field-totp_code = 確認コード（6桁）
hint-totp_code = 認証アプリに表示される6桁の数字
console-title = 職員コンソール
console-search-label = 利用者ID
console-search-hint = 検索した記録は目的とともに監査ログに残ります。他のハローワークに登録された方も閲覧できます（変更は登録先が行います）。
console-search = 検索する
console-number = 求職番号（有効期限）
console-status = 状態
console-none = 未登録
console-confirmed = 求職登録確認済み
console-exempt = 予約要件の免除あり
console-locked = ロック中
console-not-found = 該当する利用者は見つかりません（求職番号を登録していない方は本省管理者にのみ表示されます）。
console-action-confirm = 求職登録を確認済みにする
console-action-exempt = 予約要件を免除する
console-action-lock = アカウントをロックする
console-action-reset = 本人確認済み：パスワード再設定のリンクを送る
console-done-confirm_registration = 求職登録を確認済みにしました。
console-done-grant_exemption = 予約要件を免除しました。
console-done-lock_account = アカウントをロックしました。
console-done-send_reset = パスワード再設定のリンクを送りました。
role-counsellor = ｜相談員《そうだんいん》
role-office_admin = ハローワークの｜管理者《かんりしゃ》
role-national_admin = ｜厚生労働省《こうせいろうどうしょう》の｜管理者《かんりしゃ》
console-purpose = 検索の目的（監査ログに記録されます）
purpose-counter = ｜窓口《まどぐち》での｜相談《そうだん》のため
purpose-phone = 電話での｜問《と》い合わせのため
purpose-registration = ｜予約《よやく》と｜求職登録《きゅうしょくとうろく》を｜確認《かくにん》するため
purpose-identity = あなたであることを｜確認《かくにん》して、新しいパスワードを｜決《き》めるため
console-suspended = 利用停止中
console-action-suspend = 利用を停止する
console-action-unsuspend = 利用停止を解除する
console-action-lift-restriction = オンライン予約の停止を解除する
console-lift-reason = 解除の理由（記録されます）
console-restricted = 欠席によりオンライン予約停止中
console-suspend-reason = 利用停止の理由
console-done-suspend_account = 利用を停止しました。
console-done-lift_suspension = 利用停止を解除しました。
members-title = 職員アカウントの作成
members-created = 職員アカウントを作成しました。パスワードと確認コード用の秘密鍵は今回だけ表示されます。本人に安全な方法で渡してください。
members-role = 役割
members-office = 所属ハローワーク（5桁の番号）
members-office-hint = 本省管理者は空欄にします。
members-submit = 作成する
console-members = 職員アカウントを作成する
problem-invalid_input = 入力したことを｜確認《かくにん》してください。
eligibility-title = ｜求職登録《きゅうしょくとうろく》と｜在留資格《ざいりゅうしかく》
eligibility-intro = ｜相談《そうだん》やセミナーを｜予約《よやく》するには、｜求職登録《きゅうしょくとうろく》が｜必要《ひつよう》です。ハローワークが｜確認《かくにん》した、｜期限《きげん》が切れていない｜求職登録《きゅうしょくとうろく》です。｜外国籍《がいこくせき》の人は、｜在留資格《ざいりゅうしかく》と｜在留期間《ざいりゅうきかん》も｜登録《とうろく》してください（｜特別永住者《とくべつえいじゅうしゃ》の人は、いりません）。
