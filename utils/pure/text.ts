// Pure: small text helpers shared by file names, slugs and front matter. Tiny on purpose: the popup's first
// chunk imports it through file names, and must not carry the YAML writer along.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces lone UTF-16 surrogates with U+FFFD: they cannot be written as UTF-8, so no file could hold them. */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
