import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { parseYaml } from '../../../server/src/core/parse/yaml';
import { resolvePlainScalar } from '../../../server/src/core/parse/yaml11';

function valueAt(text: string, key: string, loader?: 'pyyaml' | 'omegaconf'): unknown {
  return parseYaml(text, loader).entries.find((entry) => entry.path.join('.') === key)?.value;
}

suite('YAML 1.1 as the Python loaders type it', () => {
  // yaml/pyyaml lib/yaml/resolver.py @ 01302154758c: the int, float, bool and null resolvers.
  test('PyYAML integers: underscores, hex, binary, leading-zero octal, base 60', () => {
    assert.equal(resolvePlainScalar('262_144', 'pyyaml'), 262144);
    assert.equal(resolvePlainScalar('0x10', 'pyyaml'), 16);
    assert.equal(resolvePlainScalar('0b1010', 'pyyaml'), 10);
    assert.equal(resolvePlainScalar('010', 'pyyaml'), 8);
    assert.equal(resolvePlainScalar('-1_000', 'pyyaml'), -1000);
    assert.equal(resolvePlainScalar('1:30', 'pyyaml'), 90);
  });

  test('PyYAML floats need a dot and a signed exponent: 1e3 and 1.0e3 stay strings, 1.0e+3 is 1000', () => {
    assert.equal(resolvePlainScalar('1e3', 'pyyaml'), '1e3');
    assert.equal(resolvePlainScalar('1.0e3', 'pyyaml'), '1.0e3');
    assert.equal(resolvePlainScalar('1.0e+3', 'pyyaml'), 1000);
    assert.equal(resolvePlainScalar('6.0e-4', 'pyyaml'), 0.0006);
    assert.equal(resolvePlainScalar('.5', 'pyyaml'), 0.5);
    assert.equal(resolvePlainScalar('0o10', 'pyyaml'), '0o10');
  });

  test('OmegaConf adds 1e3 and 1.0e3 as floats (omry/omegaconf omegaconf/_utils.py get_yaml_loader @ 0019bcaca49e)', () => {
    assert.equal(resolvePlainScalar('1e3', 'omegaconf'), 1000);
    assert.equal(resolvePlainScalar('1e-6', 'omegaconf'), 1e-6);
    assert.equal(resolvePlainScalar('262_144', 'omegaconf'), 262144);
  });

  test('YAML 1.1 booleans and nulls: yes/off, ~', () => {
    assert.equal(resolvePlainScalar('yes', 'pyyaml'), true);
    assert.equal(resolvePlainScalar('Off', 'pyyaml'), false);
    assert.equal(resolvePlainScalar('~', 'pyyaml'), null);
    assert.equal(resolvePlainScalar('y', 'pyyaml'), 'y');
  });

  test('the document: plain scalars retyped, quoted ones kept, JSON-style NeoX files too', () => {
    const text = 'a: 262_144\nb: "262_144"\nc: 1e3\nd: [0x10, \'0x10\']\n';
    assert.equal(valueAt(text, 'a', 'pyyaml'), 262144);
    assert.equal(valueAt(text, 'b', 'pyyaml'), '262_144');
    assert.equal(valueAt(text, 'c', 'pyyaml'), '1e3');
    assert.equal(valueAt(text, 'd.0', 'pyyaml'), 16);
    assert.equal(valueAt(text, 'd.1', 'pyyaml'), '0x10');
    // Without a loader the file reads as YAML 1.2, as before.
    assert.equal(valueAt(text, 'a'), '262_144');
    assert.equal(valueAt(text, 'c'), 1000);
    assert.equal(valueAt('{\n  "lr": 1e-4, # comment\n  "hidden-size": 4_096,\n}\n', 'lr', 'pyyaml'), '1e-4');
  });
});
