### 한국어 (ko) — 메일과 캘린더 파일
### Korean, language tag ko: mail and calendar-file texts.
### 번역 방법: AI 모델이 일본어 원문(ja, 기준이 되는 문서)과 영어판(en)을 바탕으로 기계 보조 번역했습니다.
### How translated: machine-assisted by an AI model from the Japanese (source of truth) and English texts.
### 상태: 한국어 원어민의 검토를 기다리고 있습니다. Status: awaits review by a native speaker.
### 참고: 메일은 일반 텍스트로도 읽히므로 서식을 쓰지 않습니다. 시간은 24시간제로 쓰고 일본 시간(JST)을 밝힙니다.

## Mail, calendar files and the My Page inbox (rules NO-1, NO-4, NO-5). Paragraphs are
## separate messages; links between them are added by the code.

## Common parts
mail-greeting = { $name } 님
mail-lock-note = 본인이 한 일이 아니거나 비밀번호를 다른 사람이 알았을 우려가 있는 경우에는 다음 링크에서 계정을 바로 잠글 수 있습니다.
# A start time: 2027년 1월 4일 10:00 ($mm, $dd: with a leading zero).
mail-start-time = { $year }년 { $month }월 { $day }일 { $time }
# A start time with its weekday: 2027년 1월 4일(월) 10:00.
mail-when = { $year }년 { $month }월 { $day }일({ $weekday }) { $time }
mail-app-builtin = 내장 비디오(브라우저)

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = [Madoguchi] 이메일 주소를 확인해 주세요
mail-verification-body = Madoguchi 임시 등록을 접수했습니다. 24시간 안에 다음 링크를 열어 등록을 마쳐 주세요.
mail-welcome-subject = [Madoguchi] 등록을 마쳤습니다
mail-welcome-body = 이메일 주소를 확인하고 계정을 활성화했습니다. 로그인하여 이용해 주세요.
mail-inactivity-subject = [Madoguchi] 30일 뒤에 이용자 등록이 삭제됩니다
mail-inactivity-body = 1년 가까이 로그인하지 않으셨습니다. 30일 안에 로그인하지 않으면 이용자 등록을 삭제하고 개인정보를 지웁니다. 계속 이용하시려면 로그인해 주세요.
mail-reset-subject = [Madoguchi] 비밀번호 재설정 안내
mail-reset-body = 창구에서 요청하신 대로 비밀번호 재설정 링크를 보내 드립니다. 24시간 안에 한 번만 쓸 수 있으며, 계정 잠금도 풀립니다.
mail-reset-requested-subject = [Madoguchi] 비밀번호 재설정 안내
mail-reset-requested-body = Madoguchi 비밀번호 재설정 신청을 접수했습니다. 30분 안에 다음 링크를 열어 새 비밀번호를 설정해 주세요. 링크는 한 번만 쓸 수 있으며, 설정하면 모든 기기에서 로그아웃됩니다.
mail-reset-requested-not-you = 본인이 신청하지 않았다면 이 메일은 무시해 주세요. 비밀번호는 바뀌지 않습니다. 비밀번호를 다른 사람이 알았을 우려가 있는 경우에는 다음 링크에서 계정을 바로 잠글 수 있습니다.
mail-reset-while-locked-subject = [Madoguchi] 계정이 잠겨 있습니다
mail-reset-while-locked-body = 비밀번호 재설정 신청을 접수했지만, 이 계정은 잠겨 있습니다. 잠금을 풀려면 헬로워크(ハローワーク) 창구에 요청해 주세요. 본인 확인 후 비밀번호를 재설정하고 잠금을 푸는 링크를 보내 드립니다.

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = [Madoguchi] 접속 정보를 마이페이지에 올렸습니다
mail-details-ready-body = { $when }(일본 시간, JST) 상담의 접속 정보를 마이페이지(マイページ)에 올렸습니다. 로그인하여 확인해 주세요.
mail-reminder-subject = [Madoguchi] 내일 직업 상담 안내
mail-reminder-body = 내일 { $when }(일본 시간, JST)에 { $office }의 온라인 직업 상담이 있습니다. 혼자 있는 방에서 참가해 주세요. 녹음·녹화는 할 수 없습니다. 접속 정보는 마이페이지에서 확인해 주세요.
mail-no-show-subject = [Madoguchi] 예약하신 상담에 참가하지 않으셨습니다
mail-no-show-body = 예약하신 상담에 취소 연락 없이 참가하지 않으셨습니다. 무단결석으로 기록했습니다. 잘못된 경우에는 헬로워크에 연락해 주세요.
mail-restricted-subject = [Madoguchi] 온라인 예약을 일시 정지했습니다
mail-restricted-body = 90일 안에 연락 없는 결석이 2번 있었기 때문에 온라인 예약을 일시 정지했습니다. 헬로워크 창구나 전화로 상담해 주세요. 직원이 정지를 풀 수 있습니다.
mail-how-to-join = 접속에 필요한 정보(회의 ID·암호·URL)는 전날까지 마이페이지에 올리고, 올렸다는 것을 메일로 알려 드립니다(접속 정보 자체는 메일로 보내지 않습니다). 녹음·녹화는 할 수 없습니다.
mail-to-prepare = 준비: 혼자 있는 방에서, 업데이트를 적용한 기기로 참가해 주세요. 미리 접속 테스트로 카메라·마이크·통신 상태를 확인할 수 있습니다. 당일 확인할 사항은 마이페이지에 있습니다.
mail-connection-test-label = 접속 테스트:
mail-change-or-cancel = 일시 변경은 전날까지, 취소는 시작 시각까지 마이페이지에서 할 수 있습니다.
mail-my-page-label = 마이페이지:
mail-booked-subject = [Madoguchi] 직업 상담 예약이 확정되었습니다
mail-booked-body = 온라인 직업 상담(30분) 예약이 확정되었습니다. 일시: { $when }(일본 시간, JST), 장소: { $office }, 사용하는 앱: { $app }.
mail-changed-subject = [Madoguchi] 직업 상담 일시를 변경했습니다
mail-changed-body = 온라인 직업 상담 일시를 { $was }에서 { $when }(일본 시간, JST)(으)로 변경했습니다. 장소: { $office }, 사용하는 앱: { $app }. 변경 전 일시의 예약은 없어졌습니다.
mail-cancelled-subject = [Madoguchi] 직업 상담 예약을 취소했습니다
mail-cancelled-body = { $when }(일본 시간, JST) { $office }의 직업 상담 예약을 취소했습니다. 첨부한 캘린더 파일로 캘린더에서도 지울 수 있습니다.

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = [Madoguchi] 희망하신 직업 상담 일시가 정해졌습니다
mail-request-scheduled-body = { $office }에서 온라인 직업 상담 일시를 다음과 같이 정했습니다. { $when }(일본 시간, JST), 사용하는 앱: { $app }.
mail-request-scheduled-details = 접속에 필요한 ID·암호·URL은 전날까지 마이페이지에서 알려 드립니다(메일로는 보내지 않습니다). 녹음·녹화는 할 수 없습니다. 취소는 시작 시각까지 마이페이지에서 할 수 있습니다.
mail-request-declined-subject = [Madoguchi] 희망하신 일시로 직업 상담을 조정하지 못했습니다
mail-request-declined-body = { $office }에서 신청하신 직업 상담을 조정하지 못했습니다. 이유: { $reason }
mail-request-declined-next = 다른 일시로 다시 신청하시거나, 헬로워크에 전화로 문의해 주세요.
mail-registration-confirmed-subject = [Madoguchi] 구직 등록을 확인했습니다
mail-registration-confirmed-body = 헬로워크가 구직번호를 확인했습니다. 유효 기한까지 온라인 직업 상담과 세미나를 예약할 수 있습니다. 구직번호나 유효 기한을 바꾸면 다시 확인합니다.
mail-deleted-by-office-subject = [Madoguchi] 이용자 등록을 삭제했습니다
mail-deleted-by-office-body = 이용약관 제15조에 따라 Madoguchi 이용자 등록을 삭제했습니다. 이유: { $reason }
mail-deleted-by-office-after = 예약 중인 상담·세미나는 취소했습니다. 개인정보는 이 메일을 보낸 뒤에 지웁니다. 궁금한 점은 헬로워크에 문의해 주세요.

