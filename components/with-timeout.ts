// Guards a request to another context: settles with `timeout` after `ms`, whatever the promise does.
import type { Failure, Result } from '../utils/pure/result';

export function withTimeout<T>(promise: Promise<Result<T>>, ms: number): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const guard = new Promise<Result<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, code: 'timeout' }), ms);
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

/** The failure alone, without a `detail: undefined` key. */
export function toFailure(result: Failure): Failure {
  return result.detail === undefined ? { code: result.code } : { code: result.code, detail: result.detail };
}
