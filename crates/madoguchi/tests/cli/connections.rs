//! Issue 11, item 5: idle and half-sent connections are closed after the header-read
//! timeout, at most `http.max_connections` are served at once, and `/healthz` keeps
//! answering. A real server (`serve --demo`) on port 0, configured by environment.

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::{bin, http_get, scratch};

/// Far beyond the 1 s header-read timeout the servers here have: only a connection that
/// is never closed reaches it.
const GENEROUS: Duration = Duration::from_secs(60);

struct Server {
    child: Child,
    addr: String,
    /// Kept open: the server prints more lines, and a closed pipe would stop it.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Drop for Server {
    fn drop(&mut self) {
        // Already stopped by the test, or stopped here: std's kill is quiet about the former.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(name: &str, env: &[(&str, &str)]) -> Server {
    let dir = scratch(name);
    let url = format!("sqlite:{}", dir.join("m.db").display());
    let mut cmd = bin();
    cmd.args(["serve", "--demo", "--listen", "127.0.0.1:0", "--database-url", &url])
        .env("MADOGUCHI_MAIL__DEMO_DIR", dir.join("mail"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let addr = line
        .split("Open http://")
        .nth(1)
        .and_then(|s| s.trim().strip_suffix('/'))
        .unwrap_or_else(|| panic!("no URL in {line:?}"))
        .to_owned();
    Server {
        child,
        addr,
        _stdout: stdout,
    }
}

/// A connection that sent only part of a request line.
fn half_sent(addr: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"GET /healthz HTT").unwrap();
    s
}

/// Reads until the server closes the connection; panics if it is still open after
/// `GENEROUS`. Whatever the server said before closing (a 408, say) is returned.
fn until_closed(s: &mut TcpStream) -> String {
    s.set_read_timeout(Some(GENEROUS)).unwrap();
    let mut seen = Vec::new();
    let mut buf = [0; 1024];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => seen.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == ErrorKind::ConnectionReset => break,
            Err(e) => panic!("still open: {e}"),
        }
    }
    String::from_utf8_lossy(&seen).into_owned()
}

/// Whether the server has closed `s` already, without waiting.
fn closed_now(s: &mut TcpStream) -> bool {
    s.set_nonblocking(true).unwrap();
    let mut buf = [0; 1024];
    loop {
        match s.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) if e.kind() == ErrorKind::ConnectionReset => return true,
            Err(_) => return false,
        }
    }
}

// Issue 11, item 5: 50 half-sent connections and an idle kept-alive one are closed after
// the header-read timeout (1 s here); /healthz answers meanwhile and afterwards.
#[test]
fn half_sent_and_idle_connections_are_closed() {
    let server = start(
        "half-sent",
        &[
            ("MADOGUCHI_HTTP__HEADER_READ_TIMEOUT_SECONDS", "1"),
            ("MADOGUCHI_HTTP__BODY_READ_TIMEOUT_SECONDS", "1"),
        ],
    );
    let addr = server.addr.as_str();
    let mut half: Vec<TcpStream> = (0..50).map(|_| half_sent(addr)).collect();
    assert!(http_get(addr, "/healthz").starts_with("HTTP/1.1 200"));
    // A body that stops part-way: 408 `request_timeout` after the pause limit, then closed.
    let mut trickle = TcpStream::connect(addr).unwrap();
    write!(
        trickle,
        "POST /api/v1/session HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"user"
    )
    .unwrap();

    let mut idle = TcpStream::connect(addr).unwrap();
    write!(idle, "GET /healthz HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
    idle.set_read_timeout(Some(GENEROUS)).unwrap();
    let mut answer = Vec::new();
    let mut buf = [0; 1024];
    while !answer.ends_with(b"\r\n\r\nok") {
        let n = idle.read(&mut buf).unwrap();
        assert!(n > 0, "closed before answering: {}", String::from_utf8_lossy(&answer));
        answer.extend_from_slice(&buf[..n]);
    }
    assert!(answer.starts_with(b"HTTP/1.1 200"));

    for s in &mut half {
        let said = until_closed(s);
        assert!(said.is_empty() || said.starts_with("HTTP/1.1 408"), "{said}");
    }
    assert_eq!(until_closed(&mut idle), "", "closed without another word");
    let said = until_closed(&mut trickle);
    assert!(
        said.starts_with("HTTP/1.1 408") && said.contains("request_timeout"),
        "{said}"
    );
    assert!(http_get(addr, "/healthz").starts_with("HTTP/1.1 200"));
}

// Issue 11, item 5: with `http.max_connections` = 5 and five half-sent connections held,
// a sixth is served only once the header-read timeout has freed a place: when its answer
// comes, one of the five is already closed.
#[test]
fn connections_beyond_the_limit_wait_for_a_place() {
    let server = start(
        "limit",
        &[
            ("MADOGUCHI_HTTP__HEADER_READ_TIMEOUT_SECONDS", "1"),
            ("MADOGUCHI_HTTP__MAX_CONNECTIONS", "5"),
        ],
    );
    let addr = server.addr.as_str();
    let mut held: Vec<TcpStream> = (0..5).map(|_| half_sent(addr)).collect();
    assert!(http_get(addr, "/healthz").starts_with("HTTP/1.1 200"));
    assert!(
        held.iter_mut().any(closed_now),
        "the sixth connection was served while five were held"
    );
}

// Issue 11, item 5: SIGTERM stops accepting but lets a request in flight finish. The
// server's `100 Continue` shows the request has reached it before the signal is sent.
#[test]
fn sigterm_lets_a_request_in_flight_finish() {
    let mut server = start("in-flight", &[]);
    let addr = server.addr.clone();
    let body = r#"{"user_id":"demo.seeker","password":"Sannomiya-Demo#2026"}"#;
    let mut s = TcpStream::connect(&addr).unwrap();
    write!(
        s,
        "POST /api/v1/session HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .unwrap();
    s.set_read_timeout(Some(GENEROUS)).unwrap();
    let mut buf = [0; 256];
    let n = s.read(&mut buf).unwrap();
    assert!(
        buf[..n].starts_with(b"HTTP/1.1 100 Continue"),
        "{}",
        String::from_utf8_lossy(&buf[..n])
    );
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    s.write_all(body.as_bytes()).unwrap();
    let answer = until_closed(&mut s);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(server.child.wait().unwrap().success(), "graceful exit");
}
