//! `factlint lsp` driven over its protocol: the real binary, spoken to over
//! standard input and output with Content-Length framed JSON-RPC, in a project
//! written to a temporary directory.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const CLAIMS: &str = r#"version = 1

[subject]
name = "Leon Trotsky"
kind = "person"
aliases = ["Trotsky"]

[[claim]]
id = "death.weapon"
kind = "term"
value = "ice axe"
accept = ["mountaineering axe"]
reject = ["ice pick"]
statement = "Trotsky was struck with an ice axe"
source = "the coroner's report"

[[claim]]
id = "death.date"
kind = "date"
value = "1940-08-21"
triggers = ['\bdied\b']
statement = "Trotsky died on 21 August 1940"

[[claim]]
id = "birth.place"
kind = "term"
value = "Yanovka"
reject = ["Odessa"]
context = ['\bborn\b']
"#;

const CONFIG: &str = "claims = [\"claims/\"]\ndisable = [\"birth.place\"]\n\n[[override]]\npaths = [\"drafts/**\"]\nclaims = [\"death.weapon\"]\nseverity = \"note\"\n";

const LIFE: &str = "# Trotsky\n\nCafé 😀 — Trotsky was killed with an ice pick in 1940.\n\nTrotsky was born in Odessa. Trotsky died in Coyoacán in 1941.\n";

/// A project: the claims, the configuration and a document.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir_all(root.join("claims")).unwrap();
    std::fs::create_dir_all(root.join("docs")).unwrap();
    std::fs::create_dir_all(root.join("drafts")).unwrap();
    std::fs::write(root.join("claims/trotsky.toml"), CLAIMS).unwrap();
    std::fs::write(root.join("factlint.toml"), CONFIG).unwrap();
    std::fs::write(root.join("docs/life.md"), LIFE).unwrap();
    (dir, root)
}

fn uri(path: &Path) -> String {
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
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests read while waiting for something else.
    seen: Vec<Value>,
}

