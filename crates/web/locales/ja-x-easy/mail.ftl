### やさしい日本語 (Easy Japanese) for Madoguchi: mail and calendar files.
### Tag: ja-x-easy (BCP 47: Japanese, private-use subtag "easy"; no registered subtag exists).
### How it was translated: machine-assisted, by an AI model, from the Japanese source
### (ja/mail.ftl) and its English twin (en/mail.ftl), in the style of ja-x-easy/main.ftl:
### short sentences, です・ます, common words, furigana ｜漢字《かんじ》 on every kanji above
### 小学校 grade 2. Word choices as in main.ftl: 取消 → キャンセル; 無断欠席 → 連絡しないで
### 休んだ; 日時 → 日と時間; 職業相談 → 仕事の相談; 休所 → 休み; 日本時間 → 日本の時間.
### A mail is read as plain text too; the renderer writes furigana there as 漢字（かんじ）.
### Review: NOT reviewed yet. This file awaits review by a native speaker of Japanese
### and by a やさしい日本語 trainer.

## Common parts
mail-greeting = { $name } さん
mail-lock-note = あなたがしたことではないときや、パスワードをほかの人に知られたかもしれないときは、下のリンクから、アカウントをすぐにロックできます（｜使《つか》えないようにします）。
# A start time: 2027年1月4日 10:00.
mail-start-time = { $year }年{ $month }月{ $day }日 { $time }
# A start time with its weekday: 2027年1月4日（月）10:00.
mail-when = { $year }年{ $month }月{ $day }日（{ $weekday }）{ $time }
mail-app-builtin = Madoguchi のビデオ（ブラウザで｜使《つか》います）

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = 【Madoguchi】メールアドレスを｜確《たし》かめてください
mail-verification-body = Madoguchi の｜登録《とうろく》を｜受《う》け｜付《つ》けました。まだ｜終《お》わっていません。24時間の中に、下のリンクを｜開《ひら》いてください。それで｜登録《とうろく》が｜終《お》わります。
mail-welcome-subject = 【Madoguchi】｜登録《とうろく》が｜終《お》わりました
mail-welcome-body = メールアドレスを｜確《たし》かめました。アカウントを｜使《つか》うことができます。ログインしてください。
mail-inactivity-subject = 【Madoguchi】30日あとに、あなたの｜登録《とうろく》を｜消《け》します
mail-inactivity-body = 1年ぐらい、ログインしていません。30日の中にログインしないと、あなたの｜利用者登録《りようしゃとうろく》を｜消《け》します。あなたの｜個人《こじん》の｜情報《じょうほう》も｜消《け》します。これからも｜使《つか》いたいときは、ログインしてください。
mail-reset-subject = 【Madoguchi】新しいパスワードを｜決《き》めてください
mail-reset-body = ｜窓口《まどぐち》で話したので、新しいパスワードを｜決《き》めるリンクを｜送《おく》ります。24時間の中に、1回だけ｜使《つか》えます。アカウントのロックも｜終《お》わります。
mail-reset-requested-subject = 【Madoguchi】新しいパスワードを｜決《き》めてください
mail-reset-requested-body = Madoguchi のパスワードを新しくしたいという｜申《もう》し｜込《こ》みを｜受《う》け｜付《つ》けました。30分の中に下のリンクを｜開《ひら》いて、新しいパスワードを｜決《き》めてください。リンクは1回だけ｜使《つか》えます。パスワードを｜決《き》めると、すべてのパソコンやスマートフォンでログアウトします。
mail-reset-requested-not-you = あなたが｜申《もう》し｜込《こ》んでいないときは、このメールを｜消《け》してください。パスワードは｜変《か》わりません。パスワードをほかの人に知られたかもしれないときは、下のリンクから、アカウントをすぐにロックできます（｜使《つか》えないようにします）。
mail-reset-while-locked-subject = 【Madoguchi】アカウントはロックされています
mail-reset-while-locked-body = パスワードを新しくしたいという｜申《もう》し｜込《こ》みを｜受《う》け｜付《つ》けました。でも、このアカウントはロックされています（｜使《つか》えません）。ロックをやめたいときは、ハローワークの｜窓口《まどぐち》で話してください。あなたであることを｜確認《かくにん》してから、リンクを｜送《おく》ります。そのリンクで新しいパスワードを｜決《き》めると、ロックが｜終《お》わります。

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = 【Madoguchi】つなぐための｜情報《じょうほう》を、マイページにのせました
mail-details-ready-body = { $when }（日本の時間）の｜相談《そうだん》に、つなぐための｜情報《じょうほう》を、マイページにのせました。ログインして見てください。
mail-reminder-subject = 【Madoguchi】明日は｜仕事《しごと》の｜相談《そうだん》の日です
mail-reminder-body = 明日 { $when }（日本の時間）に、{ $office }のオンラインの｜仕事《しごと》の｜相談《そうだん》があります。ほかの人がいない｜部屋《へや》から｜参加《さんか》してください。｜録音《ろくおん》・｜録画《ろくが》はできません。つなぐための｜情報《じょうほう》は、マイページで見てください。
mail-no-show-subject = 【Madoguchi】｜予約《よやく》した｜相談《そうだん》に、あなたは｜参加《さんか》しませんでした
mail-no-show-body = あなたは、｜予約《よやく》した｜相談《そうだん》に｜参加《さんか》しませんでした。キャンセルの｜連絡《れんらく》もありませんでした。「｜連絡《れんらく》しないで休んだ」と｜記録《きろく》しました。まちがいのときは、ハローワークに｜連絡《れんらく》してください。
mail-restricted-subject = 【Madoguchi】オンラインの｜予約《よやく》を｜停止《ていし》しました
mail-restricted-body = 90日の中に2回、｜連絡《れんらく》しないで休みました。そのため、今はオンラインで｜予約《よやく》できません。ハローワークの｜窓口《まどぐち》に行くか、電話で｜相談《そうだん》してください。ハローワークの｜職員《しょくいん》が、｜停止《ていし》をやめることができます。
mail-how-to-join = つなぐための｜情報《じょうほう》（ミーティングID・パスコード・URL）は、｜相談《そうだん》の前の日までに、マイページにのせます。のせたときは、メールで知らせます。つなぐための｜情報《じょうほう》は、メールでは｜送《おく》りません。｜録音《ろくおん》・｜録画《ろくが》はできません。
mail-to-prepare = ｜準備《じゅんび》：ほかの人がいない｜部屋《へや》から｜参加《さんか》してください。アップデートをしたパソコンやスマートフォンを｜使《つか》ってください。前に｜接続《せつぞく》テストで、カメラ・マイク・インターネットを｜確《たし》かめることができます。｜相談《そうだん》の日に｜確《たし》かめることは、マイページにあります。
mail-connection-test-label = ｜接続《せつぞく》テスト（つながるかのテスト）：
mail-change-or-cancel = 日と時間を｜変《か》えることは、前の日までできます。キャンセルは、｜始《はじ》まる時間までできます。どちらもマイページでできます。
mail-my-page-label = マイページ：
mail-booked-subject = 【Madoguchi】｜仕事《しごと》の｜相談《そうだん》の｜予約《よやく》が｜決《き》まりました
mail-booked-body = オンラインの｜仕事《しごと》の｜相談《そうだん》（30分）の｜予約《よやく》が｜決《き》まりました。日と時間：{ $when }（日本の時間）。ハローワーク：{ $office }。｜使《つか》うアプリ：{ $app }。
mail-changed-subject = 【Madoguchi】｜仕事《しごと》の｜相談《そうだん》の日と時間を｜変《か》えました
mail-changed-body = オンラインの｜仕事《しごと》の｜相談《そうだん》の日と時間を、{ $was } から { $when }（日本の時間）に｜変《か》えました。ハローワーク：{ $office }。｜使《つか》うアプリ：{ $app }。前の日と時間の｜予約《よやく》は、なくなりました。
mail-cancelled-subject = 【Madoguchi】｜仕事《しごと》の｜相談《そうだん》の｜予約《よやく》をキャンセルしました
mail-cancelled-body = { $when }（日本の時間）の、{ $office }の｜仕事《しごと》の｜相談《そうだん》の｜予約《よやく》を、キャンセルしました。このメールについているカレンダーのファイルを｜使《つか》うと、あなたのカレンダーからも｜消《け》すことができます。

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = 【Madoguchi】｜仕事《しごと》の｜相談《そうだん》の日と時間が｜決《き》まりました
mail-request-scheduled-body = { $office }が、オンラインの｜仕事《しごと》の｜相談《そうだん》の日と時間を｜決《き》めました。{ $when }（日本の時間）です。｜使《つか》うアプリ：{ $app }。
mail-request-scheduled-details = つなぐためのID・パスコード・URLは、前の日までにマイページで知らせます。メールでは｜送《おく》りません。｜録音《ろくおん》・｜録画《ろくが》はできません。キャンセルは、｜始《はじ》まる時間まで、マイページでできます。
mail-request-declined-subject = 【Madoguchi】｜仕事《しごと》の｜相談《そうだん》の日と時間を｜決《き》めることができませんでした
mail-request-declined-body = { $office }は、あなたが｜申《もう》し｜込《こ》んだ｜仕事《しごと》の｜相談《そうだん》の日と時間を、｜決《き》めることができませんでした。｜理由《りゆう》：{ $reason }
mail-request-declined-next = ほかの日と時間で、もう｜一度《いちど》｜申《もう》し｜込《こ》んでください。または、ハローワークに電話で聞いてください。
mail-registration-confirmed-subject = 【Madoguchi】｜求職登録《きゅうしょくとうろく》を｜確《たし》かめました
mail-registration-confirmed-body = ハローワークが、あなたの｜求職番号《きゅうしょくばんごう》を｜確《たし》かめました。｜有効期限《ゆうこうきげん》（｜使《つか》える｜最後《さいご》の日）まで、オンラインの｜仕事《しごと》の｜相談《そうだん》やセミナーを｜予約《よやく》できます。｜求職番号《きゅうしょくばんごう》や｜有効期限《ゆうこうきげん》を｜変《か》えたときは、もう｜一度《いちど》｜確《たし》かめます。
mail-deleted-by-office-subject = 【Madoguchi】あなたの｜利用者登録《りようしゃとうろく》を｜消《け》しました
mail-deleted-by-office-body = ｜利用規約《りようきやく》｜第《だい》15｜条《じょう》によって、Madoguchi のあなたの｜利用者登録《りようしゃとうろく》を｜消《け》しました。｜理由《りゆう》：{ $reason }
mail-deleted-by-office-after = ｜予約《よやく》していた｜相談《そうだん》とセミナーは、キャンセルしました。あなたの｜個人《こじん》の｜情報《じょうほう》は、このメールを｜送《おく》ったあとで｜消《け》します。わからないことは、ハローワークに聞いてください。

