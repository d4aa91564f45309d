//! Just enough HTTP/1.1 for one local page: a request line and headers
//! read with a size limit and a deadline for the whole request, and whole
//! responses with `Connection: close`. Nothing here maps a request to a
//! file: the routes are fixed names, and what they serve lives in memory.
//!
//! Why not a crate: `typst-kit`'s `http-server` serves one compiled
//! document to typst-cli's watch page, with none of the routes, the
//! Host and Origin checks or the event-stream limits this page needs; and
//! `tiny_http` would add a dependency whose reads time out per read, not
//! per request, so a client sending a byte a second could still hold a
//! connection. What the page needs is a hundred lines, tested by the
//! attacks it must survive (`tests/serve.rs`).

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// Whether the client at the other end has closed the connection: a
/// page that went away, found within a moment rather than at the next
/// write, so its slot is free again.
pub fn closed(stream: &TcpStream) -> bool {
    let mut byte = [0u8; 1];
    if stream.set_nonblocking(true).is_err() {
        return true;
    }
    let gone = match stream.peek(&mut byte) {
        Ok(0) => true,
        Ok(_) => false,
        Err(err) => err.kind() != io::ErrorKind::WouldBlock,
    };
    gone || stream.set_nonblocking(false).is_err()
}

/// The most a request's line and headers may take: a browser sends about
/// a kilobyte.
const MAX_HEAD: usize = 16 * 1024;

/// How long a client may take to send its whole request: a deadline for
/// all of it, not for each read, so a client that sends a byte now and
/// then cannot hold its connection.
const REQUEST_DEADLINE: Duration = Duration::from_secs(5);

/// A request's method, path, query and headers.
#[derive(Debug)]
pub struct Request {
    /// `GET` or `POST`.
    pub method: String,
    /// The path, without its query (`/state`).
    pub path: String,
    /// The query string, undecoded (`profile=mlops`).
    pub query: String,
    /// Header names in lowercase, with their values.
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// A header's value, by its lowercase name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// A query parameter, decoded (`+` and `%XX`).
    pub fn param(&self, name: &str) -> Option<String> {
        self.query.split('&').find_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key) == name).then(|| decode(value))
        })
    }
}

/// Reads one request's head; `None` when the client sent nothing usable.
pub fn read(stream: &mut TcpStream) -> io::Result<Option<Request>> {
    let deadline = std::time::Instant::now() + REQUEST_DEADLINE;
    let mut head = Vec::new();
    let mut buffer = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > MAX_HEAD {
            return Ok(None);
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Err(io::Error::new(io::ErrorKind::TimedOut, "the request took too long"));
        }
        stream.set_read_timeout(Some(left))?;
        let read = stream.read(&mut buffer)?;
        if read == 0 {
            return Ok(None);
        }
        head.extend_from_slice(&buffer[..read]);
    }
    let Ok(text) = std::str::from_utf8(&head) else { return Ok(None) };
    let mut lines = text.split("\r\n");
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target)) = (first.next(), first.next()) else { return Ok(None) };
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let headers = lines
        .take_while(|line| !line.is_empty())
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect();
    Ok(Some(Request {
        method: method.to_string(),
        path: path.to_string(),
        query: query.to_string(),
        headers,
    }))
}

/// A whole response.
pub struct Response {
    /// `200 OK`.
    pub status: &'static str,
    /// Its media type.
    pub content_type: &'static str,
    /// More headers, as `Name: value` lines.
    pub headers: Vec<String>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a body.
    pub fn new(status: &'static str, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Response { status, content_type, headers: Vec::new(), body: body.into() }
    }

    /// A plain-text error or note.
    pub fn text(status: &'static str, body: &str) -> Self {
        Response::new(status, "text/plain; charset=utf-8", format!("{body}\n"))
    }

    /// With one more header.
    pub fn with(mut self, header: String) -> Self {
        self.headers.push(header);
        self
    }

    /// Sends the response and closes the exchange.
    pub fn send(&self, stream: &mut TcpStream) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\
             Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n",
            self.status,
            self.content_type,
            self.body.len()
        );
        for header in &self.headers {
            head.push_str(header);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        stream.write_all(&self.body)?;
        stream.flush()
    }
}

/// Decodes a query component: `+` is a space, `%XX` a byte.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn query_components_decode() {
        assert_eq!(decode("one-page"), "one-page");
        assert_eq!(decode("a+b%2Fc"), "a b/c");
        assert_eq!(decode("%ED%95%9C"), "한");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
    }
}
