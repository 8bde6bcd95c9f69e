//! `serve` as a child process, spoken to over HTTP/1.1 with its session cookie; a real
//! small filesystem (tmpfs); a PostgreSQL database of its own (psql) and a network path to
//! it that can be cut.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::bin;

pub const SEEKER_PASSWORD: &str = "Sannomiya-Demo#2026";

/// One answer: status, the cookies it set (`a=1; b=2`), the body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub cookies: String,
    pub body: String,
}

impl Reply {
    /// The first number after `"key":` in a JSON body.
    pub fn number(&self, key: &str) -> Option<i64> {
        number_after(&self.body, key)
    }
}

fn number_after(text: &str, key: &str) -> Option<i64> {
    let rest = &text[text.find(&format!("\"{key}\":"))? + key.len() + 3..];
    let end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// Every number after `"key":` in a JSON body, in order.
pub fn numbers(text: &str, key: &str) -> Vec<i64> {
    let needle = format!("\"{key}\":");
    text.match_indices(&needle)
        .filter_map(|(i, _)| number_after(&text[i..], key))
        .collect()
}

/// One request on a fresh connection. `Err` when the server gave no answer.
pub fn request(
    addr: &str,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: Option<&str>,
) -> std::io::Result<Reply> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(120)))?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(c) = cookie {
        head.push_str(&format!("Cookie: {c}\r\n"));
    }
    if let Some(b) = body {
        head.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            b.len()
        ));
    }
    s.write_all(format!("{head}\r\n{}", body.unwrap_or_default()).as_bytes())?;
    let mut raw = String::new();
    s.read_to_string(&mut raw)?;
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("no status in {head:?}")))?;
    let cookies: Vec<&str> = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
        .filter_map(|(_, v)| v.trim().split(';').next())
        .collect();
    Ok(Reply {
        status,
        cookies: cookies.join("; "),
        body: body.to_owned(),
    })
}

/// `serve --demo` on a random port; stopped with SIGKILL if the test ends early.
pub struct Serve {
    pub child: Child,
    pub addr: String,
    pub log: PathBuf,
}

impl Serve {
    pub fn start(url: &str, dir: &Path, env: &[(&str, &str)]) -> Self {
        Self::launch(url, dir, env, &["--demo"])
    }

    /// `serve` without `--demo`: no demo data, no terms to accept (the load tool's setting).
    pub fn start_plain(url: &str, dir: &Path, env: &[(&str, &str)]) -> Self {
        Self::launch(url, dir, env, &[])
    }

    fn launch(url: &str, dir: &Path, env: &[(&str, &str)], flags: &[&str]) -> Self {
        let log = dir.join("serve.log");
        let mut cmd = bin();
        cmd.arg("serve")
            .args(flags)
            .args(["--listen", "127.0.0.1:0", "--database-url", url])
            .envs(env.iter().copied())
            .env("MADOGUCHI_MAIL__DEMO_DIR", dir.join("mail"))
            .stdout(Stdio::piped())
            .stderr(File::create(&log).unwrap());
        let mut child = cmd.spawn().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        let addr = line
            .split("Open http://")
            .nth(1)
            .and_then(|s| s.trim().strip_suffix('/'))
            .unwrap_or_else(|| panic!("no URL in {line:?}; log: {}", read(&log)))
            .to_owned();
        // The rest of stdout is read on its own, so the server never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        Self { child, addr, log }
    }

