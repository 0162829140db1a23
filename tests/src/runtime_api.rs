//! A minimal Lambda Runtime API on 127.0.0.1: enough for a real `bootstrap`
//! binary to start, take events and report its answers or errors, as it
//! does inside Lambda.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

/// What the function reported for one invocation (or for its start).
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Response { request_id: String, body: Value },
    Error { request_id: String, body: Value },
    InitError { body: Value },
}

#[derive(Default)]
struct State {
    pending: VecDeque<(String, Value)>,
    outcomes: Vec<Outcome>,
}

/// The server; it runs until the test process ends.
pub struct RuntimeApi {
    address: String,
    state: Arc<(Mutex<State>, Condvar)>,
}

impl RuntimeApi {
    /// Starts serving `events` in order, with request ids `request-0`, ...
    pub fn start(events: Vec<Value>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let address = listener.local_addr().unwrap().to_string();
        let state = Arc::new((Mutex::new(State::default()), Condvar::new()));
        {
            let mut guard = state.0.lock().unwrap();
            for (index, event) in events.into_iter().enumerate() {
                guard.pending.push_back((format!("request-{index}"), event));
            }
        }
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let shared = Arc::clone(&shared);
                std::thread::spawn(move || serve(stream, &shared));
            }
        });
        Self { address, state }
    }

    /// `host:port`, the value of `AWS_LAMBDA_RUNTIME_API`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Waits until `count` outcomes arrived (or `timeout` passed) and
    /// returns what arrived.
    pub fn wait_for(&self, count: usize, timeout: Duration) -> Vec<Outcome> {
        let deadline = Instant::now() + timeout;
        let (lock, arrived) = &*self.state;
        let mut state = lock.lock().unwrap();
        while state.outcomes.len() < count {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            state = arrived.wait_timeout(state, left).unwrap().0;
        }
        state.outcomes.clone()
    }
}

struct Request {
    method: String,
    path: String,
    body: Vec<u8>,
}

fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Request> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();
    let mut length = 0;
    loop {
        let mut header = String::new();
        reader.read_line(&mut header).ok()?;
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Request { method, path, body })
}

fn serve(stream: TcpStream, state: &(Mutex<State>, Condvar)) {
    let mut writer = stream.try_clone().expect("clone stream");
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader) {
        let reply = handle(&request, state);
        let Some((status, headers, body)) = reply else {
            return; // no more events: hold the long poll, as Lambda does
        };
        let mut response = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\n", body.len());
        for (name, value) in headers {
            response.push_str(&format!("{name}: {value}\r\n"));
        }
        response.push_str("\r\n");
        if writer.write_all(response.as_bytes()).is_err() || writer.write_all(&body).is_err() {
            return;
        }
    }
}

type Reply = (&'static str, Vec<(&'static str, String)>, Vec<u8>);

fn handle(request: &Request, state: &(Mutex<State>, Condvar)) -> Option<Reply> {
    let (lock, arrived) = state;
    let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
    let path = request.path.trim_start_matches("/2018-06-01/runtime");
    if request.method == "GET" && path == "/invocation/next" {
        let next = lock.lock().unwrap().pending.pop_front();
        let (request_id, event) = match next {
            Some(next) => next,
            None => {
                // Lambda holds this request until an event comes; so do we.
                std::thread::sleep(Duration::from_secs(3600));
                return None;
            }
        };
        let deadline = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis()
            + 30_000;
        let headers = vec![
            ("Content-Type", "application/json".to_owned()),
            ("Lambda-Runtime-Aws-Request-Id", request_id),
            ("Lambda-Runtime-Deadline-Ms", deadline.to_string()),
            (
                "Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:test".to_owned(),
            ),
            (
                "Lambda-Runtime-Trace-Id",
                "Root=1-00000000-000000000000000000000000".to_owned(),
            ),
        ];
        return Some(("200 OK", headers, serde_json::to_vec(&event).unwrap()));
    }
    let outcome = if path == "/init/error" {
        Outcome::InitError { body }
    } else if let Some(rest) = path.strip_prefix("/invocation/") {
        let (request_id, kind) = rest.split_once('/').unwrap_or((rest, ""));
        let request_id = request_id.to_owned();
        match kind {
            "response" => Outcome::Response { request_id, body },
            "error" => Outcome::Error { request_id, body },
            _ => return Some(("404 Not Found", Vec::new(), Vec::new())),
        }
    } else {
        return Some(("404 Not Found", Vec::new(), Vec::new()));
    };
    lock.lock().unwrap().outcomes.push(outcome);
    arrived.notify_all();
    Some(("202 Accepted", Vec::new(), b"{}".to_vec()))
}
