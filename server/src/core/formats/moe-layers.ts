import type { ConfigEntry } from '../model/document';
import { defaultField, derivedField, unknownField, type ModelShape, type NumberField } from '../model/shape';
import { MOE_LAYER_DEFAULTS } from './catalogue/framework-defaults';
import { booleanValue, EntryIndex, fieldAt, invalidField, ownEntry, readField, valueOf } from './fields';

/**
 * Which layers of a mixture of experts run experts, read from each framework's pattern keys and
 * summarised as counts (ModelShape.denseLayers, denseFfnHiddenSize, sharedExpertFfnSize).
 */
export type MoeLayerFields = Pick<ModelShape, 'denseLayers' | 'denseFfnHiddenSize' | 'sharedExpertFfnSize'>;

/** How many of `layers` layers are dense, by the framework's rule for one layer; null when the layer count is unknown. */
function denseCount(layers: number | undefined, isMoe: (layer: number) => boolean): number | null {
  if (layers === undefined) return null;
  let dense = 0;
  for (let layer = 0; layer < layers; layer++) if (!isMoe(layer)) dense++;
  return dense;
}

/** A dense-layer count worked out from `entry` (a pattern key), located on it; unknown where the layer count is. */
function countedAt(entry: ConfigEntry, count: number | null, how: string): NumberField {
  if (count === null) return { ...fieldAt<number>(entry, null), origin: 'unknown', note: `${how}: the layer count is unknown` };
  return entry.unresolved ? fieldAt<number>(entry, null) : { ...fieldAt(entry, count, `${how}: ${count} dense layer${count === 1 ? '' : 's'}`), origin: 'derived' };
}

/** The integers of a list the file writes as a value (`mlp_only_layers: [0, 5]`, `moe_layers: [1, 3]`): its elements are entries under the key. */
function listAt<Key extends string>(index: EntryIndex<Key>, key: string): { entries: ConfigEntry[]; values: number[] } | undefined {
  const prefix = `${key}.`;
  const entries = [...index.keys()].filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length))).map((name) => index.get(name as Key)!);
  if (entries.length === 0) return undefined;
  return { entries, values: entries.map((entry) => Number(entry.value)).filter(Number.isInteger) };
}

const MAX_PATTERN_LAYERS = 1_000_000;

/**
 * Megatron-LM's `--moe-layer-freq` list expression, read as text, never run: integer lists,
 * `[0]*3`, `+` and parentheses (`([0]*3+[1]*58)`, `([1]*3+[0]*1)*3`, `[0,1,1]`). Null for
 * anything else (a name, a comprehension).
 */
export function layerPattern(text: string): number[] | null {
  const tokens = text.replace(/\s+/g, '').match(/\d+|[[\]()+*,]/g);
  if (!tokens || tokens.join('') !== text.replace(/\s+/g, '')) return null;
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (wanted?: string): string | null => (wanted === undefined || peek() === wanted ? (tokens[at++] ?? null) : null);
  // sum := term ('+' term)*; term := atom ('*' int)*; atom := '[' ints ']' | '(' sum ')' | int
  const sum = (): number[] | number | null => {
    let left = term();
    while (left !== null && peek() === '+') {
      take('+');
      const right = term();
      left = Array.isArray(left) && Array.isArray(right) ? [...left, ...right] : typeof left === 'number' && typeof right === 'number' ? left + right : null;
    }
    return left;
  };
  const term = (): number[] | number | null => {
    let left = atom();
    while (left !== null && peek() === '*') {
      take('*');
      const right = atom();
      if (typeof right !== 'number') return null;
      // No model has a million layers: a longer pattern is a typo, and is never built.
      if (Array.isArray(left) && right * left.length > MAX_PATTERN_LAYERS) return null;
      left = Array.isArray(left) ? Array.from({ length: right * left.length }, (_, i) => (left as number[])[i % (left as number[]).length]) : left * right;
    }
    return left;
  };
  const atom = (): number[] | number | null => {
    if (take('(')) {
      const inner = sum();
      return take(')') ? inner : null;
    }
    if (take('[')) {
      const items: number[] = [];
      while (peek() !== ']') {
        const item = take();
        if (item === null || !/^\d+$/.test(item)) return null;
        items.push(Number(item));
        if (peek() === ',') take(',');
      }
      take(']');
      return items;
    }
    const number = take();
    return number !== null && /^\d+$/.test(number) ? Number(number) : null;
  };
  const result = sum();
  return at === tokens.length && Array.isArray(result) ? result : null;
}

