import { wholeCharacters } from '../model/document';
import type { Rule } from './rule';

export const syntaxRule: Rule = {
  id: 'syntax',
  defaultSeverity: 'error',
  description: 'The file does not parse; shapelint reads what it can of the rest.',
  check(context) {
    for (const error of context.syntaxErrors) context.report({ message: error.message, span: wholeCharacters(context.text, error.span) });
  },
};
