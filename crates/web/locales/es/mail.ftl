### Español (es): correos y archivos de calendario
###
### Traducción hecha con ayuda de una máquina: un modelo de IA tradujo desde la versión en inglés
### (en/mail.ftl) y el original en japonés (ja/mail.ftl). El japonés es el texto que manda.
### Esta traducción espera la revisión de una persona hablante nativa de español (todavía no revisada).
###
### Machine-assisted translation by an AI model from the English and Japanese sources;
### awaiting review by a native Spanish speaker. Times are written in 24-hour form (JST).
### Mails are read as plain text too: no markup.

## Mail, calendar files and the My Page inbox (rules NO-1, NO-4, NO-5). Paragraphs are
## separate messages; links between them are added by the code.

## Common parts
mail-greeting = Estimado/a { $name }:
mail-lock-note = Si no fue usted, o si cree que otra persona conoce su contraseña, bloquee su cuenta ahora mismo con este enlace:
# A start time: 4/1/2027 10:00 ($mm, $dd: with a leading zero).
mail-start-time = { $day }/{ $month }/{ $year } { $time }
# A start time with its weekday: lun 4 de enero de 2027, 10:00.
mail-when = { $weekday } { $day } de { $monthname } de { $year }, { $time }
mail-app-builtin = Video integrado (en el navegador)

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = [Madoguchi] Confirme su correo electrónico
mail-verification-body = Hemos recibido su registro provisional en Madoguchi. Abra este enlace en las próximas 24 horas para completarlo:
mail-welcome-subject = [Madoguchi] Su registro está completo
mail-welcome-body = Su correo electrónico está confirmado y su cuenta está activa. Ya puede iniciar sesión.
mail-inactivity-subject = [Madoguchi] Su registro se borrará dentro de 30 días
mail-inactivity-body = Hace casi un año que no inicia sesión. Si no inicia sesión en los próximos 30 días, borraremos su registro y eliminaremos sus datos personales. Para conservarlo, basta con iniciar sesión:
mail-reset-subject = [Madoguchi] Cree una contraseña nueva
mail-reset-body = Como lo pidió en la oficina, le enviamos un enlace para crear una contraseña nueva. Sirve una sola vez, durante 24 horas, y además desbloquea su cuenta:
mail-reset-requested-subject = [Madoguchi] Restablezca su contraseña
mail-reset-requested-body = Hemos recibido una solicitud para restablecer la contraseña de su cuenta de Madoguchi. Abra este enlace en los próximos 30 minutos para crear una nueva; sirve una sola vez y cierra la sesión en todos sus dispositivos:
mail-reset-requested-not-you = Si usted no lo pidió, puede ignorar este correo: su contraseña no cambia. Si cree que otra persona conoce su contraseña, bloquee su cuenta ahora mismo con este enlace:
mail-reset-while-locked-subject = [Madoguchi] Su cuenta está bloqueada
mail-reset-while-locked-body = Hemos recibido una solicitud para restablecer la contraseña de su cuenta de Madoguchi, pero la cuenta está bloqueada. Para desbloquearla, acuda a la ventanilla de su oficina de Hello Work (ハローワーク): después de comprobar su identidad, el personal le enviará un enlace para crear una contraseña nueva y quitar el bloqueo.

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = [Madoguchi] Cómo conectarse a su consulta ya está en Mi página
mail-details-ready-body = Cómo conectarse a su consulta del { $when } (hora de Japón, JST) ya está en Mi página (マイページ). Inicie sesión para verlo.
mail-reminder-subject = [Madoguchi] Recordatorio: su consulta de mañana
mail-reminder-body = Le recordamos su consulta de empleo en línea de mañana, { $when } (hora de Japón, JST), con { $office }. Conéctese desde una habitación en la que esté a solas; no se permite grabar audio ni video. Cómo conectarse está en Mi página.
mail-no-show-subject = [Madoguchi] No se conectó a su consulta
mail-no-show-body = No se conectó a su consulta reservada y no la canceló, por lo que se ha anotado como ausencia sin aviso. Si se trata de un error, comuníquese con la oficina de Hello Work.
mail-restricted-subject = [Madoguchi] Sus reservas en línea están en pausa
mail-restricted-body = Como faltó sin aviso a dos consultas en 90 días, por ahora no puede reservar en línea. Comuníquese con su oficina de Hello Work por teléfono o en la ventanilla; el personal puede quitar la pausa.
mail-how-to-join = Cómo conectarse (ID de reunión, código de acceso y enlace) se muestra en Mi página a más tardar el día anterior, y le avisamos por correo cuando esté allí; esos datos nunca se envían por correo. No se permite grabar audio ni video.
mail-to-prepare = Para prepararse: conéctese desde una habitación en la que esté a solas, con un dispositivo que tenga las actualizaciones al día, y revise antes su cámara, su micrófono y su conexión con la prueba de conexión. La lista de comprobación del día está en Mi página.
mail-connection-test-label = Prueba de conexión:
mail-change-or-cancel = Puede cambiar la fecha y hora en Mi página hasta el día anterior, y cancelar hasta la hora de inicio.
mail-my-page-label = Mi página:
mail-booked-subject = [Madoguchi] Su consulta está reservada
mail-booked-body = Su consulta de empleo en línea (30 minutos) está confirmada. Fecha y hora: { $when } (hora de Japón, JST); lugar: { $office }; aplicación: { $app }.
mail-changed-subject = [Madoguchi] Su consulta cambió de fecha y hora
mail-changed-body = Su consulta de empleo en línea pasó del { $was } al { $when } (hora de Japón, JST). Lugar: { $office }; aplicación: { $app }. La reserva de la hora anterior ya no existe.
mail-cancelled-subject = [Madoguchi] Su consulta está cancelada
mail-cancelled-body = Su consulta del { $when } (hora de Japón, JST) con { $office } está cancelada. El archivo de calendario adjunto la quita también de su calendario.

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = [Madoguchi] Ya hay fecha para la consulta que pidió
mail-request-scheduled-body = { $office } fijó su consulta de empleo en línea: { $when } (hora de Japón, JST); aplicación: { $app }.
mail-request-scheduled-details = El ID de reunión, el código de acceso y el enlace se mostrarán en Mi página a más tardar el día anterior; nunca se envían por correo. No se permite grabar audio ni video. Para cancelar, use Mi página hasta la hora de inicio.
mail-request-declined-subject = [Madoguchi] No se pudo fijar la consulta en las fechas que pidió
mail-request-declined-body = { $office } no pudo fijar la consulta que pidió. Motivo: { $reason }
mail-request-declined-next = Puede enviar una nueva solicitud con otras fechas o llamar por teléfono a la oficina de Hello Work.
mail-registration-confirmed-subject = [Madoguchi] Su registro como solicitante de empleo está confirmado
mail-registration-confirmed-body = Hello Work confirmó su número de solicitante de empleo. Hasta su vencimiento puede reservar consultas de empleo en línea y seminarios. Si cambia el número o su fecha de vencimiento, Hello Work lo confirmará de nuevo.
mail-deleted-by-office-subject = [Madoguchi] Su registro se ha borrado
mail-deleted-by-office-body = De acuerdo con el artículo 15 de las condiciones de uso, Hello Work borró su registro en Madoguchi. Motivo: { $reason }
mail-deleted-by-office-after = Sus consultas y seminarios reservados están cancelados, y sus datos personales se eliminan después de enviar este correo. Si tiene preguntas, comuníquese con su oficina de Hello Work.

