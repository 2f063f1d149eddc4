// Pure: the backup file format and hand-written shape checks for data that crosses a trust boundary. No DOM, no extension API.
import { errorMessage } from './error-message';
import type { Result } from './result';
import { fail, ok, isRecord } from './result';
import type { ClipEdits, DateParts, FoundDate, SavedDraft, StoredClip } from './types';
import { isImageHash } from './images/hash';
import { IMAGE_TYPES } from './images/sniff';
import type { ImageType } from './images/sniff';
import type { ArticleImage, ImageOutcome, ImageRefusal } from './images/types';

export const BACKUP_FORMAT = 'postclip-backup';
export const BACKUP_VERSION = 1;

/** Upper bounds that keep a hostile or broken page (or file) from filling the store. */
export const MAX_TITLE_CHARS = 2_000;
export const MAX_FIELD_CHARS = 20_000;
export const MAX_BODY_CHARS = 20_000_000;
const MAX_KEYWORDS = 500;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: string;
  /** Settings as stored; validated by the settings migrations on restore. */
  settings: unknown;
  clips: StoredClip[];
  /** The kept image files the clips use, once each (absent in backups made before images). */
  images?: BackupImage[];
}

/** One image file in a backup: its hash (checked against the bytes on restore), type, and bytes as base64. */
export interface BackupImage {
  hash: string;
  type: ImageType;
  data: string;
}

/** Base64 of the largest image a clip keeps (15 MB), with room to spare. */
const MAX_IMAGE_DATA_CHARS = 21_000_000;

export function isBackupImage(value: unknown): value is BackupImage {
  return (
    isRecord(value) &&
    typeof value.hash === 'string' &&
    isImageHash(value.hash) &&
    typeof value.type === 'string' &&
    (IMAGE_TYPES as readonly string[]).includes(value.type) &&
    isBoundedString(value.data, MAX_IMAGE_DATA_CHARS) &&
    /^[A-Za-z0-9+/]*={0,2}$/.test(value.data)
  );
}

function isBoundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isNullableString(value: unknown, max = MAX_FIELD_CHARS): boolean {
  return value === null || isBoundedString(value, max);
}

function isStringList(value: unknown, maxItems = MAX_KEYWORDS): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= maxItems &&
    value.every((item) => isBoundedString(item, MAX_TITLE_CHARS))
  );
}

function isOptionalInteger(value: unknown): boolean {
  return value === undefined || Number.isInteger(value);
}

function isDateParts(value: unknown): value is DateParts {
  return (
    isRecord(value) &&
    Number.isInteger(value.year) &&
    Number.isInteger(value.month) &&
    Number.isInteger(value.day) &&
    isOptionalInteger(value.hour) &&
    isOptionalInteger(value.minute) &&
    isOptionalInteger(value.second) &&
    isOptionalInteger(value.offsetMinutes)
  );
}

function isFoundDate(value: unknown): value is FoundDate {
  return (
    isRecord(value) &&
    isBoundedString(value.raw, MAX_FIELD_CHARS) &&
    typeof value.source === 'string' &&
    typeof value.detail === 'string' &&
    isDateParts(value.parts)
  );
}

