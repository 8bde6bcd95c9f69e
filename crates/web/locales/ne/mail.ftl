### नेपाली (ne) — इमेल र पात्रो फाइल
###
### यो अनुवाद मेसिनको सहायताले गरिएको हो: एउटा AI मोडेलले अङ्ग्रेजी संस्करण (en/mail.ftl) र
### जापानी मूल पाठ (ja/mail.ftl) बाट अनुवाद गरेको हो। जापानी पाठ नै मान्य हुन्छ।
### यो अनुवाद नेपाली मातृभाषीको जाँचको पर्खाइमा छ (अहिलेसम्म जाँच गरिएको छैन)।
###
### Machine-assisted translation by an AI model from the English and Japanese sources;
### awaiting review by a native Nepali speaker. Written in Devanagari script.
### Times are written in 24-hour form (JST); numbers use the digits 0-9.
### A mail is also read as plain text: no markup; links are added by the code.

## Mail, calendar files and the My Page inbox (rules NO-1, NO-4, NO-5). Paragraphs are
## separate messages; links between them are added by the code.

## Common parts
mail-greeting = आदरणीय { $name } ज्यू,
mail-lock-note = यो काम तपाईंले गर्नुभएको होइन भने, वा अरू कसैले तपाईंको पासवर्ड थाहा पाएको हुन सक्छ भने, यो लिङ्कबाट आफ्नो खाता तुरुन्तै लक गर्नुहोस्:
# A start time: 2027/1/4 10:00 (year/month/day).
mail-start-time = { $year }/{ $month }/{ $day } { $time }
# A start time with its weekday: सोम, जनवरी 4, 2027, 10:00.
mail-when = { $weekday }, { $monthname } { $day }, { $year }, { $time }
mail-app-builtin = भित्रै भएको भिडियो (ब्राउजरमा)

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = [Madoguchi] कृपया आफ्नो इमेल ठेगाना पुष्टि गर्नुहोस्
mail-verification-body = Madoguchi मा तपाईंको दर्ता हामीले पायौँ। दर्ता पूरा गर्न 24 घण्टाभित्र यो लिङ्क खोल्नुहोस्:
mail-welcome-subject = [Madoguchi] तपाईंको दर्ता पूरा भयो
mail-welcome-body = तपाईंको इमेल ठेगाना पुष्टि भयो र खाता सक्रिय भयो। अब तपाईं लग इन गर्न सक्नुहुन्छ।
mail-inactivity-subject = [Madoguchi] 30 दिनपछि तपाईंको दर्ता मेटाइनेछ
mail-inactivity-body = तपाईंले लगभग एक वर्षदेखि लग इन गर्नुभएको छैन। 30 दिनभित्र लग इन नगरे तपाईंको दर्ता मेटाइनेछ र व्यक्तिगत जानकारी हटाइनेछ। दर्ता राखिराख्न, लग इन मात्र गर्नुहोस्:
mail-reset-subject = [Madoguchi] नयाँ पासवर्ड बनाउनुहोस्
mail-reset-body = तपाईंले कार्यालयमा अनुरोध गर्नुभएअनुसार, नयाँ पासवर्ड बनाउने लिङ्क यहाँ छ। यो 24 घण्टाभित्र एक पटक मात्र चल्छ, र तपाईंको खाताको लक पनि खोल्छ:
mail-reset-requested-subject = [Madoguchi] आफ्नो पासवर्ड रिसेट गर्नुहोस्
mail-reset-requested-body = तपाईंको Madoguchi खाताको पासवर्ड रिसेट गर्ने अनुरोध हामीले पायौँ। नयाँ पासवर्ड बनाउन 30 मिनेटभित्र यो लिङ्क खोल्नुहोस्। यो एक पटक मात्र चल्छ, र सबै उपकरणबाट लग आउट हुन्छ:
mail-reset-requested-not-you = यो अनुरोध तपाईंले गर्नुभएको होइन भने, यो इमेल बेवास्ता गर्नुहोस्: तपाईंको पासवर्ड जस्ताको तस्तै रहन्छ। अरू कसैले तपाईंको पासवर्ड थाहा पाएको हुन सक्छ भने, आफ्नो खाता तुरुन्तै लक गर्नुहोस्:
mail-reset-while-locked-subject = [Madoguchi] तपाईंको खाता लक गरिएको छ
mail-reset-while-locked-body = तपाईंको Madoguchi खाताको पासवर्ड रिसेट गर्ने अनुरोध हामीले पायौँ, तर खाता लक गरिएको छ। लक खोल्न, कृपया आफ्नो हेलो वर्क कार्यालयमा सम्पर्क गर्नुहोस्: तपाईं को हो भनी जाँचेपछि कर्मचारीले नयाँ पासवर्ड बनाउने र लक खोल्ने लिङ्क पठाउँछन्।

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = [Madoguchi] परामर्शमा सहभागी हुने तरिका माई पेजमा राखियो
mail-details-ready-body = { $when } (जापानको समय, JST) को तपाईंको परामर्शमा सहभागी हुने तरिका अब माई पेजमा छ। हेर्नका लागि कृपया लग इन गर्नुहोस्।
mail-reminder-subject = [Madoguchi] सम्झना: भोलि तपाईंको परामर्श छ
mail-reminder-body = भोलि { $when } (जापानको समय, JST) मा { $office } सँग तपाईंको अनलाइन रोजगार परामर्श छ भनी सम्झाउन चाहन्छौँ। कृपया निजी कोठाबाट सहभागी हुनुहोस्; रेकर्ड गर्न पाइँदैन। सहभागी हुने तरिका माई पेजमा छ।
mail-no-show-subject = [Madoguchi] तपाईं आफ्नो परामर्शमा सहभागी हुनुभएन
mail-no-show-body = तपाईं बुक गरेको परामर्शमा सहभागी हुनुभएन र रद्द पनि गर्नुभएन, त्यसैले यसलाई खबर नगरी अनुपस्थित भनी रेकर्ड गरिएको छ। यो गलत हो भने, कृपया हेलो वर्कमा सम्पर्क गर्नुहोस्।
mail-restricted-subject = [Madoguchi] अनलाइन बुकिङ अहिलेलाई रोकिएको छ
mail-restricted-body = 90 दिनभित्र दुई पटक खबर नगरी परामर्शमा अनुपस्थित हुनुभएकाले, अहिलेलाई तपाईं अनलाइन बुक गर्न सक्नुहुन्न। कृपया आफ्नो हेलो वर्क कार्यालयमा फोन गरेर वा काउन्टरमा आएर सम्पर्क गर्नुहोस्; कर्मचारीले यो रोक हटाउन सक्छन्।
mail-how-to-join = सहभागी हुने जानकारी (मिटिङ ID, पासकोड र लिङ्क) परामर्शको अघिल्लो दिनसम्म माई पेजमा देखाइन्छ, र त्यहाँ राखेपछि हामी इमेलबाट खबर गर्छौँ; यो जानकारी आफैँ इमेलबाट कहिल्यै पठाइँदैन। रेकर्ड गर्न पाइँदैन।
mail-to-prepare = तयारी: निजी कोठाबाट, पछिल्लो अपडेट गरिएको उपकरणबाट सहभागी हुनुहोस्, र पहिले नै जडान परीक्षणबाट क्यामेरा, माइक्रोफोन र जडान जाँच गर्नुहोस्। त्यस दिनका लागि जाँच सूची माई पेजमा छ।
mail-connection-test-label = जडान परीक्षण:
mail-change-or-cancel = समय बदल्न अघिल्लो दिनसम्म, र रद्द गर्न सुरु हुने समयसम्म, माई पेज प्रयोग गर्नुहोस्।
mail-my-page-label = माई पेज:
mail-booked-subject = [Madoguchi] तपाईंको परामर्श बुक भयो
mail-booked-body = तपाईंको अनलाइन रोजगार परामर्श (30 मिनेट) पक्का भयो: { $when } (जापानको समय, JST), { $office }, { $app } प्रयोग गरेर।
mail-changed-subject = [Madoguchi] तपाईंको परामर्शको समय बदलियो
mail-changed-body = तपाईंको अनलाइन रोजगार परामर्श { $was } बाट { $when } (जापानको समय, JST) मा सारियो, { $office }, { $app } प्रयोग गरेर। पहिलेको समयको बुकिङ अब छैन।
mail-cancelled-subject = [Madoguchi] तपाईंको परामर्श रद्द भयो
mail-cancelled-body = { $when } (जापानको समय, JST), { $office } को तपाईंको परामर्श रद्द भयो। संलग्न पात्रो फाइलले यसलाई तपाईंको पात्रोबाट पनि हटाउँछ।

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = [Madoguchi] तपाईंले अनुरोध गरेको परामर्शको समय तय भयो
mail-request-scheduled-body = { $office } ले तपाईंको अनलाइन रोजगार परामर्शको समय तय गर्‍यो: { $when } (जापानको समय, JST), { $app } प्रयोग गरेर।
mail-request-scheduled-details = मिटिङ ID, पासकोड र लिङ्क परामर्शको अघिल्लो दिनसम्म माई पेजमा देखाइन्छ; यी इमेलबाट कहिल्यै पठाइँदैनन्। रेकर्ड गर्न पाइँदैन। रद्द गर्न, सुरु हुने समयसम्म माई पेज प्रयोग गर्नुहोस्।
mail-request-declined-subject = [Madoguchi] तपाईंको परामर्श अनुरोधको समय तय गर्न सकिएन
mail-request-declined-body = { $office } ले तपाईंको परामर्श अनुरोधको समय तय गर्न सकेन। कारण: { $reason }
mail-request-declined-next = तपाईं अर्को समयका लागि फेरि अनुरोध पठाउन सक्नुहुन्छ, वा हेलो वर्कमा फोन गर्न सक्नुहुन्छ।
mail-registration-confirmed-subject = [Madoguchi] रोजगार खोजकर्ताको रूपमा तपाईंको दर्ता पुष्टि भयो
mail-registration-confirmed-body = हेलो वर्कले तपाईंको रोजगार खोजकर्ता नम्बर (求職番号) पुष्टि गर्‍यो। यसको म्याद नसकिउन्जेल तपाईं अनलाइन परामर्श र सेमिनार बुक गर्न सक्नुहुन्छ। नम्बर वा यसको म्याद बदल्नुभयो भने, हेलो वर्कले फेरि पुष्टि गर्छ।
mail-deleted-by-office-subject = [Madoguchi] तपाईंको दर्ता मेटाइयो
mail-deleted-by-office-body = प्रयोगका सर्तहरूको धारा 15 अनुसार, हेलो वर्कले तपाईंको Madoguchi दर्ता मेटायो। कारण: { $reason }
mail-deleted-by-office-after = तपाईंका आउँदा परामर्श र सेमिनार रद्द गरिएका छन्, र यो इमेल पठाएपछि तपाईंको व्यक्तिगत जानकारी हटाइन्छ। केही सोध्नु छ भने, कृपया आफ्नो हेलो वर्क कार्यालयमा सम्पर्क गर्नुहोस्।

