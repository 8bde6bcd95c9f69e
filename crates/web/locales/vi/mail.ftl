### Tiếng Việt (vi) – email và tệp lịch
###
### Bản dịch này được tạo với sự hỗ trợ của máy: một mô hình AI đã dịch từ bản tiếng Anh
### (en/mail.ftl) và bản gốc tiếng Nhật (ja/mail.ftl). Bản tiếng Nhật là bản gốc.
### Bản dịch đang chờ người bản ngữ tiếng Việt kiểm tra (chưa được kiểm tra).
###
### Machine-assisted translation by an AI model from the English and Japanese sources;
### awaiting review by a native Vietnamese speaker. Times are written in 24-hour form (JST).
### Mails are also read as plain text: no markup. Terms as in vi/main.ftl: Hello Work
### (ハローワーク), Trang của tôi (My Page), số người tìm việc (求職番号).

## Common parts
mail-greeting = Kính gửi { $name },
mail-lock-note = Nếu bạn không làm việc này, hoặc nghĩ rằng người khác có thể biết mật khẩu của bạn, hãy khóa tài khoản ngay bằng đường link sau:
# A start time: 4/1/2027 10:00 (day/month/year).
mail-start-time = { $day }/{ $month }/{ $year } { $time }
# A start time with its weekday: T2, 4/1/2027, 10:00.
mail-when = { $weekday }, { $day }/{ $month }/{ $year }, { $time }
mail-app-builtin = Video có sẵn (trên trình duyệt)

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = [Madoguchi] Vui lòng xác nhận địa chỉ email của bạn
mail-verification-body = Chúng tôi đã nhận đăng ký tạm thời của bạn trên Madoguchi. Vui lòng mở đường link sau trong vòng 24 giờ để hoàn tất việc đăng ký:
mail-welcome-subject = [Madoguchi] Bạn đã đăng ký xong
mail-welcome-body = Địa chỉ email của bạn đã được xác nhận và tài khoản đã được kích hoạt. Bây giờ bạn có thể đăng nhập.
mail-inactivity-subject = [Madoguchi] Đăng ký của bạn sẽ bị xóa sau 30 ngày
mail-inactivity-body = Đã gần một năm bạn không đăng nhập. Nếu bạn không đăng nhập trong vòng 30 ngày, đăng ký người dùng của bạn sẽ bị xóa và thông tin cá nhân sẽ bị hủy. Để tiếp tục sử dụng, bạn chỉ cần đăng nhập:
mail-reset-subject = [Madoguchi] Đặt mật khẩu mới
mail-reset-body = Theo yêu cầu của bạn tại quầy, chúng tôi gửi đường link để đặt mật khẩu mới. Đường link chỉ dùng được một lần, trong vòng 24 giờ, và cũng mở khóa tài khoản của bạn:
mail-reset-requested-subject = [Madoguchi] Đặt lại mật khẩu
mail-reset-requested-body = Chúng tôi đã nhận yêu cầu đặt lại mật khẩu cho tài khoản Madoguchi của bạn. Vui lòng mở đường link sau trong vòng 30 phút để đặt mật khẩu mới. Đường link chỉ dùng được một lần; khi đặt xong, tất cả các thiết bị sẽ bị đăng xuất:
mail-reset-requested-not-you = Nếu bạn không yêu cầu việc này, hãy bỏ qua email này: mật khẩu của bạn vẫn giữ nguyên. Nếu bạn nghĩ rằng người khác có thể biết mật khẩu của bạn, hãy khóa tài khoản ngay bằng đường link sau:
mail-reset-while-locked-subject = [Madoguchi] Tài khoản của bạn đang bị khóa
mail-reset-while-locked-body = Chúng tôi đã nhận yêu cầu đặt lại mật khẩu cho tài khoản Madoguchi của bạn, nhưng tài khoản này đang bị khóa. Để mở khóa, vui lòng hỏi tại quầy của văn phòng Hello Work: sau khi kiểm tra danh tính, nhân viên sẽ gửi cho bạn đường link để đặt mật khẩu mới và mở khóa tài khoản.

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = [Madoguchi] Cách tham gia buổi tư vấn đã có trên Trang của tôi (My Page)
mail-details-ready-body = Thông tin để tham gia buổi tư vấn lúc { $when } (giờ Nhật Bản, JST) đã có trên Trang của tôi (My Page). Vui lòng đăng nhập để xem.
mail-reminder-subject = [Madoguchi] Nhắc lịch: buổi tư vấn của bạn vào ngày mai
mail-reminder-body = Xin nhắc bạn về buổi tư vấn việc làm trực tuyến vào ngày mai, { $when } (giờ Nhật Bản, JST), tại { $office }. Vui lòng tham gia từ một phòng riêng; không được ghi âm hay ghi hình. Cách tham gia có trên Trang của tôi (My Page).
mail-no-show-subject = [Madoguchi] Bạn đã không tham gia buổi tư vấn
mail-no-show-body = Bạn đã không tham gia buổi tư vấn đã đặt và cũng không hủy trước, nên việc này được ghi là vắng mặt không báo. Nếu có nhầm lẫn, vui lòng liên hệ văn phòng Hello Work.
mail-restricted-subject = [Madoguchi] Việc đặt lịch qua mạng đang bị tạm dừng
mail-restricted-body = Vì bạn đã vắng mặt không báo 2 lần trong vòng 90 ngày, hiện bạn không thể đặt lịch qua mạng. Vui lòng liên hệ văn phòng Hello Work qua điện thoại hoặc tại quầy; nhân viên có thể gỡ bỏ việc tạm dừng này.
mail-how-to-join = Thông tin để tham gia (ID cuộc họp, mật mã và đường link) sẽ được hiển thị trên Trang của tôi (My Page) trước ngày tư vấn, và chúng tôi sẽ gửi email báo cho bạn khi thông tin đã có; bản thân thông tin này không bao giờ được gửi qua email. Không được ghi âm hay ghi hình.
mail-to-prepare = Chuẩn bị: hãy tham gia từ một phòng riêng, trên thiết bị đã được cập nhật, và kiểm tra trước camera, micro và kết nối bằng trang kiểm tra kết nối. Danh sách việc cần kiểm tra cho ngày tư vấn có trên Trang của tôi (My Page).
mail-connection-test-label = Kiểm tra kết nối:
mail-change-or-cancel = Bạn có thể đổi giờ trên Trang của tôi (My Page) cho đến ngày hôm trước, và hủy cho đến giờ bắt đầu.
mail-my-page-label = Trang của tôi (My Page):
mail-booked-subject = [Madoguchi] Lịch tư vấn của bạn đã được xác nhận
mail-booked-body = Lịch tư vấn việc làm trực tuyến (30 phút) của bạn đã được xác nhận: { $when } (giờ Nhật Bản, JST), tại { $office }, dùng { $app }.
mail-changed-subject = [Madoguchi] Giờ tư vấn của bạn đã được đổi
mail-changed-body = Buổi tư vấn việc làm trực tuyến của bạn đã được đổi từ { $was } sang { $when } (giờ Nhật Bản, JST), tại { $office }, dùng { $app }. Lịch đặt vào giờ cũ không còn nữa.
mail-cancelled-subject = [Madoguchi] Lịch tư vấn của bạn đã được hủy
mail-cancelled-body = Lịch tư vấn lúc { $when } (giờ Nhật Bản, JST) tại { $office } đã được hủy. Tệp lịch đính kèm sẽ xóa lịch này khỏi lịch của bạn.

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = [Madoguchi] Buổi tư vấn bạn yêu cầu đã được xếp lịch
mail-request-scheduled-body = { $office } đã xếp lịch buổi tư vấn việc làm trực tuyến của bạn: { $when } (giờ Nhật Bản, JST), dùng { $app }.
mail-request-scheduled-details = ID cuộc họp, mật mã và đường link sẽ được hiển thị trên Trang của tôi (My Page) trước ngày tư vấn; chúng không bao giờ được gửi qua email. Không được ghi âm hay ghi hình. Bạn có thể hủy trên Trang của tôi (My Page) cho đến giờ bắt đầu.
mail-request-declined-subject = [Madoguchi] Không thể xếp lịch buổi tư vấn bạn yêu cầu
mail-request-declined-body = { $office } không thể xếp lịch buổi tư vấn bạn yêu cầu. Lý do: { $reason }
mail-request-declined-next = Bạn có thể gửi yêu cầu mới với thời gian khác, hoặc gọi điện cho văn phòng Hello Work.
mail-registration-confirmed-subject = [Madoguchi] Đăng ký tìm việc của bạn đã được xác nhận
mail-registration-confirmed-body = Hello Work đã xác nhận số người tìm việc (求職番号) của bạn. Cho đến khi hết hạn, bạn có thể đặt lịch tư vấn trực tuyến và đăng ký hội thảo. Nếu bạn đổi số này hoặc ngày hết hạn, Hello Work sẽ xác nhận lại.
mail-deleted-by-office-subject = [Madoguchi] Đăng ký của bạn đã bị xóa
mail-deleted-by-office-body = Theo Điều 15 của điều khoản sử dụng, Hello Work đã xóa đăng ký người dùng Madoguchi của bạn. Lý do: { $reason }
mail-deleted-by-office-after = Các lịch tư vấn và hội thảo sắp tới của bạn đã được hủy. Thông tin cá nhân của bạn sẽ bị xóa sau khi email này được gửi. Nếu có thắc mắc, vui lòng liên hệ văn phòng Hello Work.

