import { spanText } from '../model/document';
import { FIELD_LABELS, LATENT_ATTENTION_FIELDS, LATENT_ATTENTION_LABELS, NUMERIC_FIELDS, type NumberField } from '../model/shape';
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
    const latent = context.shape.latentAttention;
    const fields: [NumberField, string][] = [
      ...NUMERIC_FIELDS.map((name): [NumberField, string] => [context.shape[name], FIELD_LABELS[name]]),
      ...(latent ? LATENT_ATTENTION_FIELDS.map((name): [NumberField, string] => [latent[name], LATENT_ATTENTION_LABELS[name]]) : []),
    ];
    for (const [field, label] of fields) {
      const span = field.valueSpan ?? field.usedAt ?? field.keySpan;
      if (field.origin !== 'invalid' || !span) continue;
      const key = field.key ?? label;
      const why = field.note ?? `${field.invalidText ?? spanText(context.text, span)} is not a positive integer`;
      context.report({ message: `${key}: ${why}; shapelint cannot check the ${label}.`, span });
    }
  },
};
