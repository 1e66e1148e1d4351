import { wholeCharacters } from '../pipeline/document';
import type { Rule } from './rule';

export const notReadRule: Rule = {
  id: 'not-read',
  defaultSeverity: 'warning',
  description: 'Part or all of the file is beyond what shapelint reads (its size, or nesting or a string longer than its parser takes), so that part is not checked.',
  check(context) {
    for (const notRead of context.notRead) context.report({ message: notRead.message, span: wholeCharacters(context.text, notRead.span) });
  },
};
