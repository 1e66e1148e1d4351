/**
 * The playground page: an editor, the language server in a web worker, and around them the
 * findings list, the launch fields and the shape report with its search. Everything shown comes
 * from the server, as in an editor; the page only places it. The state lives in the URL fragment.
 */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { STALE_SEARCH_HTML, type SearchReply } from '../../server/src/protocol';
import { messageOf, PlaygroundEditor, type FixableDiagnostic } from './editor';
import { PlaygroundLanguageServer } from './lsp';
import { renderMarkdown } from './markdown';
import { decodeState, encodeState, LAUNCH_FIELDS, settingsOf, type PlaygroundState } from './state';

/** Written by playground/build.mjs: the examples of examples/examples.json, and the GPU and format lists of package.json's settings. */
declare const PLAYGROUND_EXAMPLES: { title: string; fileName: string; text: string }[];
declare const PLAYGROUND_GPUS: { id: string; name: string }[];
declare const PLAYGROUND_DEFAULT_GPU: string;
declare const PLAYGROUND_FORMATS: string[];

const NOT_A_CONFIG = 'This file is not a model config shapelint reads';

/** Quiet time after typing before the fragment is rewritten. */
const FRAGMENT_DELAY_MS = 300;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  example: element<HTMLSelectElement>('example'),
  fileName: element<HTMLInputElement>('file-name'),
  format: element<HTMLSelectElement>('format'),
  gpu: element<HTMLSelectElement>('gpu'),
  launch: element<HTMLElement>('launch'),
  share: element<HTMLButtonElement>('share'),
  fixAll: element<HTMLButtonElement>('fix-all'),
  search: element<HTMLButtonElement>('search'),
  headline: element<HTMLElement>('headline'),
  findings: element<HTMLUListElement>('findings'),
  status: element<HTMLElement>('status'),
  editor: element<HTMLElement>('editor'),
};

let state: PlaygroundState = initialState();
let server: PlaygroundLanguageServer;
let lastSearch: SearchReply | null = null;
let fixAllAction: CodeAction | undefined;
let fragmentTimer: ReturnType<typeof setTimeout> | undefined;

const editor = new PlaygroundEditor(ui.editor, {
  changed(text) {
    state.text = text;
    expectCheck();
    void server?.change(text);
    clearTimeout(fragmentTimer);
    fragmentTimer = setTimeout(writeFragment, FRAGMENT_DELAY_MS);
  },
  async hover(position) {
    const hover = await server.hover(position);
    const contents = hover?.contents;
    if (!contents) return null;
    return typeof contents === 'object' && 'kind' in contents && contents.kind === 'markdown' ? renderMarkdown(contents.value) : null;
  },
});

function initialState(): PlaygroundState {
  const fromFragment = decodeState(location.hash);
  if (fromFragment && 'error' in fromFragment) showStatus(fromFragment.error);
  if (fromFragment && !('error' in fromFragment)) return fromFragment;
  const [first] = PLAYGROUND_EXAMPLES;
  return { fileName: first.fileName, text: first.text, gpu: '', format: '', launch: {} };
}

function writeFragment(): void {
  history.replaceState(null, '', encodeState(state));
}

function showStatus(text: string): void {
  ui.status.textContent = text;
}

/** A check is on its way: the findings list says so until its diagnostics, or the news that the file is no config, arrive. */
function expectCheck(): void {
  ui.findings.setAttribute('aria-busy', 'true');
}

/**
 * After settings change or a document opens: the server publishes diagnostics for a config, but
 * says nothing of a file it does not read (unless it had diagnostics to clear); the report says which.
 */
function recheck(): void {
  expectCheck();
  const document = server.openDocument;
  if (document) void refreshReport(document.version);
}

/** Settings changed: the server re-checks the open document and publishes again. */
async function configure(): Promise<void> {
  await server.configure(settingsOf(state));
  recheck();
  writeFragment();
}

/** Opens the state's file under its name, the server detecting its format from it. */
async function openFile(): Promise<void> {
  lastSearch = null;
  await server.open(state.fileName, state.text);
  recheck();
  writeFragment();
}

