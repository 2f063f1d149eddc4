// Pure: which charset an HTML page's bytes are in, by the WHATWG order (BOM, the Content-Type header, the page's own
// declaration), decoded with TextDecoder. Shared by the CLI (saved pages) and the link clip (fetched pages).

/** Browsers look at the first 1 KB; Chinese portals often put the <meta> after long scripts, so look further. */
const SNIFF_BYTES = 16_384;
const META_TAG = /<meta\b[^>]*>/gi;
const CHARSET_IN_TAG = /charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_DECLARATION = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;
const CHARSET_PARAM = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;

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

/** The byte-order mark's charset and length, or null. */
export function findBomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
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

/** The charset a `Content-Type` header names (`text/html; charset=GBK` → `gb18030`), or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = CHARSET_PARAM.exec(contentType ?? '');
  const label = match?.[1] ?? match?.[2];
  return label ? toEncodingName(label) : null;
}

/** A fetched page as text: BOM, then the Content-Type charset, then the page's declaration, else UTF-8. */
export function decodeFetchedHtml(
  bytes: Uint8Array,
  contentType: string | null,
): { text: string; charset: string } {
  const bom = findBomCharset(bytes);
  if (bom)
    return { text: new TextDecoder(bom.charset).decode(bytes.subarray(bom.length)), charset: bom.charset };
  const charset = charsetFromContentType(contentType) ?? findDeclaredCharset(bytes) ?? 'utf-8';
  return { text: new TextDecoder(charset).decode(bytes), charset };
}
