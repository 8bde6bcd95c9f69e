//! Staff translate content (issue 16, item 3): one page per notice, seminar, terms version
//! or office with its Japanese original, each translation in a form of its own (edit; remove
//! through a confirmation page) and "add a translation" (language, title, text). A refused
//! form comes back as typed, with each problem next to its field.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::shared::StaffMember;
use madoguchi_app::translations::translate::{self, Translator};
use madoguchi_app::translations::{self, BODY_FIELD, LANG_FIELD, Of, TITLE_FIELD, TextRow, Translation};

use crate::AppState;
use crate::http::forms::{FormField, Notice, field_value};
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::translated;
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// One existing translation: its language's name and its form.
struct Existing {
    lang: String,
    label: String,
    fields: Vec<FormField>,
}

#[derive(Template)]
#[template(path = "staff/translations.html")]
struct TranslationsPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    path: String,
    /// What is translated ("Notice"), and its Japanese original.
    what: String,
    title: String,
    body: String,
    existing: Vec<Existing>,
    /// The "add a translation" form; empty when every language has one.
    add: Vec<FormField>,
    back: (String, String),
}

fn path_of(of: Of, item: &str) -> String {
    format!("/staff/translations/{}/{item}", of.code())
}

/// Where the original is looked after.
fn back(lang: Lang, of: Of, item: &str) -> (String, String) {
    match of {
        Of::Seminar => (format!("/staff/seminars/{item}"), lang.t("staff-seminars-title")),
        Of::Office => (format!("/offices/{item}"), lang.t("content-of-office")),
        Of::Notice | Of::Terms => ("/staff/notices".to_owned(), lang.t("staff-notices-title")),
    }
}

/// The translation fields of one form: the language (a choice when adding), title and text.
pub fn fields(lang: Lang, of: Of, id_prefix: &str, choices: Option<Vec<(String, String)>>) -> Vec<FormField> {
    let id = |name: &str| format!("{id_prefix}{name}");
    let mut out = Vec::new();
    if let Some(choices) = choices {
        out.push(
            FormField::labelled(lang, LANG_FIELD, "field-translation_lang", "")
                .id(&id(LANG_FIELD))
                .choices(choices),
        );
    }
    if translations::has_title(of) {
        out.push(
            FormField::labelled(lang, TITLE_FIELD, &format!("content-title-{}", of.code()), "")
                .id(&id(TITLE_FIELD))
                .attr("maxlength", 100),
        );
    }
    let body = FormField::labelled(lang, BODY_FIELD, &format!("content-body-{}", of.code()), "").id(&id(BODY_FIELD));
    out.push(match of {
        Of::Office => body.attr("maxlength", 200),
        Of::Terms => body.kind("textarea").attr("rows", 12),
        Of::Notice | Of::Seminar => body.kind("textarea").attr("rows", 4).attr("maxlength", 2000),
    });
    // Which of title and text is required follows the original's rules; the browser is
    // not asked to insist on either, the use case says which is missing.
    out.into_iter()
        .map(|f| if f.name == LANG_FIELD { f } else { f.optional() })
        .collect()
}

/// The languages offered for a new translation: every locale but Japanese and those done.
pub fn language_choices(done: &[TextRow]) -> Vec<(String, String)> {
    translated::languages()
        .into_iter()
        .filter(|c| !done.iter().any(|t| t.lang == *c))
        .map(|c| (c.to_owned(), translated::label(c)))
        .collect()
}

async fn staff_or_sign_in(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
) -> Result<Option<(StaffMember, String)>, PageError> {
    visitor.staff_member(state).await.map_err(|e| PageError(lang, e))
}

fn parse_of(lang: Lang, of: &str) -> Result<Of, PageError> {
    Of::parse(of).ok_or_else(|| {
        PageError(
            lang,
            AppError::NotFound {
                what: format!("content {of}"),
            },
        )
    })
}

async fn translations_page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    (of, item): (Of, &str),
    message: String,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let fail = |e| PageError(lang, e);
    translate::may_translate(&state.db, &Translator::Staff(me), of, item)
        .await
        .map_err(fail)?;
    let original = translations::original(&state.db, of, item).await.map_err(fail)?;
    let rows = translations::of_item(&state.db, of, item).await.map_err(fail)?;
    let existing: Vec<Existing> = rows
        .iter()
        .map(|t| {
            let key = format!("edit-{}", t.lang);
            let prefix = format!("{}-", t.lang);
            let fields = fields(lang, of, &prefix, None)
                .into_iter()
                .map(|mut f| {
                    f.value = if f.name == TITLE_FIELD {
                        t.title.clone()
                    } else {
                        t.body.clone()
                    };
                    filled.draw(&key, f)
                })
                .collect();
            Existing {
                label: translated::label(&t.lang),
                lang: t.lang.clone(),
                fields,
            }
        })
        .collect();
    let choices = language_choices(&rows);
    let add: Vec<FormField> = if choices.is_empty() {
        Vec::new()
    } else {
        fields(lang, of, "add-", Some(choices))
            .into_iter()
            .map(|f| filled.draw("add", f))
            .collect()
    };
    let mut drawn: Vec<&FormField> = add.iter().collect();
    drawn.extend(existing.iter().flat_map(|e| e.fields.iter()));
    let path = path_of(of, item);
    let view = TranslationsPage {
        page: Page::new(lang, &path, &[]),
        csrf,
        message,
        summary: filled.summary(&drawn),
        what: lang.t(&format!("content-of-{}", of.code())),
        title: original.title,
        body: original.body,
        existing,
        add,
        back: back(lang, of, item),
        path,
    };
    Ok(filled.refusal.render(&view))
}

