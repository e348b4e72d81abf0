//! The server loop: messages in, the store and the projects updated, the
//! changed documents checked, diagnostics and answers out.
//!
//! Changes are debounced by draining: every message already waiting is taken in
//! before any document is checked, so a burst of edits costs one check of the
//! latest version of each changed document, and only of those.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    Diagnostic, InitializeParams, MessageType, PublishDiagnosticsParams, ShowDocumentParams,
    ShowMessageParams, Uri,
};

use super::Ending;
use super::actions::{OPEN_CLAIM, code_actions};
use super::diagnostics::{Problem, finding_diagnostic, problem_diagnostic};
use super::hover::{definition, hover};
use super::position::{Encoding, Positions};
use super::project::{Loaded, Projects};
use super::store::{Checked, OpenDocument, Store};
use super::tomls::{claims_file_problems, config_problems};
use super::uri::to_path;
use crate::check::{CheckOptions, Finding};
use crate::config::CONFIG_FILE;
use crate::document::markup::Markup;

/// The server's state between messages.
pub struct Server<'c> {
    conn: &'c Connection,
    encoding: Encoding,
    store: Store,
    projects: Projects,
    /// The client can be asked to show a document (`window/showDocument`).
    show_document: bool,
    /// The messages already shown, so that one problem is shown once.
    shown: HashSet<String>,
    next_id: i32,
}

/// Runs the server until the client exits or hangs up, and says whether it
/// shut the server down first.
pub fn main_loop(conn: &Connection, params: &InitializeParams, encoding: Encoding) -> Ending {
    let mut server = Server {
        conn,
        encoding,
        store: Store::default(),
        projects: Projects::new(workspace_roots(params)),
        show_document: params
            .capabilities
            .window
            .as_ref()
            .and_then(|w| w.show_document.as_ref())
            .is_some_and(|s| s.support),
        shown: HashSet::new(),
        next_id: 0,
    };
    if watches_dynamically(params) {
        server.register_watcher();
    }
    let mut shut_down = false;
    while let Ok(first) = conn.receiver.recv() {
        let waiting: Vec<Message> = conn.receiver.try_iter().collect();
        for msg in std::iter::once(first).chain(waiting) {
            match msg {
                Message::Notification(n) if n.method == note::Exit::METHOD => {
                    return ending(shut_down);
                }
                msg if shut_down => server.after_shutdown(msg),
                Message::Request(r) if r.method == req::Shutdown::METHOD => {
                    shut_down = true;
                    server.send(Response::new_ok(r.id, ()));
                }
                Message::Request(r) => {
                    // An answer reads the latest text's findings.
                    server.check_dirty();
                    server.request(r);
                }
                Message::Notification(n) => server.notification(n),
                Message::Response(_) => {}
            }
        }
        if !shut_down {
            server.check_dirty();
        }
    }
    // The client hung up without `exit`.
    ending(shut_down)
}

fn ending(shut_down: bool) -> Ending {
    match shut_down {
        true => Ending::ShutDown,
        false => Ending::WithoutShutdown,
    }
}

/// The workspace folders, else the root, else the working directory.
fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| to_path(&f.uri))
        .collect();
    #[allow(deprecated)]
    if roots.is_empty()
        && let Some(root) = params.root_uri.as_ref().and_then(to_path)
    {
        roots.push(root);
    }
    if roots.is_empty()
        && let Ok(dir) = std::env::current_dir()
    {
        roots.push(dir);
    }
    roots
}

fn watches_dynamically(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false)
}

