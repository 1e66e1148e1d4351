/** `npm run bench`: runs every test/bench/*.bench.ts in turn; each prints its measured figures. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

async function runAll(): Promise<void> {
  const benches = readdirSync(__dirname).filter((name) => name.endsWith('.bench.ts')).sort();
  for (const name of benches) {
    console.log(`\n# ${name}`);
    const bench = (await import(pathToFileURL(join(__dirname, name)).href)) as { run(): Promise<void> };
    await bench.run();
  }
}

void runAll();
