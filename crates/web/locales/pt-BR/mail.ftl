### Português (Brasil) (pt-BR) – e-mails e arquivos de calendário
###
### Tradução feita com ajuda de máquina: um modelo de IA traduziu a partir das versões em
### inglês (en/mail.ftl) e em japonês (ja/mail.ftl). A versão em japonês é o original.
### Esta tradução aguarda revisão por um falante nativo de português (ainda não revisada).
###
### Machine-assisted translation by an AI model from the English and Japanese sources;
### awaiting review by a native Brazilian Portuguese speaker. Times are written in 24-hour
### form (JST); dates day/month/year. Mails are also read as plain text: no markup. Terms as
### in pt-BR/main.ftl: Hello Work (ハローワーク), Minha página (My Page), número de candidato
### a emprego (求職番号).

## Common parts
mail-greeting = Prezado(a) { $name },
mail-lock-note = Se não foi você, ou se acha que outra pessoa sabe sua senha, bloqueie sua conta na hora por este link:
# A start time: 4/1/2027 10:00 (day/month/year).
mail-start-time = { $day }/{ $month }/{ $year } { $time }
# A start time with its weekday: seg., 4/1/2027, 10:00.
mail-when = { $weekday }, { $day }/{ $month }/{ $year }, { $time }
mail-app-builtin = Vídeo embutido (no navegador)

## Accounts (AC-1, AC-8, AC-10)
mail-verification-subject = [Madoguchi] Confirme seu endereço de e-mail
mail-verification-body = Recebemos seu cadastro provisório no Madoguchi. Abra este link em até 24 horas para concluir o cadastro:
mail-welcome-subject = [Madoguchi] Seu cadastro foi concluído
mail-welcome-body = Seu endereço de e-mail foi confirmado e sua conta está ativa. Você já pode entrar.
mail-inactivity-subject = [Madoguchi] Seu cadastro será excluído em 30 dias
mail-inactivity-body = Você não entra há quase um ano. Se não entrar nos próximos 30 dias, seu cadastro será excluído e seus dados pessoais, apagados. Para mantê-lo, basta entrar:
mail-reset-subject = [Madoguchi] Crie uma nova senha
mail-reset-body = Como você pediu na agência, aqui está um link para criar uma nova senha. Ele funciona uma única vez, em até 24 horas, e também desbloqueia sua conta:
mail-reset-requested-subject = [Madoguchi] Redefina sua senha
mail-reset-requested-body = Recebemos um pedido para redefinir a senha da sua conta no Madoguchi. Abra este link em até 30 minutos para criar uma nova senha. O link funciona uma única vez e, ao criar a senha, todos os aparelhos são desconectados:
mail-reset-requested-not-you = Se você não fez esse pedido, pode ignorar este e-mail: sua senha continua a mesma. Se acha que outra pessoa sabe sua senha, bloqueie sua conta na hora por este link:
mail-reset-while-locked-subject = [Madoguchi] Sua conta está bloqueada
mail-reset-while-locked-body = Recebemos um pedido para redefinir a senha da sua conta no Madoguchi, mas a conta está bloqueada. Para desbloqueá-la, procure o balcão de uma agência da Hello Work: depois de confirmar quem você é, os funcionários enviam um link que cria uma nova senha e retira o bloqueio.