## Seminars (SE-2…SE-6)
mail-seminar-my-page = En Mi página verá cómo conectarse. Para cancelar, use Mi página.
mail-seminar-ask-office = Si tiene preguntas, comuníquese con la oficina de Hello Work. Puede inscribirse en otros seminarios desde la lista de seminarios.
mail-seminar-place-registration = inscripción
mail-seminar-place-waiting = plaza en la lista de espera
mail-seminar-registered-subject = [Madoguchi] Está inscrito/a en un seminario
mail-seminar-registered-body = Está inscrito/a en «{ $title }» ({ $when }, hora de Japón, JST).
mail-seminar-waitlisted-subject = [Madoguchi] Está en la lista de espera de un seminario
mail-seminar-waitlisted-body = «{ $title }» ({ $when }, hora de Japón, JST) está completo, así que le anotamos en la lista de espera. Si se libera una plaza antes del cierre de la inscripción, se inscribe por orden a la primera persona de la lista y se le avisa.
mail-seminar-promoted-subject = [Madoguchi] Se liberó una plaza: está inscrito/a
mail-seminar-promoted-body = Se liberó una plaza, así que ahora está inscrito/a en «{ $title }» ({ $when }, hora de Japón, JST).
mail-seminar-cancelled-by-user-subject = [Madoguchi] Su inscripción en el seminario está cancelada
mail-seminar-cancelled-by-user-body = Como usted lo pidió, su { $place } para «{ $title }» ({ $when }, hora de Japón, JST) está cancelada.
mail-seminar-cancelled-by-user-after = Puede inscribirse en otros seminarios desde la lista de seminarios.
mail-seminar-removed-subject = [Madoguchi] Su inscripción en el seminario fue cancelada
mail-seminar-removed-body = La oficina de Hello Work canceló su inscripción en «{ $title }» ({ $when }, hora de Japón, JST). Motivo: { $reason }
mail-seminar-cancelled-subject = [Madoguchi] Un seminario se ha suspendido definitivamente
mail-seminar-cancelled-body = La oficina de Hello Work decidió no realizar «{ $title }» ({ $when }, hora de Japón, JST), así que su { $place } está cancelada. Motivo: { $reason }
mail-seminar-suspended-subject = [Madoguchi] Un seminario dejó de aceptar inscripciones por ahora
mail-seminar-suspended-body = «{ $title }» ({ $when }, hora de Japón, JST) no acepta nuevas inscripciones por ahora y podría no realizarse. Si se decide no realizarlo, se lo avisaremos. Su inscripción actual sigue igual. Motivo: { $reason }
mail-seminar-resumed-subject = [Madoguchi] Un seminario se realiza según lo previsto
mail-seminar-resumed-body = «{ $title }» ({ $when }, hora de Japón, JST) se realiza según lo previsto, y vuelve a aceptar inscripciones.
mail-seminar-moved-subject = [Madoguchi] Un seminario tiene nueva fecha y hora
mail-seminar-moved-body = «{ $title }» pasó del { $from } al { $to } (hora de Japón, JST). Su inscripción pasa a la nueva fecha y hora.
mail-seminar-moved-body-reason = «{ $title }» pasó del { $from } al { $to } (hora de Japón, JST). Su inscripción pasa a la nueva fecha y hora. Motivo: { $reason }
mail-seminar-moved-after = Si la nueva fecha y hora no le conviene, puede cancelar en Mi página.
mail-seminar-phone-cancelled-subject = [Madoguchi] Su inscripción en el seminario está cancelada
mail-seminar-phone-cancelled-body = Como lo comunicó por teléfono a la oficina, su inscripción en «{ $title }» ({ $when }, hora de Japón, JST) está cancelada. No cuenta como ausencia sin aviso.
mail-seminar-no-show-corrected-subject = [Madoguchi] Se corrigió una ausencia sin aviso
mail-seminar-no-show-corrected-body = La oficina de Hello Work corrigió la ausencia sin aviso anotada para «{ $title }» ({ $when }, hora de Japón, JST). Ya no cuenta como ausencia sin aviso.

