/**
 * The shape search in the language server: a request of its own, never on the diagnostics
 * path. The search runs in slices that yield to the event loop, so that edits, hovers and
 * diagnostics are served meanwhile and a cancellation is seen; past a moment it shows progress.
 */
import { CodeAction, ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type Range, type WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult } from '../core/check';
import { renderSearchHtml } from '../core/features/report';
import { checkedBudget, DEFAULT_SEARCH_SETTINGS, SearchError, searchShapes, type SearchResult } from '../core/search';
import { describeDims } from '../core/search/describe';
import { fieldAt } from '../core/features/presentation';
import type { NumericFieldName } from '../core/model/shape';
import { Commands, SEARCH_ACTION_KIND, SEARCH_TITLE, SearchRequest, type SearchReply } from '../protocol';
import { toTextEdit } from './convert';

export { SEARCH_ACTION_KIND };

/** The fields the search changes: where its code action is offered. */
const SEARCHED_FIELDS: readonly NumericFieldName[] = ['hiddenSize', 'numHeads', 'numKvHeads', 'headDim', 'ffnHiddenSize', 'numLayers', 'vocabSize', 'paddedVocabSize', 'vocabDivisor'];

/** How long a search runs before it shows progress. */
const PROGRESS_AFTER_MS = 300;

export interface SearchableDocument {
  document: TextDocument;
  analysis: { fileName: string; text: string; result: CheckResult };
}

/**
 * "Find faster shapes (±5% parameters)", on a shape field of a config whose shape is known: on
 * the fields only, so that the light bulb does not follow the cursor everywhere.
 */
export function searchCodeActions(current: SearchableDocument | null, range: Range): CodeAction[] {
  if (!current?.analysis.result.spec) return [];
  const { document, analysis } = current;
  const touched = [range.start, range.end].some((position) => SEARCHED_FIELDS.includes(fieldAt(analysis.result, document.offsetAt(position))?.name as NumericFieldName));
  if (!touched) return [];
  const action = CodeAction.create(SEARCH_TITLE, { title: SEARCH_TITLE, command: Commands.findFasterShapes, arguments: [document.uri] }, SEARCH_ACTION_KIND);
  return [action];
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function registerSearch(connection: Connection, currentAnalysis: (uri: string) => Promise<SearchableDocument | null>): void {
  connection.onRequest(SearchRequest, async (params, token): Promise<SearchReply | null> => {
    const current = await currentAnalysis(params.uri);
    if (!current?.analysis.result.spec) return null;
    const { analysis } = current;
    // The document changes in place while the search yields: edits are positioned on the text searched.
    const searched = TextDocument.create(current.document.uri, current.document.languageId, current.document.version, analysis.text);
    let budget: number;
    try {
      budget = params.budget === undefined || params.budget === null ? DEFAULT_SEARCH_SETTINGS.budget : checkedBudget(params.budget);
    } catch (error) {
      if (error instanceof SearchError) throw new ResponseError(ErrorCodes.InvalidParams, error.message);
      throw error;
    }
    const settings = { ...DEFAULT_SEARCH_SETTINGS, budget, profile: analysis.result.options.profile };
    let result: SearchResult;
    try {
      const search = searchShapes({ kind: 'file', text: analysis.text, fileName: analysis.fileName, result: analysis.result }, settings);
      result = await runInSlices(search, token, { after: PROGRESS_AFTER_MS, create: () => connection.window.createWorkDoneProgress() });
    } catch (error) {
      if (error instanceof SearchError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
      throw error;
    }
    return {
      version: searched.version,
      html: renderSearchHtml(result),
      rankedBy: result.rankedBy,
      rankedByNote: result.rankedByNote,
      candidates: result.candidates.map((candidate) => ({ title: describeDims(candidate.dims), edits: candidate.edits.map((edit) => toTextEdit(searched, edit)), run: candidate.run })),
    };
  });
}

/** Where progress comes from, and after how many milliseconds a search shows it. */
export interface ProgressSource {
  after: number;
  create(): Promise<WorkDoneProgressServerReporter>;
}

/** Drives a search one slice per turn of the event loop until it is done or cancelled (by the request or from the progress UI). */
export async function runInSlices<T>(search: Generator<{ done: number; total: number }, T>, token: CancellationToken, progressSource: ProgressSource): Promise<T> {
  const started = Date.now();
  let progress: WorkDoneProgressServerReporter | undefined;
  try {
    for (;;) {
      const step = search.next();
      if (step.done) return step.value;
      if (!progress && Date.now() - started >= progressSource.after) {
        progress = await progressSource.create();
        progress.begin('shapelint: finding faster shapes', 0, undefined, true);
      }
      progress?.report(Math.round((100 * step.value.done) / step.value.total), `${step.value.done} of ${step.value.total} layer shapes`);
      await nextTurn();
      if (token.isCancellationRequested || progress?.token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'shape search cancelled');
    }
  } finally {
    progress?.done();
  }
}