/** True for an http(s) URL; extension, file and script URLs never name a clipped page. */
export function isWebUrl(value: unknown): value is string {
  if (!isBoundedString(value, MAX_FIELD_CHARS)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Every field of a ClipDraft with the right type and within bounds (bodies up to MAX_BODY_CHARS). */
/** More images than this on one clip are not from our clip script. */
export const MAX_CLIP_IMAGES = 500;

function isImageUrl(value: unknown): value is string {
  return isBoundedString(value, MAX_FIELD_CHARS) && /^(?:https?:|data:image\/)/i.test(value);
}

function isArticleImage(value: unknown): value is ArticleImage {
  return (
    isRecord(value) &&
    isImageUrl(value.url) &&
    isBoundedString(value.alt, MAX_FIELD_CHARS) &&
    (value.originalUrl === null || isBoundedString(value.originalUrl, MAX_FIELD_CHARS))
  );
}

const IMAGE_REFUSALS: ReadonlySet<string> = new Set<ImageRefusal>([
  'empty',
  'svg',
  'html',
  'unknown',
  'image-too-large',
  'clip-too-large',
  'fetch-failed',
  'no-permission',
  'not-local',
  'storage-failed',
]);

/** One stored image outcome as the clipper writes it (kept: a real hash and a plain extension). */
export function isImageOutcome(value: unknown): value is ImageOutcome {
  if (!isRecord(value) || !isImageUrl(value.url)) return false;
  if (!(value.originalUrl === null || isBoundedString(value.originalUrl, MAX_FIELD_CHARS))) return false;
  if (value.status === 'remote') return typeof value.reason === 'string' && IMAGE_REFUSALS.has(value.reason);
  return (
    value.status === 'kept' &&
    typeof value.hash === 'string' &&
    isImageHash(value.hash) &&
    typeof value.ext === 'string' &&
    /^[a-z0-9]{1,5}$/.test(value.ext) &&
    Number.isSafeInteger(value.size) &&
    (value.size as number) >= 0
  );
}

function isListOf<T>(value: unknown, check: (item: unknown) => item is T): value is T[] {
  return Array.isArray(value) && value.length <= MAX_CLIP_IMAGES && value.every((item) => check(item));
}

export function isClipDraft(value: unknown): value is SavedDraft {
  if (!isRecord(value)) return false;
  return (
    isWebUrl(value.url) &&
    (value.canonical === null || isWebUrl(value.canonical)) &&
    isBoundedString(value.title, MAX_TITLE_CHARS) &&
    isNullableString(value.byline) &&
    isNullableString(value.siteName) &&
    isNullableString(value.lang) &&
    (value.dir === null || value.dir === 'ltr' || value.dir === 'rtl') &&
    isNullableString(value.excerpt) &&
    isNullableString(value.image) &&
    isStringList(value.keywords) &&
    (value.published === null || isFoundDate(value.published)) &&
    (value.modified === null || isFoundDate(value.modified)) &&
    // Absent on clips saved since the message stopped carrying them (types.ts SavedDraft).
    (value.contentHtml === undefined || isBoundedString(value.contentHtml, MAX_BODY_CHARS)) &&
    (value.textContent === undefined || isBoundedString(value.textContent, MAX_BODY_CHARS)) &&
    (value.kind === 'article' || value.kind === 'selection' || value.kind === 'page') &&
    (value.images === undefined || isListOf(value.images, isArticleImage)) &&
    (value.pagesJoined === undefined || isPageCount(value.pagesJoined))
  );
}

/** A joined page count: 2 to 20 pages (utils/dom/page-join.ts MAX_PAGES); one page has no count. */
function isPageCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 2 && value <= 20;
}

function isClipEdits(value: unknown): value is ClipEdits {
  return (
    isRecord(value) &&
    (value.title === undefined || isBoundedString(value.title, MAX_TITLE_CHARS)) &&
    (value.date === undefined || isBoundedString(value.date, 64)) &&
    (value.categories === undefined || isStringList(value.categories)) &&
    (value.tags === undefined || isStringList(value.tags)) &&
    (value.body === undefined || isBoundedString(value.body, MAX_BODY_CHARS)) &&
    (value.templateId === undefined || isBoundedString(value.templateId, 200))
  );
}

export function isStoredClip(value: unknown): value is StoredClip {
  return (
    isRecord(value) &&
    isBoundedString(value.id, 200) &&
    value.id !== '' &&
    isBoundedString(value.url, MAX_FIELD_CHARS) &&
    value.url !== '' &&
    isClipDraft(value.draft) &&
    isBoundedString(value.markdown, MAX_BODY_CHARS) &&
    (value.markdownKey === undefined || isBoundedString(value.markdownKey, 500)) &&
    isClipEdits(value.edits) &&
    Number.isFinite(value.clippedAt) &&
    Number.isFinite(value.updatedAt) &&
    (value.images === undefined || isListOf(value.images, isImageOutcome))
  );
}

/** The backup as JSON text; clips keep their order (newest first). */
export function serializeBackup(
  clips: StoredClip[],
  settings: unknown,
  exportedAt: Date,
  images: BackupImage[] = [],
): string {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    settings,
    clips,
    ...(images.length > 0 ? { images } : {}),
  };
  return JSON.stringify(file, null, 2);
}

/**
 * Parses and checks a backup. Any clip that fails the shape check fails the whole file: a restore must be
 * all-or-nothing so the user is never left guessing what came back.
 */
export function parseBackup(
  text: string,
): Result<{ clips: StoredClip[]; settings: unknown; images?: BackupImage[] }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail('invalid-backup', errorMessage(error));
  }
  if (!isRecord(data) || data.format !== BACKUP_FORMAT)
    return fail('invalid-backup', 'not a Postclip backup');
  if (typeof data.version !== 'number' || data.version > BACKUP_VERSION) {
    return fail('invalid-backup', `unsupported backup version ${String(data.version)}`);
  }
  if (!Array.isArray(data.clips)) return fail('invalid-backup', 'no clips list');
  const clips: unknown[] = data.clips;
  const badIndex = clips.findIndex((clip) => !isStoredClip(clip));
  if (badIndex !== -1) return fail('invalid-backup', `clip ${badIndex} is malformed`);
  if (data.images === undefined) return ok({ clips: clips as StoredClip[], settings: data.settings });
  if (!Array.isArray(data.images)) return fail('invalid-backup', 'images is not a list');
  const images: unknown[] = data.images;
  const badImage = images.findIndex((image) => !isBackupImage(image));
  if (badImage !== -1) return fail('invalid-backup', `image ${badImage} is malformed`);
  return ok({ clips: clips as StoredClip[], settings: data.settings, images: images as BackupImage[] });
}
