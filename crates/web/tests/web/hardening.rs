//! Issue 11, items 4, 5, 7 and 9, from the outside hostile test: `next` never leaves the
//! site, `/metrics` is not public and its series are bounded, unrouted methods, oversized
//! and bodyless requests get the right answers, the API's Origin check counts the scheme,
//! and what depends on the session is `no-store`.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use madoguchi_domain::clock::Clock;
use madoguchi_web::serving::limits::HttpConfig;
use madoguchi_web::{AppState, router};
use serde_json::json;

use super::support::{World, active_account, csrf_of, enc, form_post, get_with, send, worlds};

/// A router on `w`'s database with another base URL and other limits.
fn app_with(w: &World, base_url: &str, http: HttpConfig) -> axum::Router {
    router(AppState {
        db: w.db.clone(),
        clock: w.clock.clone(),
        site: madoguchi_app::shared::Site {
            base_url: base_url.into(),
        },
        cookie_secure: true,
        mailbox: None,
        test_clock: None,
        usage: madoguchi_app::records::usage::Recorder::off(365),
        maintenance: madoguchi_web::http::maintenance::ModeCache::new(std::time::Duration::ZERO),
        http,
        limits: madoguchi_app::accounts::limits::Limits::for_tests(),
        room: Default::default(),
        zoom: Default::default(),
    })
}

/// A request as if it came over a connection from `ip`.
fn from(ip: [u8; 4], mut request: Request<Body>) -> Request<Body> {
    request
        .extensions_mut()
        .insert(ConnectInfo(SocketAddr::from((ip, 40000))));
    request
}