/// `GET /staff/translations/{of}/{item}`
pub async fn page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((of, item)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = staff_or_sign_in(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let of = parse_of(lang, &of)?;
    let fresh = Filled::fresh(lang);
    translations_page(&state, lang, &me, csrf, (of, &item), String::new(), &fresh).await
}

/// What a translation form sent.
pub fn typed(f: &Fields) -> Translation {
    Translation {
        lang: field_value(f, LANG_FIELD),
        title: field_value(f, TITLE_FIELD),
        body: field_value(f, BODY_FIELD),
    }
}

/// `POST /staff/translations/{of}/{item}`: `action=add`, or `action=edit` with the language.
pub async fn save(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((of, item)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&f, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, csrf)) = staff_or_sign_in(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let of = parse_of(lang, &of)?;
    let (db, clock, known) = (&state.db, state.clock.as_ref(), translated::known());
    let t = typed(&f);
    let editing = field_value(&f, "action") == "edit";
    let by = Translator::Staff(&me);
    let result = if editing {
        translate::edit(db, clock, by, of, &item, &known, &t).await
    } else {
        translate::add(db, clock, by, of, &item, &known, &t).await
    };
    match result {
        Ok(()) => {
            let fresh = Filled::fresh(lang);
            let saved = lang.t("content-saved");
            translations_page(&state, lang, &me, csrf, (of, &item), saved, &fresh).await
        }
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?.pin("conflict", LANG_FIELD);
            let key = if editing {
                format!("edit-{}", t.lang)
            } else {
                "add".to_owned()
            };
            let filled = Filled::refused(&key, &f, refusal);
            translations_page(&state, lang, &me, csrf, (of, &item), String::new(), &filled).await
        }
    }
}

/// `?language=` (not `lang`, which switches the page's language).
#[derive(serde::Deserialize)]
pub struct LangQuery {
    language: Option<String>,
}

/// `GET /staff/translations/{of}/{item}/remove?language=`: what goes, and one button.
pub async fn remove_page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((of, item)): Path<(String, String)>,
    Query(q): Query<LangQuery>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = staff_or_sign_in(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let of = parse_of(lang, &of)?;
    let fail = |e| PageError(lang, e);
    translate::may_translate(&state.db, &Translator::Staff(&me), of, &item)
        .await
        .map_err(fail)?;
    let target = q.language.unwrap_or_default();
    let rows = translations::of_item(&state.db, of, &item).await.map_err(fail)?;
    let back = path_of(of, &item);
    let Some(t) = rows.iter().find(|t| t.lang == target) else {
        return Err(fail(AppError::NotFound {
            what: format!("the translation into {target}"),
        }));
    };
    let path = format!("{back}/remove");
    let mut v = Notice::new(lang, &path, "content-remove-title", &[]);
    let label = translated::label(&t.lang);
    v.paragraphs = vec![
        format!("{label}: {}", if t.title.is_empty() { &t.body } else { &t.title }),
        lang.t_args("content-remove-body", &[("language", label.clone())]),
    ];
    v.form_action = path;
    v.csrf = csrf;
    v.hidden = vec![(LANG_FIELD.to_owned(), t.lang.clone())];
    v.button = lang.t("content-remove-submit");
    v.button_class = "danger";
    v.links = vec![(back, lang.t("content-remove-keep"))];
    Ok(render(&v, StatusCode::OK))
}

/// `POST /staff/translations/{of}/{item}/remove`
pub async fn remove(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((of, item)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&f, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, csrf)) = staff_or_sign_in(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let of = parse_of(lang, &of)?;
    let target = field_value(&f, LANG_FIELD);
    translate::remove(
        &state.db,
        state.clock.as_ref(),
        Translator::Staff(&me),
        of,
        &item,
        &target,
    )
    .await
    .map_err(|e| PageError(lang, e))?;
    let removed = lang.t("content-removed");
    let fresh = Filled::fresh(lang);
    translations_page(&state, lang, &me, csrf, (of, &item), removed, &fresh).await
}
