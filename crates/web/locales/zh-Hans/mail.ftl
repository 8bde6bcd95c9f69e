### 简体中文（zh-Hans）——邮件和日历文件
### Simplified Chinese, language tag zh-Hans: mail and calendar-file texts.
### 翻译方式：由 AI 模型参照日文原文（ja，以日文为准）和英文版本（en）机器辅助翻译。
### How translated: machine-assisted by an AI model from the Japanese (source of truth) and English texts.
### 状态：尚待以中文为母语的人审校。Status: awaits review by a native speaker.
### 说明：邮件也会以纯文本阅读，因此不使用标记。时间用24小时制，并注明日本时间（JST）。

## Mail, calendar files and the My Page inbox (rules NO-1, NO-4, NO-5). Paragraphs are
## separate messages; links between them are added by the code.

## Common parts
mail-greeting = { $name } 您好：
mail-lock-note = 如果这不是您本人的操作，或者您的密码可能已被他人知道，可以通过下面的链接立即锁定账户。
# A start time: 2027年1月4日 10:00 ($mm, $dd: with a leading zero).
mail-start-time = { $year }年{ $month }月{ $day }日 { $time }
# A start time with its weekday: 2027年1月4日（周一）10:00.
mail-when = { $year }年{ $month }月{ $day }日（{ $weekday }）{ $time }
mail-app-builtin = 内置视频（在浏览器中）

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = 【Madoguchi】请确认您的电子邮箱
mail-verification-body = 我们已收到您在 Madoguchi 的临时注册。请在24小时内打开下面的链接，完成注册。
mail-welcome-subject = 【Madoguchi】注册已完成
mail-welcome-body = 您的电子邮箱已确认，账户已启用。请登录使用。
mail-inactivity-subject = 【Madoguchi】您的用户注册将在30天后删除
mail-inactivity-body = 您已将近1年没有登录。如果30天内仍不登录，我们将删除您的用户注册，并清除您的个人信息。如果要继续使用，请登录。
mail-reset-subject = 【Madoguchi】重新设置密码
mail-reset-body = 根据您在窗口提出的申请，现发送重新设置密码的链接。此链接在24小时内只能使用一次，使用后账户的锁定也会解除。
mail-reset-requested-subject = 【Madoguchi】重新设置密码
mail-reset-requested-body = 我们已收到您重新设置 Madoguchi 密码的申请。请在30分钟内打开下面的链接，设置新密码。此链接只能使用一次；设置后，所有设备都会退出登录。
mail-reset-requested-not-you = 如果这不是您本人的申请，请忽略这封邮件，您的密码不会改变。如果您的密码可能已被他人知道，可以通过下面的链接立即锁定账户。
mail-reset-while-locked-subject = 【Madoguchi】您的账户已被锁定
mail-reset-while-locked-body = 我们已收到重新设置密码的申请，但这个账户已被锁定。要解除锁定，请到 Hello Work（ハローワーク）的窗口提出申请。确认本人身份后，我们会发送一个链接，用来重新设置密码并解除锁定。

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = 【Madoguchi】连接信息已发布在我的页面上
mail-details-ready-body = { $when }（日本时间，JST）咨询的连接信息已发布在我的页面（マイページ）上。请登录查看。
mail-reminder-subject = 【Madoguchi】明天的职业咨询提醒
mail-reminder-body = 明天 { $when }（日本时间，JST）是您在 { $office } 的在线职业咨询。请在单独的房间参加。不能录音或录像。连接信息请在我的页面上查看。
mail-no-show-subject = 【Madoguchi】您没有参加预约的咨询
mail-no-show-body = 您没有联系取消，也没有参加预约的咨询，因此已记录为无故缺席。如果记录有误，请联系 Hello Work。
mail-restricted-subject = 【Madoguchi】在线预约已暂停
mail-restricted-body = 因为您在90天内有2次没有联系的缺席，在线预约已暂停。请到 Hello Work 的窗口或打电话咨询。工作人员可以解除暂停。
mail-how-to-join = 连接所需的信息（会议ID、密码、网址）会在前一天之前发布在我的页面上，发布后会发邮件通知您（连接信息本身不会通过邮件发送）。不能录音或录像。
mail-to-prepare = 准备事项：请在单独的房间，使用已安装最新更新的设备参加。可以事先用连接测试检查摄像头、麦克风和网络。当天的确认事项在我的页面上。
mail-connection-test-label = 连接测试：
mail-change-or-cancel = 更改时间可在前一天之前、取消可在开始时间之前，通过我的页面办理。
mail-my-page-label = 我的页面：
mail-booked-subject = 【Madoguchi】职业咨询预约已确定
mail-booked-body = 您的在线职业咨询（30分钟）预约已确定。时间：{ $when }（日本时间，JST），地点：{ $office }，使用的应用：{ $app }。
mail-changed-subject = 【Madoguchi】职业咨询的时间已更改
mail-changed-body = 您的在线职业咨询时间已从 { $was } 改为 { $when }（日本时间，JST）。地点：{ $office }，使用的应用：{ $app }。原来时间的预约已取消。
mail-cancelled-subject = 【Madoguchi】职业咨询预约已取消
mail-cancelled-body = 您在 { $when }（日本时间，JST）于 { $office } 的职业咨询预约已取消。用附件中的日历文件，也可以从日历中删除。

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = 【Madoguchi】您希望的职业咨询时间已确定
mail-request-scheduled-body = { $office } 已确定您的在线职业咨询时间如下：{ $when }（日本时间，JST），使用的应用：{ $app }。
mail-request-scheduled-details = 连接所需的ID、密码和网址会在前一天之前在我的页面上通知您（不会通过邮件发送）。不能录音或录像。在开始时间之前，可以通过我的页面取消。
mail-request-declined-subject = 【Madoguchi】未能按您希望的时间安排职业咨询
mail-request-declined-body = { $office } 未能安排您申请的职业咨询。原因：{ $reason }
mail-request-declined-next = 请另选时间重新申请，或打电话咨询 Hello Work。
mail-registration-confirmed-subject = 【Madoguchi】求职登记已确认
mail-registration-confirmed-body = Hello Work 已确认您的求职号码。在有效期内，您可以预约在线职业咨询和讲座。如果您更改求职号码或有效期，Hello Work 会重新确认。
mail-deleted-by-office-subject = 【Madoguchi】您的用户注册已删除
mail-deleted-by-office-body = 根据使用条款第15条，Hello Work 已删除您在 Madoguchi 的用户注册。原因：{ $reason }
mail-deleted-by-office-after = 您已预约的咨询和讲座已全部取消。您的个人信息会在这封邮件发送后清除。如有疑问，请联系 Hello Work。