## Seminars (SE-2…SE-6)
mail-seminar-my-page = 참가 방법은 마이페이지에서 알려 드립니다. 취소는 마이페이지에서 할 수 있습니다.
mail-seminar-ask-office = 궁금한 점은 헬로워크에 문의해 주세요. 다른 세미나는 세미나 목록에서 신청할 수 있습니다.
mail-seminar-place-registration = 참가 등록
mail-seminar-place-waiting = 대기 등록
mail-seminar-registered-subject = [Madoguchi] 세미나 참가 등록을 마쳤습니다
mail-seminar-registered-body = “{ $title }”({ $when }, 일본 시간, JST) 참가 등록을 마쳤습니다.
mail-seminar-waitlisted-subject = [Madoguchi] 세미나 대기 등록을 했습니다
mail-seminar-waitlisted-body = “{ $title }”({ $when }, 일본 시간, JST)은(는) 자리가 다 차서 대기로 등록했습니다. 마감 전에 자리가 나면 순서대로 참가 등록으로 바꾸고 알려 드립니다.
mail-seminar-promoted-subject = [Madoguchi] 대기에서 참가 등록으로 바뀌었습니다
mail-seminar-promoted-body = 자리가 나서 “{ $title }”({ $when }, 일본 시간, JST) 참가 등록을 마쳤습니다.
mail-seminar-cancelled-by-user-subject = [Madoguchi] 세미나 신청을 취소했습니다
mail-seminar-cancelled-by-user-body = 본인의 조작으로 “{ $title }”({ $when }, 일본 시간, JST)의 { $place }을(를) 취소했습니다.
mail-seminar-cancelled-by-user-after = 다른 세미나는 세미나 목록에서 신청할 수 있습니다.
mail-seminar-removed-subject = [Madoguchi] 세미나 참가 등록이 취소되었습니다
mail-seminar-removed-body = “{ $title }”({ $when }, 일본 시간, JST) 참가 등록은 헬로워크가 취소했습니다. 이유: { $reason }
mail-seminar-cancelled-subject = [Madoguchi] 세미나가 중지되었습니다
mail-seminar-cancelled-body = “{ $title }”({ $when }, 일본 시간, JST)은(는) 헬로워크의 판단으로 중지되었습니다. { $place }은(는) 취소되었습니다. 이유: { $reason }
mail-seminar-suspended-subject = [Madoguchi] 세미나 신청 접수를 일시 정지했습니다
mail-seminar-suspended-body = “{ $title }”({ $when }, 일본 시간, JST)은(는) 새 신청 접수를 일시 정지했습니다. 중지될 수도 있습니다. 중지가 정해지면 다시 알려 드립니다. 지금의 신청은 그대로입니다. 이유: { $reason }
mail-seminar-resumed-subject = [Madoguchi] 세미나 신청 접수를 다시 시작했습니다
mail-seminar-resumed-body = “{ $title }”({ $when }, 일본 시간, JST)은(는) 예정대로 열립니다. 신청 접수도 다시 시작했습니다.
mail-seminar-moved-subject = [Madoguchi] 세미나 일시가 바뀌었습니다
mail-seminar-moved-body = “{ $title }”의 일시를 { $from }에서 { $to }(일본 시간, JST)(으)로 바꿨습니다. 신청은 새 일시로 이어집니다.
mail-seminar-moved-body-reason = “{ $title }”의 일시를 { $from }에서 { $to }(일본 시간, JST)(으)로 바꿨습니다. 신청은 새 일시로 이어집니다. 이유: { $reason }
mail-seminar-moved-after = 새 일시가 맞지 않으면 마이페이지에서 취소할 수 있습니다.
mail-seminar-phone-cancelled-subject = [Madoguchi] 세미나 신청을 취소했습니다
mail-seminar-phone-cancelled-body = 전화로 연락하신 대로 “{ $title }”({ $when }, 일본 시간, JST) 신청을 취소했습니다. 무단결석이 되지 않습니다.
mail-seminar-no-show-corrected-subject = [Madoguchi] 무단결석 기록을 정정했습니다
mail-seminar-no-show-corrected-body = “{ $title }”({ $when }, 일본 시간, JST)의 무단결석 기록을 헬로워크가 정정했습니다. 이번 회는 무단결석으로 세지 않습니다.

