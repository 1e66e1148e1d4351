import type { ConfigDocument } from '../model/document';
import { parseYaml } from '../parse/yaml';
import type { ModelShape } from '../model/shape';
import type { FormatReader } from './format';
import { readMegatronArguments } from './megatron';
import { countKeys, extensionOf, hasTopLevelKey, sniffHead, YAML_EXTENSIONS } from './sniff';

/**
 * FlagScale training YAML (`examples/llama3/conf/train/70b.yaml` and its siblings): Hydra sections `system`, `model`
 * and `data` whose leaves FlagScale's runner turns into Megatron-LM arguments, `tensor_model_
 * parallel_size: 8` into `--tensor-model-parallel-size 8`, whatever group they sit in
 * (`data.tokenizer.vocab_size`, `system.checkpoint.load`). So the shape is Megatron-LM's.
 */
const SECTIONS = new Set(['system', 'model', 'data']);

const MEGATRON_LEAVES = ['tensor_model_parallel_size', 'pipeline_model_parallel_size', 'num_layers', 'hidden_size', 'num_attention_heads', 'make_vocab_size_divisible_by', 'seq_length', 'micro_batch_size'];

function flagscaleKey(path: readonly string[]): string | undefined {
  return SECTIONS.has(path[0]) && path.length > 1 ? path[path.length - 1] : undefined;
}

export const flagscaleReader: FormatReader = {
  id: 'flagscale',
  label: 'FlagScale YAML (Megatron-LM arguments)',
  evidence: ['system', 'model', 'data', ...MEGATRON_LEAVES],

  detect(fileName, text) {
    if (!YAML_EXTENSIONS.has(extensionOf(fileName))) return 0;
    const head = sniffHead(text);
    if (!hasTopLevelKey(head, 'system') || !hasTopLevelKey(head, 'model')) return 0;
    return countKeys(head, MEGATRON_LEAVES) >= 3 ? 0.9 : 0;
  },

  parse: parseYaml,

  read(document: ConfigDocument): ModelShape {
    return readMegatronArguments(document, flagscaleKey, 'flagscale');
  },
};