## Seminars (SE-2…SE-6)
mail-seminar-my-page = सहभागी हुने तरिका माई पेजमा देखाइन्छ। रद्द गर्न माई पेज प्रयोग गर्नुहोस्।
mail-seminar-ask-office = केही सोध्नु छ भने, कृपया हेलो वर्कमा सम्पर्क गर्नुहोस्। अरू सेमिनारहरू सेमिनारको पृष्ठमा छन्।
mail-seminar-place-registration = दर्ता
mail-seminar-place-waiting = पर्खाइ सूचीको स्थान
mail-seminar-registered-subject = [Madoguchi] तपाईं सेमिनारमा दर्ता हुनुभयो
mail-seminar-registered-body = तपाईं "{ $title }" ({ $when }, जापानको समय, JST) मा दर्ता हुनुभयो।
mail-seminar-waitlisted-subject = [Madoguchi] तपाईं सेमिनारको पर्खाइ सूचीमा हुनुहुन्छ
mail-seminar-waitlisted-body = "{ $title }" ({ $when }, जापानको समय, JST) भरिएकाले तपाईंलाई यसको पर्खाइ सूचीमा राखिएको छ। दर्ताको अन्तिम समयअघि सिट खाली भयो भने, पर्खाइ सूचीका मानिसहरू क्रमैसँग दर्ता गरिन्छन् र उनीहरूलाई खबर गरिन्छ।
mail-seminar-promoted-subject = [Madoguchi] सिट खाली भयो: तपाईं दर्ता हुनुभयो
mail-seminar-promoted-body = सिट खाली भएकाले, अब तपाईं "{ $title }" ({ $when }, जापानको समय, JST) मा दर्ता हुनुभयो।
mail-seminar-cancelled-by-user-subject = [Madoguchi] सेमिनारमा तपाईंको स्थान रद्द भयो
mail-seminar-cancelled-by-user-body = तपाईंको अनुरोधअनुसार, "{ $title }" ({ $when }, जापानको समय, JST) को तपाईंको { $place } रद्द गरियो।
mail-seminar-cancelled-by-user-after = अरू सेमिनारहरू सेमिनारको पृष्ठमा छन्।
mail-seminar-removed-subject = [Madoguchi] तपाईंको सेमिनार दर्ता रद्द गरियो
mail-seminar-removed-body = हेलो वर्कले "{ $title }" ({ $when }, जापानको समय, JST) मा तपाईंको दर्ता रद्द गर्‍यो। कारण: { $reason }
mail-seminar-cancelled-subject = [Madoguchi] एउटा सेमिनार रद्द भयो
mail-seminar-cancelled-body = हेलो वर्कले "{ $title }" ({ $when }, जापानको समय, JST) रद्द गर्‍यो, त्यसैले तपाईंको { $place } पनि रद्द भयो। कारण: { $reason }
mail-seminar-suspended-subject = [Madoguchi] एउटा सेमिनारले दर्ता लिन रोक्यो
mail-seminar-suspended-body = "{ $title }" ({ $when }, जापानको समय, JST) ले अहिलेलाई नयाँ दर्ता लिँदैन र यो रद्द हुन सक्छ। रद्द भयो भने तपाईंलाई खबर गरिनेछ। तपाईंको स्थान जस्ताको तस्तै रहन्छ। कारण: { $reason }
mail-seminar-resumed-subject = [Madoguchi] सेमिनार योजनाअनुसार हुन्छ
mail-seminar-resumed-body = "{ $title }" ({ $when }, जापानको समय, JST) योजनाअनुसार हुन्छ, र दर्ता फेरि खुलेको छ।
mail-seminar-moved-subject = [Madoguchi] एउटा सेमिनारको मिति र समय बदलियो
mail-seminar-moved-body = "{ $title }" { $from } बाट { $to } (जापानको समय, JST) मा सारियो। तपाईंको स्थान पनि सँगै सारिएको छ।
mail-seminar-moved-body-reason = "{ $title }" { $from } बाट { $to } (जापानको समय, JST) मा सारियो। तपाईंको स्थान पनि सँगै सारिएको छ। कारण: { $reason }
mail-seminar-moved-after = नयाँ समय तपाईंलाई मिल्दैन भने, माई पेजबाट रद्द गर्न सक्नुहुन्छ।
mail-seminar-phone-cancelled-subject = [Madoguchi] सेमिनारमा तपाईंको स्थान रद्द भयो
mail-seminar-phone-cancelled-body = तपाईंले हेलो वर्कलाई फोनमा भन्नुभएअनुसार, "{ $title }" ({ $when }, जापानको समय, JST) मा तपाईंको स्थान रद्द गरियो। यसलाई खबर नगरी अनुपस्थित भनी गनिँदैन।
mail-seminar-no-show-corrected-subject = [Madoguchi] अनुपस्थितिको रेकर्ड सच्याइयो
mail-seminar-no-show-corrected-body = हेलो वर्कले "{ $title }" ({ $when }, जापानको समय, JST) को खबर नगरी अनुपस्थितिको रेकर्ड सच्यायो। यसलाई अब खबर नगरी अनुपस्थित भनी गनिँदैन।

