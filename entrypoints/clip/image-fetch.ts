// Runs in the page's isolated world: fetches one same-origin image as the page would (its cookies), under the
// activeTab grant. The bytes cross back to the background as base64 text, the one form scripting.executeScript
// returns alike in Chromium and Firefox.
import { fetchImageBytes } from '../../utils/platform/image-body';
import type { InjectedImageReply } from '../../utils/pure/protocol';

const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  return btoa(binary);
}

export async function fetchImageInPage(
  url: string,
  limit: number,
  timeoutMs: number,
): Promise<InjectedImageReply> {
  const reply = await fetchImageBytes(url, limit, timeoutMs, 'include');
  return reply.ok ? { ok: true, data: toBase64(reply.bytes) } : reply;
}
