// The Deluge extension: the language (grammar and editing rules come from package.json) and a language client that
// starts `freshet lsp` for every .dg file. Everything else (diagnostics, completion, hover, navigation, formatting)
// comes from the server; see docs/editors.md in the Freshet repository.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

/** How to start the server: `freshet.path lsp`, or `java -jar freshet.path lsp` for a jar. */
function serverOptions() {
  const config = vscode.workspace.getConfiguration('freshet');
  const path = (config.get('path') || 'freshet').trim();
  if (path.toLowerCase().endsWith('.jar')) {
    return { command: (config.get('java') || 'java').trim(), args: ['-jar', path, 'lsp'] };
  }
  return { command: path, args: ['lsp'] };
}

async function start() {
  const output = vscode.window.createOutputChannel('Freshet');
  client = new LanguageClient('freshet', 'Freshet (Deluge)', serverOptions(), {
    documentSelector: [{ language: 'deluge' }],
    outputChannel: output,
  });
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      `Freshet: could not start '${serverOptions().command} lsp' (${e.message}). Set freshet.path to the freshet` +
        ' launcher or jar.');
  }
}

async function restart() {
  if (client) {
    await client.stop();
  }
  await start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('freshet.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('freshet')) {
        restart();
      }
    }));
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