## Terms (NT-3)
mail-terms-subject = [Madoguchi] प्रयोगका सर्तहरू बदलिँदै छन्
mail-terms-body = { $label } का नयाँ प्रयोगका सर्तहरू (संस्करण { $version }) { $when } (जापानको समय, JST) देखि लागू हुन्छन्। तपाईंको अर्को बुकिङ वा दर्ताअघि तपाईंलाई यसमा सहमति दिन भनिनेछ। सर्तहरूको पृष्ठमा पढ्नुहोस्।
mail-terms-label-consultation = अनलाइन रोजगार परामर्श
mail-terms-label-seminar = अनलाइन सेमिनार
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = [Madoguchi] रद्द: कार्यालय बन्द छ
mail-closed-what-consultation = तपाईंको अनलाइन रोजगार परामर्श
mail-closed-what-seminar = "{ $title }" मा तपाईंको स्थान
mail-closed-day = { $when } (जापानको समय, JST), { $office } मा { $what } रद्द गरियो, किनभने त्यस दिन कार्यालय बन्द छ। कारण: { $reason }
mail-closed-hours = { $when } (जापानको समय, JST), { $office } मा { $what } रद्द गरियो, किनभने त्यस दिन { $from } देखि { $until } सम्म कार्यालय बन्द छ। कारण: { $reason }
mail-closed-sorry = असुविधाका लागि हामी क्षमाप्रार्थी छौँ। केही सोध्नु छ भने, { $office } ({ $phone }) मा फोन गर्नुहोस्।
mail-closed-book-again = अर्को समय बुक गर्न:

## Calendar files (NO-4)
ics-location = { $office } ({ $app })
ics-consultation-summary = अनलाइन रोजगार परामर्श ({ $office })
ics-consultation-description = सहभागी हुने जानकारी (मिटिङ ID, पासकोड, लिङ्क) माई पेजमा छ; यो इमेलबाट कहिल्यै पठाइँदैन।
ics-consultation-alarm = तपाईंको अनलाइन रोजगार परामर्शको समय नजिकिँदै छ
ics-seminar-description = सहभागी हुने तरिका माई पेजमा छ; यो इमेलबाट कहिल्यै पठाइँदैन।
ics-seminar-alarm = तपाईंको सेमिनारको समय नजिकिँदै छ

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = [Madoguchi] तपाईंलाई अन्तर्वार्ताको निम्तो आएको छ
mail-interview-proposed-body = { $office } ले { $employer } ({ $job }) सँग { $when } (जापानी समय) मा { $app } बाट अनलाइन अन्तर्वार्ता मिलाएको छ।
mail-interview-answer-on-my-page = कृपया मेरो पृष्ठमा विवरण हेरेर स्वीकार वा अस्वीकार छान्नुहोस्।
mail-interview-cancelled-subject = [Madoguchi] अन्तर्वार्ता रद्द भयो
mail-interview-cancelled-body = Hello Work ले { $when } (जापानी समय) को { $employer } ({ $job }) सँगको तपाईंको अन्तर्वार्ता रद्द गर्‍यो।
mail-interview-withdrawn-subject = [Madoguchi] तपाईंले अन्तर्वार्ता फिर्ता लिनुभयो
mail-interview-withdrawn-body = तपाईंले { $when } (जापानी समय) को { $employer } ({ $job }) सँगको अन्तर्वार्ता फिर्ता लिनुभयो।
mail-interview-outcome-subject = [Madoguchi] तपाईंको अन्तर्वार्ताको नतिजा
mail-interview-outcome-body = { $employer } ({ $job }) सँगको अन्तर्वार्ताको नतिजा: { $outcome }
mail-interview-employer-subject = 【Madoguchi】オンライン面接のご案内（ハローワーク）
mail-interview-employer-body = { $employer }様の求人（{ $number }　{ $job }）について、求職者がオンライン面接を承諾しました。日時：{ $when }（日本時間）、方法：{ $app }。
mail-interview-employer-link-note = 次のリンクから面接の詳細をご覧ください。このリンクは最初に開いたブラウザでのみ使え、面接の終了時刻まで有効です。他の方に転送しないでください。
mail-interview-employer-cancelled-subject = 【Madoguchi】オンライン面接の取消しのお知らせ（ハローワーク）
mail-interview-employer-cancelled-body = { $when }（日本時間）に予定していた{ $employer }様の求人（{ $job }）のオンライン面接は取り消されました。お送りしたリンクは使えなくなりました。
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $year }/{ $month }/{ $day }
mail-selection-referred-subject = [Madoguchi] छनोट दिनको सूचना
mail-selection-referred-body = Hello Work ले तपाईंलाई { $employer } को "{ $job }" को छनोट दिन (管理選考, { $date }, अनलाइन अन्तर्वार्ता) मा सिफारिस गरेको छ। कृपया मेरो पेजमा अन्तर्वार्ताको समय छानेर बुक गर्नुहोस्।
mail-selection-employer-subject = [Madoguchi] छनोट दिनका उम्मेदवारहरूको सूची
mail-selection-employer-body = { $employer } को छनोट दिन ({ $date }) का उम्मेदवारहरूको सूची तलको लिङ्कमा छ। लिङ्क एउटा ब्राउजरमा एक पटक मात्र, छनोट दिन सकिएसम्म चल्छ।
mail-selection-employer-note = सूचीमा प्रत्येक रोजगार खोज्नेले साझा गर्न मञ्जुर गरेका कुरा मात्र देखिन्छन्। लिङ्क नचलेमा Hello Work मा सम्पर्क गर्नुहोस्।