/**
 * Megatron-LM's MoE layer pattern (and NeMo's, which passes `moe_layer_freq` to the same
 * TransformerConfig): `--moe-layer-freq` N (layer i runs experts where i % N == 0) or a list
 * expression, one entry per layer, 1 MoE, 0 dense (Megatron asserts its length is num_layers).
 * The dense layers' MLP is `--ffn-hidden-size` wide (`denseWidth`); shared experts are
 * `--moe-shared-expert-intermediate-size`. Nothing for a dense model.
 */
export function megatronMoeLayers<Key extends string>(
  index: EntryIndex<Key>,
  keys: { frequency: NoInfer<Key>; shared: NoInfer<Key> },
  numLayers: NumberField,
  denseWidth: () => NumberField,
  framework: string,
): Partial<MoeLayerFields> {
  const { source } = MOE_LAYER_DEFAULTS.megatron;
  const layers = valueOf(numLayers);
  const written = index.get(keys.frequency);
  // A YAML list (NeMo's `moe_layer_freq: [0, 1, 1]`) is one entry per element.
  const list = written ? undefined : listAt(index, keys.frequency);
  const entry = written ?? list?.entries[0];
  const denseLayers = ((): NumberField => {
    if (entry?.unresolved) return fieldAt<number>(entry, null);
    if (!entry || entry.value === null) return defaultField(0, `${framework} default moe_layer_freq ${MOE_LAYER_DEFAULTS.megatron.moeLayerFreq}: every layer runs experts (${source})`);
    const text = list ? `[${list.entries.map((element) => String(element.value)).join(', ')}]` : String(entry.value).trim();
    if (/^\d+$/.test(text)) {
      const every = Number(text);
      if (every === 0) return invalidField(entry, 'moe_layer_freq 0: Megatron-LM takes layer i % 0, which fails', text);
      return countedAt(entry, denseCount(layers, (layer) => layer % every === 0), `moe_layer_freq ${every}: layer i runs experts where i % ${every} == 0`);
    }
    const pattern = layerPattern(text);
    if (!pattern || pattern.some((value) => value !== 0 && value !== 1)) {
      return { ...fieldAt<number>(entry, null), origin: 'unknown', note: `moe_layer_freq ${text}: not an integer or a list expression of 0s and 1s shapelint reads` };
    }
    if (layers !== undefined && pattern.length !== layers) {
      return invalidField(entry, `moe_layer_freq lists ${pattern.length} layers where num_layers is ${layers}: ${framework} refuses a pattern of another length`, text);
    }
    const dense = pattern.filter((value) => value === 0).length;
    return { ...fieldAt(entry, dense, `moe_layer_freq ${text}: ${dense} dense layer${dense === 1 ? '' : 's'} of ${pattern.length}`), origin: 'derived' };
  })();
  return {
    denseLayers,
    ...((valueOf(denseLayers) ?? 0) > 0 ? { denseFfnHiddenSize: denseWidth() } : {}),
    sharedExpertFfnSize: readField(index, 'sharedExpertFfnSize', [keys.shared], () => defaultField(0, `${framework} default: no shared experts (${MOE_LAYER_DEFAULTS.megatron.sharedSource})`)),
  };
}

/** The file's integer at `key`, if it writes one. */
function integerAt(index: EntryIndex, key: string): { entry: ConfigEntry; value: number } | undefined {
  const entry = index.get(key);
  return entry && !entry.unresolved && typeof entry.value === 'number' && Number.isInteger(entry.value) ? { entry, value: entry.value } : undefined;
}

/**
 * A Hugging Face config's MoE layer pattern, by the keys its model class reads
 * (MOE_LAYER_DEFAULTS.hf): DeepSeek's `first_k_dense_replace` (and the remote code's
 * `moe_layer_freq`), Qwen-MoE's `decoder_sparse_step` and `mlp_only_layers`, Llama 4's
 * `interleave_moe_layer_step` and `moe_layers`; the dense width (`intermediate_size`, Llama 4's
 * `intermediate_size_mlp`) and the shared experts (DeepSeek `n_shared_experts` ×
 * `moe_intermediate_size`, Qwen2-MoE `shared_expert_intermediate_size`, Llama 4's one of
 * `intermediate_size`). `key` maps a name to the file's (nested under `text_config` or not).
 */