## Consultations (NO-1, BK-9, BK-11, BK-12, BK-14, BK-17)
mail-details-ready-subject = [Madoguchi] Como entrar na sua consulta está na Minha página (My Page)
mail-details-ready-body = As informações para entrar na sua consulta de { $when } (horário do Japão, JST) já estão na Minha página (My Page). Entre no site para vê-las.
mail-reminder-subject = [Madoguchi] Lembrete: sua consulta é amanhã
mail-reminder-body = Lembramos que sua consulta de emprego on-line é amanhã, { $when } (horário do Japão, JST), { $office }. Participe de um cômodo reservado; não é permitido gravar áudio nem vídeo. Como entrar está na Minha página (My Page).
mail-no-show-subject = [Madoguchi] Você não participou da sua consulta
mail-no-show-body = Você não participou da consulta agendada e não a cancelou, por isso ela foi registrada como falta sem aviso. Se isso for um engano, entre em contato com a agência da Hello Work.
mail-restricted-subject = [Madoguchi] O agendamento on-line está pausado
mail-restricted-body = Como houve 2 faltas sem aviso em 90 dias, no momento você não pode agendar on-line. Entre em contato com a sua agência da Hello Work por telefone ou no balcão; os funcionários podem retirar a restrição.
mail-how-to-join = As informações para entrar (ID da reunião, senha da reunião e link) aparecem na Minha página (My Page) antes do dia, e avisamos você por e-mail quando estiverem lá; elas nunca são enviadas por e-mail. Não é permitido gravar áudio nem vídeo.
mail-to-prepare = Para se preparar: participe de um cômodo reservado, num aparelho com as atualizações em dia, e confira antes a câmera, o microfone e a conexão com o teste de conexão. A lista do que verificar no dia está na Minha página (My Page).
mail-connection-test-label = Teste de conexão:
mail-change-or-cancel = Para mudar o horário, use a Minha página (My Page) até o dia anterior; para cancelar, até o horário de início.
mail-my-page-label = Minha página (My Page):
mail-booked-subject = [Madoguchi] Sua consulta está agendada
mail-booked-body = Sua consulta de emprego on-line (30 minutos) está confirmada: { $when } (horário do Japão, JST), { $office }, pelo { $app }.
mail-changed-subject = [Madoguchi] O horário da sua consulta mudou
mail-changed-body = Sua consulta de emprego on-line passou de { $was } para { $when } (horário do Japão, JST), { $office }, pelo { $app }. O agendamento no horário anterior deixou de existir.
mail-cancelled-subject = [Madoguchi] Sua consulta foi cancelada
mail-cancelled-body = Sua consulta de { $when } (horário do Japão, JST), { $office }, foi cancelada. O arquivo de calendário anexo a remove também do seu calendário.

## Staff decisions (BK-7, AC-11, N15)
mail-request-scheduled-subject = [Madoguchi] A consulta que você pediu foi agendada
mail-request-scheduled-body = { $office } agendou sua consulta de emprego on-line: { $when } (horário do Japão, JST), pelo { $app }.
mail-request-scheduled-details = O ID da reunião, a senha da reunião e o link aparecerão na Minha página (My Page) antes do dia; eles nunca são enviados por e-mail. Não é permitido gravar áudio nem vídeo. Para cancelar, use a Minha página (My Page) até o horário de início.
mail-request-declined-subject = [Madoguchi] Não foi possível agendar a consulta que você pediu
mail-request-declined-body = { $office } não conseguiu agendar a consulta que você pediu. Motivo: { $reason }
mail-request-declined-next = Você pode fazer um novo pedido com outros horários ou entrar em contato com a agência da Hello Work por telefone.
mail-registration-confirmed-subject = [Madoguchi] Seu cadastro de candidato a emprego foi confirmado
mail-registration-confirmed-body = A Hello Work confirmou seu número de candidato a emprego (求職番号). Até ele vencer, você pode agendar consultas e seminários on-line. Se você mudar o número ou a data de validade, a Hello Work vai confirmá-los de novo.
mail-deleted-by-office-subject = [Madoguchi] Seu cadastro foi excluído
mail-deleted-by-office-body = Com base no artigo 15 dos termos de uso, a Hello Work excluiu seu cadastro no Madoguchi. Motivo: { $reason }
mail-deleted-by-office-after = Suas próximas consultas e inscrições em seminários foram canceladas. Seus dados pessoais serão apagados depois do envio deste e-mail. Em caso de dúvidas, entre em contato com a sua agência da Hello Work.

