import type { Rule } from './rule';
import { architectureFixes, fieldName, isPositiveInteger, literalEdit, relatedAt } from './support';

/**
 * Gated MLPs in use run 8h/3 ≈ 2.67·h (SwiGLU's parameter-preserving width) up to 3.5·h
 * (Llama-2-70B, Mistral-7B; paper VII-B). Below 2·h the width almost certainly comes from a
 * misread framework semantic, not from a design choice.
 */
const NARROWEST_PLAUSIBLE_RATIO = 2;

export const gatedMlpWidthRule: Rule = {
  id: 'gated-mlp-width',
  defaultSeverity: 'warning',
  description: 'A dense gated MLP narrower than 2·h: the framework read the MLP size differently from what the file meant.',
  check(context) {
    const { shape } = context;
    const field = shape.ffnHiddenSize;
    const h = shape.hiddenSize.value;
    const width = field.value;
    const experts = shape.numExperts.value ?? 1;
    // MoE experts are narrow by design (Qwen3-30B-A3B: 768 for h=2048).
    if (!shape.gatedMlp || experts > 1 || !isPositiveInteger(h) || !isPositiveInteger(width)) return;
    const ratio = width / h;
    if (ratio >= NARROWEST_PLAUSIBLE_RATIO) return;

    const built = `the MLP branches are ${width} wide (${ratio.toFixed(2)}·h), narrower than any gated MLP in use (8h/3 ≈ 2.67·h to 3.5·h)`;
    const literal = field.written;
    if (field.origin === 'file' && field.toLiteral && isPositiveInteger(literal) && literal !== width) {
      const meant = field.toLiteral(literal);
      const name = fieldName(field, 'ffnHiddenSize');
      context.report({
        message: `${name} ${literal}: ${built}. This framework takes the gated projections' total from ${name} and splits it, so ${literal} builds branches of ${width}; if ${literal} is the per-branch width (as Hugging Face configs write it), write ${meant}.`,
        span: context.anchor(field),
        fixes: architectureFixes(context, [{ change: `Set ${name} to ${meant} (MLP width ${literal})`, edits: [literalEdit(context, field, literal)], spec: { ffnHiddenSize: literal } }]),
      });
      return;
    }
    context.report({
      message: `${built}${field.note ? ` (${field.note})` : ''}. Set the MLP size explicitly.`,
      span: context.anchor(field, shape.hiddenSize),
      related: field.origin === 'file' ? [] : relatedAt(shape.hiddenSize, 'hidden size (the MLP size follows from it)'),
    });
  },
};
