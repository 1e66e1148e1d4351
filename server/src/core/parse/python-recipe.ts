import type { ConfigDocument, ConfigEntry, ScalarValue, Span, SyntaxError } from '../model/document';
import { logicalLines, tokenize, type Token } from './python';

/**
 * A NeMo 2 or Megatron-Bridge recipe script, or a NeMo 2 recipe module, read as text, never run.
 * Entries:
 * - `['recipe']`: the recipe a script calls (`llm.llama3_8b.pretrain_recipe(...)`, value
 *   `llama3_8b`; Megatron-Bridge's `pretrain_config(...)` imported from
 *   `megatron.bridge.recipes.llama.llama3_8b`, or `llama3_8b_pretrain_config(...)`) or a recipe
 *   module's own `NAME = "llama3_8b"`;
 * - `['kwarg', name]`: the call's keyword arguments, and a module's `def trainer(...)` and
 *   `def pretrain_recipe(...)` defaults;
 * - `['set', ...path]`: assignments to the recipe object (`recipe.data.seq_length = 8192` is
 *   `['set', 'data', 'seq_length']`);
 * - `['plugins']`: the trainer's precision plugin, wherever `plugins=` names one: the factory it
 *   calls (`plugins=bf16_mixed()`, `recipe.trainer.plugins = fp16_mixed()`) or the precision a
 *   `MegatronMixedPrecision` config is given (`precision="bf16-mixed"`); the last one written wins.
 * A value that is not a literal (a name, arithmetic, a call) is an unresolved entry: only running
 * the script would tell it.
 */