## Seminars (SE-2…SE-6)
mail-seminar-my-page = 参加方法会在我的页面上通知您。可以通过我的页面取消。
mail-seminar-ask-office = 如有疑问，请联系 Hello Work。其他讲座可以从讲座一览申请。
mail-seminar-place-registration = 参加登记
mail-seminar-place-waiting = 候补登记
mail-seminar-registered-subject = 【Madoguchi】讲座参加登记已完成
mail-seminar-registered-body = 您已完成“{ $title }”（{ $when }，日本时间，JST）的参加登记。
mail-seminar-waitlisted-subject = 【Madoguchi】已登记讲座候补
mail-seminar-waitlisted-body = “{ $title }”（{ $when }，日本时间，JST）已满员，您已登记为候补。如果在截止前有空位，会按顺序改为参加登记，并通知您。
mail-seminar-promoted-subject = 【Madoguchi】您已从候补改为参加登记
mail-seminar-promoted-body = 因为有了空位，您已完成“{ $title }”（{ $when }，日本时间，JST）的参加登记。
mail-seminar-cancelled-by-user-subject = 【Madoguchi】讲座申请已取消
mail-seminar-cancelled-by-user-body = 根据您本人的操作，“{ $title }”（{ $when }，日本时间，JST）的{ $place }已取消。
mail-seminar-cancelled-by-user-after = 其他讲座可以从讲座一览申请。
mail-seminar-removed-subject = 【Madoguchi】您的讲座参加登记已被取消
mail-seminar-removed-body = 您在“{ $title }”（{ $when }，日本时间，JST）的参加登记已被 Hello Work 取消。原因：{ $reason }
mail-seminar-cancelled-subject = 【Madoguchi】讲座已中止
mail-seminar-cancelled-body = 根据 Hello Work 的决定，“{ $title }”（{ $when }，日本时间，JST）已中止。您的{ $place }已取消。原因：{ $reason }
mail-seminar-suspended-subject = 【Madoguchi】讲座已暂停受理申请
mail-seminar-suspended-body = “{ $title }”（{ $when }，日本时间，JST）已暂停受理新的申请，有可能中止。如果决定中止，会再通知您。您现在的申请保持不变。原因：{ $reason }
mail-seminar-resumed-subject = 【Madoguchi】讲座已恢复受理申请
mail-seminar-resumed-body = “{ $title }”（{ $when }，日本时间，JST）将按计划举办，也已恢复受理申请。
mail-seminar-moved-subject = 【Madoguchi】讲座时间已更改
mail-seminar-moved-body = “{ $title }”的时间已从 { $from } 改为 { $to }（日本时间，JST）。您的申请会转到新的时间。
mail-seminar-moved-body-reason = “{ $title }”的时间已从 { $from } 改为 { $to }（日本时间，JST）。您的申请会转到新的时间。原因：{ $reason }
mail-seminar-moved-after = 如果新的时间不方便，可以通过我的页面取消。
mail-seminar-phone-cancelled-subject = 【Madoguchi】讲座申请已取消
mail-seminar-phone-cancelled-body = 根据您打电话的联系，“{ $title }”（{ $when }，日本时间，JST）的申请已取消。这不算无故缺席。
mail-seminar-no-show-corrected-subject = 【Madoguchi】无故缺席的记录已更正
mail-seminar-no-show-corrected-body = Hello Work 已更正“{ $title }”（{ $when }，日本时间，JST）的无故缺席记录。这一次不算无故缺席。

