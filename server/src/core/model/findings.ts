import type { Span } from './document';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** What applying a fix is predicted to do, from the throughput model. */
export interface FixEstimate {
  /** Predicted throughput after / before (1.18 means +18%). */
  speedup: number;
  /** What the speed-up is of: the layer's TFLOP/s, or the model's tokens/s when only the logits change. */
  scope: 'layer' | 'model';
  /** Parameters after minus before, whole model. */
  paramsDelta: number;
}

export interface Fix {
  title: string;
  isPreferred: boolean;
  /** Safe fixes only pad (vocab, divisors); `--fix` and `source.fixAll` apply only these. */
  safe: boolean;
  edits: TextEdit[];
  estimate?: FixEstimate;
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  related: RelatedLocation[];
  fixes: Fix[];
}