## Terms (NT-3)
mail-terms-subject = [Madoguchi] 이용약관 개정 안내
mail-terms-body = { $label } 이용약관(판 { $version })이 { $when }(일본 시간, JST)부터 적용됩니다. 적용 후에는 다음 예약·신청 전에 동의해 주세요. 약관 페이지에서 확인해 주세요.
mail-terms-label-consultation = 온라인 직업 상담
mail-terms-label-seminar = 온라인 세미나
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = [Madoguchi] 휴무로 예약을 취소했습니다
mail-closed-what-consultation = 온라인 직업 상담 예약
mail-closed-what-seminar = “{ $title }” 신청
mail-closed-day = { $when }(일본 시간, JST) { $office }의 { $what }은(는) 그날이 휴무가 되어 취소했습니다. 이유: { $reason }
mail-closed-hours = { $when }(일본 시간, JST) { $office }의 { $what }은(는) 그날 { $from }–{ $until }이(가) 휴무가 되어 취소했습니다. 이유: { $reason }
mail-closed-sorry = 불편을 드려 죄송합니다. 문의는 { $office }({ $phone })로 전화해 주세요.
mail-closed-book-again = 다른 일시 예약은 여기에서:

## Calendar files (NO-4)
ics-location = { $office }({ $app })
ics-consultation-summary = 온라인 직업 상담({ $office })
ics-consultation-description = 접속 정보(회의 ID·암호·URL)는 마이페이지에서 확인해 주세요. 메일로는 보내지 않습니다.
ics-consultation-alarm = 온라인 직업 상담 시간이 다가왔습니다
ics-seminar-description = 참가 방법은 마이페이지에서 확인해 주세요. 메일로는 보내지 않습니다.
ics-seminar-alarm = 세미나 시간이 다가왔습니다

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = [Madoguchi] 면접 안내가 도착했습니다
mail-interview-proposed-body = { $office }에서 { $employer }({ $job })와의 온라인 면접을 잡았습니다. 일시: { $when }(일본 시간), 방법: { $app }.
mail-interview-answer-on-my-page = 마이페이지에서 내용을 확인하고 수락 또는 거절을 선택해 주세요.
mail-interview-cancelled-subject = [Madoguchi] 면접이 취소되었습니다
mail-interview-cancelled-body = { $when }(일본 시간) { $employer }({ $job })와의 면접을 헬로워크가 취소했습니다.
mail-interview-withdrawn-subject = [Madoguchi] 면접을 철회했습니다
mail-interview-withdrawn-body = { $when }(일본 시간) { $employer }({ $job })와의 면접을 철회했습니다.
mail-interview-outcome-subject = [Madoguchi] 면접 결과
mail-interview-outcome-body = { $employer }({ $job }) 면접 결과: { $outcome }
mail-interview-employer-subject = 【Madoguchi】オンライン面接のご案内（ハローワーク）
mail-interview-employer-body = { $employer }様の求人（{ $number }　{ $job }）について、求職者がオンライン面接を承諾しました。日時：{ $when }（日本時間）、方法：{ $app }。
mail-interview-employer-link-note = 次のリンクから面接の詳細をご覧ください。このリンクは最初に開いたブラウザでのみ使え、面接の終了時刻まで有効です。他の方に転送しないでください。
mail-interview-employer-cancelled-subject = 【Madoguchi】オンライン面接の取消しのお知らせ（ハローワーク）
mail-interview-employer-cancelled-body = { $when }（日本時間）に予定していた{ $employer }様の求人（{ $job }）のオンライン面接は取り消されました。お送りしたリンクは使えなくなりました。
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $year }년 { $month }월 { $day }일
mail-selection-referred-subject = [Madoguchi] 관리 선고 안내
mail-selection-referred-body = 헬로워크가 { $employer }의 "{ $job }" 관리 선고({ $date }, 온라인 면접)에 귀하를 소개했습니다. 마이페이지에서 면접 시간을 선택하여 예약해 주십시오.
mail-selection-employer-subject = [Madoguchi] 관리 선고 면접자 목록 안내
mail-selection-employer-body = { $employer }의 관리 선고({ $date }) 면접자 목록은 아래 링크에서 볼 수 있습니다. 링크는 하나의 브라우저에서 한 번만 사용할 수 있으며 선고일이 끝날 때까지 유효합니다.
mail-selection-employer-note = 목록에는 구직자가 기업에 알리는 데 동의한 항목만 표시됩니다. 링크를 사용할 수 없으면 헬로워크에 문의해 주십시오.