## Seminars (SE-2…SE-6)
mail-seminar-my-page = ｜参加《さんか》のしかたは、マイページで知らせます。キャンセルは、マイページでできます。
mail-seminar-ask-office = わからないことは、ハローワークに聞いてください。ほかのセミナーは、セミナーのリストから｜申《もう》し｜込《こ》むことができます。
mail-seminar-place-registration = ｜参加《さんか》の｜登録《とうろく》
mail-seminar-place-waiting = キャンセル｜待《ま》ち
mail-seminar-registered-subject = 【Madoguchi】セミナーの｜参加《さんか》の｜登録《とうろく》ができました
mail-seminar-registered-body = 「{ $title }」（{ $when }、日本の時間）の｜参加《さんか》の｜登録《とうろく》ができました。
mail-seminar-waitlisted-subject = 【Madoguchi】セミナーのキャンセル｜待《ま》ちに｜登録《とうろく》しました
mail-seminar-waitlisted-body = 「{ $title }」（{ $when }、日本の時間）は、｜席《せき》がいっぱいです。そのため、キャンセル｜待《ま》ちに｜登録《とうろく》しました。｜締《し》め｜切《き》りまでに｜席《せき》が空いたら、｜順番《じゅんばん》に｜参加《さんか》できるようにします。そのときは、あなたに知らせます。
mail-seminar-promoted-subject = 【Madoguchi】キャンセル｜待《ま》ちから、｜参加《さんか》できるようになりました
mail-seminar-promoted-body = ｜席《せき》が空きました。「{ $title }」（{ $when }、日本の時間）の｜参加《さんか》の｜登録《とうろく》ができました。
mail-seminar-cancelled-by-user-subject = 【Madoguchi】セミナーの｜申《もう》し｜込《こ》みをキャンセルしました
mail-seminar-cancelled-by-user-body = あなたがキャンセルしたので、「{ $title }」（{ $when }、日本の時間）の{ $place }を、キャンセルしました。
mail-seminar-cancelled-by-user-after = ほかのセミナーは、セミナーのリストから｜申《もう》し｜込《こ》むことができます。
mail-seminar-removed-subject = 【Madoguchi】セミナーの｜参加《さんか》の｜登録《とうろく》がキャンセルされました
mail-seminar-removed-body = 「{ $title }」（{ $when }、日本の時間）の｜参加《さんか》の｜登録《とうろく》を、ハローワークがキャンセルしました。｜理由《りゆう》：{ $reason }
mail-seminar-cancelled-subject = 【Madoguchi】セミナーが、なくなりました
mail-seminar-cancelled-body = 「{ $title }」（{ $when }、日本の時間）は、ハローワークが｜決《き》めて、なくなりました。あなたの{ $place }も、キャンセルになりました。｜理由《りゆう》：{ $reason }
mail-seminar-suspended-subject = 【Madoguchi】セミナーの｜申《もう》し｜込《こ》みを、今は｜受《う》け｜付《つ》けていません
mail-seminar-suspended-body = 「{ $title }」（{ $when }、日本の時間）は、今、新しい｜申《もう》し｜込《こ》みを｜受《う》け｜付《つ》けていません。セミナーが、なくなるかもしれません。なくなることが｜決《き》まったら、また知らせます。あなたの｜申《もう》し｜込《こ》みは、そのままです。｜理由《りゆう》：{ $reason }
mail-seminar-resumed-subject = 【Madoguchi】セミナーの｜申《もう》し｜込《こ》みを、また｜受《う》け｜付《つ》けます
mail-seminar-resumed-body = 「{ $title }」（{ $when }、日本の時間）は、｜予定《よてい》のとおり、あります。｜申《もう》し｜込《こ》みも、また｜受《う》け｜付《つ》けています。
mail-seminar-moved-subject = 【Madoguchi】セミナーの日と時間が｜変《か》わりました
mail-seminar-moved-body = 「{ $title }」の日と時間を、{ $from }から{ $to }（日本の時間）に｜変《か》えました。あなたの｜申《もう》し｜込《こ》みは、新しい日と時間に、そのまま｜移《うつ》ります。
mail-seminar-moved-body-reason = 「{ $title }」の日と時間を、{ $from }から{ $to }（日本の時間）に｜変《か》えました。あなたの｜申《もう》し｜込《こ》みは、新しい日と時間に、そのまま｜移《うつ》ります。｜理由《りゆう》：{ $reason }
mail-seminar-moved-after = 新しい日と時間で｜参加《さんか》できないときは、マイページでキャンセルできます。
mail-seminar-phone-cancelled-subject = 【Madoguchi】セミナーの｜申《もう》し｜込《こ》みをキャンセルしました
mail-seminar-phone-cancelled-body = あなたが電話で｜連絡《れんらく》したので、「{ $title }」（{ $when }、日本の時間）の｜申《もう》し｜込《こ》みを、キャンセルしました。「｜連絡《れんらく》しないで休んだ」にはなりません。
mail-seminar-no-show-corrected-subject = 【Madoguchi】「｜連絡《れんらく》しないで休んだ」の｜記録《きろく》を直しました
mail-seminar-no-show-corrected-body = 「{ $title }」（{ $when }、日本の時間）の「｜連絡《れんらく》しないで休んだ」の｜記録《きろく》を、ハローワークが直しました。この回は、「｜連絡《れんらく》しないで休んだ」に入りません。

