// Platform: one image response read into memory, refused as soon as it passes its byte limit. Shared by the page's
// fetch (injected script) and the background's, so both stop alike.
import type { ImageRefusal } from '../pure/images/types';

export type BodyReply = { ok: true; bytes: Uint8Array } | { ok: false; reason: ImageRefusal };

export const IMAGE_ACCEPT = 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9';

export async function readImageBody(response: Response, limit: number): Promise<BodyReply> {
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, reason: 'fetch-failed' };
  }
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) {
    await response.body.cancel().catch(() => {});
    return { ok: false, reason: 'image-too-large' };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: 'image-too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'fetch-failed' };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes };
}

/** Fetches `url` (by whoever calls: page or background) and reads at most `limit` bytes of it. */
export async function fetchImageBytes(
  url: string,
  limit: number,
  timeoutMs: number,
  credentials: RequestCredentials,
): Promise<BodyReply> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials,
      headers: { Accept: IMAGE_ACCEPT },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, reason: 'fetch-failed' };
  }
  return readImageBody(response, limit);
}