## Terms (NT-3)
mail-terms-subject = 【Madoguchi】使用条款修改通知
mail-terms-body = { $label }的使用条款（版本 { $version }）将从 { $when }（日本时间，JST）起适用。适用后，请在下一次预约或申请之前表示同意。请在条款页面上确认内容。
mail-terms-label-consultation = 在线职业咨询
mail-terms-label-seminar = 在线讲座
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = 【Madoguchi】因休息，您的预约已取消
mail-closed-what-consultation = 您的在线职业咨询预约
mail-closed-what-seminar = 您对“{ $title }”的申请
mail-closed-day = { $what }（{ $when }，日本时间，JST，{ $office }）已取消，因为当天休息。原因：{ $reason }
mail-closed-hours = { $what }（{ $when }，日本时间，JST，{ $office }）已取消，因为当天 { $from }–{ $until } 休息。原因：{ $reason }
mail-closed-sorry = 给您带来不便，非常抱歉。如有疑问，请打电话联系 { $office }（{ $phone }）。
mail-closed-book-again = 预约其他时间请点这里：

## Calendar files (NO-4)
ics-location = { $office }（{ $app }）
ics-consultation-summary = 在线职业咨询（{ $office }）
ics-consultation-description = 连接信息（会议ID、密码、网址）请在我的页面上查看，不会通过邮件发送。
ics-consultation-alarm = 在线职业咨询的时间快到了
ics-seminar-description = 参加方法请在我的页面上查看，不会通过邮件发送。
ics-seminar-alarm = 讲座的时间快到了

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = [Madoguchi] 您收到了面试邀请
mail-interview-proposed-body = { $office }为您安排了与{ $employer }（{ $job }）的在线面试，时间：{ $when }（日本时间），方式：{ $app }。
mail-interview-answer-on-my-page = 请在“我的页面”确认内容并选择接受或拒绝。
mail-interview-cancelled-subject = [Madoguchi] 面试已取消
mail-interview-cancelled-body = 职业介绍所已取消您于{ $when }（日本时间）与{ $employer }（{ $job }）的面试。
mail-interview-withdrawn-subject = [Madoguchi] 您已退出面试
mail-interview-withdrawn-body = 您已退出{ $when }（日本时间）与{ $employer }（{ $job }）的面试。
mail-interview-outcome-subject = [Madoguchi] 面试结果
mail-interview-outcome-body = 与{ $employer }（{ $job }）的面试结果：{ $outcome }
mail-interview-employer-subject = 【Madoguchi】オンライン面接のご案内（ハローワーク）
mail-interview-employer-body = { $employer }様の求人（{ $number }　{ $job }）について、求職者がオンライン面接を承諾しました。日時：{ $when }（日本時間）、方法：{ $app }。
mail-interview-employer-link-note = 次のリンクから面接の詳細をご覧ください。このリンクは最初に開いたブラウザでのみ使え、面接の終了時刻まで有効です。他の方に転送しないでください。
mail-interview-employer-cancelled-subject = 【Madoguchi】オンライン面接の取消しのお知らせ（ハローワーク）
mail-interview-employer-cancelled-body = { $when }（日本時間）に予定していた{ $employer }様の求人（{ $job }）のオンライン面接は取り消されました。お送りしたリンクは使えなくなりました。
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $year }年{ $month }月{ $day }日
mail-selection-referred-subject = 【Madoguchi】管理选考通知
mail-selection-referred-body = 职业介绍所（Hello Work）已将您推荐参加{ $employer }“{ $job }”的管理选考（{ $date }，在线面试）。请在“我的页面”选择并预约面试时间。
mail-selection-employer-subject = 【Madoguchi】管理选考面试者名单
mail-selection-employer-body = { $employer }的管理选考（{ $date }）面试者名单可通过下方链接查看。该链接仅可在一个浏览器中使用一次，有效期至选考日结束。
mail-selection-employer-note = 名单仅显示求职者同意告知企业的项目。如链接无法使用，请联系职业介绍所。
