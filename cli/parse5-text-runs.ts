// Node: parse5's tokenizer reads a run of plain text (script, style, text, attribute values, comments) in one step.
import { InsertionMode, Tokenizer } from 'parse5';

const TEXT_MODE: number = InsertionMode.TEXT;

/**
 * parse5 reads its input one code point at a time: each goes through the loop, the preprocessor and the state's
 * switch before it joins the pending run (`runStart`..`runEnd`, one slice of the input). On the CLI's large news
 * pages more than half of the text is inline `<script>` and `<style>`, and that loop was most of the parse. After a
 * state has taken one plain code point, the rest of the plain run is taken at once: the same slice, with the same
 * effect on the tokenizer as reading it code point by code point, and the same tree.
 * - One character token holds code points of one kind, whitespace or not, and in page text the kind matters (a
 *   table's whitespace stays, its other text is moved before it), so there a run stops where the kind changes. In
 *   the text of a script, style, title or textarea (the tree builder's "text" mode) both kinds are inserted alike,
 *   so a run goes on across spaces: a minified script is a few runs, not one per word.
 * - A run stops before anything the state or the preprocessor treats specially: the state's own characters, CR (read
 *   as LF, and an LF right after it dropped), surrogates (pairs), NUL and `&`. A plain LF is taken: the
 *   preprocessor only counts lines for source locations and parse errors.
 * Parse errors and source locations are left to parse5 as they were: with either option on, nothing is patched in
 * that parse.
 */

/** The parts of parse5's tokenizer this reads and writes (internal in its typings). */
interface TokenizerInternals {
  state: number;
  options: { sourceCodeLocationInfo?: boolean };
  handler: { onParseError?: unknown; insertionMode?: number };
  preprocessor: { html: string; pos: number };
  consumedAfterSnapshot: number;
  runEnd: number;
  currentCharacterToken: { type: number } | null;
}

type StateMethod = (this: TokenizerInternals, cp: number) => void;

const CR = 0x0d;
const NUL = 0x00;

/** Whitespace as parse5's `isWhitespace` has it. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0c;
}

/** Code units a run never takes, in every state: they need the preprocessor's or the state's own handling. */
function isAlwaysStop(code: number): boolean {
  return code === CR || code === NUL || code === 0x26 || (code >= 0xd800 && code <= 0xdfff);
}

/** Each patched state and the characters it handles itself (besides those of `isAlwaysStop`). */
const STATES: { method: string; stops: string; isCharacterToken: boolean; isTextElement: boolean }[] = [
  { method: '_stateData', stops: '<', isCharacterToken: true, isTextElement: false },
  { method: '_stateRcdata', stops: '<', isCharacterToken: true, isTextElement: true },
  { method: '_stateRawtext', stops: '<', isCharacterToken: true, isTextElement: true },
  { method: '_stateScriptData', stops: '<', isCharacterToken: true, isTextElement: true },
  { method: '_statePlaintext', stops: '', isCharacterToken: true, isTextElement: false },
  { method: '_stateAttributeValueDoubleQuoted', stops: '"', isCharacterToken: false, isTextElement: false },
  { method: '_stateAttributeValueSingleQuoted', stops: "'", isCharacterToken: false, isTextElement: false },
  { method: '_stateComment', stops: '-<', isCharacterToken: false, isTextElement: false },
];

/** The run after the code point at `pos`, which the state has just taken: where it ends (exclusive). */
function runEnd(html: string, pos: number, stop1: number, stop2: number, space: boolean | null): number {
  let end = pos + 1;
  for (; end < html.length; end += 1) {
    const code = html.charCodeAt(end);
    if (isAlwaysStop(code) || code === stop1 || code === stop2) break;
    if (space !== null && isSpace(code) !== space) break;
  }
  return end;
}

function withRuns(
  original: StateMethod,
  stops: string,
  isCharacterToken: boolean,
  isTextElement: boolean,
): StateMethod {
  // -1 never matches a code unit.
  const stop1 = stops.length > 0 ? stops.charCodeAt(0) : -1;
  const stop2 = stops.length > 1 ? stops.charCodeAt(1) : -1;
  return function readRun(this: TokenizerInternals, cp: number): void {
    const state = this.state;
    original.call(this, cp);
    // Only where the state took `cp` as plain text and stayed: then it sits at `pos`, at the end of the run.
    if (this.state !== state || cp < 0 || cp > 0xffff || isAlwaysStop(cp) || cp === stop1 || cp === stop2)
      return;
    if (this.options.sourceCodeLocationInfo || this.handler.onParseError) return;
    if (isCharacterToken && this.currentCharacterToken === null) return;
    const preprocessor = this.preprocessor;
    const { html, pos } = preprocessor;
    // A CR is read as LF: the input there is not what was taken (and an LF right after it is the preprocessor's).
    if (this.runEnd !== pos + 1 || html.charCodeAt(pos) !== cp) return;
    const mixesKinds = isTextElement && this.handler.insertionMode === TEXT_MODE;
    const end = runEnd(html, pos, stop1, stop2, isCharacterToken && !mixesKinds ? isSpace(cp) : null);
    const taken = end - pos - 1;
    if (taken <= 0) return;
    preprocessor.pos = end - 1;
    this.consumedAfterSnapshot += taken;
    this.runEnd = end;
  };
}

const proto = Tokenizer.prototype as unknown as Record<string, unknown>;
/** The state methods as parse5 has them, while patched. */
let originals: unknown[] | null = null;

/**
 * Patches parse5's Tokenizer for this process (idempotent). Each state method must be there, and the run fields
 * these read, or nothing is patched (a newer parse5 just runs as it is). Returns whether the runs are on.
 */
export function installTextRuns(): boolean {
  if (originals) return true;
  const found = STATES.map(({ method }) => proto[method]);
  if (!found.every((fn) => typeof fn === 'function')) return false;
  if (!['_emitCodePoint', '_extendRun', '_flushRun'].every((name) => typeof proto[name] === 'function'))
    return false;
  const probe = new Tokenizer(
    { sourceCodeLocationInfo: false },
    {} as never,
  ) as unknown as TokenizerInternals;
  const hasFields =
    typeof probe.runEnd === 'number' &&
    typeof probe.consumedAfterSnapshot === 'number' &&
    probe.currentCharacterToken === null &&
    typeof probe.preprocessor.pos === 'number' &&
    typeof probe.preprocessor.html === 'string';
  if (!hasFields) return false;
  STATES.forEach(({ method, stops, isCharacterToken, isTextElement }, i) => {
    proto[method] = withRuns(found[i] as StateMethod, stops, isCharacterToken, isTextElement);
  });
  originals = found;
  return true;
}

/** parse5 as it was (for tests that compare both). */
export function removeTextRuns(): void {
  if (!originals) return;
  const saved = originals;
  STATES.forEach(({ method }, i) => {
    proto[method] = saved[i];
  });
  originals = null;
}
