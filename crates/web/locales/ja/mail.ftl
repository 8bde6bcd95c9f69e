## Mail, calendar files and the My Page inbox (rules NO-1, NO-4, NO-5). Paragraphs are
## separate messages; links between them are added by the code.

## Common parts
mail-greeting = { $name } 様
mail-lock-note = お心当たりのない場合や、パスワードが他人に知られたおそれがある場合は、次のリンクからアカウントを直ちにロックできます。
# A start time: 2027年1月4日 10:00 ($mm, $dd: with a leading zero).
mail-start-time = { $year }年{ $month }月{ $day }日 { $time }
# A start time with its weekday: 2027年1月4日（月）10:00.
mail-when = { $year }年{ $month }月{ $day }日（{ $weekday }）{ $time }
mail-app-builtin = 内蔵ビデオ（ブラウザ）

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = 【Madoguchi】メールアドレスの確認のお願い
mail-verification-body = Madoguchi への仮登録を受け付けました。24時間以内に次のリンクを開き、登録を完了してください。
mail-welcome-subject = 【Madoguchi】登録が完了しました
mail-welcome-body = メールアドレスを確認し、アカウントを有効にしました。ログインしてご利用ください。
mail-inactivity-subject = 【Madoguchi】30日後に利用者登録が削除されます
mail-inactivity-body = 1年近くログインがありません。30日以内にログインがない場合、利用者登録を削除し、個人情報を消去します。引き続きご利用の場合は、ログインしてください。
mail-reset-subject = 【Madoguchi】パスワード再設定のご案内
mail-reset-body = 窓口でのお申し出により、パスワード再設定のリンクをお送りします。24時間以内に一度だけ使え、アカウントのロックも解除されます。
mail-reset-requested-subject = 【Madoguchi】パスワード再設定のご案内
mail-reset-requested-body = Madoguchi のパスワード再設定のお申し込みを受け付けました。30分以内に次のリンクを開き、新しいパスワードを設定してください。リンクは一度だけ使え、設定するとすべての端末でログアウトします。
mail-reset-requested-not-you = お心当たりのない場合は、このメールは破棄してください。パスワードは変わりません。パスワードが他人に知られたおそれがある場合は、次のリンクからアカウントを直ちにロックできます。
mail-reset-while-locked-subject = 【Madoguchi】アカウントはロックされています
mail-reset-while-locked-body = パスワード再設定のお申し込みを受け付けましたが、このアカウントはロックされています。ロックの解除はハローワークの窓口にお申し出ください。ご本人確認のうえ、パスワードを再設定してロックを解除するリンクをお送りします。

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = 【Madoguchi】接続情報をマイページに掲載しました
mail-details-ready-body = { $when }（日本時間）の相談の接続情報をマイページに掲載しました。ログインしてご確認ください。
mail-reminder-subject = 【Madoguchi】明日の職業相談のお知らせ
mail-reminder-body = 明日 { $when }（日本時間）、{ $office }のオンライン職業相談です。個室からご参加ください。録音・録画はできません。接続情報はマイページでご確認ください。
mail-no-show-subject = 【Madoguchi】ご予約の相談にご参加がありませんでした
mail-no-show-body = ご予約の相談に、取消の連絡がないままご参加がありませんでした。無断欠席として記録しました。誤りの場合はハローワークにご連絡ください。
mail-restricted-subject = 【Madoguchi】オンライン予約を一時停止しました
mail-restricted-body = 90日以内に2回、連絡のない欠席があったため、オンラインでの予約を一時停止しています。ハローワークの窓口または電話でご相談ください。職員が停止を解除できます。
mail-how-to-join = 接続に必要な情報（ミーティングID・パスキー・URL）は、前日までにマイページに掲載し、掲載したことをメールでお知らせします（接続情報そのものはメールではお送りしません）。録音・録画はできません。
mail-to-prepare = ご準備：個室から、更新を適用した端末でご参加ください。事前に接続テストでカメラ・マイク・回線をご確認いただけます。当日の確認事項はマイページにあります。
mail-connection-test-label = 接続テスト：
mail-change-or-cancel = 日時の変更は前日まで、取消は開始時刻まで、マイページからできます。
mail-my-page-label = マイページ：
mail-booked-subject = 【Madoguchi】職業相談の予約が確定しました
mail-booked-body = オンライン職業相談（30分）の予約が確定しました。日時：{ $when }（日本時間）、場所：{ $office }、使用するアプリ：{ $app }。
mail-changed-subject = 【Madoguchi】職業相談の日時を変更しました
mail-changed-body = オンライン職業相談の日時を、{ $was } から { $when }（日本時間）に変更しました。場所：{ $office }、使用するアプリ：{ $app }。変更前の日時の予約はなくなりました。
mail-cancelled-subject = 【Madoguchi】職業相談の予約を取り消しました
mail-cancelled-body = { $when }（日本時間）、{ $office }の職業相談の予約を取り消しました。添付のカレンダーファイルで、カレンダーからも削除できます。

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = 【Madoguchi】ご希望の職業相談の日時が決まりました
mail-request-scheduled-body = { $office }で、オンライン職業相談の日時を次のとおり決定しました。{ $when }（日本時間）、使用するアプリ：{ $app }。
mail-request-scheduled-details = 接続に必要なID・パスキー・URLは、前日までにマイページでお知らせします（メールではお送りしません）。録音・録画はできません。取消は開始時刻までマイページからできます。
mail-request-declined-subject = 【Madoguchi】職業相談のご希望日時で調整できませんでした
mail-request-declined-body = { $office }では、お申し込みの職業相談を調整できませんでした。理由：{ $reason }
mail-request-declined-next = 別の日時で改めてお申し込みいただくか、ハローワークに電話でお問い合わせください。
mail-registration-confirmed-subject = 【Madoguchi】求職登録を確認しました
mail-registration-confirmed-body = ハローワークが求職番号を確認しました。有効期限まで、オンライン職業相談やセミナーを予約できます。求職番号や有効期限を変更した場合は、改めて確認します。
mail-deleted-by-office-subject = 【Madoguchi】利用者登録を削除しました
mail-deleted-by-office-body = 利用規約第15条に基づき、Madoguchi の利用者登録を削除しました。理由：{ $reason }
mail-deleted-by-office-after = 予約中の相談・セミナーは取り消しました。個人情報は、このメールの送信後に消去します。ご不明な点は、ハローワークにお問い合わせください。

