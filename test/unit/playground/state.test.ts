import assert from 'node:assert/strict';
import { test } from 'node:test';
import { associatedFormat, checkOptions, normalizeSettings } from '../../../server/src/lsp/settings';
import { decodeState, encodeState, fromBase64Url, settingsOf, toBase64Url, type PlaygroundState } from '../../../playground/src/state';

const gpt3: PlaygroundState = {
  fileName: 'gpt3-2.7b/config.json',
  text: '{\n  "n_head": 32, "_comment": "d_model 2560 · ±5% — 🚀"\n}\n',
  gpu: 'a100-sxm4-40gb',
  format: '',
  launch: { tp: 2, mb: 4 },
};

test('a state survives the fragment: file, UTF-8 text, GPU and launch', () => {
  const fragment = encodeState(gpt3);
  assert.match(fragment, /^#file=gpt3-2\.7b%2Fconfig\.json&text=[A-Za-z0-9_-]+&gpu=a100-sxm4-40gb&tp=2&mb=4$/);
  assert.deepEqual(decodeState(fragment), gpt3);
});

test('base64url is RFC 4648 §5 without padding, and Node decodes it the same', () => {
  for (const text of ['', 'a', 'ab', 'abc', '??>>', gpt3.text]) {
    const encoded = toBase64Url(text);
    assert.doesNotMatch(encoded, /[+/=]/);
    assert.equal(Buffer.from(encoded, 'base64url').toString('utf8'), text);
    assert.equal(fromBase64Url(encoded), text);
  }
});

test('a fragment without a file is no state; undecodable text is an error, not an empty file', () => {
  assert.equal(decodeState(''), null);
  assert.equal(decodeState('#text=e30'), null);
  assert.deepEqual(decodeState('#file=config.json&text=%25%25'), { error: "the link's text for config.json is not base64url of UTF-8 text" });
  // 0xFF alone is not UTF-8.
  assert.ok('error' in (decodeState(`#file=config.json&text=${Buffer.from([0xff]).toString('base64url')}`) ?? {}));
});

test('launch values that are not positive integers are dropped', () => {
  const state = decodeState('#file=a.yml&text=&tp=0&pp=-2&mb=2.5&seq=abc&gpus=64');
  assert.ok(state && !('error' in state));
  assert.deepEqual(state.launch, { gpus: 64 });
});

test('the settings the server reads: only what is set, and a forced format as an association for every path', () => {
  assert.deepEqual(settingsOf({ gpu: '', format: '', launch: {} }), {});
  assert.deepEqual(settingsOf({ gpu: 'h100-sxm', format: 'megatron', launch: { gpus: 8, tp: 2, pp: 4, mb: 1, seq: 4096 } }), {
    gpu: 'h100-sxm',
    gpus: 8,
    tensorParallelSize: 2,
    pipelineParallelSize: 4,
    microBatchSize: 1,
    sequenceLength: 4096,
    associations: { '**': 'megatron' },
  });
  // The server reads every launch field under the name the playground sends: each fills in what the file does not say.
  const options = checkOptions(normalizeSettings(settingsOf({ gpu: '', format: '', launch: { gpus: 16, tp: 2, pp: 4, mb: 1, seq: 4096 } })), undefined);
  assert.deepEqual([options.launchDefaults, options.tensorParallelSize, options.microBatchSize, options.sequenceLength], [{ gpus: 16, pipelineParallel: 4 }, 2, 1, 4096]);
  // The server's reading of that association: every file name, with or without a folder.
  for (const path of ['/config.json', '/neox/2-7B.yml', '/a/b/train.sh']) assert.equal(associatedFormat({ '**': 'megatron' }, path), 'megatron');
});