impl Server<'_> {
    /// After `shutdown`, a request is refused and a notification dropped, as
    /// the specification asks, until `exit`.
    fn after_shutdown(&self, msg: Message) {
        if let Message::Request(r) = msg {
            let code = lsp_server::ErrorCode::InvalidRequest as i32;
            let msg = format!("{} after shutdown", r.method);
            self.send(Response::new_err(r.id, code, msg));
        }
    }

    fn send(&self, msg: impl Into<Message>) {
        // The client hung up: the loop ends at the next receive.
        let _ = self.conn.sender.send(msg.into());
    }

    fn send_request(&mut self, method: &str, params: impl serde::Serialize) {
        self.next_id += 1;
        let id = RequestId::from(format!("factlint-{}", self.next_id));
        self.send(Request::new(id, method.to_string(), params));
    }

    /// Asks the client to tell the server when a TOML file changes on disk.
    fn register_watcher(&mut self) {
        let options = lsp_types::DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![lsp_types::FileSystemWatcher {
                glob_pattern: lsp_types::GlobPattern::String("**/*.toml".to_string()),
                kind: None,
            }],
        };
        let params = lsp_types::RegistrationParams {
            registrations: vec![lsp_types::Registration {
                id: "factlint-toml-watcher".to_string(),
                method: note::DidChangeWatchedFiles::METHOD.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send_request(req::RegisterCapability::METHOD, params);
    }

    fn notification(&mut self, n: Notification) {
        let Notification {
            method,
            params: value,
        } = n;
        match method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(value)
                {
                    let d = p.text_document;
                    self.store.open(d.uri, d.language_id, d.version, d.text);
                }
            }
            note::DidChangeTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(value)
                    && let Some(change) = p.content_changes.into_iter().last()
                {
                    let d = p.text_document;
                    self.store.change(&d.uri, d.version, change.text);
                }
            }
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(value)
                    && self.store.close(&p.text_document.uri).is_some()
                {
                    self.publish(p.text_document.uri, Vec::new(), None);
                }
            }
            note::DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<lsp_types::DidSaveTextDocumentParams>(value)
                    && is_toml(&p.text_document.uri)
                {
                    self.reload();
                }
            }
            note::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeWatchedFilesParams>(value)
                    && p.changes.iter().any(|c| is_toml(&c.uri))
                {
                    self.reload();
                }
            }
            _ => {}
        }
    }

    /// Forgets every project's claims and settings: every open document is
    /// checked again with them as they are on disk now.
    fn reload(&mut self) {
        self.projects.clear();
        self.shown.clear();
        self.store.mark_all_dirty();
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        let result = match r.method.as_str() {
            req::HoverRequest::METHOD => self.on_hover(r),
            req::GotoDefinition::METHOD => self.on_definition(r),
            req::CodeActionRequest::METHOD => self.on_code_action(r),
            req::ExecuteCommand::METHOD => self.on_execute(r),
            _ => {
                let code = lsp_server::ErrorCode::MethodNotFound as i32;
                let msg = format!("unknown request {}", r.method);
                self.send(Response::new_err(id, code, msg));
                return;
            }
        };
        match result {
            Ok(value) => self.send(Response::new_ok(id, value)),
            Err(msg) => {
                let code = lsp_server::ErrorCode::InvalidParams as i32;
                self.send(Response::new_err(id, code, msg));
            }
        }
    }

    fn on_hover(&self, r: Request) -> Result<serde_json::Value, String> {
        let p: lsp_types::HoverParams = params(r)?;
        let at = p.text_document_position_params;
        let answer = self
            .store
            .get(&at.text_document.uri)
            .and_then(|doc| hover(doc, at.position, self.positions(doc)));
        Ok(serde_json::to_value(answer).unwrap_or_default())
    }

    fn on_definition(&self, r: Request) -> Result<serde_json::Value, String> {
        let p: lsp_types::GotoDefinitionParams = params(r)?;
        let at = p.text_document_position_params;
        let answer = self
            .store
            .get(&at.text_document.uri)
            .and_then(|doc| definition(doc, at.position, self.positions(doc)));
        Ok(serde_json::to_value(answer).unwrap_or_default())
    }

    fn on_code_action(&self, r: Request) -> Result<serde_json::Value, String> {
        let p: lsp_types::CodeActionParams = params(r)?;
        let Some(doc) = self.store.get(&p.text_document.uri) else {
            return Ok(serde_json::Value::Null);
        };
        let markup = markup_of(doc);
        let actions = code_actions(
            doc,
            p.range,
            self.positions(doc),
            markup,
            self.show_document,
        );
        Ok(serde_json::to_value(actions).unwrap_or_default())
    }

    /// `factlint.openClaim`: asks the client to show the claim's value.
    fn on_execute(&mut self, r: Request) -> Result<serde_json::Value, String> {
        let p: lsp_types::ExecuteCommandParams = params(r)?;
        if p.command != OPEN_CLAIM {
            return Err(format!("unknown command {}", p.command));
        }
        let location: lsp_types::Location = p
            .arguments
            .into_iter()
            .next()
            .and_then(|a| serde_json::from_value(a).ok())
            .ok_or_else(|| format!("{OPEN_CLAIM} takes a location"))?;
        let show = ShowDocumentParams {
            uri: location.uri,
            external: None,
            take_focus: Some(true),
            selection: Some(location.range),
        };
        self.send_request(req::ShowDocument::METHOD, show);
        Ok(serde_json::Value::Null)
    }

    fn positions<'d>(&self, doc: &'d OpenDocument) -> Positions<'d> {
        Positions {
            text: &doc.text,
            lines: &doc.lines,
            encoding: self.encoding,
        }
    }

    /// Checks every document changed since its last check.
    fn check_dirty(&mut self) {
        for uri in self.store.dirty() {
            self.check(&uri);
        }
    }

    fn check(&mut self, uri: &Uri) {
        let Some(doc) = self.store.get_mut(uri) else {
            return;
        };
        doc.dirty = false;
        let version = doc.version;
        let diagnostics = match doc.path.clone() {
            Some(path) if path.file_name().is_some_and(|n| n == CONFIG_FILE) => {
                self.check_config(uri, &path)
            }
            Some(path) if path.extension().is_some_and(|e| e == "toml") => {
                self.check_claims_file(uri, &path)
            }
            path => self.check_document(uri, path.as_deref()),
        };
        self.publish(uri.clone(), diagnostics, Some(version));
    }

    fn check_config(&self, uri: &Uri, path: &Path) -> Vec<Diagnostic> {
        let Some(doc) = self.store.get(uri) else {
            return Vec::new();
        };
        let problems = config_problems(path, &doc.text, &|p| self.read(p));
        self.problem_diagnostics(doc, &problems)
    }

    /// A TOML file is checked where it is one of its project's claims files.
    fn check_claims_file(&mut self, uri: &Uri, path: &Path) -> Vec<Diagnostic> {
        let project = self.projects.for_file(path);
        let problems = claims_file_problems(&project, path, &|p| self.read(p));
        match self.store.get(uri) {
            Some(doc) => self.problem_diagnostics(doc, &problems),
            None => Vec::new(),
        }
    }

    fn check_document(&mut self, uri: &Uri, path: Option<&Path>) -> Vec<Diagnostic> {
        let project = match path {
            Some(p) => Some(self.projects.for_file(p)),
            None => self.projects.for_unsaved(),
        };
        let Some(project) = project else {
            return Vec::new();
        };
        let loaded = match &project.loaded {
            Ok(l) => l,
            Err(message) => {
                self.show_once(message.clone());
                return Vec::new();
            }
        };
        let Some(doc) = self.store.get(uri) else {
            return Vec::new();
        };
        let findings = match findings_of(doc, path, loaded) {
            Ok(f) => f,
            Err(message) => {
                self.show_once(message);
                return Vec::new();
            }
        };
        let pos = self.positions(doc);
        let diagnostics = findings
            .iter()
            .map(|f| finding_diagnostic(f, pos, loaded, &project.claims_paths))
            .collect();
        if let Some(doc) = self.store.get_mut(uri) {
            doc.checked = Some(Checked {
                project: project.clone(),
                findings,
            });
        }
        diagnostics
    }

    fn problem_diagnostics(&self, doc: &OpenDocument, problems: &[Problem]) -> Vec<Diagnostic> {
        let pos = self.positions(doc);
        problems
            .iter()
            .map(|p| problem_diagnostic(p, pos))
            .collect()
    }

    /// A file's text: the open buffer's, else the disk's.
    fn read(&self, path: &Path) -> Option<String> {
        match self.store.text_of(path) {
            Some(t) => Some(t.to_string()),
            None => std::fs::read_to_string(path).ok(),
        }
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(
            note::PublishDiagnostics::METHOD.to_string(),
            params,
        ));
    }

    fn show_once(&mut self, message: String) {
        if self.shown.insert(message.clone()) {
            let params = ShowMessageParams {
                typ: MessageType::ERROR,
                message,
            };
            self.send(Notification::new(
                note::ShowMessage::METHOD.to_string(),
                params,
            ));
        }
    }
}

