// Platform: the optional host permission a batch needs (scripting tabs the user did not click, fetching a link).
// Never asked at install; asked in the click that starts a batch, with the reason shown beside the button.
import { browser } from 'wxt/browser';

export const BATCH_PERMISSIONS = { origins: ['<all_urls>'] };
/** The detail of a batch refused for want of the permission (worded by utils/platform/i18n.ts). */
export const BATCH_NO_PERMISSION = 'batch-permission';

export async function hasBatchPermission(): Promise<boolean> {
  return browser.permissions.contains(BATCH_PERMISSIONS).catch(() => false);
}

/**
 * Opens the browser's prompt (none when already granted). Call it inside the click's handler, before any await.
 * Where the prompt cannot open (Chrome refuses outside a user gesture), a permission already granted still counts.
 */
export function requestBatchPermission(): Promise<boolean> {
  return browser.permissions.request(BATCH_PERMISSIONS).catch(() => hasBatchPermission());
}
