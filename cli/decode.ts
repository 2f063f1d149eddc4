// Node: turns a saved page's bytes into text by its declared charset (BOM, <meta>), else by detection. Never mojibake.
import { detect } from 'chardet';
import { findBomCharset, findDeclaredCharset, toEncodingName } from '../utils/pure/charset';

export { findDeclaredCharset, toEncodingName } from '../utils/pure/charset';

/** How the charset was chosen, most trusted first. */
export type CharsetSource = 'bom' | 'meta' | 'detected' | 'default';

export interface DecodedHtml {
  text: string;
  /** The WHATWG encoding name actually used (`utf-8`, `gb18030`, `big5`, `shift_jis`…). */
  charset: string;
  source: CharsetSource;
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function decodeStrict(bytes: Uint8Array, charset: string): string | null {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Valid non-ASCII characters a declared-UTF-8 page needs per invalid byte sequence to be read as UTF-8 all the same. */
const MIN_VALID_PER_INVALID = 20;

/**
 * A page that says UTF-8 and is, but for a stray byte (a Latin-1 `ä` pasted into one place), reads as UTF-8 with a
 * replacement character there, as browsers show it; a legacy page under a wrong UTF-8 label is mostly invalid
 * sequences, and is left to detection. Null when the page is not mostly UTF-8.
 */
function decodeMostlyUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) invalid += 1;
    else if (code >= 0x80) valid += 1;
  }
  return invalid * MIN_VALID_PER_INVALID <= valid ? text : null;
}

/** Valid UTF-8 is almost never an accident; otherwise ask chardet, and decode leniently. */
function decodeDetected(bytes: Uint8Array): DecodedHtml {
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', source: 'detected' };
  const guess = detect(bytes);
  const charset = (guess ? toEncodingName(guess) : null) ?? 'windows-1252';
  return { text: new TextDecoder(charset).decode(bytes), charset, source: guess ? 'detected' : 'default' };
}

/**
 * Decodes a saved page: BOM, then the declared charset, then detection. A declared UTF-8 that is not valid UTF-8 is
 * detected, unless all but a few stray bytes of it are.
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom = findBomCharset(bytes);
  if (bom) {
    return {
      text: new TextDecoder(bom.charset).decode(bytes.subarray(bom.length)),
      charset: bom.charset,
      source: 'bom',
    };
  }
  const declared = findDeclaredCharset(bytes);
  if (declared === 'utf-8') {
    const text = decodeStrict(bytes, 'utf-8');
    const read = text ?? decodeMostlyUtf8(bytes);
    if (read !== null) return { text: read, charset: 'utf-8', source: 'meta' };
    return decodeDetected(bytes);
  }
  if (declared) {
    // Pages re-saved as UTF-8 often keep their old GBK <meta>; legacy non-ASCII text is almost never valid UTF-8.
    const utf8 = hasNonAscii(bytes) ? decodeStrict(bytes, 'utf-8') : null;
    if (utf8 !== null) return { text: utf8, charset: 'utf-8', source: 'detected' };
    return { text: new TextDecoder(declared).decode(bytes), charset: declared, source: 'meta' };
  }
  return decodeDetected(bytes);
}
