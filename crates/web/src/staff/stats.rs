//! Statistics for staff (rule PV-5): four suppressed tables, each as a server-drawn SVG
//! chart and an HTML table with the same numbers, for a period of JST dates; and the CSV
//! download. Aggregates only, so no audit row (PV-4 covers personal data).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, Weekday};
use madoguchi_app::AppError;
use madoguchi_app::records::stats::{self, Period, Report, Table};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::stats::Shown;

use crate::AppState;
use crate::http::forms::FormField;
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::me;
use crate::staff::stats_chart::{self, BAR_X, Chart, WIDTH};

#[derive(serde::Deserialize)]
pub struct PeriodQuery {
    from: Option<String>,
    to: Option<String>,
}

/// One table as shown: labels in the page's language, published values as text.
struct TableView {
    id: &'static str,
    caption: String,
    corner: String,
    columns: Vec<String>,
    /// (row label, cells, row total)
    rows: Vec<(String, Vec<String>, String)>,
    totals: Vec<String>,
    grand: String,
    chart: Chart,
}

#[derive(Template)]
#[template(path = "staff/stats.html")]
struct StatsPage {
    page: Page,
    summary: Vec<SummaryLine>,
    /// The period's two dates, as asked.
    fields: Vec<FormField>,
    /// The period in words, its last day included.
    period_text: String,
    csv_href: String,
    scope: String,
    tables: Vec<TableView>,
    width: u32,
    bar_x: u32,
    label_x: u32,
}

/// The period asked for; a missing end takes the default's (the last twelve months).
fn period(state: &AppState, q: &PeriodQuery) -> Result<Period, AppError> {
    let default = Period::last_twelve_months(state.clock.today_jst());
    let given = |v: &Option<String>, d: NaiveDate| match v.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => s.to_owned(),
        _ => d.to_string(),
    };
    Period::parse(&given(&q.from, default.from), &given(&q.to, default.to))
}

/// The signed-in staff member and the report they may see, or the sign-in page.
async fn load(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
    q: &PeriodQuery,
) -> Result<Result<(StaffMember, Report), Response>, PageError> {
    let Some((me, _)) = me(state, visitor, lang).await? else {
        return Ok(Err(Redirect::to("/staff/sign-in").into_response()));
    };
    let period = period(state, q).map_err(|e| PageError(lang, e))?;
    let report = stats::report(&state.db, &me, period)
        .await
        .map_err(|e| PageError(lang, e))?;
    Ok(Ok((me, report)))
}

fn period_fields(lang: Lang, from: &str, to: &str, refusal: &Refusal) -> Vec<FormField> {
    let date = |name, label, value: &str| refusal.on(FormField::labelled(lang, name, label, value).kind("date"));
    vec![
        date("from", "stats-from", from),
        date("to", "stats-to", to).hint(lang.t("stats-to-hint")),
    ]
}

/// The form again with the period as typed and what is wrong with it; no tables.
fn refused_period(lang: Lang, q: &PeriodQuery, refusal: &Refusal) -> Response {
    let typed = |v: &Option<String>| v.clone().unwrap_or_default();
    let fields = period_fields(lang, &typed(&q.from), &typed(&q.to), refusal);
    let view = StatsPage {
        page: Page::new(lang, "/staff/stats", &[]),
        summary: refusal.summary(&fields.iter().collect::<Vec<_>>()),
        fields,
        period_text: String::new(),
        csv_href: String::new(),
        scope: String::new(),
        tables: Vec::new(),
        width: WIDTH,
        bar_x: BAR_X,
        label_x: BAR_X - 8,
    };
    refusal.render(&view)
}

