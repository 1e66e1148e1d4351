import { spanText } from '../pipeline/document';
import { FIELD_LABELS, NUMERIC_FIELDS, type NumericFieldName } from '../pipeline/shape';
import type { Rule } from './rule';

/**
 * Beyond any published model (hidden sizes are tens of thousands, vocabularies hundreds of
 * thousands, contexts about ten million): a value past this is a typo, not a design.
 */
const LARGEST_PLAUSIBLE = 2 ** 24;

/** Fields where 0 is a documented "off" (GPT-NeoX `pipe_parallel_size: 0`, dense models' expert counts). */
const ZERO_MEANS_OFF: ReadonlySet<NumericFieldName> = new Set(['pipelineParallel', 'numExperts', 'expertsPerToken']);

export const invalidValueRule: Rule = {
  id: 'invalid-value',
  defaultSeverity: 'error',
  description: 'A shape field is not a positive integer (a string, a negative number, a fraction, or absurdly large).',
  check(context) {
    for (const name of NUMERIC_FIELDS) {
      const field = context.shape[name];
      const span = field.valueSpan ?? field.usedAt ?? field.keySpan;
      if (!span) continue;
      const key = field.key ?? FIELD_LABELS[name];
      const written = field.invalidText ?? spanText(context.text, span);
      if (field.origin === 'invalid') {
        // The reader's note says what is wrong ("'abc' is not a number", "... is implausibly large").
        const why = field.note ?? `${written} is not a positive integer`;
        context.report({ message: `${key}: ${why}; shapelint cannot check the ${FIELD_LABELS[name]}.`, span });
        continue;
      }
      if (field.origin !== 'file' || field.value === null) continue;
      const value = field.value;
      if (value === 0 && ZERO_MEANS_OFF.has(name)) continue;
      const problem = !Number.isInteger(value)
        ? 'is not a whole number'
        : value <= 0
          ? 'is not positive'
          : value > LARGEST_PLAUSIBLE
            ? `is larger than any model uses (${LARGEST_PLAUSIBLE})`
            : null;
      if (problem) context.report({ message: `${key}: ${written} ${problem}.`, span });
    }
  },
};
