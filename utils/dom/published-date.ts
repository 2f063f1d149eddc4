// DOM: finds an article's published and modified dates by a cascade (JSON-LD, meta, <time>, text, URL). Takes a Document.
// STUB: replaced by the dates work.
import type { FoundDate } from '../pure/types';

export interface DateSearchOptions {
  /** Dates after this are never returned. */
  now: Date;
  /** The page language (`zh-CN`…), used to infer the publisher's zone. */
  lang?: string | null;
  /** A per-site CSS selector for the element holding the date. */
  dateSelector?: string;
}

export function findPublishedDate(_doc: Document, _url: string, _opts: DateSearchOptions): FoundDate | null {
  return null;
}

export function findModifiedDate(_doc: Document, _url: string, _opts: DateSearchOptions): FoundDate | null {
  return null;
}