## Seminars (SE-2…SE-6)
mail-seminar-my-page = Como participar aparece na Minha página (My Page). Para cancelar, use a Minha página (My Page).
mail-seminar-ask-office = Em caso de dúvidas, entre em contato com a agência da Hello Work. Outros seminários estão na página de seminários.
mail-seminar-place-registration = inscrição
mail-seminar-place-waiting = vaga na lista de espera
mail-seminar-registered-subject = [Madoguchi] Você está inscrito num seminário
mail-seminar-registered-body = Sua inscrição em “{ $title }” ({ $when }, horário do Japão, JST) foi concluída.
mail-seminar-waitlisted-subject = [Madoguchi] Você está na lista de espera de um seminário
mail-seminar-waitlisted-body = “{ $title }” ({ $when }, horário do Japão, JST) está lotado, por isso você entrou na lista de espera. Se abrir uma vaga antes do fim das inscrições, a primeira pessoa da fila é inscrita e avisada.
mail-seminar-promoted-subject = [Madoguchi] Abriu uma vaga: você está inscrito
mail-seminar-promoted-body = Abriu uma vaga, e agora você está inscrito em “{ $title }” ({ $when }, horário do Japão, JST).
mail-seminar-cancelled-by-user-subject = [Madoguchi] Sua inscrição no seminário foi cancelada
mail-seminar-cancelled-by-user-body = Como você pediu, foi cancelada sua { $place } em “{ $title }” ({ $when }, horário do Japão, JST).
mail-seminar-cancelled-by-user-after = Outros seminários estão na página de seminários.
mail-seminar-removed-subject = [Madoguchi] Sua inscrição no seminário foi cancelada
mail-seminar-removed-body = A agência da Hello Work cancelou sua inscrição em “{ $title }” ({ $when }, horário do Japão, JST). Motivo: { $reason }
mail-seminar-cancelled-subject = [Madoguchi] Um seminário foi cancelado
mail-seminar-cancelled-body = A agência da Hello Work cancelou “{ $title }” ({ $when }, horário do Japão, JST); por isso, sua { $place } foi cancelada. Motivo: { $reason }
mail-seminar-suspended-subject = [Madoguchi] Um seminário parou de aceitar inscrições
mail-seminar-suspended-body = “{ $title }” ({ $when }, horário do Japão, JST) não está aceitando novas inscrições por enquanto e pode ser cancelado. Se for cancelado, você será avisado. Sua inscrição atual continua como está. Motivo: { $reason }
mail-seminar-resumed-subject = [Madoguchi] Um seminário vai acontecer como previsto
mail-seminar-resumed-body = “{ $title }” ({ $when }, horário do Japão, JST) vai acontecer como previsto, e as inscrições foram reabertas.
mail-seminar-moved-subject = [Madoguchi] Um seminário tem nova data e horário
mail-seminar-moved-body = “{ $title }” passou de { $from } para { $to } (horário do Japão, JST). Sua inscrição passa para a nova data.
mail-seminar-moved-body-reason = “{ $title }” passou de { $from } para { $to } (horário do Japão, JST). Sua inscrição passa para a nova data. Motivo: { $reason }
mail-seminar-moved-after = Se o novo horário não for bom para você, pode cancelar na Minha página (My Page).
mail-seminar-phone-cancelled-subject = [Madoguchi] Sua inscrição no seminário foi cancelada
mail-seminar-phone-cancelled-body = Como você avisou a agência por telefone, sua inscrição em “{ $title }” ({ $when }, horário do Japão, JST) foi cancelada. Isso não conta como falta sem aviso.
mail-seminar-no-show-corrected-subject = [Madoguchi] Um registro de falta sem aviso foi corrigido
mail-seminar-no-show-corrected-body = A agência da Hello Work corrigiu a falta sem aviso registrada em “{ $title }” ({ $when }, horário do Japão, JST). Ela não conta mais como falta sem aviso.

## Terms (NT-3)
mail-terms-subject = [Madoguchi] Os termos de uso vão mudar
mail-terms-body = Novos termos de uso de { $label } (versão { $version }) entram em vigor em { $when } (horário do Japão, JST). Você precisará aceitá-los antes do seu próximo agendamento ou inscrição. Leia-os na página dos termos.
mail-terms-label-consultation = consultas de emprego on-line
mail-terms-label-seminar = seminários on-line
mail-terms-label-system = Madoguchi

