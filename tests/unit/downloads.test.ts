import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadPost, downloadText, downloadZip } from '../../utils/platform/downloads';

type Delta = { id: number; state?: { current?: string } };

const fake = vi.hoisted(() => {
  const listeners = new Set<(delta: Delta) => void>();
  return {
    listeners,
    states: new Map<number, string>(),
    downloads: {
      download: vi.fn<(options: { url: string; filename: string }) => Promise<number>>(),
      search: vi.fn<(query: { id: number }) => Promise<Array<{ id: number; state: string }>>>(),
      onChanged: {
        addListener: (fn: (delta: Delta) => void) => listeners.add(fn),
        removeListener: (fn: (delta: Delta) => void) => listeners.delete(fn),
      },
    },
  };
});

vi.mock('wxt/browser', () => ({ browser: { downloads: fake.downloads } }));

let revoked: string[] = [];
let blobs: Blob[] = [];

beforeEach(() => {
  revoked = [];
  blobs = [];
  fake.listeners.clear();
  fake.states.clear();
  let nextId = 1;
  fake.downloads.download.mockImplementation(() => {
    const id = nextId++;
    fake.states.set(id, 'in_progress');
    return Promise.resolve(id);
  });
  fake.downloads.search.mockImplementation(({ id }) =>
    Promise.resolve([{ id, state: fake.states.get(id) ?? 'in_progress' }]),
  );
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:ext/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    revoked.push(url);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function finish(id: number, state = 'complete'): void {
  fake.states.set(id, state);
  for (const fn of [...fake.listeners]) fn({ id, state: { current: state } });
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('downloads', () => {
  it('downloads a post from a blob: URL and revokes it only after completion', async () => {
    const result = await downloadPost({ filename: '2024-03-18-tidal.md', content: '---\ntitle: x\n---\n' });
    expect(result).toEqual({ ok: true, value: undefined });
    expect(fake.downloads.download).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'blob:ext/1', filename: '2024-03-18-tidal.md', saveAs: false }),
    );
    expect(await blobs[0]?.text()).toBe('---\ntitle: x\n---\n');
    expect(blobs[0]?.type).toBe('text/markdown;charset=utf-8');
    await flush();
    finish(99);
    expect(revoked).toEqual([]);
    finish(1);
    expect(revoked).toEqual(['blob:ext/1']);
    expect(fake.listeners.size).toBe(0);
  });

  it('revokes an interrupted download too', async () => {
    await downloadText('{}', 'postclip-backup-2024-01-01.json', 'application/json');
    await flush();
    finish(1, 'interrupted');
    expect(revoked).toEqual(['blob:ext/1']);
  });

  it('revokes at once when the download already finished', async () => {
    fake.downloads.download.mockImplementation(() => {
      fake.states.set(5, 'complete');
      return Promise.resolve(5);
    });
    await downloadZip(new Uint8Array([80, 75, 5, 6]), 'postclip-2024-01-01.zip');
    await flush();
    expect(revoked).toEqual(['blob:ext/1']);
    expect(blobs[0]?.type).toBe('application/zip');
    expect(new Uint8Array(await (blobs[0] as Blob).arrayBuffer())).toEqual(new Uint8Array([80, 75, 5, 6]));
  });

  it('maps a refused download to download-failed and frees the blob', async () => {
    fake.downloads.download.mockRejectedValue(new Error('Access denied'));
    expect(await downloadText('x', 'a.txt', 'text/plain')).toEqual({
      ok: false,
      code: 'download-failed',
      detail: 'Access denied',
    });
    expect(revoked).toEqual(['blob:ext/1']);
  });

  it('makes a hostile file name safe', async () => {
    await downloadText('x', '../../etc/passwd', 'text/plain');
    const [options] = fake.downloads.download.mock.calls[0] ?? [];
    expect(options?.filename).not.toMatch(/[/\\]|^\./);
  });
});