impl Client {
    /// Starts the server in `root` and completes the handshake with `capabilities`.
    fn start(root: &Path, capabilities: Value) -> (Client, Value) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
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
        let mut client = Client {
            child,
            stdin,
            incoming,
            next_id: 0,
            seen: Vec::new(),
        };
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

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result, keeping what else comes meanwhile.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let msg = self.wait(|m| m["id"] == json!(id) && m.get("method").is_none());
        assert!(msg.get("error").is_none(), "{method}: {msg}");
        msg["result"].clone()
    }

    /// The first message (already seen or still to come) that `pick` accepts;
    /// it is taken out of those seen. A server request is answered.
    fn wait(&mut self, pick: impl Fn(&Value) -> bool) -> Value {
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
    fn diagnostics(&mut self, uri: &str) -> Value {
        let msg = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        msg["params"].clone()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
        self.diagnostics(uri)["diagnostics"].clone()
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Shuts the server down and checks that it exits cleanly.
    fn finish(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
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

fn range(l0: u32, c0: u32, l1: u32, c1: u32) -> Value {
    json!({"start": {"line": l0, "character": c0}, "end": {"line": l1, "character": c1}})
}

/// The byte offset of a UTF-16 position in `text`.
fn offset(text: &str, p: &Value) -> usize {
    let line = p["line"].as_u64().unwrap() as usize;
    let character = p["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with one document's edits of a workspace edit applied.
fn apply(text: &str, edit: &Value, uri: &str) -> String {
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

/// The `value` of death.weapon in the claims file: line 11, `"ice axe"`.
fn weapon_value(root: &Path) -> Value {
    json!({"uri": uri(&root.join("claims/trotsky.toml")), "range": range(10, 8, 10, 17)})
}

#[test]
fn diagnostics_have_exact_utf16_ranges_codes_severities_and_the_claim() {
    let (_dir, root) = project();
    let (mut client, init) = Client::start(&root, json!({}));
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    let doc = uri(&root.join("docs/life.md"));
    let diagnostics = client.open(&doc, "markdown", LIFE);
    // "Café 😀 — " is 10 UTF-16 units; birth.place is disabled by the configuration.
    assert_eq!(
        diagnostics,
        json!([
            {
                "range": range(2, 37, 2, 45),
                "severity": 1,
                "code": "death.weapon",
                "source": "factlint",
                "message": "\"ice pick\" contradicts the claim that Trotsky was struck with an ice axe",
                "relatedInformation": [{
                    "location": weapon_value(&root),
                    "message": "canonical value declared here"
                }]
            },
            {
                "range": range(4, 56, 4, 60),
                "severity": 1,
                "code": "death.date",
                "source": "factlint",
                "message": "\"1941\" contradicts the claim that Trotsky died on 21 August 1940",
                "relatedInformation": [{
                    "location": {"uri": uri(&root.join("claims/trotsky.toml")), "range": range(19, 8, 19, 20)},
                    "message": "canonical value declared here"
                }]
            }
        ])
    );
    // The messages, lines and columns of the command line's short format.
    let short = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--format", "short", "docs/life.md"])
        .current_dir(&root)
        .output()
        .unwrap();
    let short = String::from_utf8(short.stdout).unwrap();
    let lines: Vec<&str> = short.lines().take(2).collect();
    assert_eq!(
        lines,
        [
            format!(
                "docs/life.md:3:37: error[death.weapon]: {}",
                diagnostics[0]["message"].as_str().unwrap()
            ),
            format!(
                "docs/life.md:5:57: error[death.date]: {}",
                diagnostics[1]["message"].as_str().unwrap()
            ),
        ]
    );
    client.finish();
}

#[test]
fn utf8_positions_where_the_client_offers_them() {
    let (_dir, root) = project();
    let caps = json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}});
    let (mut client, init) = Client::start(&root, caps);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let doc = uri(&root.join("docs/life.md"));
    let diagnostics = client.open(&doc, "markdown", LIFE);
    // "Café 😀 — " is 15 bytes.
    assert_eq!(diagnostics[0]["range"], range(2, 42, 2, 50));
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": {"line": 2, "character": 45}}),
    );
    assert_eq!(hover["range"], range(2, 42, 2, 50));
    client.finish();
}

#[test]
fn html_text_and_configured_severities() {
    let (_dir, root) = project();
    let (mut client, _) = Client::start(&root, json!({}));
    let html = uri(&root.join("docs/life.html"));
    let d = client.open(
        &html,
        "html",
        "<p>Trotsky was killed with an <b>ice pick</b>.</p>\n",
    );
    assert_eq!(d.as_array().unwrap().len(), 1);
    assert_eq!(d[0]["range"], range(0, 33, 0, 41));
    let text = uri(&root.join("docs/life.txt"));
    let d = client.open(
        &text,
        "plaintext",
        "Notes.\nTrotsky was killed with an ice pick.\n",
    );
    assert_eq!(d[0]["range"], range(1, 27, 1, 35));
    assert_eq!(d[0]["severity"], 1);
    // The configuration makes death.weapon a note in drafts/: information.
    let draft = uri(&root.join("drafts/d.md"));
    let d = client.open(&draft, "markdown", "Trotsky was killed with an ice pick.\n");
    assert_eq!(d[0]["code"], "death.weapon");
    assert_eq!(d[0]["severity"], 3);
    // Closing a document clears its diagnostics.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": draft}}),
    );
    assert_eq!(client.diagnostics(&draft)["diagnostics"], json!([]));
    client.finish();
}

#[test]
fn a_change_is_checked_at_its_latest_version() {
    let (_dir, root) = project();
    let (mut client, _) = Client::start(&root, json!({}));
    let doc = uri(&root.join("docs/life.md"));
    client.open(&doc, "markdown", LIFE);
    client.change(&doc, 2, "Trotsky was killed with an ice axe.\n");
    client.change(&doc, 3, "Trotsky was killed with an ice pick.\n");
    // An older version than the one held is ignored.
    client.change(&doc, 2, "Trotsky died in 1950.\n");
    let published = loop {
        let p = client.diagnostics(&doc);
        if p["version"] == 3 {
            break p;
        }
        assert_eq!(p["version"], 2, "{p}");
    };
    assert_eq!(published["diagnostics"][0]["range"], range(0, 27, 0, 35));
    assert_eq!(published["diagnostics"].as_array().unwrap().len(), 1);
    client.finish();
}

#[test]
fn code_actions_fix_suppress_and_open_the_claim() {
    let (_dir, root) = project();
    let caps = json!({"window": {"showDocument": {"support": true}}});
    let (mut client, _) = Client::start(&root, caps);
    let doc = uri(&root.join("docs/life.md"));
    let diagnostics = client.open(&doc, "markdown", LIFE);
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": doc},
            "range": range(2, 40, 2, 40),
            "context": {"diagnostics": [diagnostics[0]]}
        }),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Replace with \"ice axe\"",
            "Suppress death.weapon in this sentence",
            "Open the claim death.weapon"
        ]
    );
    let fix = &actions[0];
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0], diagnostics[0]);
    assert_eq!(
        fix["edit"],
        json!({"changes": {doc.clone(): [{"range": range(2, 37, 2, 45), "newText": "ice axe"}]}})
    );
    // The fix applied: the finding is gone, the other stays.
    let fixed = apply(LIFE, &fix["edit"], &doc);
    assert!(fixed.contains("killed with an ice axe in 1940"));
    client.change(&doc, 2, &fixed);
    let d = client.diagnostics(&doc)["diagnostics"].clone();
    assert_eq!(d.as_array().unwrap().len(), 1);
    assert_eq!(d[0]["code"], "death.date");
    // The suppression comment, on a line of its own above the sentence.
    let suppress = &actions[1];
    assert_eq!(
        suppress["edit"],
        json!({"changes": {doc.clone(): [{
            "range": range(2, 0, 2, 0),
            "newText": "<!-- factlint: ignore[death.weapon] REASON -->\n"
        }]}})
    );
    let suppressed = apply(LIFE, &suppress["edit"], &doc);
    client.change(&doc, 3, &suppressed);
    let d = client.diagnostics(&doc)["diagnostics"].clone();
    assert_eq!(d.as_array().unwrap().len(), 1);
    assert_eq!(d[0]["code"], "death.date");
    // Opening the claim asks the editor to show its value.
    client.change(&doc, 4, LIFE);
    client.diagnostics(&doc);
    let open = &actions[2]["command"];
    assert_eq!(open["command"], "factlint.openClaim");
    let result = client.request(
        "workspace/executeCommand",
        json!({"command": open["command"], "arguments": open["arguments"]}),
    );
    assert_eq!(result, Value::Null);
    let shown = client.wait(|m| m["method"] == "window/showDocument");
    assert_eq!(
        shown["params"],
        json!({"uri": weapon_value(&root)["uri"], "takeFocus": true, "selection": weapon_value(&root)["range"]})
    );
    client.finish();
}