## A closure (TM-3)
mail-closed-subject = [Madoguchi] Cancelado: a agência está fechada
mail-closed-what-consultation = Sua consulta de emprego on-line
mail-closed-what-seminar = Sua inscrição em “{ $title }”
mail-closed-day = { $what } de { $when } (horário do Japão, JST), { $office }, foi cancelada porque a agência está fechada nesse dia. Motivo: { $reason }
mail-closed-hours = { $what } de { $when } (horário do Japão, JST), { $office }, foi cancelada porque a agência está fechada das { $from } às { $until } nesse dia. Motivo: { $reason }
mail-closed-sorry = Pedimos desculpas pelo transtorno. Em caso de dúvidas, ligue para { $office } ({ $phone }).
mail-closed-book-again = Para agendar outro horário:

## Calendar files (NO-4)
ics-location = { $office } ({ $app })
ics-consultation-summary = Consulta de emprego on-line ({ $office })
ics-consultation-description = As informações para entrar (ID da reunião, senha da reunião, link) estão na Minha página (My Page); elas nunca são enviadas por e-mail.
ics-consultation-alarm = Sua consulta de emprego on-line está chegando
ics-seminar-description = Como participar está na Minha página (My Page); essas informações nunca são enviadas por e-mail.
ics-seminar-alarm = Seu seminário está chegando

## Interviews with employers (issue 18: IV-1, IV-4, IV-5)
mail-interview-proposed-subject = [Madoguchi] Você foi convidado para uma entrevista
mail-interview-proposed-body = { $office } marcou uma entrevista online com { $employer } ({ $job }) em { $when } (horário do Japão), por { $app }.
mail-interview-answer-on-my-page = Confira os detalhes em Minha Página e aceite ou recuse.
mail-interview-cancelled-subject = [Madoguchi] Uma entrevista foi cancelada
mail-interview-cancelled-body = A Hello Work cancelou sua entrevista com { $employer } ({ $job }) em { $when } (horário do Japão).
mail-interview-withdrawn-subject = [Madoguchi] Você desistiu de uma entrevista
mail-interview-withdrawn-body = Você desistiu da entrevista com { $employer } ({ $job }) em { $when } (horário do Japão).
mail-interview-outcome-subject = [Madoguchi] O resultado da sua entrevista
mail-interview-outcome-body = Resultado da entrevista com { $employer } ({ $job }): { $outcome }
mail-interview-employer-subject = 【Madoguchi】オンライン面接のご案内（ハローワーク）
mail-interview-employer-body = { $employer }様の求人（{ $number }　{ $job }）について、求職者がオンライン面接を承諾しました。日時：{ $when }（日本時間）、方法：{ $app }。
mail-interview-employer-link-note = 次のリンクから面接の詳細をご覧ください。このリンクは最初に開いたブラウザでのみ使え、面接の終了時刻まで有効です。他の方に転送しないでください。
mail-interview-employer-cancelled-subject = 【Madoguchi】オンライン面接の取消しのお知らせ（ハローワーク）
mail-interview-employer-cancelled-body = { $when }（日本時間）に予定していた{ $employer }様の求人（{ $job }）のオンライン面接は取り消されました。お送りしたリンクは使えなくなりました。
## Selection days (管理選考, issue 18, IV-2)
mail-selection-date = { $day }/{ $month }/{ $year }
mail-selection-referred-subject = [Madoguchi] Você foi indicado para um dia de seleção
mail-selection-referred-body = A Hello Work indicou você para o dia de seleção (管理選考) de { $employer } para "{ $job }" em { $date }, com entrevistas online. Escolha e reserve um horário de entrevista na Minha Página.
mail-selection-employer-subject = [Madoguchi] Lista de candidatos do seu dia de seleção
mail-selection-employer-body = A lista de candidatos do dia de seleção de { $employer } ({ $date }) está no link abaixo. O link funciona uma vez, em um navegador, até o fim do dia de seleção.
mail-selection-employer-note = A lista mostra apenas o que cada candidato concordou em compartilhar. Se o link não funcionar, entre em contato com a Hello Work.