## Terms (NT-3)
mail-terms-subject = 【Madoguchi】｜利用規約《りようきやく》（ルール）が｜変《か》わります
mail-terms-body = { $label }の｜利用規約《りようきやく》（バージョン { $version }）が、{ $when }（日本の時間）から新しくなります。そのあと、｜次《つぎ》に｜予約《よやく》や｜申《もう》し｜込《こ》みをする前に、｜同意《どうい》してください。｜利用規約《りようきやく》のページで読んでください。
mail-terms-label-consultation = オンラインの｜仕事《しごと》の｜相談《そうだん》
mail-terms-label-seminar = オンラインセミナー
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = 【Madoguchi】ハローワークが休みになったので、キャンセルしました
mail-closed-what-consultation = オンラインの｜仕事《しごと》の｜相談《そうだん》の｜予約《よやく》
mail-closed-what-seminar = 「{ $title }」の｜申《もう》し｜込《こ》み
mail-closed-day = { $when }（日本の時間）の、{ $office }での{ $what }を、キャンセルしました。その日は、ハローワークが休みになったからです。｜理由《りゆう》：{ $reason }
mail-closed-hours = { $when }（日本の時間）の、{ $office }での{ $what }を、キャンセルしました。その日の{ $from }～{ $until }は、ハローワークが休みになったからです。｜理由《りゆう》：{ $reason }
mail-closed-sorry = ごめんなさい。わからないことは、{ $office }（{ $phone }）に電話してください。
mail-closed-book-again = ほかの日と時間の｜予約《よやく》は、ここからできます：

