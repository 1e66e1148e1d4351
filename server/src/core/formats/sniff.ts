/**
 * Cheap detection helpers: every reader looks only at the file name and the first 64 KB, so
 * detecting a 5 MB file costs no more than a small one.
 */
import { firstSignificantOffset } from '../parse/yaml';

export const SNIFF_CHARS = 64 * 1024;

export function sniffHead(text: string): string {
  return text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text;
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function baseNameOf(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
}

export const YAML_EXTENSIONS = new Set(['yaml', 'yml']);

function escape(key: string): string {
  return key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How many of `keys` appear as a key (`key:` in YAML, `"key":` in JSON or brace-style YAML, minified too). */
export function countKeys(head: string, keys: readonly string[]): number {
  // `includes` first: most keys asked are absent, and it is far cheaper than the regular expression.
  return keys.filter((key) => head.includes(key) && new RegExp(`(^|[{,])[ \\t]*["']?${escape(key)}["']?[ \\t]*:`, 'm').test(head)).length;
}

/** Whether `key:` appears at the top level (no indentation) of a block-style YAML file. */
export function hasTopLevelKey(head: string, key: string): boolean {
  return head.includes(key) && new RegExp(`^["']?${escape(key)}["']?[ \\t]*:`, 'm').test(head);
}

/** How many of `flags` (`--num-layers`) appear as words. */
export function countFlags(head: string, flags: readonly string[]): number {
  return flags.filter((flag) => head.includes(flag) && new RegExp(`(^|[\\s"'(])${escape(flag)}(?=[\\s="':]|$)`, 'm').test(head)).length;
}

/**
 * Which of `names` the head has: `--flag` as a word, else `key:` / `"key":` / `key =` as a key,
 * hyphenated or not (GPT-NeoX writes `num-layers` for `num_layers`).
 */
export function presentNames(head: string, names: readonly string[]): string[] {
  const underscored = head.replace(/-/g, '_');
  const hasKey = (name: string): boolean =>
    [head, underscored].some((text) => countKeys(text, [name]) > 0 || new RegExp(`^${escape(name)}[ \\t]*=`, 'm').test(text));
  return names.filter((name) => (name.startsWith('--') ? countFlags(head, [name]) > 0 : hasKey(name)));
}

/** The first non-blank, non-comment character ('' when there is none). */
export function firstSignificantChar(head: string): string {
  return head.charAt(firstSignificantOffset(head));
}