async function openState(): Promise<void> {
  editor.load(state.fileName, state.text);
  await openFile();
}

/** The server's diagnostics for the current version, with their quick fixes; then the headline and the report. */
async function showDiagnostics(version: number, diagnostics: Diagnostic[]): Promise<void> {
  const [fixes, fixAll] = await Promise.all([server.quickFixes(diagnostics), server.fixAll(diagnostics)]);
  if (server.openDocument?.version !== version) return;
  const items: FixableDiagnostic[] = diagnostics.map((diagnostic) => ({
    diagnostic,
    fixes: fixes.filter((action) => action.diagnostics?.some((fixed) => sameDiagnostic(fixed, diagnostic))).map((action) => ({ title: action.title, edits: editsOf(action) })),
  }));
  editor.showDiagnostics(items);
  renderFindings(items);
  fixAllAction = fixAll;
  ui.fixAll.disabled = !fixAll;
  ui.headline.textContent = (await server.headline()) ?? '';
  await refreshReport(version);
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && messageOf(a) === messageOf(b) && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
}

function editsOf(action: CodeAction): TextEdit[] {
  return Object.values(action.edit?.changes ?? {}).flat();
}

function renderFindings(items: readonly FixableDiagnostic[], whenNone = 'No findings.'): void {
  ui.findings.setAttribute('aria-busy', 'false');
  ui.findings.replaceChildren(
    ...items.map(({ diagnostic, fixes }) => {
      const item = document.createElement('li');
      item.dataset.rule = String(diagnostic.code ?? '');
      item.className = ['', 'error', 'warning', 'information', 'hint'][diagnostic.severity ?? 1];
      item.tabIndex = 0;
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
      const rule = document.createElement('code');
      rule.textContent = String(diagnostic.code ?? '');
      const message = document.createElement('span');
      message.className = 'message';
      message.textContent = messageOf(diagnostic);
      item.append(where, ' ', rule, ' ', message);
      for (const fix of fixes) {
        const button = document.createElement('button');
        button.className = 'fix';
        button.textContent = fix.title;
        button.addEventListener('click', (event) => {
          event.stopPropagation();
          editor.applyEdits(fix.edits);
        });
        item.append(button);
      }
      const reveal = () => editor.reveal(diagnostic.range);
      item.addEventListener('click', reveal);
      item.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') reveal();
      });
      return item;
    }),
  );
  if (items.length === 0) {
    const none = document.createElement('li');
    none.className = 'none';
    none.textContent = whenNone;
    ui.findings.append(none);
  }
}

/** The report for the current version, under the search section when there is one; media/report.js swaps it in. */
async function refreshReport(version: number): Promise<void> {
  const report = await server.report();
  if (server.openDocument?.version !== version) return;
  if (!report) {
    editor.showDiagnostics([]);
    renderFindings([], `${NOT_A_CONFIG}: pick its format, or name it as its framework does.`);
    ui.headline.textContent = '';
    fixAllAction = undefined;
    ui.fixAll.disabled = true;
  }
  const searchSection = !lastSearch ? '' : lastSearch.version === version ? lastSearch.html : STALE_SEARCH_HTML;
  const html = report ? `${searchSection}\n${report.html}` : `<p>${NOT_A_CONFIG}.</p>`;
  window.postMessage({ type: 'update', html }, '*');
}

