## Mail, calendar files and the My Page inbox (rules NO-1, NO-4, NO-5). Paragraphs are
## separate messages; links between them are added by the code.

## Common parts
mail-greeting = Dear { $name },
mail-lock-note = If you did not do this, or think someone else knows your password, lock your account at once:
# A start time: 2027-01-04 10:00 ($mm, $dd: with a leading zero).
mail-start-time = { $year }-{ $mm }-{ $dd } { $time }
# A start time with its weekday: Mon 4 Jan 2027, 10:00.
mail-when = { $weekday } { $day } { $monthname } { $year }, { $time }
mail-app-builtin = Built-in video (in the browser)

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = [Madoguchi] Please confirm your email address
mail-verification-body = We have received your registration. Open this link within 24 hours to complete it:
mail-welcome-subject = [Madoguchi] Your registration is complete
mail-welcome-body = Your email address is confirmed and your account is active. You can now sign in.
mail-inactivity-subject = [Madoguchi] Your registration will be deleted in 30 days
mail-inactivity-body = You have not signed in for almost a year. Unless you sign in within 30 days, your registration will be deleted and your personal data erased. To keep it, simply sign in:
mail-reset-subject = [Madoguchi] Set a new password
mail-reset-body = As you asked at the office, here is a link to set a new password. It works once, within 24 hours, and lifts any lock on your account:
mail-reset-requested-subject = [Madoguchi] Reset your password
mail-reset-requested-body = We received a request to reset the password of your Madoguchi account. Open this link within 30 minutes to set a new one; it works once, and signs out every device:
mail-reset-requested-not-you = If you did not ask for this, you can ignore this mail: your password stays as it is. If you think someone else knows your password, lock your account at once:
mail-reset-while-locked-subject = [Madoguchi] Your account is locked
mail-reset-while-locked-body = We received a request to reset the password of your Madoguchi account, but the account is locked. To unlock it, please contact your Hello Work office: after checking your identity, staff send a link that sets a new password and lifts the lock.

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = [Madoguchi] How to join your consultation is on My Page
mail-details-ready-body = How to join your consultation at { $when } (Japan time) is now on My Page. Please sign in to see it.
mail-reminder-subject = [Madoguchi] Reminder: your consultation tomorrow
mail-reminder-body = This is a reminder of your online job consultation tomorrow, { $when } (Japan time), { $office }. Please join from a private room; recording is not allowed. How to join is on My Page.
mail-no-show-subject = [Madoguchi] You did not join your consultation
mail-no-show-body = You did not join your consultation and did not cancel it, so it is recorded as a no-show. If this is a mistake, please contact the office.
mail-restricted-subject = [Madoguchi] Online booking is paused
mail-restricted-body = After two consultations missed without notice within 90 days, you cannot book online for now. Please contact your Hello Work office by phone or at the counter; staff can lift the restriction.
mail-how-to-join = How to join (meeting ID, passkey and link) is shown on My Page before the day, and we mail you when it is there; it is never sent by mail. Recording is not allowed.
mail-to-prepare = To prepare: join from a private room, on a device with current updates, and check your camera, microphone and connection with the connection test beforehand. The checklist for the day is on My Page.
mail-connection-test-label = Connection test:
mail-change-or-cancel = To change the time or cancel, use My Page until the day before (cancelling is possible until the start).
mail-my-page-label = My Page:
mail-booked-subject = [Madoguchi] Your consultation is booked
mail-booked-body = Your online job consultation (30 minutes) is confirmed: { $when } (Japan time), { $office }, using { $app }.
mail-changed-subject = [Madoguchi] Your consultation has moved
mail-changed-body = Your online job consultation has moved from { $was } to { $when } (Japan time), { $office }, using { $app }. The earlier time is free again.
mail-cancelled-subject = [Madoguchi] Your consultation is cancelled
mail-cancelled-body = Your consultation at { $when } (Japan time), { $office }, is cancelled. The attached calendar file removes it from your calendar.

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = [Madoguchi] Your requested consultation is scheduled
mail-request-scheduled-body = { $office } has scheduled your online job consultation: { $when } (Japan time), using { $app }.
mail-request-scheduled-details = The meeting ID, passkey and link will be shown on My Page before the day; they are never sent by mail. Recording is not allowed. To cancel, use My Page until the start time.
mail-request-declined-subject = [Madoguchi] Your consultation request could not be scheduled
mail-request-declined-body = { $office } could not schedule your consultation request. Reason: { $reason }
mail-request-declined-next = You are welcome to send a request for other times, or to contact the office by phone.
mail-registration-confirmed-subject = [Madoguchi] Your job-seeker registration is confirmed
mail-registration-confirmed-body = Hello Work has confirmed your job-seeker number. Until it expires you can book online consultations and seminars. If you change the number or its expiry date, Hello Work will confirm it again.
mail-deleted-by-office-subject = [Madoguchi] Your registration has been deleted
mail-deleted-by-office-body = Under article 15 of the terms of use, Hello Work has deleted your Madoguchi registration. Reason: { $reason }
mail-deleted-by-office-after = Your upcoming consultations and seminar places are cancelled, and your personal data is erased once this message is sent. For questions, please contact your Hello Work office.