/// The findings of `doc` (the file at `path`, where it has one) with its
/// project's claims and settings: none where the configuration leaves the file
/// out, and each at the severity the configuration gives it (gone where that is
/// `off`). A panic in the check (a bug) is a message to show; the server goes on.
fn findings_of(
    doc: &OpenDocument,
    path: Option<&Path>,
    loaded: &Loaded,
) -> Result<Vec<Finding>, String> {
    if let (Some(c), Some(p)) = (&loaded.config, path)
        && !c.selects(p)
    {
        return Ok(Vec::new());
    }
    let shown = path.map_or_else(|| doc.uri.as_str().to_string(), crate::walk::display_path);
    let options = CheckOptions {
        markup: Some(doc.markup(loaded.options.markup)),
        ..loaded.options
    };
    let (claims, matcher) = (&loaded.claims, &loaded.matcher);
    let text = doc.text.clone();
    let checked = crate::lint::contained(&shown.clone(), || {
        Ok(crate::lint::check_text(
            shown, text, false, claims, matcher, &options,
        ))
    });
    let mut findings = match checked {
        Ok(r) => r.findings,
        Err(e) => return Err(format!("factlint: {}: {}", e.path, e.message)),
    };
    if let (Some(c), Some(p)) = (&loaded.config, path) {
        findings.retain_mut(|f| {
            let id = &loaded.claims.claims[f.claim].id.0;
            c.severity(p, id, f.severity)
                .map(|s| f.severity = s)
                .is_some()
        });
    }
    Ok(findings)
}

fn params<P: serde::de::DeserializeOwned>(r: Request) -> Result<P, String> {
    serde_json::from_value(r.params).map_err(|e| format!("invalid parameters: {e}"))
}

fn is_toml(uri: &Uri) -> bool {
    uri.as_str().ends_with(".toml")
}

/// How a document is written: its project's `markup`, else its extension's
/// (or, with no file, its language's).
fn markup_of(doc: &OpenDocument) -> Markup {
    let configured = doc
        .checked
        .as_ref()
        .and_then(|c| c.project.loaded.as_ref().ok())
        .and_then(|l| l.options.markup);
    doc.markup(configured)
}
