// Words for publish states and publish error codes: a Record each, so a new code fails the type check until it has one.
import type { MessageKey } from '../utils/pure/message-key';
import type { PublishErrorCode } from '../utils/pure/publish/publish-files';
import { PUBLISH_ERROR_CODES } from '../utils/pure/publish/publish-files';
import type { PublicationState, PublishDestination } from '../utils/pure/types';

export const PUBLISH_ERROR_KEYS: Record<PublishErrorCode, MessageKey> = {
  'publish-invalid': 'publishErrInvalid',
  'publish-offline': 'publishErrOffline',
  'publish-auth': 'publishErrAuth',
  'publish-not-allowed': 'publishErrNotAllowed',
  'publish-not-found': 'publishErrNotFound',
  'publish-rejected': 'publishErrRejected',
  'publish-conflict': 'publishErrConflict',
  'quota-exceeded': 'publishErrQuota',
  'publish-failed': 'publishErrFailed',
};

export const PUBLISH_STATE_KEYS: Record<PublicationState, MessageKey> = {
  published: 'publishStatePublished',
  failed: 'publishStateFailed',
  conflict: 'publishStateConflict',
};

/** The message for a stored error code; an unknown one (from a later release) says "something went wrong". */
export function publishErrorKey(code: string | undefined): MessageKey {
  const known = PUBLISH_ERROR_CODES.find((c) => c === code);
  return known ? PUBLISH_ERROR_KEYS[known] : 'publishErrFailed';
}

export const DESTINATION_LABELS: Record<PublishDestination, MessageKey> = {
  none: 'publishDestNone',
  folder: 'publishDestFolder',
  git: 'publishDestGit',
};
