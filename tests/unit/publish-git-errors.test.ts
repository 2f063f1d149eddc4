// What isomorphic-git, Node's sockets and fetch throw, mapped to publish codes.
import { Errors } from 'isomorphic-git';
import { describe, expect, it } from 'vitest';
import { classifyPublishError, httpStatusOf, isRemoteMovedError } from '../../utils/pure/publish/git-errors';

function errno(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifyPublishError', () => {
  it.each([
    [new Errors.HttpError(401, 'Unauthorized', ''), 'publish-auth'],
    [new Errors.HttpError(403, 'Forbidden', ''), 'publish-auth'],
    [new Errors.HttpError(404, 'Not Found', ''), 'publish-not-found'],
    [new Errors.HttpError(503, 'Service Unavailable', ''), 'publish-offline'],
    [new Errors.HttpError(500, 'Internal Server Error', ''), 'publish-failed'],
    [new Errors.UserCanceledError(), 'publish-auth'],
    [new Errors.PushRejectedError('not-fast-forward'), 'publish-rejected'],
    [errno('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'), 'publish-offline'],
    [errno('ECONNRESET'), 'publish-offline'],
    [errno('ENOTFOUND'), 'publish-offline'],
    [new Error('socket hang up'), 'publish-offline'],
    [new TypeError('Failed to fetch'), 'publish-offline'],
    [new TypeError('NetworkError when attempting to fetch resource.'), 'publish-offline'],
    [new Errors.EmptyServerResponseError(), 'publish-offline'],
    [Object.assign(new Error('quota'), { name: 'QuotaExceededError' }), 'quota-exceeded'],
    [errno('ENOSPC'), 'quota-exceeded'],
    [new Error('something else'), 'publish-failed'],
    ['a string', 'publish-failed'],
    [null, 'publish-failed'],
  ])('%s → %s', (error, code) => {
    expect(classifyPublishError(error).code).toBe(code);
  });
});

describe('isRemoteMovedError', () => {
  it('is true for a local fast-forward refusal and for receive-pack saying the ref moved', () => {
    expect(isRemoteMovedError(new Errors.PushRejectedError('not-fast-forward'))).toBe(true);
    expect(isRemoteMovedError(new Errors.NotFoundError('abc'))).toBe(true);
    const moved = new Errors.GitPushError('\n  - refs/heads/main: failed to lock', {
      ok: false,
      error: null,
      refs: {},
    });
    expect(isRemoteMovedError(moved)).toBe(true);
  });

  it('is false for a hook that declined, a refused token, and a dropped connection', () => {
    const hook = new Errors.GitPushError('\n  - refs/heads/main: pre-receive hook declined', {
      ok: false,
      error: null,
      refs: {},
    });
    expect(isRemoteMovedError(hook)).toBe(false);
    expect(isRemoteMovedError(new Errors.HttpError(401, 'Unauthorized', ''))).toBe(false);
    expect(isRemoteMovedError(errno('ECONNRESET'))).toBe(false);
  });
});

describe('httpStatusOf', () => {
  it('reads the status of an HttpError only', () => {
    expect(httpStatusOf(new Errors.HttpError(418, 'Teapot', ''))).toBe(418);
    expect(httpStatusOf(errno('ECONNRESET'))).toBeNull();
  });
});
