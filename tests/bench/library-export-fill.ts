// Runs INSIDE an extension page (bundled by library-export.ts with esbuild): fills the real IndexedDB library with
// clips that each keep `perClip` distinct images, through the store's own saveDraft, as the clipper saves them.
import type { PendingImage } from '../../utils/platform/image-store';
import { openLibrary } from '../../utils/platform/store';
import { hashImageBytes } from '../../utils/pure/images/hash';
import type { ImageOutcome } from '../../utils/pure/images/types';
import { toMarkdownKey } from '../../utils/pure/markdown-key';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';
import { makeBenchClip } from './library-fixtures';

const MARKDOWN_KEY = toMarkdownKey(DEFAULT_MARKDOWN_STYLE);
const IN_FLIGHT = 16;
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

export interface ImageFillReport {
  count: number;
  images: number;
  imageBytes: number;
  ms: number;
}

async function makeImages(
  clip: number,
  perClip: number,
  bytesEach: number,
): Promise<{ outcomes: ImageOutcome[]; pending: PendingImage[]; lines: string[] }> {
  const outcomes: ImageOutcome[] = [];
  const pending: PendingImage[] = [];
  const lines: string[] = [];
  for (let i = 0; i < perClip; i++) {
    // A PNG signature, then noise-like bytes unique to this image (so nothing deduplicates or compresses away).
    const bytes = new Uint8Array(bytesEach);
    let x = (clip * perClip + i + 1) * 2654435761;
    for (let at = 0; at < bytes.length; at++) {
      x = (x ^ (x << 13)) >>> 0;
      x = (x ^ (x >>> 17)) >>> 0;
      x = (x ^ (x << 5)) >>> 0;
      bytes[at] = x & 0xff;
    }
    bytes.set(PNG_HEAD);
    const hash = await hashImageBytes(bytes);
    const url = `https://img.news.example/${clip}/photo-${i}.png`;
    outcomes.push({ url, originalUrl: url, status: 'kept', hash, ext: 'png', size: bytes.length });
    pending.push({ hash, bytes, type: 'png', mime: 'image/png', ext: 'png' });
    lines.push(`![Photo ${i}](${url})`);
  }
  return { outcomes, pending, lines };
}

async function fillWithImages(count: number, perClip: number, bytesEach: number): Promise<ImageFillReport> {
  const started = performance.now();
  const library = await openLibrary();
  try {
    for (let start = 0; start < count; start += IN_FLIGHT) {
      const batch = [];
      for (let index = start; index < Math.min(count, start + IN_FLIGHT); index += 1) {
        const clip = makeBenchClip(index, count);
        batch.push(
          makeImages(index, perClip, bytesEach).then(({ outcomes, pending, lines }) =>
            library.saveDraft(
              clip.draft,
              `${clip.markdown}\n\n${lines.join('\n\n')}`,
              clip.clippedAt,
              MARKDOWN_KEY,
              {
                outcomes,
                pending,
              },
            ),
          ),
        );
      }
      await Promise.all(batch);
    }
    const usage = await library.imageUsage();
    return {
      count: await library.count(),
      images: usage.count,
      imageBytes: usage.bytes,
      ms: performance.now() - started,
    };
  } finally {
    library.close();
  }
}

(globalThis as { postclipBenchFillImages?: typeof fillWithImages }).postclipBenchFillImages = fillWithImages;
