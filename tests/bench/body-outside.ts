// Benchmark: reads an outside labelled set laid out as the Scrapinghub article-extraction-benchmark is
// (`ground-truth.json` = {id: {articleBody, url}} beside `html/<id>.html.gz`), and splits it into two fixed halves.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface OutsidePage {
  name: string;
  bytes: Uint8Array;
  url: string;
  expected: string;
  /**
   * 'A' or 'B' by the first hex digit of the id's SHA-256 (0–7 or 8–f): a split no one chose by looking at
   * pages. Diagnose on A only; B shows whether a fix generalises.
   */
  half: 'A' | 'B';
}

/** True when `root` holds this layout: the bench takes it instead of the dev corpus. */
export function isOutsideSet(root: string): boolean {
  return existsSync(join(root, 'ground-truth.json')) && existsSync(join(root, 'html'));
}

export function halfOf(id: string): 'A' | 'B' {
  const first = createHash('sha256').update(id).digest('hex')[0] ?? '0';
  return parseInt(first, 16) < 8 ? 'A' : 'B';
}

interface Truth {
  articleBody?: unknown;
  url?: unknown;
}

export function readOutsideSet(root: string): OutsidePage[] {
  const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const pages: OutsidePage[] = [];
  for (const id of Object.keys(truth).sort()) {
    const entry = truth[id];
    const plain = join(root, 'html', `${id}.html`);
    const gz = `${plain}.gz`;
    const bytes = existsSync(gz)
      ? gunzipSync(readFileSync(gz))
      : existsSync(plain)
        ? readFileSync(plain)
        : null;
    if (!entry || !bytes) continue;
    pages.push({
      name: id,
      bytes,
      url: typeof entry.url === 'string' ? entry.url : `http://localhost/${id}.html`,
      expected: typeof entry.articleBody === 'string' ? entry.articleBody : '',
      half: halfOf(id),
    });
  }
  return pages;
}
