// The fuzz properties at benchmark size (default 10,000 runs each): `npx tsx tests/bench/fuzz.ts [--runs N] [--seed S]`.
// Prints one line per property (runs, result, time) and a closing `N passed, N failed` line; exits 1 on a failure.
import fc from 'fast-check';
import { IMAGE_FUZZ_PROPERTIES } from '../fuzz/image-properties';
import { FUZZ_PROPERTIES } from '../fuzz/properties';

function readFlag(name: string): number | undefined {
  const index = process.argv.indexOf(name);
  const value = index === -1 ? undefined : process.argv[index + 1];
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`${name} wants an integer, got ${value}`);
  return n;
}

const RUNS = readFlag('--runs') ?? 10_000;
const SEED = readFlag('--seed');

let passed = 0;
let failed = 0;
let totalCases = 0;
const started = performance.now();
for (const { name, check } of [...FUZZ_PROPERTIES, ...IMAGE_FUZZ_PROPERTIES]) {
  const t0 = performance.now();
  const details = check(SEED === undefined ? { numRuns: RUNS } : { numRuns: RUNS, seed: SEED });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  totalCases += details.numRuns;
  if (details.failed) {
    failed += 1;
    console.log(`FAIL ${name}: failed after ${details.numRuns} runs (${seconds} s)`);
    console.log(fc.defaultReportMessage(details) ?? '');
    if (details.errorInstance instanceof Error) console.log(`Error: ${details.errorInstance.message}`);
  } else {
    passed += 1;
    console.log(`ok   ${name}: ${details.numRuns} runs (${seconds} s)`);
  }
}
const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${totalCases} cases in ${total} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
