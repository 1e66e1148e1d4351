import { wholeCharacters, type NotRead, type SyntaxError } from '../model/document';
import type { Rule, RuleContext } from './rule';

export const syntaxRule: Rule = {
  id: 'syntax',
  defaultSeverity: 'error',
  description: 'The file does not parse; shapelint reads what it can of the rest.',
  check(context) {
    reportEach(context, context.syntaxErrors);
  },
};

/** One finding per problem the parser found in the text, never splitting an emoji. */
export function reportEach(context: RuleContext, problems: readonly (SyntaxError | NotRead)[]): void {
  for (const problem of problems) context.report({ message: problem.message, span: wholeCharacters(context.text, problem.span) });
}
