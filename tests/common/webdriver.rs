//! A client for what the tests drive over HTTP: plain requests, and a
//! WebDriver session on headless Chromium (Debian's `chromium-driver`),
//! shared by the preview's tests and the web page's.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Waits until `found` gives a value, failing after `timeout`.
pub fn wait_for<T>(timeout: Duration, mut found: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = found() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// An HTTP response, read whole.
pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One HTTP exchange; `headers` may replace the Host.
pub fn http(port: u16, method: &str, path: &str, headers: &[&str]) -> Reply {
    http_body(port, method, path, headers, "")
}

pub fn http_body(port: u16, method: &str, path: &str, headers: &[&str], body: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut request = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    if !headers.iter().any(|h| h.to_ascii_lowercase().starts_with("host:")) {
        request.push_str(&format!("Host: 127.0.0.1:{port}\r\n"));
    }
    for header in headers {
        request.push_str(header);
        request.push_str("\r\n");
    }
    if !body.is_empty() {
        request.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).unwrap();
    // Read the head, then as much body as it announces (a WebDriver
    // server may keep the connection open), else to the end.
    let mut bytes = Vec::new();
    let mut buffer = [0u8; 65536];
    let (split, length) = loop {
        let n = stream.read(&mut buffer).unwrap();
        assert!(n > 0, "the connection closed before a response head");
        bytes.extend_from_slice(&buffer[..n]);
        if let Some(split) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&bytes[..split]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            break (split, length);
        }
    };
    match length {
        Some(length) => {
            while bytes.len() < split + 4 + length {
                let n = stream.read(&mut buffer).unwrap();
                assert!(n > 0, "the connection closed inside a response");
                bytes.extend_from_slice(&buffer[..n]);
            }
        }
        None => {
            stream.read_to_end(&mut bytes).unwrap();
        }
    }
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Reply { status, head, body: bytes[split + 4..].to_vec() }
}

/// ChromeDriver, where it is installed: Debian's `chromium-driver`.
pub fn chromedriver() -> Option<&'static str> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].into_iter().find(|p| Path::new(p).exists())
}

/// A WebDriver session on a headless Chromium, ended on drop.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
}

impl Browser {
    pub fn start(driver: &str) -> Browser {
        let port = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap().local_addr().unwrap().port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut browser = Browser { driver: child, port, session: String::new() };
        wait_for(Duration::from_secs(30), || TcpStream::connect(("127.0.0.1", port)).ok());
        let mut options = json!({ "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"] });
        if Path::new("/usr/bin/chromium").exists() {
            options["binary"] = json!("/usr/bin/chromium");
        }
        let reply = browser.call(
            "POST",
            "/session",
            json!({ "capabilities": { "alwaysMatch": { "goog:chromeOptions": options } } }),
        );
        browser.session =
            reply["value"]["sessionId"].as_str().unwrap_or_else(|| panic!("no session: {reply}")).to_string();
        browser
    }

    pub fn call(&self, method: &str, path: &str, body: Value) -> Value {
        let body = if body.is_null() { String::new() } else { body.to_string() };
        let reply = http_body(self.port, method, path, &[&format!("Host: 127.0.0.1:{}", self.port)], &body);
        serde_json::from_slice(&reply.body).unwrap_or(Value::Null)
    }

    pub fn go(&self, url: &str) {
        self.call("POST", &format!("/session/{}/url", self.session), json!({ "url": url }));
    }

    pub fn run(&self, script: &str) -> Value {
        let reply = self.call(
            "POST",
            &format!("/session/{}/execute/sync", self.session),
            json!({ "script": script, "args": [] }),
        );
        reply["value"].clone()
    }

    pub fn until(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let value = self.run(script);
            if !value.is_null() && value != json!(false) {
                return value;
            }
            assert!(Instant::now() < deadline, "the page never showed {what}");
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// The page printed to PDF on paper `width` × `height` centimetres,
    /// as Chromium's print dialog would (WebDriver's Print Page).
    pub fn print(&self, width: f64, height: f64) -> Vec<u8> {
        let reply = self.call(
            "POST",
            &format!("/session/{}/print", self.session),
            json!({ "page": { "width": width, "height": height }, "background": false, "shrinkToFit": false }),
        );
        base64(reply["value"].as_str().unwrap_or_else(|| panic!("no PDF: {reply}")))
    }

    pub fn screenshot(&self) -> Vec<u8> {
        let reply = self.call("GET", &format!("/session/{}/screenshot", self.session), Value::Null);
        base64(reply["value"].as_str().expect("a screenshot"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            self.call("DELETE", &format!("/session/{}", self.session), Value::Null);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

pub fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, d)| n | u32::from(*d) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}
