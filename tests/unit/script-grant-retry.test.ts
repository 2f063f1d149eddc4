import { describe, expect, it } from 'vitest';
import { GRANT_RETRY_DELAYS_MS, retryUntilGranted } from '../../utils/platform/script-grant-retry';

const REFUSED =
  'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';

function injector(failures: string[]) {
  let calls = 0;
  const inject = () => {
    const failure = failures[calls++];
    return failure === undefined
      ? Promise.resolve(`done after ${calls}`)
      : Promise.reject(new Error(failure));
  };
  return { inject, calls: () => calls };
}

describe('retryUntilGranted', () => {
  it('tries again while the renderer has not yet got the click grant', async () => {
    const waits: number[] = [];
    const { inject, calls } = injector([REFUSED, REFUSED]);
    const result = await retryUntilGranted(inject, (ms) => {
      waits.push(ms);
      return Promise.resolve();
    });
    expect(result).toBe('done after 3');
    expect(calls()).toBe(3);
    expect(waits).toEqual(GRANT_RETRY_DELAYS_MS.slice(0, 2));
  });

  it('gives up with the refusal when the page stays refused', async () => {
    const { inject, calls } = injector(Array.from({ length: 10 }, () => REFUSED));
    await expect(retryUntilGranted(inject, () => Promise.resolve())).rejects.toThrow(REFUSED);
    expect(calls()).toBe(GRANT_RETRY_DELAYS_MS.length + 1);
  });

  it('does not retry any other error', async () => {
    const other =
      'Cannot access contents of url "https://example.com/". Extension manifest must request permission';
    const { inject, calls } = injector([other]);
    await expect(retryUntilGranted(inject, () => Promise.resolve())).rejects.toThrow(other);
    expect(calls()).toBe(1);
  });
});