const RECIPE_CALL = /^([A-Za-z_]\w*)\s*=\s*(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)\.(pretrain_recipe|finetune_recipe)\s*\(/;
const MODULE_NAME = /^NAME\s*=\s*["']([\w.-]+)["']\s*$/;
/** Megatron-Bridge: `cfg = pretrain_config(...)` (annotated or not), `llama3_8b_pretrain_config(...)`, `llama3_8b.pretrain_config(...)`. */
const BRIDGE_CALL = /^([A-Za-z_]\w*)\s*(?::\s*[\w.[\], ]+)?=\s*((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\s*\(/;
const BRIDGE_IMPORT = /^from\s+megatron\.bridge\.recipes((?:\.\w+)*)\s+import\s+\(?([^)]*)\)?\s*$/;
const BRIDGE_FUNCTION = /^(?:(\w+)_)?(?:pretrain|finetune)_config$/;
/** `plugins=bf16_mixed()` (group 1), or `plugins=run.Config(nl.MegatronMixedPrecision, ..., precision="bf16-mixed")` (group 3). */
const PRECISION_PLUGIN = /\bplugins\s*=\s*(?:([A-Za-z_]\w*)\s*\(\s*\)|(?:run\.)?Config\(\s*(?:nl\.)?MegatronMixedPrecision\b[^)]*?\bprecision\s*=\s*(["'])([\w-]+)\2)/g;

/** The recipe module a Megatron-Bridge import brings in, by the local name of each recipe function. */
function bridgeImports(path: string, names: string, into: Map<string, string>): void {
  const module = path.split('.').pop();
  for (const item of names.split(',')) {
    const [name, alias] = item.trim().split(/\s+as\s+/);
    const recipe = BRIDGE_FUNCTION.exec(name ?? '');
    const from = recipe?.[1] ?? (recipe ? module : undefined);
    if (from) into.set(alias ?? name, from);
  }
}

/** The recipe a Megatron-Bridge call names: `llama3_8b_pretrain_config`, `llama3_8b.pretrain_config`, or an imported name. */
function bridgeRecipe(callee: string, imported: ReadonlyMap<string, string>): string | undefined {
  const parts = callee.split('.');
  const last = parts[parts.length - 1];
  const own = BRIDGE_FUNCTION.exec(last);
  if (own?.[1]) return own[1];
  if (own && parts.length > 1) return parts[parts.length - 2];
  return imported.get(callee);
}

export function parseRecipe(text: string): ConfigDocument {
  const errors: SyntaxError[] = [];
  const entries: ConfigEntry[] = [];
  const recipeVariables = new Set<string>();
  const bridgeRecipes = new Map<string, string>();
  for (const line of logicalLines(text, errors, true)) {
    entries.push(...precisionPlugins(line.text, line.offset));
    const imported = BRIDGE_IMPORT.exec(line.text);
    if (imported) bridgeImports(imported[1], imported[2], bridgeRecipes);
    const bridge = BRIDGE_CALL.exec(line.text);
    const bridgeModule = bridge ? bridgeRecipe(bridge[2], bridgeRecipes) : undefined;
    if (bridge && bridgeModule) {
      recipeVariables.add(bridge[1]);
      // The finding lands on the called name, which is what names the recipe in the file.
      const span = { offset: line.offset + bridge[0].lastIndexOf(bridge[2]), length: bridge[2].length };
      entries.push({ path: ['recipe'], keySpan: span, value: bridgeModule, valueSpan: span });
      const tokens = tokenize(line.text, line.offset, bridge[0].length - 1, errors);
      if (tokens) entries.push(...keywordEntries(argumentsOf(tokens), text));
      continue;
    }
    const call = RECIPE_CALL.exec(line.text);
    if (call) {
      recipeVariables.add(call[1]);
      const moduleOffset = line.offset + call[0].lastIndexOf(call[2]);
      const span = { offset: moduleOffset, length: call[2].length };
      entries.push({ path: ['recipe'], keySpan: span, value: call[2], valueSpan: span });
      const tokens = tokenize(line.text, line.offset, call[0].length - 1, errors);
      if (tokens) entries.push(...keywordEntries(argumentsOf(tokens), text));
      continue;
    }
    const moduleName = MODULE_NAME.exec(line.text);
    if (moduleName) {
      const span = { offset: line.offset + line.text.indexOf(moduleName[1]), length: moduleName[1].length };
      entries.push({ path: ['recipe'], keySpan: { offset: line.offset, length: 4 }, value: moduleName[1], valueSpan: span });
      continue;
    }
    // A recipe module's defaults: trainer()'s, then pretrain_recipe()'s, which win (it passes its num_nodes to trainer()).
    if (/^def\s+(?:trainer|pretrain_recipe)\s*\(/.test(line.text)) {
      const tokens = tokenize(line.text, line.offset, line.text.indexOf('('), errors);
      if (tokens) entries.push(...keywordEntries(argumentsOf(tokens), text));
      continue;
    }
    const assignment = /^([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*)+)\s*=(?!=)/.exec(line.text);
    if (assignment && recipeVariables.has(assignment[1])) {
      const tokens = tokenize(line.text, line.offset, assignment[0].length, errors);
      const path = assignment[2].slice(1).split('.');
      const keyStart = line.offset + assignment[1].length + 1;
      const keySpan = { offset: keyStart, length: assignment[2].length - 1 };
      if (tokens) entries.push(valueEntry(['set', ...path], keySpan, tokens, text));
    }
  }
  return { syntax: 'python', text, entries, errors };
}

/** Each precision plugin a line names, located on the factory's name or the precision string. */
function precisionPlugins(line: string, offset: number): ConfigEntry[] {
  return [...line.matchAll(PRECISION_PLUGIN)].map((match) => {
    const value = match[1] ?? match[3];
    const at = offset + match.index + match[0].lastIndexOf(value);
    return { path: ['plugins'], keySpan: { offset: offset + match.index, length: 'plugins'.length }, value, valueSpan: { offset: at, length: value.length } };
  });
}

/** The top-level comma-separated pieces between the first `(` and its `)`. */
function argumentsOf(tokens: Token[]): Token[][] {
  const pieces: Token[][] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    const operator = token.kind === 'operator' ? token.value : '';
    if (/^[([{]$/.test(operator)) {
      depth++;
      if (depth === 1) continue;
    } else if (/^[)\]}]$/.test(operator)) {
      depth--;
      if (depth === 0) break;
    } else if (operator === ',' && depth === 1) {
      pieces.push(current);
      current = [];
      continue;
    }
    if (depth >= 1) current.push(token);
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/** `name=value` and `name: type = value` arguments as entries; positional ones say nothing by name. */
function keywordEntries(pieces: Token[][], text: string): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  for (const piece of pieces) {
    const equals = piece.findIndex((token, index) => token.kind === 'operator' && token.value === '=' && topLevel(piece, index));
    if (equals < 1 || piece[0].kind !== 'name') continue;
    entries.push(valueEntry(['kwarg', piece[0].value], piece[0].span, piece.slice(equals + 1), text));
  }
  return entries;
}

function topLevel(tokens: Token[], index: number): boolean {
  let depth = 0;
  for (const token of tokens.slice(0, index)) {
    if (token.kind !== 'operator') continue;
    if (/^[([{]$/.test(token.value)) depth++;
    else if (/^[)\]}]$/.test(token.value)) depth--;
  }
  return depth === 0;
}

/** A literal (number, string, True/False/None, a negative number) or, for anything else, an unresolved entry. */
function valueEntry(path: string[], keySpan: Span, tokens: Token[], text: string): ConfigEntry {
  const meaningful = tokens.filter((token) => !(token.kind === 'operator' && token.value === ','));
  if (meaningful.length === 0) return { path, keySpan, value: null, valueSpan: { offset: keySpan.offset + keySpan.length, length: 0 } };
  const first = meaningful[0];
  const last = meaningful[meaningful.length - 1];
  const valueSpan = { offset: first.span.offset, length: last.span.offset + last.span.length - first.span.offset };
  const literal = literalValue(meaningful);
  if (literal !== undefined) return { path, keySpan, value: literal, valueSpan };
  const written = text.slice(valueSpan.offset, valueSpan.offset + valueSpan.length);
  return { path, keySpan, value: null, valueSpan, unresolved: `'${written}' is computed when the script runs` };
}

const NAMED_LITERALS: Record<string, ScalarValue> = { True: true, False: false, None: null };

function literalValue(tokens: Token[]): ScalarValue | undefined {
  if (tokens.length === 2 && tokens[0].kind === 'operator' && tokens[0].value === '-' && tokens[1].kind === 'number') return -tokens[1].value;
  if (tokens.length !== 1) return undefined;
  const [token] = tokens;
  if (token.kind === 'number' || token.kind === 'string') return token.value;
  if (token.kind === 'name' && token.value in NAMED_LITERALS) return NAMED_LITERALS[token.value];
  return undefined;
}
