/**
 * The language server: LSP wiring only. Every answer comes from the pure core; this file
 * keeps documents, settings and caches, schedules checks and converts offsets to positions.
 * An analysis belongs to one exact text, never to a version number alone (a client may repeat
 * one): nothing computed for other text is published, shown or offered as an edit.
 */
import {
  CodeAction,
  CodeActionKind,
  CodeLensRefreshRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  InlayHintRefreshRequest,
  MarkupKind,
  RAL,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type CodeLens,
  type Connection,
  type Hover,
  type InlayHint,
  type InitializeResult,
  type Disposable,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, UnknownGpuError, type CheckResult } from '../core/check';
import { codeLens } from '../core/features/code-lens';
import { fixAllEdit } from '../core/rules/fixes';
import { doHover } from '../core/features/hover';
import { inlayHints } from '../core/features/inlay-hints';
import type { GemmProfile } from '../core/model/prediction';
import { renderReportHtml, reportData } from '../core/features/report';
import { Commands, DEFAULT_SETTINGS, FIX_ALL_KIND, ReportRequest, SETTINGS_SECTION, type ReportResult, type ShapelintSettings } from '../protocol';
import { fixDataFor, fixDataOf, isShapelintDiagnostic, quickFixes, SOURCE, textHash, toDiagnostic, toRange, toTextEdit, workspaceEdit } from './convert';
import type { LanguageServerHost } from './host';
import { registerSearch, SEARCH_ACTION_KIND, searchCodeActions } from './search';
import { associatedFormat, checkOptions, normalizeSettings, settingsProblems } from './settings';

interface Analysis {
  uri: string;
  fileName: string;
  text: string;
  /** Identifies `text` in diagnostic data, so that a quick fix is offered only for the text it was computed on. */
  textHash: string;
  settings: ShapelintSettings;
  result: CheckResult;
}

