//! The letters of a self-service password reset (rule AC-8): the single-use link, valid
//! 30 minutes, with the lock link every letter carries; or, for an account its owner or
//! the office locked, where to go instead. Japanese and English (NO-5).

use crate::mail::letters::Letter;

/// AC-8: the link the person asked for on the sign-in page.
pub fn reset_requested(lang: &str, name: &str, reset_url: &str, lock_url: &str) -> Letter {
    let (subject, greeting, body, not_you) = if lang == "en" {
        (
            "[Madoguchi] Reset your password",
            format!("Dear {name},"),
            "We received a request to reset the password of your Madoguchi account. Open this link within 30 \
             minutes to set a new one; it works once, and signs out every device:",
            "If you did not ask for this, you can ignore this mail: your password stays as it is. If you think \
             someone else knows your password, lock your account at once:",
        )
    } else {
        (
            "【Madoguchi】パスワード再設定のご案内",
            format!("{name} 様"),
            "Madoguchi のパスワード再設定のお申し込みを受け付けました。30分以内に次のリンクを開き、新しいパスワードを設定してください。\
             リンクは一度だけ使え、設定するとすべての端末でログアウトします。",
            "お心当たりのない場合は、このメールは破棄してください。パスワードは変わりません。\
             パスワードが他人に知られたおそれがある場合は、次のリンクからアカウントを直ちにロックできます。",
        )
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![
            greeting,
            body.to_owned(),
            reset_url.to_owned(),
            not_you.to_owned(),
            lock_url.to_owned(),
        ],
    }
}

/// AC-8: a reset was asked for an account that is locked until the office lifts it (the
/// owner locked it, perhaps because the password or the mailbox leaked): no link, the way.
pub fn reset_while_locked(lang: &str, name: &str) -> Letter {
    let (subject, greeting, body) = if lang == "en" {
        (
            "[Madoguchi] Your account is locked",
            format!("Dear {name},"),
            "We received a request to reset the password of your Madoguchi account, but the account is locked. \
             To unlock it, please contact your Hello Work office: after checking your identity, staff send a \
             link that sets a new password and lifts the lock.",
        )
    } else {
        (
            "【Madoguchi】アカウントはロックされています",
            format!("{name} 様"),
            "パスワード再設定のお申し込みを受け付けましたが、このアカウントはロックされています。\
             ロックの解除はハローワークの窓口にお申し出ください。ご本人確認のうえ、パスワードを再設定してロックを解除するリンクをお送りします。",
        )
    };
    Letter {
        subject: subject.to_owned(),
        paragraphs: vec![greeting, body.to_owned()],
    }
}