## Calendar files (NO-4)
ics-location = { $office }（{ $app }）
ics-consultation-summary = オンラインの｜仕事《しごと》の｜相談《そうだん》（{ $office }）
ics-consultation-description = つなぐための｜情報《じょうほう》（ミーティングID・パスコード・URL）は、マイページで見てください。
ics-consultation-alarm = もうすぐ、オンラインの｜仕事《しごと》の｜相談《そうだん》の時間です
ics-seminar-description = ｜参加《さんか》のしかたは、マイページで見てください。
ics-seminar-alarm = もうすぐ、セミナーの時間です

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = 【Madoguchi】｜面接《めんせつ》の お｜知《し》らせ
mail-interview-proposed-body = { $office }から、{ $employer }（{ $job }）との オンライン｜面接《めんせつ》の お｜知《し》らせです。｜日時《にちじ》：{ $when }（｜日本《にほん》の ｜時間《じかん》）、｜方法《ほうほう》：{ $app }。
mail-interview-answer-on-my-page = マイページを ｜見《み》て、「｜受《う》ける」か「｜断《ことわ》る」を ｜選《えら》んで ください。
mail-interview-employer-subject = 【Madoguchi】オンライン｜面接《めんせつ》のお知らせ（ハローワーク）
mail-interview-employer-body = { $employer }さまの｜求人《きゅうじん》（{ $number }　{ $job }）の｜面接《めんせつ》を、｜求職者《きゅうしょくしゃ》が｜承諾《しょうだく》しました。オンラインの｜面接《めんせつ》です。日と時間：{ $when }（日本の時間）。｜方法《ほうほう》：{ $app }。
mail-interview-employer-link-note = 下のリンクから、｜面接《めんせつ》のくわしいことを見てください。このリンクは、｜最初《さいしょ》に｜開《ひら》いたブラウザでだけ｜使《つか》えます。｜面接《めんせつ》が｜終《お》わる時間まで｜使《つか》えます。ほかの人に｜送《おく》らないでください。
mail-interview-cancelled-subject = 【Madoguchi】｜面接《めんせつ》が なくなりました
mail-interview-cancelled-body = { $when }（｜日本《にほん》の ｜時間《じかん》）の { $employer }（{ $job }）との ｜面接《めんせつ》は、ハローワークが ｜取《と》り｜消《け》しました。
mail-interview-withdrawn-subject = 【Madoguchi】｜面接《めんせつ》を やめました
mail-interview-withdrawn-body = { $when }（｜日本《にほん》の ｜時間《じかん》）の { $employer }（{ $job }）との ｜面接《めんせつ》を やめました。
mail-interview-employer-cancelled-subject = 【Madoguchi】オンライン｜面接《めんせつ》がキャンセルになりました（ハローワーク）
mail-interview-employer-cancelled-body = { $when }（日本の時間）の、{ $employer }さまの｜求人《きゅうじん》（{ $job }）のオンライン｜面接《めんせつ》は、キャンセルになりました。｜送《おく》ったリンクは、もう｜使《つか》えません。
mail-interview-outcome-subject = 【Madoguchi】｜面接《めんせつ》の ｜結果《けっか》
mail-interview-outcome-body = { $employer }（{ $job }）の ｜面接《めんせつ》の ｜結果《けっか》：{ $outcome }
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $year }年{ $month }月{ $day }日
mail-selection-referred-subject = 【Madoguchi】｜会社《かいしゃ》の｜面接《めんせつ》の｜日《ひ》のお｜知《し》らせ
mail-selection-referred-body = ハローワークが、{ $employer }の「{ $job }」の｜面接《めんせつ》の｜日《ひ》（{ $date }、オンライン）に、あなたを｜紹介《しょうかい》しました。マイページで｜面接《めんせつ》の｜時間《じかん》をえらんで、｜予約《よやく》してください。
mail-selection-employer-subject = 【Madoguchi】｜面接《めんせつ》を｜受《う》ける｜人《ひと》のリスト
mail-selection-employer-body = { $employer }の｜面接《めんせつ》の｜日《ひ》（{ $date }）のリストは、｜下《した》のリンクから｜見《み》られます。リンクは１｜回《かい》だけ、１つのブラウザで｜使《つか》えます。その｜日《ひ》の｜終《お》わりまで｜使《つか》えます。
mail-selection-employer-note = リストには、｜仕事《しごと》をさがしている｜人《ひと》が｜会社《かいしゃ》に｜知《し》らせてもよいとしたことだけが｜出《で》ます。リンクが｜使《つか》えないときは、ハローワークに｜聞《き》いてください。
