//! `factlint lsp` driven over its protocol: the real binary, spoken to over
//! standard input and output with Content-Length framed JSON-RPC, in a project
//! written to a temporary directory.

#[path = "lsp/client.rs"]
mod client;
#[path = "lsp/fixture.rs"]
mod fixture;

use std::path::Path;
use std::process::Command;

use client::{Client, apply, range, uri};
use fixture::{CLAIMS, CONFIG, LIFE, project, weapon_value};
use serde_json::{Value, json};

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
                    "message": "canonical value declared here; source: the coroner's report"
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
    // A file the configuration excludes is not checked, as `check` walks past it.
    let old = uri(&root.join("archive/old.md"));
    assert_eq!(
        client.open(&old, "markdown", "Trotsky was killed with an ice pick.\n"),
        json!([])
    );
    // A buffer never saved is checked with the workspace's claims, written as
    // its language says: a Markdown code block is not prose, plain text is.
    let twice =
        "Trotsky was killed with an ice pick.\n\n```\nTrotsky was killed with an ice pick.\n```\n";
    let d = client.open("untitled:Untitled-1", "markdown", twice);
    assert_eq!(d.as_array().unwrap().len(), 1);
    assert_eq!(d[0]["range"], range(0, 27, 0, 35));
    let d = client.open("untitled:Untitled-2", "plaintext", twice);
    assert_eq!(d.as_array().unwrap().len(), 2);
    assert_eq!(d[1]["range"], range(3, 27, 3, 35));
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
    // Saving a TOML file in the editor reloads too, for clients that watch nothing.
    std::fs::write(root.join("factlint.toml"), CONFIG).unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&root.join("factlint.toml"))}}),
    );
    let d = client.diagnostics(&doc)["diagnostics"].clone();
    assert_eq!(d[0]["code"], "death.weapon");
    client.finish();
}

#[test]
fn bad_claims_on_disk_are_shown_once_and_nothing_is_checked() {
    let (_dir, root) = project();
    std::fs::write(root.join("claims/trotsky.toml"), "[[claim]]\nid = 1\n").unwrap();
    let (mut client, _) = Client::start(&root, json!({}));
    let doc = uri(&root.join("docs/life.md"));
    assert_eq!(client.open(&doc, "markdown", LIFE), json!([]));
    let shown = client.wait(|m| m["method"] == "window/showMessage");
    assert_eq!(
        shown["params"],
        json!({"type": 1, "message": "factlint: 1 error in the claims; nothing is checked"})
    );
    // A request the server does not serve is an error, not a hang.
    client.send(
        json!({"jsonrpc": "2.0", "id": 99, "method": "textDocument/completion", "params": {}}),
    );
    let answer = client.wait(|m| m["id"] == 99);
    assert_eq!(answer["error"]["code"], -32601);
    client.finish();
}

#[test]
fn exit_is_0_after_shutdown_and_1_without_it() {
    let (_dir, root) = project();
    let (client, _) = Client::start(&root, json!({}));
    assert_eq!(client.exit().code(), Some(1));
    // After shutdown a request is refused, a notification dropped; exit is 0.
    let (mut client, _) = Client::start(&root, json!({}));
    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    let doc = uri(&root.join("docs/life.md"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": doc, "languageId": "markdown", "version": 1, "text": LIFE}}),
    );
    client.send(
        json!({"jsonrpc": "2.0", "id": 98, "method": "textDocument/hover",
        "params": {"textDocument": {"uri": doc}, "position": {"line": 2, "character": 40}}}),
    );
    let answer = client.wait(|m| m["id"] == 98);
    assert_eq!(answer["error"]["code"], -32600);
    assert_eq!(client.exit().code(), Some(0));
    // Exit before initialize: no shutdown came, 1; a request then is refused.
    let mut client = Client::spawn(Path::new(env!("CARGO_BIN_EXE_factlint")), &root);
    client.send(json!({"jsonrpc": "2.0", "id": 97, "method": "shutdown"}));
    let answer = client.wait(|m| m["id"] == 97);
    assert_eq!(answer["error"]["code"], -32002);
    assert_eq!(client.exit().code(), Some(1));
    // An initialize request the server cannot read is refused; another may follow.
    let mut client = Client::spawn(Path::new(env!("CARGO_BIN_EXE_factlint")), &root);
    client.send(
        json!({"jsonrpc": "2.0", "id": 96, "method": "initialize", "params": {"capabilities": 5}}),
    );
    let answer = client.wait(|m| m["id"] == 96);
    assert_eq!(answer["error"]["code"], -32602);
    let result = client.request("initialize", json!({"processId": null, "capabilities": {}}));
    assert_eq!(result["serverInfo"]["name"], "factlint");
    client.notify("initialized", json!({}));
    client.finish();
}

/// The suppression edit offered for the one death.weapon finding of `text`,
/// and the diagnostics once it is applied and its reason written.
fn suppressed(name: &str, language: &str, text: &str) -> (Value, Value) {
    let (_dir, root) = project();
    let (mut client, _) = Client::start(&root, json!({}));
    let doc = uri(&root.join(name));
    let diagnostics = client.open(&doc, language, text);
    let finding = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "death.weapon")
        .unwrap()
        .clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": doc},
            "range": finding["range"],
            "context": {"diagnostics": [finding]}
        }),
    );
    let suppress = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Suppress death.weapon in this sentence")
        .unwrap()
        .clone();
    let edit = suppress["edit"]["changes"][&doc].clone();
    // The writer gives the reason.
    let applied = apply(text, &suppress["edit"], &doc).replace("REASON", "as the report has it");
    client.change(&doc, 2, &applied);
    let after = client.diagnostics(&doc)["diagnostics"].clone();
    client.finish();
    (edit, after)
}

