// Runs the end-to-end suites in real browsers. Never skips: a missing browser is a failure with a plain fix.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH } from './helpers/chromium';
import { FIREFOX_PATH } from './helpers/firefox';

const root = join(import.meta.dirname, '..', '..');
const problems: string[] = [];
if (!existsSync(CHROMIUM_PATH)) {
  problems.push(
    `Chromium was not found at ${CHROMIUM_PATH}. Install Debian's: sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH).`,
  );
}
if (!existsSync(FIREFOX_PATH)) {
  problems.push(
    `Firefox ESR was not found at ${FIREFOX_PATH}. Install Debian's: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).`,
  );
}
for (const dir of ['.output/chrome-mv3', '.output/firefox-mv2']) {
  if (!existsSync(join(root, dir, 'manifest.json')))
    problems.push(`${dir} is missing: run npm run build first.`);
}
if (problems.length) {
  console.error('The end-to-end tests cannot run:\n- ' + problems.join('\n- '));
  process.exit(1);
}

const suites = process.argv.slice(2);
// Every *.e2e.ts file runs; the manifest check first, since a wrong manifest explains later failures.
const found = readdirSync(join(root, 'tests', 'e2e'))
  .filter((name) => name.endsWith('.e2e.ts'))
  .sort((a, b) => Number(b === 'manifest.e2e.ts') - Number(a === 'manifest.e2e.ts') || a.localeCompare(b))
  .map((name) => `tests/e2e/${name}`);
const files = suites.length ? suites : found;
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