export function hfMoeLayers(index: EntryIndex, key: (name: string) => string, modelType: string | undefined, numLayers: NumberField, expertWidth: NumberField): MoeLayerFields {
  const family = modelType === undefined ? undefined : ownEntry(MOE_LAYER_DEFAULTS.hf, modelType);
  const layers = valueOf(numLayers);
  const get = (name: string) => integerAt(index, key(name));
  const why = family ? `${modelType}: ${family.source}` : undefined;
  const llama4 = modelType === 'llama4_text' || modelType === 'llama4';

  const denseLayers = ((): NumberField => {
    const firstDense = get('first_k_dense_replace');
    if (firstDense || family?.firstDenseLayers !== undefined) {
      const k = firstDense?.value ?? family!.firstDenseLayers!;
      const frequency = get('moe_layer_freq');
      if (frequency && frequency.value > 1) {
        // DeepSeek's own modeling code: layer i runs experts where i >= first_k_dense_replace and i % moe_layer_freq == 0.
        return countedAt(frequency.entry, denseCount(layers, (layer) => layer >= k && layer % frequency.value === 0), `first_k_dense_replace ${k}, moe_layer_freq ${frequency.value}`);
      }
      if (firstDense) return { ...fieldAt(firstDense.entry, Math.min(k, layers ?? k)), note: `the first ${k} layers keep a dense MLP${why ? ` (${why})` : ''}` };
      return defaultField(Math.min(k, layers ?? k), `no first_k_dense_replace: ${why}`);
    }
    const step = get('decoder_sparse_step');
    const mlpOnly = listAt(index, key('mlp_only_layers'));
    if (step || mlpOnly || family?.sparseStep !== undefined) {
      const every = step?.value ?? family?.sparseStep ?? 1;
      const only = new Set(mlpOnly?.values ?? []);
      const count = denseCount(layers, (layer) => !only.has(layer) && (layer + 1) % every === 0);
      const how = `decoder_sparse_step ${every}${only.size > 0 ? `, mlp_only_layers [${[...only].join(', ')}]` : ''}`;
      const at = step?.entry ?? mlpOnly?.entries[0];
      if (at) return countedAt(at, count, how);
      return count === null ? unknownField<number>(`${how}: the layer count is unknown`) : defaultField(count, `${how} by default: ${why}`);
    }
    const moeLayers = listAt(index, key('moe_layers'));
    const interleave = get('interleave_moe_layer_step');
    if (moeLayers || interleave || family?.interleaveStep !== undefined) {
      const every = interleave?.value ?? family?.interleaveStep ?? 1;
      const listed = moeLayers ? new Set(moeLayers.values) : null;
      const count = denseCount(layers, (layer) => (listed ? listed.has(layer) : layer % every === every - 1));
      const how = listed ? `moe_layers [${[...listed].join(', ')}]` : `interleave_moe_layer_step ${every}`;
      const at = moeLayers?.entries[0] ?? interleave?.entry;
      if (at) return countedAt(at, count, how);
      return count === null ? unknownField<number>(`${how}: the layer count is unknown`) : defaultField(count, `${how} by default: ${why}`);
    }
    if (family?.allLayersMoe) return defaultField(0, `every layer runs experts: ${why}`);
    return unknownField<number>(`model_type ${modelType ?? '(none)'}: no layer pattern key (first_k_dense_replace, decoder_sparse_step, mlp_only_layers, moe_layers, interleave_moe_layer_step), and its model class was not read for one: every layer counted as MoE`);
  })();

  const denseWidthKey = llama4 ? 'intermediate_size_mlp' : 'intermediate_size';
  const denseFfnHiddenSize =
    (valueOf(denseLayers) ?? 0) > 0 ? readField(index, 'denseFfnHiddenSize', [key(denseWidthKey)], () => unknownField<number>(`no ${denseWidthKey}: the dense layers' MLP width is unknown`)) : unknownField<number>('no dense layers');

  const sharedExpertFfnSize = ((): NumberField => {
    const qwenShared = index.get(key('shared_expert_intermediate_size'));
    if (qwenShared) return readField(index, 'sharedExpertFfnSize', [key('shared_expert_intermediate_size')], () => unknownField<number>('shared_expert_intermediate_size null'));
    const shared = get('n_shared_experts');
    const count = shared?.value ?? family?.sharedExperts;
    if (llama4) return expertWidth.value === null ? unknownField<number>('Llama 4: one shared expert of intermediate_size, which is unknown') : derivedField(expertWidth.value, `one shared expert of intermediate_size ${expertWidth.value} (${why})`);
    if (count === undefined) return unknownField<number>(`model_type ${modelType ?? '(none)'}: no n_shared_experts or shared_expert_intermediate_size, and no default shapelint can cite`);
    if (count === 0) return shared ? fieldAt<number>(shared.entry, 0, 'no shared experts') : defaultField(0, `no shared experts: ${why}`);
    const width = valueOf(expertWidth);
    if (width === undefined) return unknownField<number>(`${count} shared experts of moe_intermediate_size, which is unknown`);
    const how = `n_shared_experts ${count} × moe_intermediate_size ${width}`;
    return shared ? { ...derivedField(count * width, how), usedAt: shared.entry.valueSpan, key: shared.entry.path[shared.entry.path.length - 1], keySpan: shared.entry.keySpan, valueSpan: shared.entry.valueSpan } : defaultField(count * width, `${how} (${why})`);
  })();

  return { denseLayers, denseFfnHiddenSize, sharedExpertFfnSize };
}