## Seminars (SE-2…SE-6)
mail-seminar-my-page = How to join is shown on My Page. To cancel, use My Page.
mail-seminar-ask-office = For questions, please contact the office. Other seminars are listed on the seminars page.
mail-seminar-place-registration = registration
mail-seminar-place-waiting = place on the waiting list
mail-seminar-registered-subject = [Madoguchi] You are registered for a seminar
mail-seminar-registered-body = You are registered for "{ $title }" ({ $when }, Japan time).
mail-seminar-waitlisted-subject = [Madoguchi] You are on a seminar's waiting list
mail-seminar-waitlisted-body = "{ $title }" ({ $when }, Japan time) is full, so you are on its waiting list. If a seat frees up before the registration deadline, the first in line is registered and told.
mail-seminar-promoted-subject = [Madoguchi] A seat freed up: you are registered
mail-seminar-promoted-body = A seat freed up, so you are now registered for "{ $title }" ({ $when }, Japan time).
mail-seminar-cancelled-by-user-subject = [Madoguchi] Your seminar place is cancelled
mail-seminar-cancelled-by-user-body = As you asked, your { $place } for "{ $title }" ({ $when }, Japan time) is cancelled.
mail-seminar-cancelled-by-user-after = Other seminars are listed on the seminars page.
mail-seminar-removed-subject = [Madoguchi] Your seminar registration was cancelled
mail-seminar-removed-body = The office cancelled your registration for "{ $title }" ({ $when }, Japan time). Reason: { $reason }
mail-seminar-cancelled-subject = [Madoguchi] A seminar is cancelled
mail-seminar-cancelled-body = The office has cancelled "{ $title }" ({ $when }, Japan time), so your { $place } is cancelled. Reason: { $reason }
mail-seminar-suspended-subject = [Madoguchi] A seminar has stopped taking registrations
mail-seminar-suspended-body = "{ $title }" ({ $when }, Japan time) is not taking new registrations for now and may be cancelled. If it is cancelled, you will be told. Your place stays as it is. Reason: { $reason }
mail-seminar-resumed-subject = [Madoguchi] A seminar takes place as planned
mail-seminar-resumed-body = "{ $title }" ({ $when }, Japan time) takes place as planned, and registrations have reopened.
mail-seminar-moved-subject = [Madoguchi] A seminar has a new date and time
mail-seminar-moved-body = "{ $title }" has moved from { $from } to { $to } (Japan time). Your place moves with it.
mail-seminar-moved-body-reason = "{ $title }" has moved from { $from } to { $to } (Japan time). Your place moves with it. Reason: { $reason }
mail-seminar-moved-after = If the new time does not suit you, you can cancel on My Page.
mail-seminar-phone-cancelled-subject = [Madoguchi] Your seminar place is cancelled
mail-seminar-phone-cancelled-body = As you told the office by phone, your place in "{ $title }" ({ $when }, Japan time) is cancelled. It does not count as a no-show.
mail-seminar-no-show-corrected-subject = [Madoguchi] A no-show record was corrected
mail-seminar-no-show-corrected-body = The office corrected the no-show recorded for "{ $title }" ({ $when }, Japan time). It no longer counts as a no-show.

