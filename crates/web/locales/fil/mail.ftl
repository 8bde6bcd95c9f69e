### Filipino (fil) — mga email at calendar file
###
### Ang salin na ito ay ginawa sa tulong ng makina: isinalin ito ng isang AI model mula sa bersyong Ingles
### (en/mail.ftl) at sa orihinal na Hapon (ja/mail.ftl). Ang tekstong Hapon ang masusunod.
### Hinihintay pa ang pagsusuri ng isang katutubong nagsasalita ng Filipino (hindi pa nasusuri).
###
### Machine-assisted translation by an AI model from the English and Japanese sources;
### awaiting review by a native Filipino speaker. Times are written in 24-hour form (JST).
### A mail is also read as plain text: no markup; links are added by the code.

## Mail, calendar files and the My Page inbox (rules NO-1, NO-4, NO-5). Paragraphs are
## separate messages; links between them are added by the code.

## Common parts
mail-greeting = Mahal na { $name },
mail-lock-note = Kung hindi kayo ang gumawa nito, o kung sa tingin ninyo ay may ibang nakakaalam ng inyong password, i-lock agad ang inyong account gamit ang link na ito:
# A start time: 1/4/2027 10:00 (month/day/year, as written in the Philippines).
mail-start-time = { $month }/{ $day }/{ $year } { $time }
# A start time with its weekday: Lun, Enero 4, 2027, 10:00.
mail-when = { $weekday }, { $monthname } { $day }, { $year }, { $time }
mail-app-builtin = Built-in na video (sa browser)

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = [Madoguchi] Pakikumpirma ang inyong email address
mail-verification-body = Natanggap namin ang inyong pagpaparehistro sa Madoguchi. Buksan ang link na ito sa loob ng 24 na oras para matapos ito:
mail-welcome-subject = [Madoguchi] Tapos na ang inyong pagpaparehistro
mail-welcome-body = Nakumpirma na ang inyong email address at aktibo na ang inyong account. Puwede na kayong mag-sign in.
mail-inactivity-subject = [Madoguchi] Buburahin ang inyong rehistro pagkalipas ng 30 araw
mail-inactivity-body = Halos isang taon na kayong hindi nagsa-sign in. Kung hindi kayo mag-sign in sa loob ng 30 araw, buburahin ang inyong rehistro at ang inyong personal na impormasyon. Para mapanatili ito, mag-sign in lamang:
mail-reset-subject = [Madoguchi] Gumawa ng bagong password
mail-reset-body = Ayon sa hiniling ninyo sa tanggapan, narito ang link para gumawa ng bagong password. Isang beses lang ito magagamit, sa loob ng 24 na oras, at inaalis din nito ang lock ng inyong account:
mail-reset-requested-subject = [Madoguchi] I-reset ang inyong password
mail-reset-requested-body = Natanggap namin ang hiling na i-reset ang password ng inyong Madoguchi account. Buksan ang link na ito sa loob ng 30 minuto para gumawa ng bago. Isang beses lang ito magagamit, at masa-sign out ang lahat ng inyong device:
mail-reset-requested-not-you = Kung hindi kayo ang humiling nito, huwag pansinin ang email na ito: hindi magbabago ang inyong password. Kung sa tingin ninyo ay may ibang nakakaalam ng inyong password, i-lock agad ang inyong account:
mail-reset-while-locked-subject = [Madoguchi] Naka-lock ang inyong account
mail-reset-while-locked-body = Natanggap namin ang hiling na i-reset ang password ng inyong Madoguchi account, pero naka-lock ang account. Para ma-unlock ito, makipag-ugnayan sa inyong tanggapan ng Hello Work: pagkatapos suriin kung sino kayo, magpapadala ang staff ng link para gumawa ng bagong password at alisin ang lock.

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = [Madoguchi] Nasa My Page na kung paano sasali sa inyong konsultasyon
mail-details-ready-body = Nasa My Page na kung paano sasali sa inyong konsultasyon sa { $when } (oras sa Japan, JST). Paki-sign in para makita ito.
mail-reminder-subject = [Madoguchi] Paalala: ang inyong konsultasyon bukas
mail-reminder-body = Paalala ito ng inyong online na job consultation bukas, { $when } (oras sa Japan, JST), sa { $office }. Pakisali mula sa isang pribadong kuwarto; bawal ang pag-record. Nasa My Page kung paano sasali.
mail-no-show-subject = [Madoguchi] Hindi kayo sumali sa inyong konsultasyon
mail-no-show-body = Hindi kayo sumali sa inyong naka-book na konsultasyon at hindi rin ito kinansela, kaya naitala ito bilang hindi pagsipot. Kung mali ito, pakikontak ang Hello Work.
mail-restricted-subject = [Madoguchi] Itinigil muna ang online booking
mail-restricted-body = Dahil dalawang beses kayong hindi sumipot nang walang pasabi sa loob ng 90 araw, hindi muna kayo makakapag-book online. Pakikontak ang inyong tanggapan ng Hello Work sa telepono o nang personal; maaaring alisin ng staff ang paghihigpit.
mail-how-to-join = Ang impormasyon para sumali (meeting ID, passcode at link) ay ipapakita sa My Page bago ang araw ng konsultasyon, at magpapadala kami ng email kapag naroon na ito; hindi ito kailanman ipinapadala sa email. Bawal ang pag-record.
mail-to-prepare = Paghahanda: sumali mula sa isang pribadong kuwarto, gamit ang device na may pinakabagong update, at subukan muna ang inyong camera, mikropono at koneksyon sa pagsubok ng koneksyon. Nasa My Page ang checklist para sa araw na iyon.
mail-connection-test-label = Pagsubok ng koneksyon:
mail-change-or-cancel = Para baguhin ang oras, gamitin ang My Page hanggang sa araw bago nito; para magkansela, hanggang sa oras ng pagsisimula.
mail-my-page-label = My Page:
mail-booked-subject = [Madoguchi] Naka-book na ang inyong konsultasyon
mail-booked-body = Kumpirmado na ang inyong online na job consultation (30 minuto): { $when } (oras sa Japan, JST), { $office }, gamit ang { $app }.
mail-changed-subject = [Madoguchi] Nailipat ang inyong konsultasyon
mail-changed-body = Nailipat ang inyong online na job consultation mula { $was } papunta sa { $when } (oras sa Japan, JST), { $office }, gamit ang { $app }. Wala na ang booking sa dating oras.
mail-cancelled-subject = [Madoguchi] Nakansela ang inyong konsultasyon
mail-cancelled-body = Nakansela ang inyong konsultasyon sa { $when } (oras sa Japan, JST), { $office }. Maaalis din ito sa inyong kalendaryo gamit ang kalakip na calendar file.

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = [Madoguchi] Naitakda na ang hiniling ninyong konsultasyon
mail-request-scheduled-body = Itinakda ng { $office } ang inyong online na job consultation: { $when } (oras sa Japan, JST), gamit ang { $app }.
mail-request-scheduled-details = Ang meeting ID, passcode at link ay ipapakita sa My Page bago ang araw ng konsultasyon; hindi ito kailanman ipinapadala sa email. Bawal ang pag-record. Para magkansela, gamitin ang My Page hanggang sa oras ng pagsisimula.
mail-request-declined-subject = [Madoguchi] Hindi maitakda ang hiniling ninyong konsultasyon
mail-request-declined-body = Hindi maitakda ng { $office } ang hiniling ninyong konsultasyon. Dahilan: { $reason }
mail-request-declined-next = Puwede kayong magpadala ng bagong kahilingan para sa ibang oras, o tumawag sa Hello Work.
mail-registration-confirmed-subject = [Madoguchi] Kumpirmado na ang inyong rehistro bilang naghahanap ng trabaho
mail-registration-confirmed-body = Kinumpirma ng Hello Work ang inyong job-seeker number (求職番号). Hanggang sa mag-expire ito, puwede kayong mag-book ng mga online na konsultasyon at seminar. Kung babaguhin ninyo ang numero o ang petsa ng pag-expire nito, kukumpirmahin itong muli ng Hello Work.
mail-deleted-by-office-subject = [Madoguchi] Binura na ang inyong rehistro
mail-deleted-by-office-body = Ayon sa artikulo 15 ng mga tuntunin ng paggamit, binura ng Hello Work ang inyong rehistro sa Madoguchi. Dahilan: { $reason }
mail-deleted-by-office-after = Nakansela na ang inyong mga paparating na konsultasyon at seminar, at buburahin ang inyong personal na impormasyon pagkapadala ng email na ito. Para sa mga tanong, pakikontak ang inyong tanggapan ng Hello Work.

