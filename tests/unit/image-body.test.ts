// One image response read with a byte limit: stops past it (declared or streamed), refuses failed responses.
import { describe, expect, it } from 'vitest';
import { readImageBody } from '../../utils/platform/image-body';

function streamed(chunks: number[], headers: Record<string, string> = {}, status = 200): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size).fill(1));
      controller.close();
    },
  });
  return new Response(body, { status, headers });
}

describe('readImageBody', () => {
  it('reads the whole body within the limit', async () => {
    expect(await readImageBody(streamed([3, 4]), 10)).toEqual({ ok: true, bytes: new Uint8Array(7).fill(1) });
  });

  it('refuses a declared or streamed size past the limit, and a failed status', async () => {
    expect(await readImageBody(streamed([3], { 'content-length': '99' }), 10)).toEqual({
      ok: false,
      reason: 'image-too-large',
    });
    expect(await readImageBody(streamed([6, 6]), 10)).toEqual({ ok: false, reason: 'image-too-large' });
    expect(await readImageBody(streamed([3], {}, 404), 10)).toEqual({ ok: false, reason: 'fetch-failed' });
  });
});
