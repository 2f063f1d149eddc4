// Node: turns a saved page's bytes into text by its declared charset (BOM, <meta>), else by detection. Never mojibake.
import { detect } from 'chardet';

/** How the charset was chosen, most trusted first. */
export type CharsetSource = 'bom' | 'meta' | 'detected' | 'default';

export interface DecodedHtml {
  text: string;
  /** The WHATWG encoding name actually used (`utf-8`, `gb18030`, `big5`, `shift_jis`…). */
  charset: string;
  source: CharsetSource;
}

/** Browsers look at the first 1 KB; Chinese portals often put the <meta> after long scripts, so look further. */
const SNIFF_BYTES = 16_384;
const META_TAG = /<meta\b[^>]*>/gi;
const CHARSET_IN_TAG = /charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_DECLARATION = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

/**
 * The WHATWG name for a charset label, or null when the runtime cannot decode it.
 * GB2312 and GBK pages routinely use GB18030-only characters, so every GB label decodes as its superset.
 */
export function toEncodingName(label: string): string | null {
  let name: string;
  try {
    name = new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
  return name === 'gbk' ? 'gb18030' : name;
}

function findBomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** The charset the page declares in its first bytes (`<meta charset>`, http-equiv, XML declaration), or null. */
export function findDeclaredCharset(bytes: Uint8Array): string | null {
  // Labels and markup are ASCII, and windows-1252 maps every byte to one char, so offsets and tags survive.
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, SNIFF_BYTES));
  const xml = XML_DECLARATION.exec(head)?.[1];
  const xmlName = xml ? toEncodingName(xml) : null;
  if (xmlName) return xmlName;
  for (const tag of head.match(META_TAG) ?? []) {
    const label = CHARSET_IN_TAG.exec(tag)?.[1];
    const name = label ? toEncodingName(label) : null;
    // A page saved as bytes cannot really be UTF-16 if its <meta> is readable as ASCII (WHATWG rule).
    if (name) return name.startsWith('utf-16') ? 'utf-8' : name;
  }
  return null;
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
