// Pure: an image's content hash (SHA-256, lower-case hex), the key that deduplicates its bytes across clips.

/**
 * SHA-256 of `bytes` as 64 lower-case hex digits, through Web Crypto (`crypto.subtle`: browsers, workers and
 * Node 20 alike). Rejects only where Web Crypto is missing (an insecure context).
 */
export async function hashImageBytes(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle) throw new Error('Web Crypto (crypto.subtle) is not available here');
  // digest() wants a BufferSource backed by an ArrayBuffer; a view on a SharedArrayBuffer or a typed subarray is copied.
  const input =
    bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  const digest = new Uint8Array(await subtle.digest('SHA-256', input));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Whether `text` is a hash as hashImageBytes writes it (checked on restore and when reading the store). */
export function isImageHash(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}