## Seminars (SE-2…SE-6)
mail-seminar-my-page = Makikita sa My Page kung paano sasali. Para magkansela, gamitin ang My Page.
mail-seminar-ask-office = Para sa mga tanong, pakikontak ang Hello Work. Makikita ang iba pang seminar sa pahina ng mga seminar.
mail-seminar-place-registration = pagpaparehistro
mail-seminar-place-waiting = puwesto sa waiting list
mail-seminar-registered-subject = [Madoguchi] Nakarehistro na kayo sa seminar
mail-seminar-registered-body = Nakarehistro na kayo sa "{ $title }" ({ $when }, oras sa Japan, JST).
mail-seminar-waitlisted-subject = [Madoguchi] Nasa waiting list kayo ng seminar
mail-seminar-waitlisted-body = Puno na ang "{ $title }" ({ $when }, oras sa Japan, JST), kaya inilagay namin kayo sa waiting list nito. Kapag may nabakanteng upuan bago ang deadline ng pagpaparehistro, irerehistro ang mga nasa waiting list ayon sa pagkakasunod-sunod at aabisuhan sila.
mail-seminar-promoted-subject = [Madoguchi] May nabakanteng upuan: nakarehistro na kayo
mail-seminar-promoted-body = May nabakanteng upuan, kaya nakarehistro na kayo sa "{ $title }" ({ $when }, oras sa Japan, JST).
mail-seminar-cancelled-by-user-subject = [Madoguchi] Nakansela ang inyong puwesto sa seminar
mail-seminar-cancelled-by-user-body = Ayon sa hiling ninyo, nakansela ang inyong { $place } para sa "{ $title }" ({ $when }, oras sa Japan, JST).
mail-seminar-cancelled-by-user-after = Makikita ang iba pang seminar sa pahina ng mga seminar.
mail-seminar-removed-subject = [Madoguchi] Kinansela ang inyong pagpaparehistro sa seminar
mail-seminar-removed-body = Kinansela ng Hello Work ang inyong pagpaparehistro sa "{ $title }" ({ $when }, oras sa Japan, JST). Dahilan: { $reason }
mail-seminar-cancelled-subject = [Madoguchi] Kinansela ang isang seminar
mail-seminar-cancelled-body = Kinansela ng Hello Work ang "{ $title }" ({ $when }, oras sa Japan, JST), kaya nakansela rin ang inyong { $place }. Dahilan: { $reason }
mail-seminar-suspended-subject = [Madoguchi] Itinigil muna ang pagtanggap ng rehistro sa isang seminar
mail-seminar-suspended-body = Hindi muna tumatanggap ng bagong rehistro ang "{ $title }" ({ $when }, oras sa Japan, JST) at maaari itong kanselahin. Kung makansela ito, aabisuhan kayo. Mananatili ang inyong puwesto. Dahilan: { $reason }
mail-seminar-resumed-subject = [Madoguchi] Itutuloy ang seminar ayon sa plano
mail-seminar-resumed-body = Itutuloy ang "{ $title }" ({ $when }, oras sa Japan, JST) ayon sa plano, at muling tumatanggap ng rehistro.
mail-seminar-moved-subject = [Madoguchi] May bagong petsa at oras ang isang seminar
mail-seminar-moved-body = Nailipat ang "{ $title }" mula { $from } papunta sa { $to } (oras sa Japan, JST). Kasama ring nailipat ang inyong puwesto.
mail-seminar-moved-body-reason = Nailipat ang "{ $title }" mula { $from } papunta sa { $to } (oras sa Japan, JST). Kasama ring nailipat ang inyong puwesto. Dahilan: { $reason }
mail-seminar-moved-after = Kung hindi kayo puwede sa bagong oras, puwede kayong magkansela sa My Page.
mail-seminar-phone-cancelled-subject = [Madoguchi] Nakansela ang inyong puwesto sa seminar
mail-seminar-phone-cancelled-body = Ayon sa sinabi ninyo sa Hello Work sa telepono, nakansela ang inyong puwesto sa "{ $title }" ({ $when }, oras sa Japan, JST). Hindi ito ibinibilang na hindi pagsipot.
mail-seminar-no-show-corrected-subject = [Madoguchi] Naitama ang tala ng hindi pagsipot
mail-seminar-no-show-corrected-body = Itinama ng Hello Work ang naitalang hindi pagsipot sa "{ $title }" ({ $when }, oras sa Japan, JST). Hindi na ito ibinibilang na hindi pagsipot.