## Seminars (SE-2…SE-6)
mail-seminar-my-page = Cách tham gia sẽ được hiển thị trên Trang của tôi (My Page). Bạn có thể hủy trên Trang của tôi (My Page).
mail-seminar-ask-office = Nếu có thắc mắc, vui lòng liên hệ văn phòng Hello Work. Các hội thảo khác có trên trang danh sách hội thảo.
mail-seminar-place-registration = đăng ký tham gia
mail-seminar-place-waiting = chỗ trong danh sách chờ
mail-seminar-registered-subject = [Madoguchi] Bạn đã đăng ký tham gia hội thảo
mail-seminar-registered-body = Bạn đã đăng ký tham gia “{ $title }” ({ $when }, giờ Nhật Bản, JST).
mail-seminar-waitlisted-subject = [Madoguchi] Bạn đang ở trong danh sách chờ của hội thảo
mail-seminar-waitlisted-body = “{ $title }” ({ $when }, giờ Nhật Bản, JST) đã hết chỗ, nên bạn đã được đưa vào danh sách chờ. Nếu có chỗ trống trước hạn đăng ký, người đầu tiên trong danh sách chờ sẽ được đăng ký và được báo.
mail-seminar-promoted-subject = [Madoguchi] Đã có chỗ trống: bạn đã được đăng ký
mail-seminar-promoted-body = Đã có chỗ trống, nên bây giờ bạn đã được đăng ký tham gia “{ $title }” ({ $when }, giờ Nhật Bản, JST).
mail-seminar-cancelled-by-user-subject = [Madoguchi] Đăng ký hội thảo của bạn đã được hủy
mail-seminar-cancelled-by-user-body = Theo thao tác của bạn, { $place } của bạn cho “{ $title }” ({ $when }, giờ Nhật Bản, JST) đã được hủy.
mail-seminar-cancelled-by-user-after = Các hội thảo khác có trên trang danh sách hội thảo.
mail-seminar-removed-subject = [Madoguchi] Đăng ký hội thảo của bạn đã bị hủy
mail-seminar-removed-body = Văn phòng Hello Work đã hủy đăng ký của bạn cho “{ $title }” ({ $when }, giờ Nhật Bản, JST). Lý do: { $reason }
mail-seminar-cancelled-subject = [Madoguchi] Một hội thảo đã bị hủy
mail-seminar-cancelled-body = Văn phòng Hello Work đã hủy “{ $title }” ({ $when }, giờ Nhật Bản, JST), nên { $place } của bạn cũng đã bị hủy. Lý do: { $reason }
mail-seminar-suspended-subject = [Madoguchi] Một hội thảo đã tạm ngừng nhận đăng ký
mail-seminar-suspended-body = “{ $title }” ({ $when }, giờ Nhật Bản, JST) tạm thời không nhận đăng ký mới và có thể bị hủy. Nếu hội thảo bị hủy, bạn sẽ được báo. Đăng ký hiện tại của bạn vẫn giữ nguyên. Lý do: { $reason }
mail-seminar-resumed-subject = [Madoguchi] Hội thảo vẫn diễn ra như dự kiến
mail-seminar-resumed-body = “{ $title }” ({ $when }, giờ Nhật Bản, JST) vẫn diễn ra như dự kiến, và việc nhận đăng ký đã được mở lại.
mail-seminar-moved-subject = [Madoguchi] Hội thảo đã đổi ngày giờ
mail-seminar-moved-body = “{ $title }” đã được đổi từ { $from } sang { $to } (giờ Nhật Bản, JST). Đăng ký của bạn được chuyển sang ngày giờ mới.
mail-seminar-moved-body-reason = “{ $title }” đã được đổi từ { $from } sang { $to } (giờ Nhật Bản, JST). Đăng ký của bạn được chuyển sang ngày giờ mới. Lý do: { $reason }
mail-seminar-moved-after = Nếu ngày giờ mới không phù hợp với bạn, bạn có thể hủy trên Trang của tôi (My Page).
mail-seminar-phone-cancelled-subject = [Madoguchi] Đăng ký hội thảo của bạn đã được hủy
mail-seminar-phone-cancelled-body = Theo yêu cầu bạn gọi điện báo cho văn phòng, đăng ký của bạn cho “{ $title }” ({ $when }, giờ Nhật Bản, JST) đã được hủy. Việc này không bị tính là vắng mặt không báo.
mail-seminar-no-show-corrected-subject = [Madoguchi] Ghi nhận vắng mặt không báo đã được sửa
mail-seminar-no-show-corrected-body = Văn phòng Hello Work đã sửa ghi nhận vắng mặt không báo cho “{ $title }” ({ $when }, giờ Nhật Bản, JST). Lần này không còn bị tính là vắng mặt không báo.

