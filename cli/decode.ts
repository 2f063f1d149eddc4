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

/** Valid UTF-8 is almost never an accident; otherwise ask chardet, and decode leniently. */
function decodeDetected(bytes: Uint8Array): DecodedHtml {
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', source: 'detected' };
  const guess = detect(bytes);
  const charset = (guess ? toEncodingName(guess) : null) ?? 'windows-1252';
  return { text: new TextDecoder(charset).decode(bytes), charset, source: guess ? 'detected' : 'default' };
}

/** Decodes a saved page: BOM, then the declared charset, then detection. A declared UTF-8 that is not valid UTF-8 is detected. */
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
    if (text !== null) return { text, charset: 'utf-8', source: 'meta' };
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