/** Starts the server on `connection`; `host` is what differs between Node and a web worker (file names, reading profiles). */
export function startLanguageServer(connection: Connection, host: LanguageServerHost): void {
  /**
   * Documents whose text the server no longer knows: the client sent an incremental change at a
   * position that is not a whole line and character (line 0.5). Applied, it would misplace every
   * later diagnostic. LSP has no way to ask for the text again, so the change is refused, the
   * document is no longer checked (one diagnostic says why), and its changes are dropped until
   * one carries the whole text or the document is opened again.
   */
  const desynced = new Map<string, string>();
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document, changes, version) {
      const fullText = lastFullText(changes);
      if (desynced.has(document.uri)) {
        if (fullText < 0) return document;
        desynced.delete(document.uri);
        return TextDocument.update(document, changes.slice(fullText), version);
      }
      const broken = changes.slice(fullText + 1).find((change) => 'range' in change && !isWholeRange(change.range));
      if (!broken || !('range' in broken)) return TextDocument.update(document, changes, version);
      desynced.set(document.uri, JSON.stringify(broken.range));
      analyses.delete(document.uri);
      return document;
    },
  });
  const log = (message: string) => connection.console.log(message);

  let pullsConfiguration = false;
  let refreshesInlayHints = false;
  let refreshesCodeLenses = false;
  let registersConfigurationChange = false;
  /** Settings pushed with didChangeConfiguration, for clients that cannot be asked per resource. */
  let pushedSettings = DEFAULT_SETTINGS;
  /** Bumped when settings change, so that every cached analysis goes stale at once. */
  let settingsGeneration = 0;
  const settingsCache = new Map<string, Promise<ShapelintSettings>>();
  const analyses = new Map<string, { text: string; generation: number; analysis: Promise<Analysis | null> }>();
  /** The latest check asked for, per document: an older one still waiting is dropped. */
  const checkTickets = new Map<string, number>();
  const withDiagnostics = new Set<string>();
  /** Warnings about settings already shown once (unknown GPU, unreadable profile). */
  const warned = new Set<string>();
  let workspaceFolders: string[] = [];

  /** A handler that logs and answers `fallback` instead of throwing: a half-typed file never takes the server down. */
  function guarded<P, R>(name: string, fallback: R, handler: (params: P) => Promise<R> | R): (params: P) => Promise<R> {
    return async (params) => {
      try {
        return await handler(params);
      } catch (error) {
        connection.console.error(`shapelint: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  function settingsFor(uri: string): Promise<ShapelintSettings> {
    if (!pullsConfiguration) return Promise.resolve(pushedSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(acceptSettings, (error: unknown) => {
        log(`shapelint: could not read settings for ${uri}: ${String(error)}`);
        return DEFAULT_SETTINGS;
      });
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  /** Settings as written, made whole; each problem in them is shown once, and the rest apply. */
  function acceptSettings(raw: unknown): ShapelintSettings {
    for (const problem of settingsProblems(raw)) warnOnce(problem);
    return normalizeSettings(raw);
  }

  function runCheck(text: string, fileName: string, settings: ShapelintSettings, profile: GemmProfile | undefined, previous: CheckResult | undefined): CheckResult {
    const options = { ...checkOptions(settings, associatedFormat(settings.associations, fileName)), profile, hubConfig: host.hubConfig };
    try {
      return check(text, fileName, options, previous);
    } catch (error) {
      if (!(error instanceof UnknownGpuError)) throw error;
      warnOnce(`shapelint: unknown GPU '${error.gpuId}' in shapelint.gpu; using ${DEFAULT_SETTINGS.gpu}.`);
      return check(text, fileName, { ...options, gpu: DEFAULT_SETTINGS.gpu }, previous);
    }
  }

  function warnOnce(message: string): void {
    if (warned.has(message)) return;
    warned.add(message);
    void connection.window.showWarningMessage(message);
  }

  /** The measured profile `shapelint.gpuProfile` names, read by the host (Node: from disk, as untrusted input; a web worker: through the client). */
  async function measuredProfile(settings: ShapelintSettings, uri: string): Promise<GemmProfile | undefined> {
    if (!settings.gpuProfile) return undefined;
    const load = await host.loadProfile(settings.gpuProfile, uri, workspaceFolders);
    if (!load) return undefined;
    if ('error' in load) {
      warnOnce(`shapelint: cannot use the GPU profile '${settings.gpuProfile}': ${load.error}.`);
      return undefined;
    }
    return load.profile;
  }

  /** The check of a document's current text, computed once per text and settings generation. */
  function analyze(document: TextDocument): Promise<Analysis | null> {
    // TextDocuments updates documents in place: take the text before any await.
    const { uri } = document;
    const text = document.getText();
    const cached = analyses.get(uri);
    if (cached && cached.text === text && cached.generation === settingsGeneration) return cached.analysis;
    const fileName = host.fileNameOf(uri);
    const analysis = settingsFor(uri).then(async (settings) => {
      // The profile feeds the fix estimates as well as the features, so it is loaded before the check.
      const profile = await measuredProfile(settings, uri);
      // The check of the text before this edit, whose parse an edit inside one value reuses.
      const previous = await cached?.analysis.catch(() => null);
      const result = runCheck(text, fileName, settings, profile, previous?.result);
      return result.reader ? { uri, fileName, text, textHash: textHash(text), settings, result } : null;
    });
    analyses.set(uri, { text, generation: settingsGeneration, analysis });
    return analysis;
  }

  /** The analysis only if the document still has the text it was made from: offsets into other text are wrong. */
  async function currentAnalysis(uri: string): Promise<{ document: TextDocument; analysis: Analysis } | null> {
    const document = documents.get(uri);
    if (!document || desynced.has(uri)) return null;
    const analysis = await analyze(document);
    return analysis && analysis.text === document.getText() ? { document, analysis } : null;
  }

  /**
   * For a client that does not send `data` back, or a diagnostic of an older version: the fixes of
   * the current finding with the same rule id at the same range, if there still is one.
   */
  async function recomputedFixData(uri: string, diagnostic: Diagnostic) {
    const current = await currentAnalysis(uri);
    if (!current) return undefined;
    const finding = current.analysis.result.findings.find(
      (candidate) => candidate.ruleId === diagnostic.code && sameRange(toRange(current.document, candidate.span), diagnostic.range),
    );
    return finding && fixDataFor(current.document, finding);
  }

  const publishDiagnostics = guarded('diagnostics', undefined, async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    const refused = desynced.get(uri);
    if (refused !== undefined) {
      // No version: the client's is newer than the text the server has, which is no longer this document's.
      withDiagnostics.add(uri);
      const message = `shapelint stopped checking this file: the editor sent a change at a position that is not a whole line and character (${refused}), so the server no longer knows the text. Close and reopen the file to check it again.`;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      void connection.sendDiagnostics({ uri, diagnostics: [{ range, severity: DiagnosticSeverity.Warning, source: SOURCE, message }] });
      return;
    }
    const text = document.getText();
    let analysis: Analysis | null = null;
    let failure: { error: unknown } | undefined;
    try {
      analysis = await analyze(document);
    } catch (error) {
      failure = { error };
      connection.console.error(`shapelint: checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    // Never publish for text the user has already changed: the ranges would be wrong. The version
    // is the document's now: an analysis of the same text may have been made for an older one.
    const latest = documents.get(uri);
    if (!latest || latest.getText() !== text) return;
    if (failure) {
      // The file still gets a diagnostic saying it was not checked, rather than silence.
      const { error } = failure;
      withDiagnostics.add(uri);
      const message = `shapelint could not check this file (internal error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}); nothing in it was checked.`;
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      void connection.sendDiagnostics({ uri, version: latest.version, diagnostics: [{ range, severity: DiagnosticSeverity.Warning, source: SOURCE, message }] });
      return;
    }
    if (!analysis) {
      if (withDiagnostics.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const { textHash: hashOfText } = analysis;
    const diagnostics = analysis.result.findings.map((finding) => toDiagnostic(latest, finding, hashOfText));
    if (diagnostics.length > 0) withDiagnostics.add(uri);
    else withDiagnostics.delete(uri);
    void connection.sendDiagnostics({ uri, version: latest.version, diagnostics });
  });

  /**
   * Checks a document as soon as the messages already received have been read: no fixed delay.
   * The connection reads one queued message per turn of the event loop, so waiting two turns lets
   * a didChange that is already waiting supersede this check, which is then dropped (a burst of
   * keystrokes costs one check, of the last text). RAL's setImmediate is the one the connection
   * itself uses, in Node and in a web worker alike.
   */
  function scheduleDiagnostics(uri: string): void {
    const ticket = (checkTickets.get(uri) ?? 0) + 1;
    checkTickets.set(uri, ticket);
    const { timer } = RAL();
    timer.setImmediate(() =>
      timer.setImmediate(() => {
        if (checkTickets.get(uri) === ticket) void publishDiagnostics(uri);
      }),
    );
  }

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    pullsConfiguration = capabilities.workspace?.configuration === true;
    refreshesInlayHints = capabilities.workspace?.inlayHint?.refreshSupport === true;
    refreshesCodeLenses = capabilities.workspace?.codeLens?.refreshSupport === true;
    registersConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, SEARCH_ACTION_KIND] },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'shapelint' },
    };
  });

  connection.onInitialized(() => {
    if (registersConfigurationChange) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  });

  connection.onDidChangeConfiguration(
    guarded('configuration', undefined, (params) => {
      const settings: unknown = params.settings;
      if (!pullsConfiguration && typeof settings === 'object' && settings !== null) {
        pushedSettings = acceptSettings((settings as Record<string, unknown>)[SETTINGS_SECTION]);
      }
      settingsCache.clear();
      warned.clear();
      settingsGeneration++;
      for (const document of documents.all()) scheduleDiagnostics(document.uri);
      if (refreshesInlayHints) void connection.sendRequest(InlayHintRefreshRequest.type);
      if (refreshesCodeLenses) void connection.sendRequest(CodeLensRefreshRequest.type);
    }),
  );

  documents.onDidOpen((event) => {
    desynced.delete(event.document.uri);
    scheduleDiagnostics(event.document.uri);
  });
  documents.onDidChangeContent((event) => scheduleDiagnostics(event.document.uri));
  /** Characters of closed documents whose state may still be garbage (see collectGarbage). */
  let closedSinceCollection = 0;
  let collection: Disposable | undefined;
  /** Once closing has paused for a moment, if enough was closed that its memory matters. */
  function collectAfterClosing(closedLength: number): void {
    closedSinceCollection += closedLength;
    collection?.dispose();
    if (!host.collectGarbage || closedSinceCollection < COLLECT_AFTER_CLOSING) return;
    collection = RAL().timer.setTimeout(() => {
      closedSinceCollection = 0;
      host.collectGarbage?.();
    }, COLLECT_DELAY_MS);
  }

  documents.onDidClose((event) => {
    const { uri } = event.document;
    collectAfterClosing(event.document.getText().length);
    checkTickets.delete(uri);
    desynced.delete(uri);
    analyses.delete(uri);
    settingsCache.delete(uri);
    if (withDiagnostics.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover(
    guarded('hover', null, async (params): Promise<Hover | null> => {
      const current = await currentAnalysis(params.textDocument.uri);
      if (!current) return null;
      const { document, analysis } = current;
      const hover = doHover(analysis.result, document.offsetAt(params.position));
      return hover && { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(document, hover.span) };
    }),
  );

  connection.onCodeAction(
    guarded('code actions', [], async (params: CodeActionParams): Promise<CodeAction[]> => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const only = params.context.only;
      const actions: CodeAction[] = [];
      const ours = params.context.diagnostics.filter(isShapelintDiagnostic);
      if (wantsKind(only, CodeActionKind.QuickFix) && ours.length > 0) {
        // Hashed once per request: the text is the same for every diagnostic in it.
        const currentTextHash = textHash(document.getText());
        for (const diagnostic of ours) {
          const fixes = fixDataOf(diagnostic, currentTextHash) ?? (await recomputedFixData(document.uri, diagnostic));
          if (fixes) actions.push(...quickFixes(document, diagnostic, fixes));
        }
      }
      if (only !== undefined && wantsKind(only, FIX_ALL_KIND)) {
        const current = await currentAnalysis(document.uri);
        const edit = current && fixAllEdit(current.analysis.text, current.analysis.result.findings);
        if (current && edit) {
          actions.push(CodeAction.create('Apply all safe shape fixes', workspaceEdit(current.document, [toTextEdit(current.document, edit)]), FIX_ALL_KIND));
        }
      }
      if (wantsKind(only, SEARCH_ACTION_KIND)) actions.push(...searchCodeActions(await currentAnalysis(document.uri), params.range));
      return actions;
    }),
  );

  connection.languages.inlayHint.on(
    guarded('inlay hints', [], async (params): Promise<InlayHint[]> => {
      const current = await currentAnalysis(params.textDocument.uri);
      if (!current || !current.analysis.settings.inlayHints.enabled) return [];
      const { document, analysis } = current;
      const start = document.offsetAt(params.range.start);
      const range = { offset: start, length: document.offsetAt(params.range.end) - start };
      return inlayHints(analysis.result, range).map((hint) => ({
        position: document.positionAt(hint.offset),
        label: hint.label,
        tooltip: hint.tooltip,
        paddingLeft: true,
      }));
    }),
  );

  connection.onCodeLens(
    guarded('code lens', [], async (params): Promise<CodeLens[]> => {
      const current = await currentAnalysis(params.textDocument.uri);
      const lens = current && codeLens(current.analysis.result);
      if (!lens) return [];
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          command: { title: lens.title, tooltip: lens.tooltip, command: Commands.showReport, arguments: [params.textDocument.uri] },
        },
      ];
    }),
  );

  connection.onRequest(
    ReportRequest,
    guarded('report', null, async (params): Promise<ReportResult | null> => {
      const current = await currentAnalysis(params.uri);
      const data = current && reportData(current.analysis.result, baseName(current.analysis.fileName));
      return data ? { title: `Shape report: ${data.fileName}`, html: renderReportHtml(data), data } : null;
    }),
  );

  registerSearch(connection, currentAnalysis);

  documents.listen(connection);
  connection.listen();
}

/** Closed text, in characters, worth a collection (its analysis holds several times as much), and the pause before one. */
const COLLECT_AFTER_CLOSING = 1024 * 1024;
const COLLECT_DELAY_MS = 1000;

/** The index of the last change that replaces the whole text; -1 if none does. */
function lastFullText(changes: readonly TextDocumentContentChangeEvent[]): number {
  for (let index = changes.length - 1; index >= 0; index--) if (!('range' in changes[index])) return index;
  return -1;
}

/** LSP positions are unsigned integers; anything else cannot be placed in the text. */
function isWholeRange(range: unknown): boolean {
  const isPosition = (position: unknown) => {
    const { line, character } = (position ?? {}) as { line?: unknown; character?: unknown };
    return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
  };
  const { start, end } = (range ?? {}) as { start?: unknown; end?: unknown };
  return isPosition(start) && isPosition(end);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A requested kind asks for `kind` when it is the kind itself or a parent of it (`source` → `source.fixAll.shapelint`). */
function wantsKind(only: readonly string[] | undefined, kind: string): boolean {
  return only === undefined || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}
