// Platform: saves files through downloads.download with blob: URLs. Extension pages only: a service worker has no
// URL.createObjectURL, and Firefox refuses data: URLs.
import { errorMessage } from '../pure/error-message';
import { browser } from 'wxt/browser';
import { toSafeSegment } from '../pure/filename';
import type { Result } from '../pure/result';
import { fail, ok } from '../pure/result';
import type { Post } from '../pure/types';

type DownloadDelta = Parameters<Parameters<typeof browser.downloads.onChanged.addListener>[0]>[0];

function isFinished(state: string | undefined): boolean {
  return state === 'complete' || state === 'interrupted';
}

/** Revokes the blob URL once the browser has finished reading it (completed or failed), not before. */
async function revokeWhenDone(downloadId: number, url: string): Promise<void> {
  let isRevoked = false;
  const revoke = (): void => {
    if (isRevoked) return;
    isRevoked = true;
    browser.downloads.onChanged.removeListener(listener);
    URL.revokeObjectURL(url);
  };
  const listener = (delta: DownloadDelta): void => {
    if (delta.id === downloadId && isFinished(delta.state?.current)) revoke();
  };
  browser.downloads.onChanged.addListener(listener);
  // It may have finished before the listener was added.
  try {
    const [item] = await browser.downloads.search({ id: downloadId });
    if (!item || isFinished(item.state)) revoke();
  } catch {
    // search unavailable: the listener still revokes.
  }
}

async function downloadBlob(blob: Blob, filename: string): Promise<Result<void>> {
  const url = URL.createObjectURL(blob);
  let downloadId: number;
  try {
    downloadId = await browser.downloads.download({
      url,
      filename,
      saveAs: false,
      conflictAction: 'uniquify',
    });
  } catch (error) {
    URL.revokeObjectURL(url);
    return fail('download-failed', errorMessage(error));
  }
  void revokeWhenDone(downloadId, url);
  return ok(undefined);
}

export function downloadText(text: string, filename: string, mime: string): Promise<Result<void>> {
  return downloadBlob(new Blob([text], { type: mime }), toSafeSegment(filename));
}

/** One post as its Jekyll file name (already made safe by the post module; made safe again here for any caller). */
export function downloadPost(post: Post): Promise<Result<void>> {
  return downloadText(post.content, post.filename, 'text/markdown;charset=utf-8');
}

/** A zip already built as a Blob (see blob-sink.ts): handed to the browser without another copy. */
export function downloadZipBlob(blob: Blob, filename: string): Promise<Result<void>> {
  return downloadBlob(blob, toSafeSegment(filename));
}

export function downloadZip(bytes: Uint8Array, filename: string): Promise<Result<void>> {
  // A copy with its own ArrayBuffer: Blob parts may not view a SharedArrayBuffer.
  return downloadBlob(
    new Blob([new Uint8Array(bytes)], { type: 'application/zip' }),
    toSafeSegment(filename),
  );
}
