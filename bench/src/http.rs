//! A minimal HTTP/1.1 keep-alive client: enough for the load tool's few requests, with no
//! client library between the measurement and the socket.

use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

pub struct Conn {
    addr: String,
    stream: Option<BufReader<TcpStream>>,
}

pub struct Reply {
    pub status: u16,
    pub set_cookie: Option<String>,
    pub body: String,
}

impl Conn {
    pub fn new(addr: &str) -> Self {
        Self {
            addr: addr.to_owned(),
            stream: None,
        }
    }

    /// Sends one request (reconnecting once if the kept-alive connection was closed).
    pub async fn send(&mut self, method: &str, path: &str, cookie: Option<&str>, body: &str) -> std::io::Result<Reply> {
        for attempt in 0..2 {
            if self.stream.is_none() {
                let s = TcpStream::connect(&self.addr).await?;
                s.set_nodelay(true)?;
                self.stream = Some(BufReader::new(s));
            }
            match self.try_send(method, path, cookie, body).await {
                Ok(r) => return Ok(r),
                Err(e) if attempt == 0 => {
                    self.stream = None;
                    let _ = e;
                }
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("unreachable"))
    }

    async fn try_send(&mut self, method: &str, path: &str, cookie: Option<&str>, body: &str) -> std::io::Result<Reply> {
        let stream = self
            .stream
            .as_mut()
            .ok_or_else(|| std::io::Error::other("not connected"))?;
        let cookie = cookie.map(|c| format!("Cookie: {c}\r\n")).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{cookie}\r\n{body}",
            self.addr,
            body.len()
        );
        stream.get_mut().write_all(request.as_bytes()).await?;
        let mut line = String::new();
        tokio::time::timeout(Duration::from_secs(30), stream.read_line(&mut line))
            .await
            .map_err(|_| std::io::Error::other("timeout"))??;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other("bad status line"))?;
        let (mut length, mut set_cookie) = (0_usize, None);
        loop {
            line.clear();
            if stream.read_line(&mut line).await? == 0 {
                return Err(std::io::Error::other("closed"));
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            let lower = header.to_ascii_lowercase();
            if let Some(v) = lower.strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            } else if lower.starts_with("set-cookie: mdg_session=") {
                set_cookie = header["set-cookie: ".len()..].split(';').next().map(str::to_owned);
            }
        }
        let mut buf = vec![0_u8; length];
        stream.read_exact(&mut buf).await?;
        Ok(Reply {
            status,
            set_cookie,
            body: String::from_utf8_lossy(&buf).into_owned(),
        })
    }
}
