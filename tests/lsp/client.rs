//! A client of `factlint lsp` for tests and benchmarks: the real binary,
//! spoken to over standard input and output with Content-Length framed
//! JSON-RPC, its messages read on a thread of their own.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub(crate) fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A client of the server: writes framed messages to its standard input and
/// reads them from its standard output on a thread of its own.
pub(crate) struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests read while waiting for something else.
    seen: Vec<Value>,
}

impl Client {
    /// Starts the server in `root` and completes the handshake with `capabilities`.
    pub(crate) fn start(root: &Path, capabilities: Value) -> (Client, Value) {
        Client::start_with(
            Path::new(env!("CARGO_BIN_EXE_factlint")),
            root,
            capabilities,
        )
    }

    /// Starts the server `binary` in `root`.
    pub(crate) fn start_with(binary: &Path, root: &Path, capabilities: Value) -> (Client, Value) {
        let mut client = Client::spawn(binary, root);
        let root_uri = uri(root);
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": [{"uri": root_uri, "name": "project"}],
                "capabilities": capabilities,
            }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    /// Starts the server `binary` in `root`, with no handshake.
    pub(crate) fn spawn(binary: &Path, root: &Path) -> Client {
        let mut child = Command::new(binary)
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(msg) = read_message(&mut reader) {
                if tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            next_id: 0,
            seen: Vec::new(),
        }
    }

    pub(crate) fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    pub(crate) fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result, keeping what else comes meanwhile.
    pub(crate) fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let msg = self.wait(|m| m["id"] == json!(id) && m.get("method").is_none());
        assert!(msg.get("error").is_none(), "{method}: {msg}");
        msg["result"].clone()
    }

    /// The first message (already seen or still to come) that `pick` accepts;
    /// it is taken out of those seen. A server request is answered.
    pub(crate) fn wait(&mut self, pick: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&pick) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let msg = match self.incoming.recv_timeout(left) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => panic!("timed out; seen: {:#?}", self.seen),
                Err(RecvTimeoutError::Disconnected) => panic!("the server hung up"),
            };
            if msg.get("method").is_some() && msg.get("id").is_some() {
                let id = msg["id"].clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
            }
            if pick(&msg) {
                return msg;
            }
            self.seen.push(msg);
        }
    }

    /// The next diagnostics published for `uri`.
    pub(crate) fn diagnostics(&mut self, uri: &str) -> Value {
        let msg = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        msg["params"].clone()
    }

    pub(crate) fn open(&mut self, uri: &str, language: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
        self.diagnostics(uri)["diagnostics"].clone()
    }

    pub(crate) fn change(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// The CPU seconds the server has used so far (user and system), where the
    /// system tells (Linux's `/proc`).
    pub(crate) fn cpu_seconds(&self) -> Option<f64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        // The fields after the command's name, which is in parentheses.
        let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
        let ticks: f64 =
            fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
        // The clock tick of Linux's /proc on every architecture it runs on here.
        Some(ticks / 100.0)
    }

    /// Shuts the server down and checks that it exits cleanly.
    pub(crate) fn finish(mut self) {
        self.request("shutdown", Value::Null);
        let status = self.exit();
        assert!(status.success(), "{status}");
    }

    /// Sends `exit` and waits for the server to end, within 30 seconds.
    pub(crate) fn exit(mut self) -> ExitStatus {
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

pub(crate) fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

pub(crate) fn range(l0: u32, c0: u32, l1: u32, c1: u32) -> Value {
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

/// The byte offset of a UTF-16 position in `text`, whose lines end with `\n`,
/// `\r\n` or `\r`.
pub(crate) fn offset(text: &str, p: &Value) -> usize {
    let line = p["line"].as_u64().unwrap() as usize;
    let character = p["character"].as_u64().unwrap() as usize;
    let bytes = text.as_bytes();
    let breaks = (0..bytes.len())
        .filter(|&i| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')));
    let start = match line {
        0 => 0,
        n => breaks.map(|i| i + 1).nth(n - 1).unwrap_or(text.len()),
    };
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\r' || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with one document's edits of a workspace edit applied.
pub(crate) fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits: Vec<(usize, usize, String)> = edit["changes"][uri]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let (s, t) = (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
            );
            (s, t, e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (s, t, new) in edits {
        out.replace_range(s..t, &new);
    }
    out
}
