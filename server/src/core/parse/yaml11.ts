import type { ScalarValue } from '../model/document';

/**
 * How a Python framework's YAML loader types a plain scalar. The `yaml` package reads YAML 1.2
 * (core schema), but MaxText, GPT-NeoX, Axolotl, llm-foundry and NeMo load their YAML with
 * PyYAML's YAML 1.1 resolver, directly or through OmegaConf, which types `262_144`, `0x10`,
 * `010` (octal), `1:30` (base 60) and `yes`/`off` differently.
 *
 * - `pyyaml`: PyYAML's `Resolver` (yaml/pyyaml lib/yaml/resolver.py @ 01302154758c): a float
 *   needs a dot, and its exponent a sign, so `1e3` and `1.0e3` stay strings, `1.0e+3` is 1000.
 * - `omegaconf`: OmegaConf's `get_yaml_loader` (omry/omegaconf omegaconf/_utils.py @
 *   0019bcaca49e) adds a float resolver that also takes `1e3` and `1.0e3`, and drops timestamps.
 */
export type YamlLoader = 'pyyaml' | 'omegaconf';

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PYYAML_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const OMEGACONF_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A decimal integer without sign, underscore or leading zero: the common case, typed alike by every loader. */
const PLAIN_DECIMAL = /^(?:0|[1-9][0-9]*)$/;

/** The value the loader gives a plain (unquoted, one-line) scalar written as `raw`. */
export function resolvePlainScalar(raw: string, loader: YamlLoader): ScalarValue {
  if (PLAIN_DECIMAL.test(raw)) return Number(raw);
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return /^(?:yes|true|on)$/i.test(raw);
  if (INT.test(raw)) return yaml11Int(raw);
  if (PYYAML_FLOAT.test(raw) || (loader === 'omegaconf' && OMEGACONF_FLOAT.test(raw))) return yaml11Float(raw);
  return raw;
}

/** SafeConstructor.construct_yaml_int: underscores dropped; 0b, 0x, leading-0 octal, base 60. */
function yaml11Int(raw: string): number {
  const sign = raw.startsWith('-') ? -1 : 1;
  const digits = raw.replace(/^[-+]/, '').replace(/_/g, '');
  if (digits.includes(':')) return sign * sexagesimal(digits);
  if (digits.startsWith('0b')) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith('0x')) return sign * parseInt(digits.slice(2), 16);
  if (digits.length > 1 && digits.startsWith('0')) return sign * parseInt(digits.slice(1), 8);
  return sign * Number(digits);
}

/** SafeConstructor.construct_yaml_float: underscores dropped; .inf, .nan, base 60. */
function yaml11Float(raw: string): number {
  const text = raw.replace(/_/g, '').toLowerCase();
  const sign = text.startsWith('-') ? -1 : 1;
  const unsigned = text.replace(/^[-+]/, '');
  if (unsigned === '.inf') return sign * Infinity;
  if (unsigned === '.nan') return NaN;
  if (unsigned.includes(':')) return sign * sexagesimal(unsigned);
  return sign * Number(unsigned);
}

function sexagesimal(digits: string): number {
  return digits.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}
