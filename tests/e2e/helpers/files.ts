// Waits for downloaded files to land on disk and reads them back, as a user opening them would.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';

/** Waits until a finished file matching `pattern` is in `dir` (no .crdownload/.part beside it). */
export async function waitForDownload(dir: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const names = await readdir(dir).catch(() => [] as string[]);
    const partial = names.some((n) => n.endsWith('.crdownload') || n.endsWith('.part'));
    const hit = names.find((n) => pattern.test(n));
    if (hit && !partial) return join(dir, hit);
    if (Date.now() > end)
      throw new Error(`no download matching ${String(pattern)} in ${dir}; saw: ${names.join(', ')}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

export async function readZip(path: string): Promise<Map<string, string>> {
  const entries = unzipSync(new Uint8Array(await readFile(path)));
  return new Map(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

/** The YAML between the first two `---` lines, and the body after. */
export function splitPost(text: string): { frontMatter: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`not a post with front matter:\n${text.slice(0, 300)}`);
  return { frontMatter: match[1] ?? '', body: match[2] ?? '' };
}
