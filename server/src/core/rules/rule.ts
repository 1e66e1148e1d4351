import type { NotRead, Span, SyntaxError } from '../pipeline/document';
import type { Fix, FixEstimate, RelatedLocation, Severity } from '../pipeline/findings';
import type { LayerSpec } from '../perf/types';
import type { ModelShape, NumberField } from '../pipeline/shape';
import type { ResolvedCheckOptions } from '../pipeline/options';

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
