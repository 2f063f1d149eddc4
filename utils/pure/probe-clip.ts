// Pure: the toolbar click's one injected call, made of the injected API's probe and clip: the page probes and, when
// it is an article not saved yet, clips at once, so the background needs no second round trip into the page.
import { pageKeyOf } from './clip-key';
import type { InjectedApi, InjectedClipOptions, InjectedProbe, InjectedProbeClip } from './protocol';

/**
 * Whether a probed page is clipped on the toolbar click: an article whose library key is not among `savedKeys`
 * (the keys the background found saved before the call; a key it could not know is checked after the call).
 */
export function isClipOnClick(probe: InjectedProbe, savedKeys: readonly string[]): boolean {
  return probe.isReaderable && !savedKeys.includes(pageKeyOf(probe));
}

/** Probes, then clips when `isClipOnClick`; answers both together. */
export function probeThenClip(
  api: Pick<InjectedApi, 'probe' | 'clip'>,
  opts: InjectedClipOptions,
  savedKeys: readonly string[],
): InjectedProbeClip | Promise<InjectedProbeClip> {
  const probe = api.probe();
  if (!isClipOnClick(probe, savedKeys)) return { probe, clip: null };
  const clip = api.clip(opts);
  return clip instanceof Promise ? clip.then((reply) => ({ probe, clip: reply })) : { probe, clip };
}
