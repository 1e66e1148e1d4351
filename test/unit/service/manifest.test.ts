import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { GPUS } from '../../../server/src/core/perf/gpus';
import { RULES } from '../../../server/src/core/rules';
import { Commands } from '../../../server/src/protocol';
import { manifestFields, nlsFile, updatedManifest, WALKTHROUGH_ID } from '../../../tools/update-manifest';

const ROOT = join(__dirname, '..', '..', '..');
const manifestText = readFileSync(join(ROOT, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Record<string, any>;

suite('VS Code manifest', () => {
  test('is current with the GPU catalogue, the rules and the commands (else run: node --import tsx tools/update-manifest.ts)', () => {
    assert.equal(manifestText, updatedManifest(manifestText));
    assert.equal(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'), nlsFile());
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(properties['shapelint.gpu'].enum, GPUS.map((gpu) => gpu.id));
    assert.deepEqual(Object.keys(properties['shapelint.rules'].properties), RULES.map((rule) => rule.id));
    assert.deepEqual(manifest.contributes.commands.map((command: { command: string }) => command.command).sort(), Object.values(Commands).sort());
  });

  test('activates on config languages and files, never on *', () => {
    const events: string[] = manifestFields().activationEvents as string[];
    assert.ok(!events.includes('*'));
    for (const language of ['yaml', 'json', 'jsonc', 'shellscript', 'python']) assert.ok(events.includes(`onLanguage:${language}`));
  });

  test('every %key% of the manifest has its string in package.nls.json, and every string is used', () => {
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const keys = [...manifestText.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.includes('displayName') && keys.includes('walkthrough.applyFix.title'));
    assert.deepEqual(keys.filter((key) => !(key in nls)), []);
    assert.deepEqual(Object.keys(nls).filter((key) => !keys.includes(key)), []);
  });

  test('the walkthrough: pick a GPU, open an example, apply a fix, open the report; each step done by its command', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough.id, WALKTHROUGH_ID);
    assert.deepEqual(
      walkthrough.steps.map((step: { completionEvents: string[] }) => step.completionEvents),
      [Commands.selectGpu, Commands.openExample, Commands.applyAllSafeFixes, Commands.showReport].map((command) => [`onCommand:${command}`]),
    );
  });

  test('every contributed file exists', () => {
    const contributes = manifest.contributes;
    const paths = [
      manifest.icon,
      manifest.main,
      ...contributes.jsonValidation.map((entry: { url: string }) => entry.url),
      ...contributes.yamlValidation.map((entry: { url: string }) => entry.url),
      ...contributes.grammars.map((entry: { path: string }) => entry.path),
      ...contributes.walkthroughs.flatMap((walkthrough: { steps: { media: { markdown: string } }[] }) => walkthrough.steps.map((step) => step.media.markdown)),
    ].filter((path) => !path.startsWith('./client/out') && !path.startsWith('client/out'));
    for (const path of paths) assert.ok(existsSync(join(ROOT, path)), path);
  });

  test('the schemas describe the shape keys with types and defaults', () => {
    const hf = JSON.parse(readFileSync(join(ROOT, 'schemas', 'hf-config.schema.json'), 'utf8'));
    const neox = JSON.parse(readFileSync(join(ROOT, 'schemas', 'gpt-neox.schema.json'), 'utf8'));
    assert.equal(hf.properties.n_head.type, 'integer');
    assert.equal(hf.additionalProperties, true, 'any config.json stays valid');
    // GPT-NeoX neox_args.py defaults: make_vocab_size_divisible_by 128; hyphenated keys are read too.
    assert.equal(neox.properties.make_vocab_size_divisible_by.default, 128);
    assert.equal(neox.properties['make-vocab-size-divisible-by'].default, 128);
  });

  test('the shell grammar highlights Megatron shape flags and their values', () => {
    const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'megatron-flags.injection.tmLanguage.json'), 'utf8'));
    const pattern = new RegExp(grammar.repository['shape-flag-with-value'].match);
    assert.deepEqual([...(pattern.exec('  --hidden-size 4096 \\') ?? [])].slice(1), ['--hidden-size', ' ', '4096']);
    assert.equal(pattern.exec('--hidden-size-ratio 3'), null);
    assert.equal(pattern.exec('--num-attention-heads=$HEADS')?.[3], undefined);
  });
});
