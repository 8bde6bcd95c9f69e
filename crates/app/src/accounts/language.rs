//! A job seeker chooses the language of their pages and mail (rule NO-5, issue 16): any
//! locale this server has; the page switch and My Page both set it.

use madoguchi_store::Db;
use madoguchi_store::accounts::users;

use crate::AppError;
use crate::shared::locales::Lang;

/// Sets the account's language to the locale `tag` names; an unknown tag is refused.
pub async fn choose(db: &Db, user_ref: i64, tag: &str) -> Result<Lang, AppError> {
    let lang = Lang::parse(tag).ok_or_else(|| AppError::InvalidInput {
        code: "invalid_choice",
        field: "lang".into(),
        message: "no such language".into(),
    })?;
    if users::set_lang(db, user_ref, lang.code()).await? {
        Ok(lang)
    } else {
        Err(AppError::Unauthorized {
            code: "not_signed_in",
            message: "please sign in",
        })
    }
}
