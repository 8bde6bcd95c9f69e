//! The calls to Zoom (MT-2): one HTTP/1.1 request per connection over hyper's client, TLS by
//! the rustls lettre already brings (webpki roots), each bounded by the configured timeout.
//! Zoom's API: `POST {oauth}/oauth/token?grant_type=account_credentials&account_id=…` with
//! Basic auth; `POST {api}/v2/users/me/meetings`; `PATCH`/`DELETE {api}/v2/meetings/{id}`.
//! Nothing here logs a secret, a token or a request body.

use std::sync::{Arc, OnceLock};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Method, Request, Uri};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// What a call came back with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    /// `Retry-After` in seconds, when given (429).
    pub retry_after: Option<u64>,
    pub body: Vec<u8>,
}

/// Why a call got no answer. Carries no secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    #[error("timeout")]
    Timeout,
    #[error("connection failed: {0}")]
    Connect(String),
    #[error("bad address")]
    BadUrl,
}

fn tls() -> Arc<tokio_rustls::rustls::ClientConfig> {
    static CONFIG: OnceLock<Arc<tokio_rustls::rustls::ClientConfig>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            use tokio_rustls::rustls;
            let roots = rustls::RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
            let provider = Arc::new(rustls::crypto::ring::default_provider());
            let config =
                match rustls::ClientConfig::builder_with_provider(provider).with_safe_default_protocol_versions() {
                    Ok(b) => b.with_root_certificates(roots).with_no_client_auth(),
                    // The ring provider supports the default versions; this arm is not reached.
                    Err(_) => rustls::ClientConfig::builder()
                        .with_root_certificates(rustls::RootCertStore::empty())
                        .with_no_client_auth(),
                };
            Arc::new(config)
        })
        .clone()
}

/// Basic authentication of the token request: base64 of `client_id:client_secret`.
pub fn basic(client_id: &str, client_secret: &str) -> String {
    format!("Basic {}", STANDARD.encode(format!("{client_id}:{client_secret}")))
}

/// Sends one request and reads the whole answer within `timeout`.
pub async fn call(
    method: Method,
    url: &str,
    authorization: &str,
    json: Option<&serde_json::Value>,
    timeout: std::time::Duration,
) -> Result<Answer, CallError> {
    let mut headers = vec![("authorization", authorization.to_owned())];
    if json.is_some() {
        headers.push(("content-type", "application/json".to_owned()));
    }
    let body = json.map(|j| j.to_string().into_bytes()).unwrap_or_default();
    raw(method, url, &headers, body, timeout).await
}

/// Sends one request with the given headers and body (also the local Zoom's webhooks).
pub async fn raw(
    method: Method,
    url: &str,
    headers: &[(&str, String)],
    body: Vec<u8>,
    timeout: std::time::Duration,
) -> Result<Answer, CallError> {
    match tokio::time::timeout(timeout, send(method, url, headers, body)).await {
        Ok(answer) => answer,
        Err(_) => Err(CallError::Timeout),
    }
}

async fn send(method: Method, url: &str, headers: &[(&str, String)], body: Vec<u8>) -> Result<Answer, CallError> {
    let uri: Uri = url.parse().map_err(|_| CallError::BadUrl)?;
    let host = uri.host().ok_or(CallError::BadUrl)?.to_owned();
    let https = match uri.scheme_str() {
        Some("https") => true,
        Some("http") => false,
        _ => return Err(CallError::BadUrl),
    };
    let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
    let path = uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header(hyper::header::HOST, host.as_str())
        .header(hyper::header::ACCEPT, "application/json")
        .header(hyper::header::USER_AGENT, "madoguchi");
    for (name, value) in headers {
        req = req.header(*name, value.as_str());
    }
    let req = req.body(Full::new(Bytes::from(body))).map_err(|_| CallError::BadUrl)?;
    let tcp = TcpStream::connect((host.as_str(), port))
        .await
        .map_err(|e| CallError::Connect(e.kind().to_string()))?;
    if https {
        let name =
            tokio_rustls::rustls::pki_types::ServerName::try_from(host.clone()).map_err(|_| CallError::BadUrl)?;
        let stream = tokio_rustls::TlsConnector::from(tls())
            .connect(name, tcp)
            .await
            .map_err(|e| CallError::Connect(e.kind().to_string()))?;
        exchange(TokioIo::new(stream), req).await
    } else {
        exchange(TokioIo::new(tcp), req).await
    }
}

async fn exchange<S>(io: TokioIo<S>, req: Request<Full<Bytes>>) -> Result<Answer, CallError>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, conn) = hyper::client::conn::http1::handshake(io)
        .await
        .map_err(|_| CallError::Connect("handshake".into()))?;
    let driver = tokio::spawn(conn);
    let res = sender
        .send_request(req)
        .await
        .map_err(|_| CallError::Connect("no answer".into()))?;
    let status = res.status().as_u16();
    let retry_after = res
        .headers()
        .get(hyper::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok());
    let body = res
        .into_body()
        .collect()
        .await
        .map_err(|_| CallError::Connect("body".into()))?
        .to_bytes()
        .to_vec();
    driver.abort();
    Ok(Answer {
        status,
        retry_after,
        body,
    })
}
