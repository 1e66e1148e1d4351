import type { NotRead, Span, SyntaxError } from '../model/document';
import type { Fix, FixEstimate, RelatedLocation, Severity } from '../model/findings';
import type { LayerSpec } from '../model/prediction';
import type { RunLaunch, RunPrediction } from '../perf/run';
import type { Launch, ModelShape, NumberField } from '../model/shape';
import type { ResolvedCheckOptions } from '../model/options';

export interface FindingInput {
  message: string;
  span: Span;
  /** Overrides the rule's default severity for this finding (e.g. a warning-level case of an error rule). */
  severity?: Severity;
  related?: RelatedLocation[];
  fixes?: Fix[];
}

export interface RuleContext {
  shape: ModelShape;
  text: string;
  /** Parse errors; the document is still read where it could be. */
  syntaxErrors: readonly SyntaxError[];
  /** Text the parser did not read (past a limit), the file not being wrong for it. */
  notRead: readonly NotRead[];
  options: ResolvedCheckOptions;
  /** The shape as plain numbers with defaults filled in; null when h, a or layers are unknown. */
  spec: LayerSpec | null;
  /** The launch every prediction assumes: each choice with its origin (the file, the framework's default, a setting). */
  launch: Launch;
  /** The whole run (memory per GPU, step time); null without a spec or when the launch cannot run. */
  run: RunPrediction | null;
  /** The launch the run was predicted for; absent where no run is predicted. */
  runLaunch?: RunLaunch;
  /** The run again with the layer or the launch changed; null when it cannot run. */
  rerun(change: { spec?: Partial<LayerSpec>; launch?: Partial<RunLaunch> }): RunPrediction | null;
  /** Predicted effect of changing the spec; undefined when the spec is unknown. */
  estimate(change: Partial<LayerSpec>): FixEstimate | undefined;
  /** Where to put a diagnostic about a field: its literal, else where it is used, else the file start. */
  anchor(field: NumberField, ...fallbacks: NumberField[]): Span;
  report(finding: FindingInput): void;
}

export interface Rule {
  /** Stable kebab-case id; never reused once retired. */
  id: string;
  defaultSeverity: Severity;
  /** One line, for docs and SARIF. */
  description: string;
  check(context: RuleContext): void;
}