#[test]
fn hover_and_definition_on_a_finding() {
    let (_dir, root) = project();
    let (mut client, _) = Client::start(&root, json!({}));
    let doc = uri(&root.join("docs/life.md"));
    client.open(&doc, "markdown", LIFE);
    let at = |line: u32, character: u32| json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": character}});
    let hover = client.request("textDocument/hover", at(2, 41));
    assert_eq!(
        hover,
        json!({
            "contents": {
                "kind": "markdown",
                "value": "**death.weapon** (term claim)\n\nTrotsky was struck with an ice axe\n\n- value: `ice axe`\n- accepted: `mountaineering axe`\n- rejected: `ice pick`\n- source: the coroner's report\n"
            },
            "range": range(2, 37, 2, 45)
        })
    );
    let definition = client.request("textDocument/definition", at(2, 37));
    assert_eq!(definition, weapon_value(&root));
    // Nothing away from a finding.
    assert_eq!(client.request("textDocument/hover", at(2, 10)), Value::Null);
    assert_eq!(
        client.request("textDocument/definition", at(0, 2)),
        Value::Null
    );
    client.finish();
}

#[test]
fn claims_files_and_the_configuration_are_checked_as_edited() {
    let (_dir, root) = project();
    let (mut client, _) = Client::start(&root, json!({}));
    let claims = uri(&root.join("claims/trotsky.toml"));
    assert_eq!(client.open(&claims, "toml", CLAIMS), json!([]));
    let bad = CLAIMS.replace(
        "accept = [\"mountaineering axe\"]",
        "acept = [\"mountaineering axe\"]",
    );
    client.change(&claims, 2, &bad);
    assert_eq!(
        client.diagnostics(&claims)["diagnostics"],
        json!([{
            "range": range(11, 0, 11, 5),
            "severity": 1,
            "code": "unknown-field",
            "source": "factlint",
            "message": "unknown field `acept`, expected one of `id`, `kind`, `value`, `accept`, `reject`, `triggers`, `context`, `unit`, `parts`, `source`, `statement`, `severity`, `tolerance`, `min`, `max`, `subject`, `scope`, `filler`, `zone`, `examples`"
        }])
    );
    // The configuration reads the claims as the editor holds them: valid again.
    client.change(&claims, 3, CLAIMS);
    assert_eq!(client.diagnostics(&claims)["diagnostics"], json!([]));
    let config = uri(&root.join("factlint.toml"));
    let d = client.open(&config, "toml", "quotes = \"loud\"\n");
    assert_eq!(d[0]["code"], "invalid-value");
    assert_eq!(d[0]["range"], range(0, 9, 0, 15));
    client.change(
        &config,
        2,
        "disable = [\"death.weapon\", \"death.place\"]\n",
    );
    let d = client.diagnostics(&config)["diagnostics"].clone();
    assert_eq!(
        d,
        json!([{
            "range": range(0, 27, 0, 40),
            "severity": 1,
            "code": "unknown-claim",
            "source": "factlint",
            "message": "no claim with id `death.place` to disable"
        }])
    );
    client.finish();
}