## Terms (NT-3)
mail-terms-subject = [Madoguchi] Điều khoản sử dụng sẽ thay đổi
mail-terms-body = Điều khoản sử dụng mới cho { $label } (phiên bản { $version }) có hiệu lực từ { $when } (giờ Nhật Bản, JST). Bạn sẽ được yêu cầu đồng ý trước lần đặt lịch hoặc đăng ký tiếp theo. Vui lòng đọc trên trang điều khoản.
mail-terms-label-consultation = tư vấn việc làm trực tuyến
mail-terms-label-seminar = hội thảo trực tuyến
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = [Madoguchi] Đã hủy vì văn phòng nghỉ
mail-closed-what-consultation = Lịch tư vấn việc làm trực tuyến của bạn
mail-closed-what-seminar = Đăng ký của bạn cho “{ $title }”
mail-closed-day = { $what } lúc { $when } (giờ Nhật Bản, JST) tại { $office } đã bị hủy vì văn phòng nghỉ vào ngày hôm đó. Lý do: { $reason }
mail-closed-hours = { $what } lúc { $when } (giờ Nhật Bản, JST) tại { $office } đã bị hủy vì văn phòng nghỉ từ { $from } đến { $until } ngày hôm đó. Lý do: { $reason }
mail-closed-sorry = Chúng tôi xin lỗi vì sự bất tiện này. Nếu có thắc mắc, vui lòng gọi điện cho { $office } ({ $phone }).
mail-closed-book-again = Để đặt lịch vào thời gian khác:

## Calendar files (NO-4)
ics-location = { $office } ({ $app })
ics-consultation-summary = Tư vấn việc làm trực tuyến ({ $office })
ics-consultation-description = Thông tin để tham gia (ID cuộc họp, mật mã, đường link) có trên Trang của tôi (My Page); thông tin này không bao giờ được gửi qua email.
ics-consultation-alarm = Sắp đến giờ tư vấn việc làm trực tuyến của bạn
ics-seminar-description = Cách tham gia có trên Trang của tôi (My Page); thông tin này không bao giờ được gửi qua email.
ics-seminar-alarm = Sắp đến giờ hội thảo của bạn

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = [Madoguchi] Bạn được mời phỏng vấn
mail-interview-proposed-body = { $office } đã sắp xếp một buổi phỏng vấn trực tuyến với { $employer } ({ $job }) vào { $when } (giờ Nhật Bản), qua { $app }.
mail-interview-answer-on-my-page = Vui lòng xem chi tiết trên Trang của tôi và chọn chấp nhận hoặc từ chối.
mail-interview-cancelled-subject = [Madoguchi] Buổi phỏng vấn đã bị hủy
mail-interview-cancelled-body = Hello Work đã hủy buổi phỏng vấn của bạn với { $employer } ({ $job }) vào { $when } (giờ Nhật Bản).
mail-interview-withdrawn-subject = [Madoguchi] Bạn đã rút khỏi buổi phỏng vấn
mail-interview-withdrawn-body = Bạn đã rút khỏi buổi phỏng vấn với { $employer } ({ $job }) vào { $when } (giờ Nhật Bản).
mail-interview-outcome-subject = [Madoguchi] Kết quả phỏng vấn
mail-interview-outcome-body = Kết quả phỏng vấn với { $employer } ({ $job }): { $outcome }
mail-interview-employer-subject = 【Madoguchi】オンライン面接のご案内（ハローワーク）
mail-interview-employer-body = { $employer }様の求人（{ $number }　{ $job }）について、求職者がオンライン面接を承諾しました。日時：{ $when }（日本時間）、方法：{ $app }。
mail-interview-employer-link-note = 次のリンクから面接の詳細をご覧ください。このリンクは最初に開いたブラウザでのみ使え、面接の終了時刻まで有効です。他の方に転送しないでください。
mail-interview-employer-cancelled-subject = 【Madoguchi】オンライン面接の取消しのお知らせ（ハローワーク）
mail-interview-employer-cancelled-body = { $when }（日本時間）に予定していた{ $employer }様の求人（{ $job }）のオンライン面接は取り消されました。お送りしたリンクは使えなくなりました。
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $day }/{ $month }/{ $year }
mail-selection-referred-subject = [Madoguchi] Thông báo ngày tuyển chọn
mail-selection-referred-body = Hello Work đã giới thiệu bạn tham gia ngày tuyển chọn (管理選考) của { $employer } cho công việc "{ $job }" vào { $date }, phỏng vấn trực tuyến. Vui lòng chọn và đặt giờ phỏng vấn trên Trang của tôi.
mail-selection-employer-subject = [Madoguchi] Danh sách ứng viên của ngày tuyển chọn
mail-selection-employer-body = Danh sách ứng viên cho ngày tuyển chọn của { $employer } ({ $date }) có tại liên kết bên dưới. Liên kết chỉ dùng được một lần, trên một trình duyệt, cho đến hết ngày tuyển chọn.
mail-selection-employer-note = Danh sách chỉ hiển thị những gì mỗi người tìm việc đồng ý chia sẻ với quý công ty. Nếu liên kết không dùng được, vui lòng liên hệ Hello Work.
