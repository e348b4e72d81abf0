//! `factlint lsp`: a language server over standard input and output, so that
//! editors show findings where documents are written.
//!
//! A thin layer over the library that `check` uses, one job per module:
//!
//! ```text
//! server       the loop: messages in, documents checked, answers out
//! store        the open documents, their versions and last findings
//! project      configuration and claims per folder, as the command line finds them
//! tomls        claims files and factlint.toml checked as edited
//! diagnostics  findings and file problems as LSP diagnostics
//! actions      code actions: fix, suppress, open the claim
//! hover        hover and go to definition on a finding
//! position     byte offsets to UTF-16 or UTF-8 positions and back
//! uri          file URIs to paths and back
//! ```
//!
//! Built on `lsp-server` and `lsp-types`, rust-analyzer's own crates: a
//! synchronous loop over a channel of messages, no async runtime, and typed
//! protocol structures kept up to date with the specification (issue 13).

pub mod actions;
pub mod diagnostics;
pub mod hover;
pub mod position;
pub mod project;
pub mod server;
pub mod store;
pub mod tomls;
pub mod uri;

use lsp_server::{Connection, ErrorCode, Message, RequestId, Response};
use lsp_types::notification::{Exit, Notification as _};
use lsp_types::request::{Initialize, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, ExecuteCommandOptions,
    HoverProviderCapability, InitializeParams, InitializeResult, OneOf, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};

use position::Encoding;

/// How a session ended, as the protocol counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `exit` after `shutdown` (or the client hung up after it): the process
    /// exits with 0.
    ShutDown,
    /// `exit`, or the client hung up, with no `shutdown` before it: the process
    /// exits with 1.
    WithoutShutdown,
}

/// Serves one client over standard input and output until it exits.
pub fn run_stdio() -> Result<Ending, String> {
    let (conn, io_threads) = Connection::stdio();
    let ending = serve(&conn);
    drop(conn);
    io_threads.join().map_err(|e| e.to_string())?;
    Ok(ending)
}

/// Serves one client over `conn`: the handshake, then the loop.
pub fn serve(conn: &Connection) -> Ending {
    let (id, params) = loop {
        let Some((id, value)) = initialize_request(conn) else {
            return Ending::WithoutShutdown;
        };
        match serde_json::from_value::<InitializeParams>(value) {
            Ok(params) => break (id, params),
            // The client is told why; it may try again, or exit.
            Err(e) => {
                let message = format!("invalid initialize request: {e}");
                let code = ErrorCode::InvalidParams as i32;
                let _ = conn
                    .sender
                    .send(Response::new_err(id, code, message).into());
            }
        }
    };
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_deref());
    let encoding = Encoding::negotiate(offered);
    let result = InitializeResult {
        capabilities: capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "factlint".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    let answer = Response::new_ok(id, serde_json::to_value(result).unwrap_or_default());
    // The client hung up: the loop ends at its first receive.
    let _ = conn.sender.send(answer.into());
    // `initialized` and whatever follows it are the loop's.
    server::main_loop(conn, &params, encoding)
}

/// Waits for the `initialize` request: another request is answered that the
/// server is not initialized yet, another notification is dropped, and `exit`
/// or a hang-up ends the session (`None`).
fn initialize_request(conn: &Connection) -> Option<(RequestId, serde_json::Value)> {
    loop {
        match conn.receiver.recv().ok()? {
            Message::Request(r) if r.method == Initialize::METHOD => return Some((r.id, r.params)),
            Message::Request(r) => {
                let code = ErrorCode::ServerNotInitialized as i32;
                let msg = format!("{} before initialize", r.method);
                let _ = conn.sender.send(Response::new_err(r.id, code, msg).into());
            }
            Message::Notification(n) if n.method == Exit::METHOD => return None,
            Message::Notification(_) | Message::Response(_) => {}
        }
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![actions::OPEN_CLAIM.to_string()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}