## Terms (NT-3)
mail-terms-subject = [Madoguchi] The terms of use are changing
mail-terms-body = New terms of use for { $label } (version { $version }) take effect on { $when } (Japan time). You will be asked to accept them before your next booking or registration. Read them on the terms page.
mail-terms-label-consultation = online job consultations
mail-terms-label-seminar = online seminars
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = [Madoguchi] Cancelled: the office is closed
mail-closed-what-consultation = Your online job consultation
mail-closed-what-seminar = Your place in "{ $title }"
mail-closed-day = { $what } at { $when } (Japan time), { $office }, is cancelled because the office is closed that day: { $reason }.
mail-closed-hours = { $what } at { $when } (Japan time), { $office }, is cancelled because the office is closed from { $from } to { $until } that day: { $reason }.
mail-closed-sorry = We are sorry. For questions, call the office: { $phone }.
mail-closed-book-again = To book another time:

## Calendar files (NO-4)
ics-location = { $office } ({ $app })
ics-consultation-summary = Online job consultation ({ $office })
ics-consultation-description = How to join (meeting ID, passkey, link) is on My Page; it is never sent by mail.
ics-consultation-alarm = Your online job consultation is coming up
ics-seminar-description = How to join is on My Page; it is never sent by mail.
ics-seminar-alarm = Your seminar is coming up

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = [Madoguchi] You have been invited to an interview
mail-interview-proposed-body = { $office } has arranged an online interview with { $employer } ({ $job }) on { $when } (Japan time), by { $app }.
mail-interview-answer-on-my-page = Please check the details on My Page and accept or decline.
mail-interview-employer-subject = [Madoguchi] Online interview (Hello Work)
mail-interview-employer-body = A job seeker has accepted an online interview for your vacancy at { $employer } ({ $number } { $job }) on { $when } (Japan time), by { $app }.
mail-interview-employer-link-note = Open the link below for the interview's details. It works only in the first browser that opens it and is valid until the interview ends. Please do not forward it.
mail-interview-cancelled-subject = [Madoguchi] An interview was cancelled
mail-interview-cancelled-body = Hello Work has cancelled your interview with { $employer } ({ $job }) on { $when } (Japan time).
mail-interview-withdrawn-subject = [Madoguchi] You withdrew from an interview
mail-interview-withdrawn-body = You withdrew from the interview with { $employer } ({ $job }) on { $when } (Japan time).
mail-interview-employer-cancelled-subject = [Madoguchi] Online interview cancelled (Hello Work)
mail-interview-employer-cancelled-body = The online interview for your vacancy at { $employer } ({ $job }) on { $when } (Japan time) has been cancelled. The link we sent no longer works.
mail-interview-outcome-subject = [Madoguchi] The result of your interview
mail-interview-outcome-body = The result of your interview with { $employer } ({ $job }): { $outcome }
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $year }/{ $month }/{ $day }
mail-selection-referred-subject = [Madoguchi] You are referred to a selection day
mail-selection-referred-body = Hello Work referred you to the selection day (管理選考) of { $employer } for "{ $job }" on { $date }, with online interviews. Please choose and book an interview time on My Page.
mail-selection-employer-subject = [Madoguchi] The list of candidates for your selection day
mail-selection-employer-body = The list of candidates for the selection day of { $employer } ({ $date }) is at the link below. The link works once, in one browser, until the end of the selection day.
mail-selection-employer-note = The list shows only what each job seeker agreed to share with you. If the link does not work, please contact Hello Work.
