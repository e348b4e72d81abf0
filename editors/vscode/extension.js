// Starts `factlint lsp` for Markdown, HTML, plain-text and TOML files: the
// server checks documents, claims files and factlint.toml, and watches the
// TOML files itself (it registers the watcher with the editor).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("factlint").get("path") || "factlint";
  const serverOptions = { command, args: ["lsp"] };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "html" },
      { scheme: "file", language: "plaintext" },
      { scheme: "file", pattern: "**/*.toml" },
    ],
  };
  client = new LanguageClient("factlint", "factlint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
