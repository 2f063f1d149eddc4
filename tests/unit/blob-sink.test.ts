// The export's growing zip: chunks become Blobs once they pass the bound, and the whole file reads back intact.
import { describe, expect, it } from 'vitest';
import { createBlobSink } from '../../utils/platform/blob-sink';

describe('createBlobSink', () => {
  it('holds at most the bound (plus one chunk) as chunks, and the Blob is every byte in order', async () => {
    const sink = createBlobSink(1000);
    let peak = 0;
    const expected: number[] = [];
    for (let i = 0; i < 50; i++) {
      const chunk = new Uint8Array(97 + i).fill(i);
      expected.push(...chunk);
      sink.write(chunk);
      peak = Math.max(peak, sink.pendingBytes);
    }
    expect(peak).toBeLessThan(1000 + 97 + 50);
    expect(sink.size).toBe(expected.length);
    const blob = sink.finish('application/zip');
    expect(blob.type).toBe('application/zip');
    expect(sink.pendingBytes).toBe(0);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual(expected);
  });

  it('keeps the bytes as they were written, whatever happens to the chunk afterwards', async () => {
    const sink = createBlobSink(10);
    const chunk = new Uint8Array([1, 2, 3]);
    sink.write(chunk);
    const blob = sink.finish('');
    chunk.fill(9);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('makes an empty Blob when nothing was written', () => {
    expect(createBlobSink().finish('application/zip').size).toBe(0);
  });
});