#[test]
fn a_claims_file_changed_on_disk_rechecks_the_open_documents() {
    let (_dir, root) = project();
    let caps = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let (mut client, _) = Client::start(&root, caps);
    let registration = client.wait(|m| m["method"] == "client/registerCapability");
    assert_eq!(
        registration["params"]["registrations"][0]["registerOptions"],
        json!({"watchers": [{"globPattern": "**/*.toml"}]})
    );
    let doc = uri(&root.join("docs/life.md"));
    let text = "Trotsky was killed with a pickaxe.\n";
    assert_eq!(client.open(&doc, "markdown", text), json!([]));
    let claims_path = root.join("claims/trotsky.toml");
    let more = CLAIMS.replace(
        "reject = [\"ice pick\"]",
        "reject = [\"ice pick\", \"pickaxe\"]",
    );
    std::fs::write(&claims_path, more).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&claims_path), "type": 2}]}),
    );
    let d = client.diagnostics(&doc)["diagnostics"].clone();
    assert_eq!(d[0]["code"], "death.weapon");
    assert_eq!(d[0]["range"], range(0, 26, 0, 33));
    // A configuration that disables the claim: the finding goes.
    std::fs::write(root.join("factlint.toml"), "disable = [\"death.weapon\"]\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&root.join("factlint.toml")), "type": 2}]}),
    );
    assert_eq!(client.diagnostics(&doc)["diagnostics"], json!([]));
    client.finish();
}
