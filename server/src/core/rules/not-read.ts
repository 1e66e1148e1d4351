import type { Rule } from './rule';
import { reportEach } from './syntax';

export const notReadRule: Rule = {
  id: 'not-read',
  defaultSeverity: 'warning',
  description: 'Part or all of the file is beyond what shapelint reads (its size, or nesting or a string longer than its parser takes), so that part is not checked.',
  check(context) {
    reportEach(context, context.notRead);
  },
};
