import { FIELD_LABELS, NUMERIC_FIELDS } from '../model/shape';
import type { Rule } from './rule';

export const unresolvedValueRule: Rule = {
  id: 'unresolved-value',
  defaultSeverity: 'information',
  description: 'The file sets a shape field in a way only running it would resolve (a branch, arithmetic, the environment), so it is not checked.',
  check(context) {
    for (const name of NUMERIC_FIELDS) {
      const field = context.shape[name];
      // The reader says so: set in the file, but not to anything that can be read statically.
      if (field.origin !== 'unresolved' || !field.valueSpan) continue;
      const why = field.note ?? 'its value cannot be read without running the file';
      context.report({
        message: `${field.key ?? FIELD_LABELS[name]}: ${why}, so shapelint does not check the ${FIELD_LABELS[name]}.`,
        span: field.usedAt ?? field.valueSpan,
        related: field.usedAt ? [{ span: field.valueSpan, message: 'the value it may take here' }] : [],
      });
    }
  },
};