## Terms (NT-3)
mail-terms-subject = [Madoguchi] Cambian las condiciones de uso
mail-terms-body = Las nuevas condiciones de uso de { $label } (versión { $version }) entran en vigor el { $when } (hora de Japón, JST). Se le pedirá aceptarlas antes de su próxima reserva o inscripción. Puede leerlas en la página de condiciones.
mail-terms-label-consultation = las consultas de empleo en línea
mail-terms-label-seminar = los seminarios en línea
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = [Madoguchi] Cancelado: la oficina está cerrada
mail-closed-what-consultation = Su consulta de empleo en línea
mail-closed-what-seminar = Su inscripción en «{ $title }»
mail-closed-day = { $what } del { $when } (hora de Japón, JST) con { $office } está cancelada porque la oficina cierra ese día. Motivo: { $reason }
mail-closed-hours = { $what } del { $when } (hora de Japón, JST) con { $office } está cancelada porque la oficina cierra ese día de { $from } a { $until }. Motivo: { $reason }
mail-closed-sorry = Lamentamos las molestias. Si tiene preguntas, llame a { $office } ({ $phone }).
mail-closed-book-again = Para reservar otra fecha y hora:

## Calendar files (NO-4)
ics-location = { $office } ({ $app })
ics-consultation-summary = Consulta de empleo en línea ({ $office })
ics-consultation-description = Cómo conectarse (ID de reunión, código de acceso, enlace) está en Mi página; nunca se envía por correo.
ics-consultation-alarm = Su consulta de empleo en línea está por empezar
ics-seminar-description = Cómo conectarse está en Mi página; nunca se envía por correo.
ics-seminar-alarm = Su seminario está por empezar

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = [Madoguchi] Le han invitado a una entrevista
mail-interview-proposed-body = { $office } ha organizado una entrevista en línea con { $employer } ({ $job }) el { $when } (hora de Japón), por { $app }.
mail-interview-answer-on-my-page = Consulte los detalles en Mi página y acepte o rechace.
mail-interview-cancelled-subject = [Madoguchi] Se canceló una entrevista
mail-interview-cancelled-body = Hello Work canceló su entrevista con { $employer } ({ $job }) del { $when } (hora de Japón).
mail-interview-withdrawn-subject = [Madoguchi] Se retiró de una entrevista
mail-interview-withdrawn-body = Se retiró de la entrevista con { $employer } ({ $job }) del { $when } (hora de Japón).
mail-interview-outcome-subject = [Madoguchi] El resultado de su entrevista
mail-interview-outcome-body = Resultado de la entrevista con { $employer } ({ $job }): { $outcome }
mail-interview-employer-subject = 【Madoguchi】オンライン面接のご案内（ハローワーク）
mail-interview-employer-body = { $employer }様の求人（{ $number }　{ $job }）について、求職者がオンライン面接を承諾しました。日時：{ $when }（日本時間）、方法：{ $app }。
mail-interview-employer-link-note = 次のリンクから面接の詳細をご覧ください。このリンクは最初に開いたブラウザでのみ使え、面接の終了時刻まで有効です。他の方に転送しないでください。
mail-interview-employer-cancelled-subject = 【Madoguchi】オンライン面接の取消しのお知らせ（ハローワーク）
mail-interview-employer-cancelled-body = { $when }（日本時間）に予定していた{ $employer }様の求人（{ $job }）のオンライン面接は取り消されました。お送りしたリンクは使えなくなりました。
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $day }/{ $month }/{ $year }
mail-selection-referred-subject = [Madoguchi] Le han remitido a un día de selección
mail-selection-referred-body = Hello Work le ha remitido al día de selección (管理選考) de { $employer } para «{ $job }» el { $date }, con entrevistas en línea. Elija y reserve una hora de entrevista en Mi página.
mail-selection-employer-subject = [Madoguchi] Lista de candidatos de su día de selección
mail-selection-employer-body = La lista de candidatos del día de selección de { $employer } ({ $date }) está en el enlace de abajo. El enlace funciona una vez, en un navegador, hasta el final del día de selección.
mail-selection-employer-note = La lista muestra solo lo que cada persona aceptó compartir. Si el enlace no funciona, contacte con Hello Work.