#[test]
fn a_suppression_comment_follows_crlf_and_cr_line_ends() {
    for eol in ["\r\n", "\r"] {
        let text = format!(
            "# Trotsky{eol}{eol}Trotsky was killed with an ice pick.{eol}Trotsky died in 1941.{eol}"
        );
        let (edit, after) = suppressed("docs/life.md", "markdown", &text);
        assert_eq!(
            edit,
            json!([{
                "range": range(2, 0, 2, 0),
                "newText": format!("<!-- factlint: ignore[death.weapon] REASON -->{eol}")
            }]),
            "{eol:?}"
        );
        // With a lone CR the Markdown reader takes the rest of the document
        // into the comment's HTML block, so only the edit is checked there.
        if eol == "\r\n" {
            let codes: Vec<&Value> = after
                .as_array()
                .unwrap()
                .iter()
                .map(|d| &d["code"])
                .collect();
            assert_eq!(codes, [&json!("death.date")]);
            assert_eq!(after[0]["range"], range(4, 16, 4, 20));
        }
    }
    // Plain text, the sentence inside its line: a directive line of its own.
    let text = "Notes.\r\nHe lived in Mexico. Trotsky was killed with an ice pick.\r\n";
    let (edit, after) = suppressed("docs/life.txt", "plaintext", text);
    assert_eq!(
        edit,
        json!([{
            "range": range(1, 20, 1, 20),
            "newText": "\r\nfactlint: ignore[death.weapon] REASON\r\n"
        }])
    );
    assert_eq!(after, json!([]));
}

#[test]
fn a_configuration_created_on_disk_is_found() {
    let (_dir, root) = project();
    let caps = json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let (mut client, _) = Client::start(&root, caps);
    let doc = uri(&root.join("docs/life.md"));
    let codes = |d: &Value| -> Vec<String> {
        d.as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    // The workspace's configuration disables birth.place.
    let d = client.open(&doc, "markdown", LIFE);
    assert_eq!(codes(&d), ["death.weapon", "death.date"]);
    // A nearer one, written beside the document, disables death.date instead.
    let nearer = root.join("docs/factlint.toml");
    std::fs::write(
        &nearer,
        "claims = [\"../claims/\"]\ndisable = [\"death.date\"]\n",
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&nearer), "type": 1}]}),
    );
    let d = client.diagnostics(&doc)["diagnostics"].clone();
    assert_eq!(codes(&d), ["death.weapon", "birth.place"]);
    // Deleted: the workspace's applies again.
    std::fs::remove_file(&nearer).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&nearer), "type": 3}]}),
    );
    let d = client.diagnostics(&doc)["diagnostics"].clone();
    assert_eq!(codes(&d), ["death.weapon", "death.date"]);
    client.finish();
}

#[test]
fn positions_out_of_range_or_reversed_are_answered() {
    let (_dir, root) = project();
    let (mut client, _) = Client::start(&root, json!({}));
    let doc = uri(&root.join("docs/crlf.md"));
    let text = "Trotsky was killed with an ice pick\r\nNotes.\r\n";
    let d = client.open(&doc, "markdown", text);
    assert_eq!(d[0]["range"], range(0, 27, 0, 35));
    let at = |line: u32, character: u32| json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": character}});
    // Past the end of its line, a position is the line's end, before the CR.
    let hover = client.request("textDocument/hover", at(0, 99));
    assert_eq!(hover["range"], range(0, 27, 0, 35));
    assert_eq!(client.request("textDocument/hover", at(1, 99)), Value::Null);
    assert_eq!(client.request("textDocument/hover", at(99, 0)), Value::Null);
    assert_eq!(
        client.request("textDocument/definition", at(u32::MAX, u32::MAX)),
        Value::Null
    );
    // A range whose end comes before its start meets the same finding.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc}, "range": range(0, 34, 0, 20), "context": {"diagnostics": []}}),
    );
    assert_eq!(actions[0]["title"], "Replace with \"ice axe\"");
    // A document that is not open has nothing.
    let other =
        json!({"textDocument": {"uri": "untitled:none"}, "position": {"line": 0, "character": 0}});
    assert_eq!(client.request("textDocument/hover", other), Value::Null);
    client.finish();
}