## Seminars (SE-2…SE-6)
mail-seminar-my-page = 参加方法はマイページでお知らせします。取消はマイページからできます。
mail-seminar-ask-office = ご不明な点はハローワークにお問い合わせください。ほかのセミナーはセミナー一覧からお申し込みいただけます。
mail-seminar-place-registration = 参加登録
mail-seminar-place-waiting = キャンセル待ち
mail-seminar-registered-subject = 【Madoguchi】セミナーの参加登録が完了しました
mail-seminar-registered-body = 「{ $title }」（{ $when }、日本時間）の参加登録が完了しました。
mail-seminar-waitlisted-subject = 【Madoguchi】セミナーのキャンセル待ちに登録しました
mail-seminar-waitlisted-body = 「{ $title }」（{ $when }、日本時間）は満席のため、キャンセル待ちに登録しました。席が空くと、締切までは順番に参加登録に切り替え、お知らせします。
mail-seminar-promoted-subject = 【Madoguchi】キャンセル待ちから参加登録に切り替わりました
mail-seminar-promoted-body = 席が空いたため、「{ $title }」（{ $when }、日本時間）の参加登録が完了しました。
mail-seminar-cancelled-by-user-subject = 【Madoguchi】セミナーの申込みを取り消しました
mail-seminar-cancelled-by-user-body = 「{ $title }」（{ $when }、日本時間）の{ $place }を、ご本人の操作により取り消しました。
mail-seminar-cancelled-by-user-after = ほかのセミナーは、セミナー一覧からお申し込みいただけます。
mail-seminar-removed-subject = 【Madoguchi】セミナーの参加登録が取り消されました
mail-seminar-removed-body = 「{ $title }」（{ $when }、日本時間）の参加登録は、ハローワークにより取り消されました。理由: { $reason }
mail-seminar-cancelled-subject = 【Madoguchi】セミナーが中止になりました
mail-seminar-cancelled-body = 「{ $title }」（{ $when }、日本時間）は、ハローワークの判断により中止となりました。{ $place }は取り消されています。理由: { $reason }
mail-seminar-suspended-subject = 【Madoguchi】セミナーの受付を一時停止しました
mail-seminar-suspended-body = 「{ $title }」（{ $when }、日本時間）は、新しい申込みの受付を一時停止しました。中止となる場合があります。中止が決まったときは改めてお知らせします。今のお申込みはそのままです。理由: { $reason }
mail-seminar-resumed-subject = 【Madoguchi】セミナーの受付を再開しました
mail-seminar-resumed-body = 「{ $title }」（{ $when }、日本時間）は、予定どおり開催します。申込みの受付も再開しました。
mail-seminar-moved-subject = 【Madoguchi】セミナーの日時が変更になりました
mail-seminar-moved-body = 「{ $title }」の日時を、{ $from }から{ $to }（日本時間）に変更しました。お申込みは新しい日時に引き継がれます。
mail-seminar-moved-body-reason = 「{ $title }」の日時を、{ $from }から{ $to }（日本時間）に変更しました。お申込みは新しい日時に引き継がれます。理由: { $reason }
mail-seminar-moved-after = 新しい日時のご都合が悪い場合は、マイページから取り消すことができます。
mail-seminar-phone-cancelled-subject = 【Madoguchi】セミナーのお申込みを取り消しました
mail-seminar-phone-cancelled-body = お電話でのご連絡により、「{ $title }」（{ $when }、日本時間）のお申込みを取り消しました。無断欠席にはなりません。
mail-seminar-no-show-corrected-subject = 【Madoguchi】無断欠席の記録を訂正しました
mail-seminar-no-show-corrected-body = 「{ $title }」（{ $when }、日本時間）の無断欠席の記録を、ハローワークが訂正しました。この回は無断欠席として数えません。

