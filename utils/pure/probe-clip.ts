// Pure: the toolbar click's one injected call, made of the injected API's probe and clip: the page probes and, when
// it is an article not saved yet, clips at once, so the background needs no second round trip into the page.
import { pageKeyOf } from './clip-key';
import type { InjectedApi, InjectedClipOptions, InjectedProbe, InjectedProbeClip } from './protocol';

/**
 * Whether a probed page is clipped on the toolbar click: an article whose library key is one of `clearKeys`, the
 * keys the background found not saved before the call. A key only the page knows (its canonical URL) is looked up
 * after the call and clipped in a second one if need be: a page saved under it is never extracted for nothing.
 */
export function isClipOnClick(probe: InjectedProbe, clearKeys: readonly string[]): boolean {
  return probe.isReaderable && clearKeys.includes(pageKeyOf(probe));
}

/**
 * Probes, then clips when `isClipOnClick`; answers both together. `onClipStart` hears the probe as the clip starts
 * (the page tells the background, so the popup can say it is clipping while the call still runs).
 */
export function probeThenClip(
  api: Pick<InjectedApi, 'probe' | 'clip'>,
  opts: InjectedClipOptions,
  clearKeys: readonly string[],
  onClipStart?: (probe: InjectedProbe) => void,
): InjectedProbeClip | Promise<InjectedProbeClip> {
  const probe = api.probe();
  if (!isClipOnClick(probe, clearKeys)) return { probe, clip: null };
  onClipStart?.(probe);
  const clip = api.clip(opts);
  return clip instanceof Promise ? clip.then((reply) => ({ probe, clip: reply })) : { probe, clip };
}
