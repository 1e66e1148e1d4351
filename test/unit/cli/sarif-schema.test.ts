/** `shapelint check --format sarif` against the SARIF 2.1.0 JSON schema (test/fixtures/sarif/README.md says where it is from). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { main } from '../../../server/src/cli';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const schema = JSON.parse(readFileSync(join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));

async function sarifOf(args: string[]): Promise<unknown> {
  let stdout = '';
  await main(['check', '--format', 'sarif', ...args], { stdout: (text) => void (stdout += text), stderr: () => undefined, cwd: join(FIXTURES, 'cli') });
  return JSON.parse(stdout);
}

test('SARIF output validates against the SARIF 2.1.0 schema: findings with fixes and related locations, and an empty run', async () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  // GPT-3 2.7B (warnings with fixes) and a config with an error; a clean Llama-2-7B gives a run without results.
  const withFindings = (await sarifOf(['gpt3-2.7b/config.json', 'heads-error/config.json'])) as { runs: { results: unknown[] }[] };
  assert.ok(withFindings.runs[0].results.length >= 3, 'the findings are there to validate');
  assert.ok(validate(withFindings), ajv.errorsText(validate.errors));
  const clean = (await sarifOf(['llama-2-7b/config.json'])) as { runs: { results: unknown[] }[] };
  assert.equal(clean.runs[0].results.length, 0);
  assert.ok(validate(clean), ajv.errorsText(validate.errors));
  // The schema is strict enough to catch a mistake: a region with a 0 line is refused.
  const broken = structuredClone(withFindings) as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
  broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
  assert.equal(validate(broken), false);
});