## Terms (NT-3)
mail-terms-subject = 【Madoguchi】利用規約改定のお知らせ
mail-terms-body = { $label }の利用規約（版 { $version }）が { $when }（日本時間）から適用されます。適用後は、次の予約・申込みの前に同意をお願いします。規約のページでご確認ください。
mail-terms-label-consultation = オンライン職業相談
mail-terms-label-seminar = オンラインセミナー
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = 【Madoguchi】休所のため予約を取り消しました
mail-closed-what-consultation = オンライン職業相談のご予約
mail-closed-what-seminar = 「{ $title }」のお申し込み
mail-closed-day = { $when }（日本時間）の{ $office }での{ $what }は、当日が休所となったため取り消しました。理由：{ $reason }
mail-closed-hours = { $when }（日本時間）の{ $office }での{ $what }は、当日{ $from }～{ $until }が休所となったため取り消しました。理由：{ $reason }
mail-closed-sorry = ご迷惑をおかけし申し訳ありません。お問い合わせは{ $office }（{ $phone }）までお電話ください。
mail-closed-book-again = 別の日時のご予約はこちらから：

## Calendar files (NO-4)
ics-location = { $office }（{ $app }）
ics-consultation-summary = オンライン職業相談（{ $office }）
ics-consultation-description = 接続情報（ミーティングID・パスキー・URL）はマイページでご確認ください。
ics-consultation-alarm = オンライン職業相談の時間が近づいています
ics-seminar-description = 参加方法はマイページでご確認ください。
ics-seminar-alarm = セミナーの時間が近づいています

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = 【Madoguchi】面接のご案内が届きました
mail-interview-proposed-body = { $office }から、{ $employer }（{ $job }）とのオンライン面接のご案内です。日時：{ $when }（日本時間）、方法：{ $app }。
mail-interview-answer-on-my-page = マイページで内容をご確認のうえ、承諾またはお断りをお選びください。
mail-interview-employer-subject = 【Madoguchi】オンライン面接のご案内（ハローワーク）
mail-interview-employer-body = { $employer }様の求人（{ $number }　{ $job }）について、求職者がオンライン面接を承諾しました。日時：{ $when }（日本時間）、方法：{ $app }。
mail-interview-employer-link-note = 次のリンクから面接の詳細をご覧ください。このリンクは最初に開いたブラウザでのみ使え、面接の終了時刻まで有効です。他の方に転送しないでください。
mail-interview-cancelled-subject = 【Madoguchi】面接が取り消されました
mail-interview-cancelled-body = { $when }（日本時間）の{ $employer }（{ $job }）との面接は、ハローワークが取り消しました。
mail-interview-withdrawn-subject = 【Madoguchi】面接を取り下げました
mail-interview-withdrawn-body = { $when }（日本時間）の{ $employer }（{ $job }）との面接を取り下げました。
mail-interview-employer-cancelled-subject = 【Madoguchi】オンライン面接の取消しのお知らせ（ハローワーク）
mail-interview-employer-cancelled-body = { $when }（日本時間）に予定していた{ $employer }様の求人（{ $job }）のオンライン面接は取り消されました。お送りしたリンクは使えなくなりました。
mail-interview-outcome-subject = 【Madoguchi】面接の結果が登録されました
mail-interview-outcome-body = { $employer }（{ $job }）の面接の結果：{ $outcome }
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $year }年{ $month }月{ $day }日
mail-selection-referred-subject = 【Madoguchi】管理選考のご案内
mail-selection-referred-body = ハローワークから、{ $employer }の「{ $job }」の管理選考（{ $date }、オンライン面接）にご紹介しました。マイページで面接の時間を選んで予約してください。
mail-selection-employer-subject = 【Madoguchi】管理選考の面接者一覧のご案内
mail-selection-employer-body = { $employer }様の管理選考（{ $date }）の面接者一覧は、下のリンクから見られます。リンクは一度だけ、一つのブラウザで使え、選考日の終わりまで有効です。
mail-selection-employer-note = 一覧には、求職者が企業に伝えることに同意した項目だけが表示されます。リンクが使えないときは、ハローワークにお問い合わせください。