// Item 4: `next` with a tab, a backslash, a scheme, a second slash or a line break falls
// back to My Page, on the page and after the acceptance, and never answers 5xx.
#[tokio::test]
async fn next_never_leads_off_the_site() {
    for w in worlds("hard_next").await {
        let cookie = active_account(&w, "yamada.next").await;
        let now = w.clock.now();
        madoguchi_app::notices::terms::publish(
            &w.db,
            w.clock.as_ref(),
            madoguchi_app::notices::Publisher::Operator,
            "consultation",
            "1",
            "本文",
            now,
        )
        .await
        .unwrap();
        let bad = [
            "/\t/evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "https://evil.example/",
            "/me\r\nSet-Cookie: a=b",
            "\n",
            "/%0d%0a",
        ];
        // The acceptance form carries `/me` in place of the tester's value.
        let page = send(
            &w.app,
            get_with(&format!("/terms/consultation?next={}", enc(bad[0])), Some(&cookie)),
        )
        .await;
        assert!(page.body.contains(r#"name="next" value="/me""#), "{}", page.body);
        let csrf = csrf_of(&page.body);
        for bad in bad {
            let page = send(
                &w.app,
                get_with(&format!("/terms/consultation?next={}", enc(bad)), Some(&cookie)),
            )
            .await;
            assert_eq!(page.status, StatusCode::OK, "{bad:?}");
            let body = format!("_csrf={csrf}&version=1&next={}", enc(bad));
            let r = send(&w.app, form_post("/terms/consultation/accept", &cookie, &body)).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{bad:?}: {}", r.body);
            assert_eq!(r.headers[header::LOCATION], "/me", "{bad:?}");
        }
        // A path on this site is kept.
        let body = format!("_csrf={csrf}&version=1&next=%2Fbook%2F12");
        let r = send(&w.app, form_post("/terms/consultation/accept", &cookie, &body)).await;
        assert_eq!(r.headers[header::LOCATION], "/book/12", "{}", w.backend);
    }
}

// Item 5: `/metrics` only from loopback without a token; with `metrics.token` only with it.
#[tokio::test]
async fn metrics_are_for_loopback_or_the_token() {
    for w in worlds("hard_metrics").await {
        let get = || get_with("/metrics", None);
        assert_eq!(send(&w.app, get()).await.status, StatusCode::NOT_FOUND);
        assert_eq!(
            send(&w.app, from([203, 0, 113, 5], get())).await.status,
            StatusCode::NOT_FOUND
        );
        let local = send(&w.app, from([127, 0, 0, 1], get())).await;
        assert_eq!(local.status, StatusCode::OK);
        assert!(local.body.contains("madoguchi_http_requests_total"));

        let http = HttpConfig {
            metrics_token: Some("m-token".into()),
            ..HttpConfig::default()
        };
        let app = app_with(&w, "http://madoguchi.test", http);
        let bearer = |t: &str| {
            from(
                [203, 0, 113, 5],
                Request::get("/metrics")
                    .header(header::AUTHORIZATION, format!("Bearer {t}"))
                    .body(Body::empty())
                    .unwrap(),
            )
        };
        assert_eq!(send(&app, bearer("m-token")).await.status, StatusCode::OK);
        assert_eq!(send(&app, bearer("wrong")).await.status, StatusCode::NOT_FOUND);
        // With a token, loopback alone is not enough (a proxy on the same host).
        assert_eq!(
            send(&app, from([127, 0, 0, 1], get())).await.status,
            StatusCode::NOT_FOUND
        );
    }
}

// Item 5: invented methods and unrouted paths add no series: they are `other` and
// `unmatched`, never the client's own text.
#[tokio::test]
async fn unknown_methods_and_paths_add_no_series() {
    for w in worlds("hard_series").await {
        let series = |text: &str| {
            text.lines()
                .filter(|l| l.starts_with("madoguchi_http_requests_total{"))
                .filter(|l| l.contains(r#"method="other""#) && l.contains(r#"path="/api/v1/offices""#))
                .count()
        };
        for i in 0..30 {
            let method = Method::from_bytes(format!("INVENTED{i}").as_bytes()).unwrap();
            let r = Request::builder().method(method).uri("/api/v1/offices");
            send(&w.app, r.body(Body::empty()).unwrap()).await;
            send(&w.app, get_with(&format!("/nowhere-{i}"), None)).await;
        }
        let text = send(&w.app, from([127, 0, 0, 1], get_with("/metrics", None)))
            .await
            .body;
        assert!(!text.contains("INVENTED") && !text.contains("nowhere-"), "{text}");
        assert_eq!(series(&text), 1, "one series for every invented method: {text}");
        assert!(text.contains(r#"path="unmatched""#));
    }
}

// Item 7: a method no route has is 405 with `Allow`, as a problem document under /api.
#[tokio::test]
async fn unrouted_methods_are_405_problems() {
    for w in worlds("hard_405").await {
        for (method, uri, allowed) in [
            (Method::TRACE, "/api/v1/offices", "GET"),
            (Method::from_bytes(b"FOO").unwrap(), "/api/v1/offices", "GET"),
            (Method::PUT, "/api/v1/me/lock", "POST"),
            (Method::DELETE, "/api/v1/reservations/1/cancel", "POST"),
        ] {
            let r = send(
                &w.app,
                Request::builder()
                    .method(method.clone())
                    .uri(uri)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
            assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}: {}", r.body);
            assert_eq!(r.content_type(), "application/problem+json");
            assert_eq!(r.json()["code"], "method_not_allowed");
            let allow = r.headers[header::ALLOW].to_str().unwrap();
            assert!(allow.contains(allowed), "{method} {uri}: {allow}");
        }
        let missing = send(&w.app, get_with("/api/v1/nothing-here", None)).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert_eq!(missing.json()["code"], "not_found");
    }
}

// Item 7: a body over 64 KiB is 413 `payload_too_large`, declared or not, for the API (a
// problem) and for forms (a page); it is refused before a handler reads it.
#[tokio::test]
async fn oversized_bodies_are_413() {
    for w in worlds("hard_413").await {
        let big = format!(r#"{{"user_id":"{}","password":"x"}}"#, "a".repeat(10 * 1024 * 1024));
        for declared in [true, false] {
            let mut r = Request::post("/api/v1/session").header(header::CONTENT_TYPE, "application/json");
            if declared {
                r = r.header(header::CONTENT_LENGTH, big.len());
            }
            let r = send(&w.app, r.body(Body::from(big.clone())).unwrap()).await;
            assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "declared {declared}");
            assert_eq!(r.content_type(), "application/problem+json");
            assert_eq!(r.json()["code"], "payload_too_large");
        }
        let form = Request::post("/sign-in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("user_id={}", "a".repeat(100 * 1024))))
            .unwrap();
        let page = send(&w.app, form).await;
        assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(page.body.contains("送信された内容が大きすぎます"), "{}", page.body);
        // Just under the limit is read as usual (here: wrong credentials).
        let fits = json!({"user_id": "a".repeat(60 * 1024), "password": "x"}).to_string();
        let r = Request::post("/api/v1/session")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(fits))
            .unwrap();
        assert_ne!(send(&w.app, r).await.status, StatusCode::PAYLOAD_TOO_LARGE);
    }
}

// Item 7: a POST with no body needs no content type; a foreign Origin is still refused.
#[tokio::test]
async fn bodyless_posts_need_no_content_type() {
    for w in worlds("hard_bodyless").await {
        let cookie = active_account(&w, "yamada.bodyless").await;
        let post = |uri: &str, origin: Option<&str>| {
            let mut r = Request::post(uri)
                .header(header::COOKIE, &cookie)
                .header(header::HOST, "madoguchi.test");
            if let Some(o) = origin {
                r = r.header(header::ORIGIN, o);
            }
            r.body(Body::empty()).unwrap()
        };
        let cancel = send(&w.app, post("/api/v1/reservations/999999/cancel", None)).await;
        assert_eq!(cancel.status, StatusCode::NOT_FOUND, "{}", cancel.body);
        let foreign = send(&w.app, post("/api/v1/me/lock", Some("https://evil.example"))).await;
        assert_eq!(
            (foreign.status, foreign.json()["code"].as_str()),
            (StatusCode::FORBIDDEN, Some("csrf"))
        );
        let lock = send(&w.app, post("/api/v1/me/lock", Some("http://madoguchi.test"))).await;
        assert_eq!(lock.status, StatusCode::NO_CONTENT, "{}", lock.body);
        // A body still has to be JSON.
        let form = Request::post("/api/v1/session")
            .header(header::CONTENT_TYPE, "text/plain")
            .body(Body::from("{}"))
            .unwrap();
        assert_eq!(send(&w.app, form).await.json()["code"], "unsupported_media_type");
    }
}

// Item 9: the Origin must match the site's scheme, host and port; a plain-HTTP site (local
// development) also takes the address the browser used.
#[tokio::test]
async fn origin_counts_the_scheme() {
    for w in worlds("hard_origin").await {
        let sign_in = |host: &str, origin: &str| {
            Request::post("/api/v1/session")
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::HOST, host)
                .header(header::ORIGIN, origin)
                .body(Body::from(r#"{"user_id":"nobody","password":"x"}"#))
                .unwrap()
        };
        let https = app_with(&w, "https://madoguchi.example.go.jp", HttpConfig::default());
        let host = "madoguchi.example.go.jp";
        for (origin, refused) in [
            ("http://madoguchi.example.go.jp", true),
            ("https://madoguchi.example.go.jp:8443", true),
            ("https://madoguchi.example.go.jp", false),
        ] {
            let r = send(&https, sign_in(host, origin)).await;
            assert_eq!(r.status == StatusCode::FORBIDDEN, refused, "{origin}: {}", r.body);
        }
        let dev = app_with(&w, "http://127.0.0.1:8080", HttpConfig::default());
        let r = send(&dev, sign_in("localhost:8080", "http://localhost:8080")).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
    }
}

// Item 9: personal answers are `no-store`; the stylesheet stays cacheable.
#[tokio::test]
async fn personal_answers_are_not_stored() {
    for w in worlds("hard_cache").await {
        let cookie = active_account(&w, "yamada.cache").await;
        for uri in ["/api/v1/me", "/me", "/api/v1/offices"] {
            let r = send(&w.app, get_with(uri, Some(&cookie))).await;
            assert_eq!(r.status, StatusCode::OK, "{uri}");
            assert_eq!(r.headers[header::CACHE_CONTROL], "no-store", "{uri}");
        }
        let css = send(&w.app, get_with("/assets/site.css", Some(&cookie))).await;
        assert_eq!(css.headers[header::CACHE_CONTROL], "public, max-age=3600");
        // The sign-in form starts a session for its CSRF token: not stored either.
        let form = send(&w.app, get_with("/sign-in", None)).await;
        assert_eq!(form.headers[header::CACHE_CONTROL], "no-store");
        let top = send(&w.app, get_with("/", None)).await;
        assert!(top.headers.get(header::CACHE_CONTROL).is_none(), "a public page");
    }
}