async function runSearch(): Promise<void> {
  const document = server.openDocument;
  if (!document) return;
  showStatus('Searching shapes near this one…');
  try {
    lastSearch = await server.search();
    showStatus(lastSearch ? '' : 'This file has no shape to search from.');
  } catch (error) {
    showStatus(`The shape search failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  await refreshReport(document.version);
  window.postMessage({ type: 'reveal', id: 'search' }, '*');
}

/** Candidate `index` of the last search, if the text is still the one searched. */
function applyCandidate(index: number): void {
  const candidate = lastSearch?.candidates[index];
  if (!candidate || lastSearch?.version !== server.openDocument?.version) {
    showStatus('The file changed since the search; search again.');
    return;
  }
  editor.applyEdits(candidate.edits);
  showStatus(`Applied ${candidate.title}.`);
}

/** media/report.js, as in the editor's webview, posts the report's button clicks to the VS Code API; here they come to the page. */
(globalThis as { acquireVsCodeApi?: () => { postMessage(message: { type?: string; index?: number }): void } }).acquireVsCodeApi = () => ({
  postMessage(message) {
    if (message.type === 'apply' && typeof message.index === 'number') applyCandidate(message.index);
    if (message.type === 'search') void runSearch();
  },
});

function fillControls(): void {
  const option = (value: string, label: string) => Object.assign(document.createElement('option'), { value, textContent: label });
  ui.example.append(option('', 'Load an example…'), ...PLAYGROUND_EXAMPLES.map((example, index) => option(String(index), example.title)));
  ui.format.append(option('', 'detect from name and content'), ...PLAYGROUND_FORMATS.map((id) => option(id, id)));
  ui.gpu.append(...PLAYGROUND_GPUS.map((gpu) => option(gpu.id, gpu.name)));
  for (const field of LAUNCH_FIELDS) {
    const input = Object.assign(document.createElement('input'), { type: 'number', min: '1', step: '1', id: `launch-${field.key}`, placeholder: 'auto' });
    input.title = `${field.label}: used where the file does not say (shapelint.${field.setting}); empty (auto) for the file's value or the default`;
    input.addEventListener('change', () => {
      const value = Number(input.value);
      if (Number.isInteger(value) && value > 0) state.launch[field.key] = value;
      else {
        delete state.launch[field.key];
        input.value = '';
      }
      void configure();
    });
    const label = Object.assign(document.createElement('label'), { textContent: `${field.label} ` });
    label.append(input);
    ui.launch.append(label);
  }
}

function showState(): void {
  ui.fileName.value = state.fileName;
  ui.format.value = state.format;
  ui.gpu.value = state.gpu || PLAYGROUND_DEFAULT_GPU;
  for (const field of LAUNCH_FIELDS) element<HTMLInputElement>(`launch-${field.key}`).value = String(state.launch[field.key] ?? '');
}

function wireControls(): void {
  ui.example.addEventListener('change', () => {
    const example = PLAYGROUND_EXAMPLES[Number(ui.example.value)];
    ui.example.value = '';
    if (!example) return;
    state = { ...state, fileName: example.fileName, text: example.text };
    showState();
    void openState();
  });
  ui.fileName.addEventListener('change', () => {
    const fileName = ui.fileName.value.trim();
    if (!fileName) {
      ui.fileName.value = state.fileName;
      return;
    }
    state.fileName = fileName;
    editor.setFileName(fileName);
    // Reopened under its new name: the server detects the format from the name, as `check` does.
    void openFile();
  });
  ui.format.addEventListener('change', () => {
    state.format = ui.format.value;
    void configure();
  });
  ui.gpu.addEventListener('change', () => {
    state.gpu = ui.gpu.value === PLAYGROUND_DEFAULT_GPU ? '' : ui.gpu.value;
    void configure();
  });
  ui.share.addEventListener('click', () => {
    writeFragment();
    void navigator.clipboard?.writeText(location.href).then(
      () => showStatus('Link copied: the file travels in the fragment, which the browser never sends.'),
      () => showStatus('Copy the address bar: the file travels in its fragment.'),
    );
  });
  ui.fixAll.addEventListener('click', () => {
    if (fixAllAction) editor.applyEdits(editsOf(fixAllAction));
  });
  ui.search.addEventListener('click', () => void runSearch());
  window.addEventListener('hashchange', () => {
    const next = decodeState(location.hash);
    if (!next || 'error' in next) return showStatus(next ? next.error : 'The link names no file.');
    if (next.text === state.text && next.fileName === state.fileName) return;
    state = next;
    showState();
    void server.configure(settingsOf(state)).then(openState);
  });
}

async function start(): Promise<void> {
  fillControls();
  showState();
  wireControls();
  server = await PlaygroundLanguageServer.start('server.js', {
    diagnostics: (version, diagnostics) => void showDiagnostics(version, diagnostics),
    message: showStatus,
  });
  await server.configure(settingsOf(state));
  await openState();
  document.body.dataset.ready = 'true';
}

void start();