## Terms (NT-3)
mail-terms-subject = [Madoguchi] Magbabago ang mga tuntunin ng paggamit
mail-terms-body = Magkakabisa ang bagong mga tuntunin ng paggamit para sa { $label } (bersyon { $version }) sa { $when } (oras sa Japan, JST). Hihilingin sa inyong sumang-ayon dito bago ang inyong susunod na booking o pagpaparehistro. Basahin ang mga ito sa pahina ng mga tuntunin.
mail-terms-label-consultation = mga online na job consultation
mail-terms-label-seminar = mga online na seminar
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = [Madoguchi] Nakansela: sarado ang tanggapan
mail-closed-what-consultation = Ang inyong online na job consultation
mail-closed-what-seminar = Ang inyong puwesto sa "{ $title }"
mail-closed-day = { $what } sa { $when } (oras sa Japan, JST), { $office }, ay nakansela dahil sarado ang tanggapan sa araw na iyon. Dahilan: { $reason }
mail-closed-hours = { $what } sa { $when } (oras sa Japan, JST), { $office }, ay nakansela dahil sarado ang tanggapan mula { $from } hanggang { $until } sa araw na iyon. Dahilan: { $reason }
mail-closed-sorry = Paumanhin po sa abala. Para sa mga tanong, tumawag sa { $office } ({ $phone }).
mail-closed-book-again = Para mag-book ng ibang oras:

## Calendar files (NO-4)
ics-location = { $office } ({ $app })
ics-consultation-summary = Online na job consultation ({ $office })
ics-consultation-description = Nasa My Page ang impormasyon para sumali (meeting ID, passcode, link); hindi ito kailanman ipinapadala sa email.
ics-consultation-alarm = Malapit na ang inyong online na job consultation
ics-seminar-description = Nasa My Page kung paano sasali; hindi ito kailanman ipinapadala sa email.
ics-seminar-alarm = Malapit na ang inyong seminar

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = [Madoguchi] May imbitasyon ka sa isang interview
mail-interview-proposed-body = Nag-ayos ang { $office } ng online na interview kasama ang { $employer } ({ $job }) sa { $when } (oras sa Japan), sa pamamagitan ng { $app }.
mail-interview-answer-on-my-page = Pakitingnan ang detalye sa My Page at piliin kung tatanggapin o tatanggihan.
mail-interview-cancelled-subject = [Madoguchi] Kinansela ang isang interview
mail-interview-cancelled-body = Kinansela ng Hello Work ang iyong interview kasama ang { $employer } ({ $job }) sa { $when } (oras sa Japan).
mail-interview-withdrawn-subject = [Madoguchi] Umatras ka sa isang interview
mail-interview-withdrawn-body = Umatras ka sa interview kasama ang { $employer } ({ $job }) sa { $when } (oras sa Japan).
mail-interview-outcome-subject = [Madoguchi] Ang resulta ng iyong interview
mail-interview-outcome-body = Resulta ng interview kasama ang { $employer } ({ $job }): { $outcome }
mail-interview-employer-subject = 【Madoguchi】オンライン面接のご案内（ハローワーク）
mail-interview-employer-body = { $employer }様の求人（{ $number }　{ $job }）について、求職者がオンライン面接を承諾しました。日時：{ $when }（日本時間）、方法：{ $app }。
mail-interview-employer-link-note = 次のリンクから面接の詳細をご覧ください。このリンクは最初に開いたブラウザでのみ使え、面接の終了時刻まで有効です。他の方に転送しないでください。
mail-interview-employer-cancelled-subject = 【Madoguchi】オンライン面接の取消しのお知らせ（ハローワーク）
mail-interview-employer-cancelled-body = { $when }（日本時間）に予定していた{ $employer }様の求人（{ $job }）のオンライン面接は取り消されました。お送りしたリンクは使えなくなりました。
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $month }/{ $day }/{ $year }
mail-selection-referred-subject = [Madoguchi] Inirekomenda ka sa isang araw ng seleksiyon
mail-selection-referred-body = Inirekomenda ka ng Hello Work sa araw ng seleksiyon (管理選考) ng { $employer } para sa "{ $job }" sa { $date }, na may online na interview. Pumili at mag-book ng oras ng interview sa My Page.
mail-selection-employer-subject = [Madoguchi] Listahan ng mga kandidato sa inyong araw ng seleksiyon
mail-selection-employer-body = Ang listahan ng mga kandidato sa araw ng seleksiyon ng { $employer } ({ $date }) ay nasa link sa ibaba. Gumagana ang link nang isang beses, sa isang browser, hanggang matapos ang araw ng seleksiyon.
mail-selection-employer-note = Ipinapakita lang ng listahan ang pinayagan ng bawat naghahanap ng trabaho na ibahagi. Kung hindi gumagana ang link, makipag-ugnayan sa Hello Work.
