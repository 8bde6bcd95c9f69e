//! The room's WebSocket under abuse (MT-3, hardening): a flood of messages closes the socket
//! with 1008 (policy violation) and is counted in `/metrics`; an open room socket keeps its
//! connection's place, so idle sockets count against `http.max_connections`. Both backends.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use madoguchi_web::serving::{self, places::Places};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

use super::room_setup::{Staff, at, book, move_to, next, open, seeker, sign_in};
use crate::support::worlds;

fn floods() -> f64 {
    let text = madoguchi_web::http::health::prometheus().unwrap().render();
    text.lines()
        .find_map(|l| l.strip_prefix("madoguchi_room_floods_total "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0.0)
}

// MT-3 hardening: more messages than the burst at once (200 by default, refilled at 20 a
// second) closes the socket with a policy-violation close frame, and the flood is counted.
#[tokio::test]
async fn room_flood_closes_the_socket() {
    for w in worlds("room_flood").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let b = w.backend;
        let mine = seeker(&w, "yamada.taro").await;
        let id = book(&w, &mine, at(10, 0), "builtin").await;
        move_to(&w, at(9, 55));
        let addr = super::room_setup::listen(&w).await;
        let mine = sign_in(&w, "yamada.taro").await;
        let before = floods();
        let mut s = open(addr, id, Some(&mine), None).await.unwrap();
        next(&mut s, "welcome").await;
        let flood = madoguchi_app::room::FloodLimit::default().message_burst + 50;
        for _ in 0..flood {
            if s.send(Message::Text(r#"{"t":"noise"}"#.into())).await.is_err() {
                break;
            }
        }
        let closed = tokio::time::timeout(Duration::from_secs(10), async {
            loop {
                match s.next().await {
                    Some(Ok(Message::Close(frame))) => return frame,
                    Some(Ok(_)) => {}
                    other => panic!("{b}: the socket ended without a close frame: {other:?}"),
                }
            }
        })
        .await
        .expect("a close frame");
        assert_eq!(closed.map(|f| f.code), Some(CloseCode::Policy), "{b}");
        assert!(floods() >= before + 1.0, "{b}: counted");
    }
}

// Issue 11 item 5 with MT-3: two open room sockets hold both places of a server limited to
// two connections; a third connection is served only once one of them closes.
#[tokio::test]
async fn room_sockets_count_against_the_connection_limit() {
    for w in worlds("room_places").await {
        madoguchi_app::demo::seed_if_empty(&w.db, w.clock.as_ref())
            .await
            .unwrap();
        let b = w.backend;
        let mine = seeker(&w, "yamada.taro").await;
        let id = book(&w, &mine, at(10, 0), "builtin").await;
        let kobe = Staff::new(&w, "28011", "kobe.c").await;
        move_to(&w, at(9, 55));
        let mine = sign_in(&w, "yamada.taro").await;
        let c = kobe.sign_in(&w).await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let places = Places::new(2);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(serving::run_with(listener, w.state.clone(), places.clone(), async {
            let _ = stopped.await;
        }));

        let mut s = open(addr, id, Some(&mine), None).await.unwrap();
        next(&mut s, "welcome").await;
        let mut k = open(addr, id, Some(&c), None).await.unwrap();
        next(&mut k, "welcome").await;
        assert_eq!(places.in_use(), 2, "{b}: upgraded sockets keep their places");

        // A third client waits in the listen queue until a socket closes.
        let third = tokio::spawn(async move {
            let mut tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
            tcp.write_all(b"GET /healthz HTTP/1.1\r\nHost: madoguchi.test\r\nConnection: close\r\n\r\n")
                .await
                .unwrap();
            let mut answer = String::new();
            tcp.read_to_string(&mut answer).await.unwrap();
            answer
        });
        drop(s);
        let answer = tokio::time::timeout(Duration::from_secs(10), third)
            .await
            .expect("served once a place is free")
            .unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{b}: {answer}");
        drop(k);
        let _ = stop.send(());
        server.await.unwrap().unwrap();
    }
}
