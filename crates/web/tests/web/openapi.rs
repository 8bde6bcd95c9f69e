//! The API document against the router's rules (issue 11): parameters where the handlers
//! read them, the session scheme, the answers the shared layers give, problem documents.

use axum::http::StatusCode;
use serde_json::Value;

fn document() -> Value {
    serde_json::from_str(&madoguchi_web::api::doc::openapi_pretty()).unwrap()
}

/// Every operation as (method, path, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            out.push((method.to_uppercase(), path.clone(), op.clone()));
        }
    }
    assert!(out.len() >= 30, "{}", out.len());
    out
}

#[test]
fn parameters_are_in_the_path_only_when_the_path_names_them() {
    for (method, path, op) in operations(&document()) {
        for p in op["parameters"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap();
            let in_path = path.contains(&format!("{{{name}}}"));
            // Zoom's webhook (issue 15) documents its signature headers, `x-zm-…`.
            let place = if in_path {
                "path"
            } else if name.starts_with("x-zm-") {
                "header"
            } else {
                "query"
            };
            assert_eq!(p["in"], place, "{method} {path}: {name}");
        }
    }
}

#[test]
fn the_session_cookie_is_the_security_scheme_of_signed_in_operations() {
    let doc = document();
    let scheme = &doc["components"]["securitySchemes"]["session"];
    assert_eq!(
        (scheme["type"].as_str(), scheme["in"].as_str()),
        (Some("apiKey"), Some("cookie"))
    );
    assert_eq!(scheme["name"], "mdg_session");
    let secured: Vec<String> = operations(&doc)
        .into_iter()
        .filter(|(_, _, op)| op["security"] == serde_json::json!([{"session": []}]))
        .map(|(m, p, _)| format!("{m} {p}"))
        .collect();
    for op in [
        "GET /api/v1/me",
        "POST /api/v1/reservations",
        "POST /api/v1/seminars/{id}/registrations",
        "GET /api/v1/staff/schedule",
    ] {
        assert!(secured.contains(&op.to_owned()), "{op}: {secured:?}");
    }
    assert!(
        !secured
            .iter()
            .any(|o| o.contains("/offices") || o.ends_with("/session"))
    );
}

#[test]
fn every_operation_documents_the_shared_answers() {
    for (method, path, op) in operations(&document()) {
        let r = &op["responses"];
        let has = |status: &str| r[status].is_object();
        assert!(has("503"), "{method} {path}: maintenance");
        if op["security"] == serde_json::json!([{"session": []}]) {
            assert!(has("401"), "{method} {path}: not_signed_in");
        }
        if method != "GET" {
            assert!(has("403"), "{method} {path}: csrf");
        }
        if op["requestBody"].is_object() {
            assert!(has("400") && has("413"), "{method} {path}: malformed or large body");
        }
        for (status, answer) in r.as_object().unwrap() {
            if status.as_str() >= "400" {
                let problem = &answer["content"]["application/problem+json"]["schema"]["$ref"];
                assert_eq!(problem, "#/components/schemas/Problem", "{method} {path} {status}");
                assert_eq!(
                    answer["content"].as_object().unwrap().len(),
                    1,
                    "{method} {path} {status}"
                );
            }
        }
    }
}

// The handler reads no body, so a client sends none (and no Content-Type).
#[test]
fn bodyless_posts_have_no_request_body() {
    let doc = document();
    for path in [
        "/api/v1/me/lock",
        "/api/v1/reservations/{id}/cancel",
        "/api/v1/seminar-registrations/{id}/cancel",
        "/api/v1/seminars/{id}/registrations",
    ] {
        let op = &doc["paths"][path]["post"];
        assert!(op.is_object() && op["requestBody"].is_null(), "{path}");
    }
}

// The API is stricter than the pages: a blank parameter is not "none" but malformed.
#[tokio::test]
async fn blank_parameters_are_malformed() {
    for (backend, app) in super::apps("api_blank_parameters").await {
        for (uri, code) in [
            ("/api/v1/offices/28011/slots?from=", "invalid_date"),
            ("/api/v1/seminars?to=", "invalid_date"),
            (
                "/api/v1/calendar?from=2026-01-01&to=2026-01-31&office=",
                "invalid_office_code",
            ),
            ("/api/v1/seminars?from=2026-01-01&from=2026-01-02", "invalid_query"),
        ] {
            let r = super::get(&app, uri).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{backend} {uri}: {}", r.body);
            assert_eq!(r.json()["code"], code, "{backend} {uri}");
        }
        let long = format!("/api/v1/seminars?q={}", "a".repeat(50) + "%20");
        assert_eq!(super::get(&app, &long).await.json()["code"], "too_long", "{backend}");
    }
}
