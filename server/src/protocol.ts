/**
 * What the extension client and the language server say to each other beyond LSP: the
 * settings section and the shape-report request. Imported by both sides (as eslint's $shared).
 */
import { RequestType, type TextEdit } from 'vscode-languageserver-protocol';
import type { ReportData } from './core/features/report';
import type { SeveritySetting } from './core/model/findings';
import { DEFAULT_GPU_ID } from './core/perf/gpus';
import { DEFAULT_MICRO_BATCH_SIZE, DEFAULT_SEQUENCE_LENGTH, type AttentionOverride } from './core/model/options';
import type { Dtype } from './core/model/prediction';
import type { FormatId, RecomputeMode } from './core/model/shape';
import type { CandidateRun, RankedBy } from './core/search';

export const SETTINGS_SECTION = 'shapelint';

/** `shapelint.*`, as read per resource through workspace/configuration. */
export interface ShapelintSettings {
  gpu: string;
  dtype: Dtype;
  /** Used where the file does not say. */
  microBatchSize: number;
  sequenceLength: number;
  tensorParallelSize: number;
  rules: Record<string, SeveritySetting>;
  inlayHints: { enabled: boolean };
  /** A measured GEMM profile (JSON) that overrides the model where it has data; '' for none. */
  gpuProfile: string;
  /** Glob → format, for files shapelint would not recognise by name and content. */
  associations: Record<string, FormatId>;
  /** Forces the attention kernel over the file and the framework's default; 'auto' forces nothing. */
  attention: 'auto' | AttentionOverride;
  /** Forces both dropout probabilities; null forces nothing. */
  dropout: number | null;
  /** Forces activation recomputation; 'auto' forces nothing. */
  recompute: 'auto' | RecomputeMode;
  /** GPUs in the run where the file does not say; null: one node of eight. */
  gpus: number | null;
  /** GPUs per node where the file does not say; null: the GPU's NVLink domain. */
  gpusPerNode: number | null;
  /** Pipeline-parallel stages where the file and its framework's default do not say; null: one stage. */
  pipelineParallelSize: number | null;
}

export const DEFAULT_SETTINGS: ShapelintSettings = {
  gpu: DEFAULT_GPU_ID,
  dtype: 'bf16',
  microBatchSize: DEFAULT_MICRO_BATCH_SIZE,
  sequenceLength: DEFAULT_SEQUENCE_LENGTH,
  tensorParallelSize: 1,
  rules: {},
  inlayHints: { enabled: true },
  gpuProfile: '',
  associations: {},
  attention: 'auto',
  dropout: null,
  recompute: 'auto',
  gpus: null,
  gpusPerNode: null,
  pipelineParallelSize: null,
};

export const Commands = {
  selectGpu: 'shapelint.selectGpu',
  showReport: 'shapelint.showReport',
  applyAllSafeFixes: 'shapelint.applyAllSafeFixes',
  findFasterShapes: 'shapelint.findFasterShapes',
  openExample: 'shapelint.openExample',
} as const;

export const FIX_ALL_KIND = 'source.fixAll.shapelint';

export interface ReportParams {
  uri: string;
}

export interface ReportResult {
  title: string;
  /** A self-contained HTML fragment (tables and inline SVG); the client supplies page, CSS and theme. */
  html: string;
  data: ReportData;
}

/** The shape report of a document; null when the document is not a model config shapelint reads. */
export const ReportRequest = new RequestType<ReportParams, ReportResult | null, void>('shapelint/report');

/** The code action that opens the report's search section (a refactoring: it changes the architecture). */
export const SEARCH_ACTION_KIND = 'refactor.rewrite.shapelint.search';
/** The command's and the code action's title; the budget is the search's default. */
export const SEARCH_TITLE = 'Find faster shapes (±5% parameters)';

export interface SearchParams {
  uri: string;
  /** The parameter budget, ±: 0.05 for 5%. */
  budget?: number;
}

export interface SearchReply {
  /** The document version searched: the edits apply to it only. */
  version: number;
  /** The report's search section (HTML fragment); its Apply buttons name candidates by index. */
  html: string;
  /** What the candidates are ranked by (the run's tokens/s per GPU, or the model's tokens/s), and under which launch or why not the run's. */
  rankedBy: RankedBy;
  rankedByNote: string;
  /**
   * Per candidate, in the table's order: the edits that turn the file into it, as quick fixes
   * make them, and its run (tokens/s per GPU, MFU, peak memory per GPU, whether it fits; null
   * when ranked by the model).
   */
  candidates: { title: string; edits: TextEdit[]; run: CandidateRun | null }[];
}

/** Searches the shapes near the document's (server-side, in slices, cancellable); null when the document is not a config with a known shape. */
export const SearchRequest = new RequestType<SearchParams, SearchReply | null, void>('shapelint/search');

export interface ReadProfileParams {
  /** The `shapelint.gpuProfile` setting as written. */
  setting: string;
  /** The document the profile is for: relative settings start at its workspace folder. */
  uri: string;
}

/** Where the profile was looked for (a URI), and its text or why it could not be read. */
export type ReadProfileResult = { source: string; text: string } | { source: string; error: string };

/** Server → client, where the server cannot read files itself (a web worker): the text of the profile a setting names. */
export const ReadProfileRequest = new RequestType<ReadProfileParams, ReadProfileResult, void>('shapelint/readProfile');

/**
 * The report's search section once the file has changed since the search: the candidates' edits
 * no longer apply, so a button searches again. Here, not in the core's report module, so that the
 * client bundle does not pull in the core.
 */
export const STALE_SEARCH_HTML =
  '<section id="search"><h2>Faster shapes</h2><p class="search-notice">The file changed since the search. <button class="apply" data-search>Search again</button></p></section>';