/**
 * An MoE block every N layers, as GPT-NeoX's `expert_interval` and nanoMoE's `stride` place them:
 * layer i runs experts where i % N == 0 (`key`, else `every.value`), and the other layers keep the
 * dense MLP the experts copy, of the same width (`width`).
 */
function everyNthLayerMoe(index: EntryIndex, key: string, numLayers: NumberField, width: NumberField, every: { value: number; source: string }): Pick<MoeLayerFields, 'denseLayers' | 'denseFfnHiddenSize'> {
  const entry = index.get(key);
  const written = integerAt(index, key);
  const denseLayers = ((): NumberField => {
    if (entry?.unresolved) return fieldAt<number>(entry, null);
    if (entry && entry.value !== null && (!written || written.value <= 0)) {
      return invalidField(entry, `${key} ${String(entry.value)}: layer i % ${key} needs a positive integer`);
    }
    const n = written?.value ?? every.value;
    const count = denseCount(valueOf(numLayers), (layer) => layer % n === 0);
    const how = `${key} ${n}: layers 0, ${n}, ${2 * n}, … run experts`;
    if (written) return countedAt(written.entry, count, how);
    return count === null ? unknownField<number>(`${how}: the layer count is unknown`) : defaultField(count, `${how} by default (${every.source})`);
  })();
  return {
    denseLayers,
    denseFfnHiddenSize: (valueOf(denseLayers) ?? 0) > 0 && width.value !== null ? derivedField(width.value, 'the dense layers keep the MLP the experts copy, of the same width') : unknownField<number>('no dense layers'),
  };
}

/**
 * GPT-NeoX: an MoE layer every `moe_expert_interval` (`expert_interval` in its first MoE
 * arguments), the other layers dense. DeepSpeed's residual MoE runs the dense MLP on every token
 * too: a shared expert one expert wide. Each key is read under either version's name; what the
 * file leaves out takes the defaults of the version its keys belong to (MOE_LAYER_DEFAULTS.neox).
 */
export function neoxMoeLayers(index: EntryIndex, numLayers: NumberField, width: NumberField): MoeLayerFields {
  const { version, defaultsSaid } = neoxMoeVersion(index);
  const { first, current } = MOE_LAYER_DEFAULTS.neox;
  const intervalKey = [current.intervalKey, first.intervalKey].find((key) => index.has(key)) ?? version.intervalKey;
  return {
    ...everyNthLayerMoe(index, intervalKey, numLayers, width, { value: version.expertInterval, source: defaultsSaid }),
    sharedExpertFfnSize: neoxResidualMlp(index, width, version, defaultsSaid),
  };
}

type NeoxMoeVersion = (typeof MOE_LAYER_DEFAULTS.neox)['first' | 'current'];

/**
 * The MoE arguments a GPT-NeoX file is written for, from the keys only one version defines: the
 * first (@ c291906d) where it writes only those, else the current NeoXArgsMoE (@ 923afa65). A
 * file with neither says nothing of its version: the current defaults apply, and the note says
 * what the first version's would have been.
 */