    pub fn request(&self, method: &str, path: &str, cookie: Option<&str>, body: Option<&str>) -> Reply {
        request(&self.addr, method, path, cookie, body).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// Signs a job seeker in through the API; returns the session cookie.
    pub fn sign_in(&self, user_id: &str) -> String {
        let body = format!(r#"{{"user_id":"{user_id}","password":"{SEEKER_PASSWORD}"}}"#);
        let r = self.request("POST", "/api/v1/session", None, Some(&body));
        assert_eq!(r.status, 200, "sign-in of {user_id}: {}", r.body);
        r.cookies
    }

    /// SIGTERM, then waits up to `bound` (a generous bound: the point is that it stops).
    /// Returns how long it took and how it ended.
    pub fn terminate(&mut self, bound: Duration) -> (Duration, ExitStatus) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        let sent = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return (sent.elapsed(), status);
            }
            assert!(
                sent.elapsed() < bound,
                "serve still running {bound:?} after SIGTERM; log: {}",
                read(&self.log)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Outside CI, a machine without what a test needs skips it with a warning; with
/// `CI=true` that is a failure.
pub fn required(what: &str) -> bool {
    assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "CI needs {what}");
    eprintln!("warning: {what} is not available here; the test is skipped");
    false
}

/// A real, small filesystem (tmpfs), unmounted on drop.
pub struct Tmpfs(pub PathBuf);

impl Tmpfs {
    pub fn mount(dir: PathBuf, size: &str) -> Option<Self> {
        std::fs::create_dir_all(&dir).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .status()
            .is_ok_and(|s| s.success());
        (ok || required("mount -t tmpfs (root)")).then_some(Self(dir))
    }

    /// Fills the filesystem with a file; deleting it frees the space again.
    pub fn fill(&self) -> PathBuf {
        let filler = self.0.join("filler");
        let _ = Command::new("dd")
            .args(["if=/dev/zero", "bs=64k", "count=100000"])
            .arg(format!("of={}", filler.display()))
            .stderr(Stdio::null())
            .status();
        filler
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        // Lazy: a connection still open after a failed assertion must not keep it mounted.
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// A PostgreSQL database of its own on the test server, dropped at the end.
pub struct Postgres {
    pub name: String,
    pub url: String,
    admin: String,
}

impl Postgres {
    pub fn create(name: &str) -> Option<Self> {
        let admin = std::env::var("MADOGUCHI_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let name = format!("mdg_cli_{name}_{}", std::process::id());
        let (base, _) = admin.rsplit_once('/')?;
        let pg = Self {
            url: format!("{base}/{name}"),
            name,
            admin,
        };
        let _ = pg.psql(&format!("DROP DATABASE IF EXISTS {}", pg.name));
        let created = pg.psql(&format!("CREATE DATABASE {}", pg.name)).is_ok();
        (created || required("PostgreSQL and psql")).then_some(pg)
    }

    pub fn psql(&self, sql: &str) -> Result<String, String> {
        let out = Command::new("psql")
            .args([self.admin.as_str(), "-v", "ON_ERROR_STOP=1", "-Atc", sql])
            .output()
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() {
            Ok(text)
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// The server's `host:port`.
    pub fn address(&self) -> String {
        let rest = self.admin.split_once("://").map_or(self.admin.as_str(), |(_, r)| r);
        let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
        rest.split('/').next().unwrap_or(rest).to_owned()
    }

    /// The database's URL through `partition` instead of straight to the server.
    pub fn url_via(&self, partition: &Partition) -> String {
        self.url
            .replacen(&self.address(), &format!("127.0.0.1:{}", partition.port), 1)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = self.psql(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
    }
}

/// A TCP path to a server that can be cut the way a network partition cuts it: from then
/// on no byte passes either way, connections stay open and new ones are accepted, so the
/// client waits (nothing is refused, as with a dead route or a frozen host).
pub struct Partition {
    pub port: u16,
    cut: Arc<AtomicBool>,
}

impl Partition {
    pub fn to(target: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let cut = Arc::new(AtomicBool::new(false));
        let (flag, target) = (cut.clone(), target.to_owned());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(server) = TcpStream::connect(&target) else {
                    continue;
                };
                for (from, to) in [
                    (client.try_clone().unwrap(), server.try_clone().unwrap()),
                    (server, client),
                ] {
                    let flag = flag.clone();
                    std::thread::spawn(move || pump(from, to, &flag));
                }
            }
        });
        Self { port, cut }
    }

    pub fn cut(&self) {
        self.cut.store(true, Ordering::SeqCst);
    }
}

fn pump(mut from: TcpStream, mut to: TcpStream, cut: &AtomicBool) {
    let mut buf = [0_u8; 16 * 1024];
    while let Ok(n) = from.read(&mut buf) {
        while cut.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(50));
        }
        if n == 0 || to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
}