/// `GET /staff/stats?from=YYYY-MM-DD&to=YYYY-MM-DD`
pub async fn page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let (me, report) = match load(&state, &visitor, lang, &q).await {
        Ok(Ok(loaded)) => loaded,
        Ok(Err(sign_in)) => return Ok(sign_in),
        // A period that is not one: the dates as typed, and why.
        Err(PageError(_, e)) => return Ok(refused_period(lang, &q, &Refusal::or_page(lang, e)?)),
    };
    let offices = madoguchi_app::offices::list(&state.db)
        .await
        .map_err(|e| PageError(lang, e))?;
    let page = Page::new(lang, "/staff/stats", &[]);
    let office_name = |code: &str| {
        offices
            .iter()
            .find(|o| o.code.as_str() == code)
            .map_or_else(|| code.to_owned(), |o| page.pick(&o.name_ja, &o.name_en).to_owned())
    };
    let scope = match &me.office {
        Some(code) if me.role != madoguchi_domain::staff::Role::NationalAdmin => office_name(code),
        _ => lang.t("stats-scope-national"),
    };
    let tables = report.tables.iter().map(|t| view(lang, t, &office_name)).collect();
    let (from, to) = (report.period.from.to_string(), report.period.to.to_string());
    let fields = period_fields(lang, &from, &to, &Refusal::none(lang));
    let view = StatsPage {
        page: Page::new(lang, "/staff/stats", &[("from", from.clone()), ("to", to.clone())]),
        summary: Vec::new(),
        period_text: lang.t_args(
            "stats-period",
            &[
                ("from", lang.date(report.period.from)),
                (
                    "until",
                    lang.date(report.period.to.pred_opt().unwrap_or(report.period.to)),
                ),
            ],
        ),
        csv_href: format!("/staff/stats.csv?from={from}&to={to}"),
        fields,
        scope,
        tables,
        width: WIDTH,
        bar_x: BAR_X,
        label_x: BAR_X - 8,
    };
    Ok(render(&view, StatusCode::OK))
}

/// `GET /staff/stats.csv?from=&to=`: exactly what the page publishes, as a download.
pub async fn csv(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, PageError> {
    let (_, report) = match load(&state, &visitor, lang, &q).await? {
        Ok(loaded) => loaded,
        Err(sign_in) => return Ok(sign_in),
    };
    let name = format!(
        "attachment; filename=\"madoguchi-stats-{}-{}.csv\"",
        report.period.from, report.period.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        stats::csv(&report),
    )
        .into_response())
}

fn view(lang: Lang, t: &Table, office_name: &dyn Fn(&str) -> String) -> TableView {
    let (rows_axis, cols_axis) = t.id.split_once('_').unwrap_or((t.id, t.id));
    let label = |axis: &str, key: &str| match axis {
        "month" => month_label(lang, key),
        "office" => office_name(key),
        "weekday" => weekday_label(lang, key),
        "hour" => lang.t_args("stats-hour", &[("hour", key.parse::<u32>().unwrap_or(0).to_string())]),
        other => lang.t(&format!("stats-{other}-{key}")),
    };
    let row_labels: Vec<String> = t.rows.iter().map(|k| label(rows_axis, k)).collect();
    let col_labels: Vec<String> = t.columns.iter().map(|k| label(cols_axis, k)).collect();
    let p = &t.published;
    let text = |s: &Shown| stats::shown_text(*s);
    let caption = lang.t(&format!("stats-table-{}", t.id));
    let chart = stats_chart::layout(caption.clone(), lang.t("stats-chart-desc"), &row_labels, &col_labels, p);
    TableView {
        id: t.id,
        corner: lang.t(&format!("stats-axis-{rows_axis}")),
        rows: row_labels
            .into_iter()
            .enumerate()
            .map(|(r, l)| (l, p.cells[r].iter().map(text).collect(), text(&p.row_totals[r])))
            .collect(),
        columns: col_labels,
        totals: p.column_totals.iter().map(text).collect(),
        grand: text(&t.grand_total),
        caption,
        chart,
    }
}

fn month_label(lang: Lang, key: &str) -> String {
    let Some((y, m)) = key.split_once('-') else {
        return key.to_owned();
    };
    let m = m.trim_start_matches('0');
    lang.month(y, m)
}

fn weekday_label(lang: Lang, key: &str) -> String {
    let day = match key {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        _ => Weekday::Sun,
    };
    lang.weekday(day)
}
