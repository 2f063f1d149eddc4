// Pure: size caps for images kept with a clip: one image, and all of a clip's images together.

/** One image larger than this stays remote: no news photo needs it, and it would crowd out the rest. */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
/** A clip's images together: past this the rest stay remote, so one gallery cannot fill the user's disk. */
export const MAX_CLIP_IMAGE_BYTES = 100 * 1024 * 1024;

export type SizeRefusal = 'image-too-large' | 'clip-too-large';

export interface ImageCaps {
  perImage: number;
  perClip: number;
}

export const DEFAULT_IMAGE_CAPS: ImageCaps = { perImage: MAX_IMAGE_BYTES, perClip: MAX_CLIP_IMAGE_BYTES };

/**
 * Counts the bytes a clip has kept. `admit` says whether one more image of `size` bytes fits and, if so, counts it;
 * a refused image is not counted, so a later smaller one may still fit. Sizes are checked before reading a body
 * when a server states Content-Length, and always after.
 */
export class ClipImageBudget {
  private used = 0;

  constructor(private readonly caps: ImageCaps = DEFAULT_IMAGE_CAPS) {}

  /** Whether `size` bytes would be refused, without counting them. */
  check(size: number): SizeRefusal | null {
    if (!Number.isFinite(size) || size < 0 || size > this.caps.perImage) return 'image-too-large';
    if (this.used + size > this.caps.perClip) return 'clip-too-large';
    return null;
  }

  /** Counts `size` bytes if they fit; otherwise the reason, and nothing counted. */
  admit(size: number): SizeRefusal | null {
    const refusal = this.check(size);
    if (refusal === null) this.used += size;
    return refusal;
  }

  /** Bytes counted so far. */
  get usedBytes(): number {
    return this.used;
  }

  /** The most one more image may have now: the per-image cap or what is left of the clip's, whichever is less. */
  get remainingForOne(): number {
    return Math.max(0, Math.min(this.caps.perImage, this.caps.perClip - this.used));
  }
}
