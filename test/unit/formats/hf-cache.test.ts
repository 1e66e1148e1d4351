import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { hubCacheFolder, localHubConfig } from '../../../server/src/lsp/hf-cache';
import { LARGEST_PROFILE_BYTES } from '../../../server/src/lsp/profiles';

// A Hub config.json in the cache's layout (huggingface_hub: models--org--name/{refs,snapshots,blobs}).
// The shape is Qwen/Qwen2.5-7B's config.json (hidden 3584, 28 layers, 28 heads, 4 kv heads, 18944, vocab 152064).
const CONFIG = JSON.stringify({ architectures: ['Qwen2ForCausalLM'], model_type: 'qwen2', hidden_size: 3584, intermediate_size: 18944, num_attention_heads: 28, num_hidden_layers: 28, num_key_value_heads: 4, vocab_size: 152064, max_position_embeddings: 131072, hidden_act: 'silu' });
const MAIN = '0123456789abcdef0123456789abcdef01234567';
const OLDER = 'fedcba9876543210fedcba9876543210fedcba98';

const cache = mkdtempSync(join(tmpdir(), 'shapelint-hf-cache-'));
after(() => rmSync(cache, { recursive: true, force: true }));

function snapshot(id: string, revision: string, text: string): string {
  const folder = join(cache, `models--${id.replace('/', '--')}`, 'snapshots', revision);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'config.json'), text);
  return folder;
}

function ref(id: string, name: string, revision: string): void {
  const folder = join(cache, `models--${id.replace('/', '--')}`, 'refs');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), revision);
}

snapshot('acme/qwen-fork-7b', MAIN, CONFIG);
snapshot('acme/qwen-fork-7b', OLDER, CONFIG.replace('"num_hidden_layers":28', '"num_hidden_layers":14'));
ref('acme/qwen-fork-7b', 'main', MAIN);

suite('models from the local Hugging Face cache (Node host only, never the network)', () => {
  test('the folder: HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub', () => {
    assert.equal(hubCacheFolder({ HF_HUB_CACHE: '/x/hub', HF_HOME: '/y' }, '/home/u'), '/x/hub');
    assert.equal(hubCacheFolder({ HF_HOME: '/y' }, '/home/u'), join('/y', 'hub'));
    assert.equal(hubCacheFolder({}, '/home/u'), join('/home/u', '.cache', 'huggingface', 'hub'));
  });

  test('refs/main picks the snapshot; a revision picks its own', () => {
    const lookup = localHubConfig(cache);
    assert.equal(lookup('acme/qwen-fork-7b')?.revision, MAIN);
    assert.match(lookup('acme/qwen-fork-7b', OLDER)?.text ?? '', /"num_hidden_layers":14/);
    assert.equal(lookup('acme/qwen-fork-7b', 'no-such-branch'), undefined);
    assert.equal(lookup('acme/absent'), undefined);
  });

  test('untrusted ids and files: no climbing out, no links out of the model folder, no oversized file', () => {
    const lookup = localHubConfig(cache);
    assert.equal(lookup('../etc/passwd'), undefined);
    assert.equal(lookup('acme/..'), undefined);
    const outside = join(cache, 'outside.json');
    writeFileSync(outside, CONFIG);
    const linked = join(cache, 'models--acme--linked', 'snapshots', MAIN);
    mkdirSync(linked, { recursive: true });
    symlinkSync(outside, join(linked, 'config.json'));
    assert.equal(lookup('acme/linked'), undefined);
    snapshot('acme/huge', MAIN, ' '.repeat(LARGEST_PROFILE_BYTES + 1));
    assert.equal(lookup('acme/huge'), undefined);
  });

  test('an Axolotl base_model the catalogue lacks takes its shape from the cached config.json, saying so', () => {
    // axolotl-ai-cloud/axolotl examples/llama-3/lora-8b.yml's run keys on a model only the cache knows.
    const text = 'base_model: acme/qwen-fork-7b\nsequence_len: 4096\nmicro_batch_size: 2\nadapter: lora\nlora_r: 32\n';
    const { shape } = check(text, 'lora.yml', { hubConfig: localHubConfig(cache) });
    assert.ok(shape);
    assert.deepEqual([shape.hiddenSize.value, shape.numLayers.value, shape.numKvHeads.value, shape.ffnHiddenSize.value, shape.vocabSize.value], [3584, 28, 4, 18944, 152064]);
    assert.equal(shape.hiddenSize.origin, 'catalogue');
    assert.match(shape.hiddenSize.note ?? '', /from your local Hugging Face cache/);
    assert.equal(text.slice(shape.hiddenSize.valueSpan!.offset, shape.hiddenSize.valueSpan!.offset + shape.hiddenSize.valueSpan!.length), 'acme/qwen-fork-7b');
    // Without the host's lookup (a web worker, the pure core) the model stays unknown.
    assert.equal(check(text, 'lora.yml').shape?.hiddenSize.value, null);
  });

  test('multi-latent attention sizes carry through a cached config.json, located on the name and said to come from the cache', () => {
    // The cached file is huggingface.co/deepseek-ai/DeepSeek-V2-Lite's config.json (test/fixtures/formats/hf/deepseek-v2-lite.json), under an id the catalogue lacks.
    snapshot('acme/deepseek-v2-lite-fork', MAIN, readFileSync(join(__dirname, '..', '..', 'fixtures', 'formats', 'hf', 'deepseek-v2-lite.json'), 'utf8'));
    const text = 'base_model: acme/deepseek-v2-lite-fork\nsequence_len: 4096\nmicro_batch_size: 1\n';
    const { shape, spec } = check(text, 'sft.yml', { hubConfig: localHubConfig(cache) });
    const latent = shape?.latentAttention;
    assert.ok(latent && spec);
    assert.deepEqual(
      [latent.qLoraRank.value, latent.kvLoraRank.value, latent.qkNopeHeadDim.value, latent.qkRopeHeadDim.value, latent.vHeadDim.value],
      [0, 512, 128, 64, 128],
    );
    assert.equal(latent.kvLoraRank.origin, 'catalogue');
    assert.match(latent.kvLoraRank.key ?? '', /of acme\/deepseek-v2-lite-fork \(local Hugging Face cache\)$/);
    assert.equal(text.slice(latent.kvLoraRank.valueSpan!.offset, latent.kvLoraRank.valueSpan!.offset + latent.kvLoraRank.valueSpan!.length), 'acme/deepseek-v2-lite-fork');
    assert.deepEqual(spec.latentAttention, { qLoraRank: 0, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 });
  });

  test('the exact revision the file names is read even for a catalogued model', () => {
    snapshot('mistralai/Mistral-7B-v0.1', OLDER, CONFIG.replace('"num_hidden_layers":28', '"num_hidden_layers":14'));
    const text = 'base_model: mistralai/Mistral-7B-v0.1\nmodel_revision: ' + OLDER + '\nsequence_len: 4096\nmicro_batch_size: 2\nadapter: lora\n';
    assert.equal(check(text, 'lora.yml', { hubConfig: localHubConfig(cache) }).shape?.numLayers.value, 14);
    assert.equal(check(text.replace(/model_revision.*\n/, ''), 'lora.yml', { hubConfig: localHubConfig(cache) }).shape?.numLayers.value, 32);
  });
});