function neoxMoeVersion(index: EntryIndex): { version: NeoxMoeVersion; defaultsSaid: string } {
  const { first, current } = MOE_LAYER_DEFAULTS.neox;
  const firstKey = first.ownKeys.find((key) => index.has(key));
  const currentKey = current.ownKeys.find((key) => index.has(key));
  if (firstKey && !currentKey) return { version: first, defaultsSaid: `${first.source}; the file's ${firstKey} is of that version` };
  if (currentKey) return { version: current, defaultsSaid: `${current.source}; the file's ${currentKey} is of that version` };
  return {
    version: current,
    defaultsSaid: `${current.source}; the file names no key only one MoE version defines, and GPT-NeoX's first MoE arguments (neox_args.py @ ${first.commit}) defaulted otherwise: expert_interval ${first.expertInterval}, ${first.defaultMoe}`,
  };
}

/**
 * The residual MLP of GPT-NeoX's DeepSpeed MoE layers, one expert wide; 0 for the other MoE
 * (`use_deepspeed_moe` false, `moe_type` megablocks) or with the residual switched off.
 */
function neoxResidualMlp(index: EntryIndex, width: NumberField, version: NeoxMoeVersion, defaultsSaid: string): NumberField {
  const useDeepSpeedEntry = index.get('use_deepspeed_moe');
  const typeEntry = index.get('moe_type');
  const residualKey = [MOE_LAYER_DEFAULTS.neox.current.residualKey, MOE_LAYER_DEFAULTS.neox.first.residualKey].find((key) => index.has(key)) ?? version.residualKey;
  const residualEntry = index.get(residualKey);
  const unresolved = [useDeepSpeedEntry, typeEntry, residualEntry].find((entry) => entry?.unresolved);
  if (unresolved) return fieldAt<number>(unresolved, null);
  const switchEntry = [useDeepSpeedEntry, typeEntry].find((entry) => entry && entry.value !== null);
  if (!switchEntry) return defaultField(0, `GPT-NeoX default ${version.defaultMoe}: no residual MLP, no shared expert (${defaultsSaid})`);
  const runsDeepSpeed = switchEntry === useDeepSpeedEntry ? booleanValue(switchEntry) : String(switchEntry.value) === 'deepspeed';
  const switchSaid = `${switchEntry === useDeepSpeedEntry ? 'use_deepspeed_moe' : 'moe_type'} ${String(switchEntry.value)}`;
  if (runsDeepSpeed === undefined) return invalidField(switchEntry, `${switchSaid} is not a boolean`);
  if (!runsDeepSpeed) return fieldAt(switchEntry, 0, `${switchSaid}: no residual MLP, no shared expert`);
  const written = booleanValue(residualEntry);
  if (residualEntry && residualEntry.value !== null && written === undefined) return invalidField(residualEntry, `${residualKey} ${String(residualEntry.value)} is not a boolean`);
  const residual = written ?? version.useResidual;
  const said = written === undefined ? `GPT-NeoX default ${residualKey} ${version.useResidual ? 'True' : 'False'}` : `${residualKey} ${written}`;
  if (!residual) return fieldAt(residualEntry!, 0, `${said}: no shared expert`);
  if (width.value === null) return unknownField<number>(`${said}: a residual MLP one expert wide, and the expert width is unknown`);
  const how = `${said}: DeepSpeed's residual MoE runs the expert MLP (${width.value} wide) on every token besides the routed experts`;
  return written === undefined ? defaultField(width.value, `${how} (${defaultsSaid}; ${MOE_LAYER_DEFAULTS.neox.residualSource})`) : { ...fieldAt(residualEntry!, width.value, how), origin: 'derived' };
}

/** nanoMoE: an MoE block every `stride` layers, none of them shared (MOE_LAYER_DEFAULTS.nanoMoE). */
export function nanoMoeLayers(index: EntryIndex, numLayers: NumberField, width: NumberField): MoeLayerFields {
  const { stride, source } = MOE_LAYER_DEFAULTS.nanoMoE;
  return { ...everyNthLayerMoe(index, 'stride', numLayers, width, { value: stride, source: `nanoMoE train.py default stride = ${stride}; ${source}` }), sharedExpertFfnSize: defaultField(0, `no shared experts: ${source}`) };
}
