import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { detectFormat, detectionEvidence, FORMAT_READERS } from '../../../server/src/core/formats';
import { FORMAT_IDS, NUMERIC_FIELDS } from '../../../server/src/core/model/shape';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'formats');

suite('format detection', () => {
  test('every format has a reader in the registry', () => {
    assert.deepEqual(FORMAT_READERS.map((reader) => reader.id).sort(), [...FORMAT_IDS].sort());
  });

  // SOURCES.md names the sources of the JSON fixtures, which cannot carry a comment.
  for (const format of readdirSync(FIXTURES).filter((name) => !name.endsWith('.md')).sort()) {
    for (const name of readdirSync(join(FIXTURES, format)).sort()) {
      test(`${format}/${name} is detected as ${format} and read with every field`, () => {
        const text = readFileSync(join(FIXTURES, format, name), 'utf8');
        const reader = detectFormat(name, text);
        assert.equal(reader?.id, format);
        const shape = reader.read(reader.parse(text));
        for (const field of NUMERIC_FIELDS) assert.ok(shape[field], `${field} missing`);
      });
    }
  }

  const notConfigs: [string, string][] = [
    ['package.json', '{\n  "name": "x",\n  "version": "1.0.0",\n  "scripts": {"test": "node --test"}\n}\n'],
    ['.github/workflows/ci.yml', 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n'],
    ['docker-compose.yaml', 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n'],
    ['build.sh', '#!/bin/bash\nset -euo pipefail\nnpm ci\nnpm run build -- --minify\n'],
    ['setup.py', 'from setuptools import setup\nsetup(name="x", version="0.1")\n'],
    ['notes.txt', 'hidden_size: 4096\n'],
  ];
  for (const [name, text] of notConfigs) {
    test(`${name} is not taken for a model config`, () => {
      assert.equal(detectFormat(name, text), undefined);
    });
  }

  test('the evidence of a detection is the format\'s telling keys the file has, hyphenated or not', () => {
    const nanotron = readFileSync(join(FIXTURES, 'nanotron', 'config_qwen.yaml'), 'utf8');
    assert.deepEqual(detectionEvidence(detectFormat('config_qwen.yaml', nanotron)!, nanotron), ['model', 'model_config', 'parallelism', 'tokens']);
    const neox = 'pipe-parallel-size: 1\nmodel-parallel-size: 2\nnum-layers: 2\nhidden-size: 64\n';
    const evidence = detectionEvidence(FORMAT_READERS.find((reader) => reader.id === 'neox')!, neox);
    assert.ok(['pipe_parallel_size', 'model_parallel_size', 'num_layers', 'hidden_size'].every((key) => evidence.includes(key)), evidence.join());
    const megatron = 'torchrun pretrain_gpt.py --num-layers 2 --hidden-size 64\n';
    assert.deepEqual(detectionEvidence(FORMAT_READERS.find((reader) => reader.id === 'megatron')!, megatron), ['--num-layers', '--hidden-size']);
  });

  test('detection of a 5 MB file looks at its head only and completes', () => {
    const text = '{\n  "model_type": "llama",\n  "hidden_size": 4096,\n' + '  "x": 1,\n'.repeat(600_000) + '  "y": 2\n}\n';
    assert.ok(text.length > 5 * 1024 * 1024);
    const reader = detectFormat('config.json', text);
    assert.equal(reader?.id, 'hf');
    assert.equal(reader.read(reader.parse(text)).hiddenSize.value, 4096);
  });
});
