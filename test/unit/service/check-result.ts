/** A CheckResult from a tiny `key: value` text, through the rules' shape builder: no format reader needed. */
import { predictShape, resolveOptions, type CheckResult } from '../../../server/src/core/check';
import type { FormatReader } from '../../../server/src/core/formats';
import type { CheckOptions } from '../../../server/src/core/model/options';
import { buildShape, lint, type ShapeOptions } from '../rules/shape-builder';

const TEST_READER: FormatReader = {
  id: 'neox',
  label: 'Test shape',
  evidence: [],
  detect: () => 1,
  parse: (text) => ({ syntax: 'yaml', text, entries: [], errors: [] }),
  read: (document) => buildShape(document.text),
};

export function resultFor(text: string, options: ShapeOptions & { check?: CheckOptions } = {}): CheckResult {
  const resolved = resolveOptions(options.check);
  const shape = buildShape(text, options);
  const { runLaunch: _, ...predicted } = predictShape(shape, resolved);
  return {
    reader: TEST_READER,
    document: TEST_READER.parse(text),
    shape,
    ...predicted,
    findings: lint(text, options),
    options: resolved,
  };
}

/** GPT-3 2.7B (Brown et al. 2020, Table 2.1): h 2560, 32 heads of 80, 32 layers; GPT-2's vocabulary of 50257. */
export const GPT3_2_7B = 'hidden_size: 2560\nnum_attention_heads: 32\nnum_layers: 32\nvocab_size: 50257\nseq_length: 2048\n';
