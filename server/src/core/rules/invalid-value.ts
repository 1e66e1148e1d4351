import { spanText } from '../model/document';
import { FIELD_LABELS, NUMERIC_FIELDS } from '../model/shape';
import type { Rule } from './rule';

/**
 * The readers decide what is usable (`formats/fields.ts` FIELD_LIMITS: whole, positive or a
 * documented 0, below a sanity ceiling) and mark the rest `invalid` with why; this rule reports them.
 */
export const invalidValueRule: Rule = {
  id: 'invalid-value',
  defaultSeverity: 'error',
  description: 'A shape field is not a positive integer (a string, a negative number, a fraction, or absurdly large).',
  check(context) {
    for (const name of NUMERIC_FIELDS) {
      const field = context.shape[name];
      const span = field.valueSpan ?? field.usedAt ?? field.keySpan;
      if (field.origin !== 'invalid' || !span) continue;
      const key = field.key ?? FIELD_LABELS[name];
      const why = field.note ?? `${field.invalidText ?? spanText(context.text, span)} is not a positive integer`;
      context.report({ message: `${key}: ${why}; shapelint cannot check the ${FIELD_LABELS[name]}.`, span });
    }
  },
};
