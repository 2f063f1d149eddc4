// Platform: the toolbar click's probe and clip in one injection (issue 13). While clip.js is injected, the background
// reads the settings and looks the tab's URL up in the library; the page then probes and, when it is an article whose
// key is that URL's and not saved, clips at once. A key only the page knows (its canonical URL) is looked up after
// the call, and the page is clipped in a second call only when nothing is saved under it, as after a probe.
import { pageKeyOf, toClipKey } from '../pure/clip-key';
import { errorMessage } from '../pure/error-message';
import type { ClipOutcome, InjectedProbe, TabProbe } from '../pure/protocol';
import type { Result } from '../pure/result';
import { fail, isRecord, ok } from '../pure/result';
import type { ClipStart } from '../pure/toolbar-phase';
import { toClipFailure, toStartedProbe } from '../pure/toolbar-phase';
import type { ActiveTab, ClipperDeps, ClipPlan, Extracted, InjectedCall } from './clipper';
import {
  CLIP_TIMEOUT_MS,
  clipActiveTab,
  failMovedOn,
  findSavedClipId,
  isShowing,
  planClip,
  probeActiveTab,
  readClipReply,
  readProbe,
  resolveTab,
  runInTab,
  saveExtracted,
  TIMED_OUT,
  withTimeout,
} from './clipper';

/** A signal that never comes (no page to say its clip started, or a message that fits no call). */
const NEVER: Promise<never> = new Promise(() => undefined);

/**
 * Each toolbar call into a page has its own id: the page's clip-started message names the call it belongs to. The
 * count starts at a random point, so a service worker that restarted does not reuse its last life's ids.
 */
let lastCallId = Math.floor(Math.random() * 2 ** 30);

/** What a toolbar click finds and does: the probe the popup shows, and the clip it waits for. */
export interface ProbeAndClip {
  /** The id the page sends back in its clip-started message for this call (see `clipStarted`). */
  callId: number;
  probe: Promise<Result<TabProbe>>;
  /** Null when nothing was clipped: already saved, not an article, a failed probe, or "Open Postclip first". */
  outcome: Promise<Result<ClipOutcome> | null>;
}

/** A clip starts only where the popup would have started one on open: a new page Readability can read. */
export function isClipWanted(probe: Result<TabProbe>, isClipAtOnce: boolean): boolean {
  return isClipAtOnce && probe.ok && probe.value.savedClipId === null && probe.value.isReaderable;
}

interface ProbeClipRead {
  probe: InjectedProbe;
  /** Null: the page did not clip. */
  clip: Result<Extracted> | null;
}

/** The page's probe-and-clip answer, checked: it comes from a page we do not control. */
export function readProbeClip(value: unknown): Result<ProbeClipRead> {
  if (!isRecord(value)) return fail('invalid-message');
  const probe = readProbe(value.probe);
  if (!probe.ok) return probe;
  return ok({ probe: probe.value, clip: value.clip === null ? null : readClipReply(value.clip) });
}

/**
 * Probes the clicked tab and, when the toolbar button clips at once, clips it in the same injection. A tab whose
 * URL the browser hides (no activeTab grant seen) is probed first, as the popup does, and clipped in a second call.
 * `clipStarted` is the page's word that it started clipping (toolbar-phase.ts): the probe is known from then on. Only
 * a message naming this call's id counts: one from an earlier click on the same tab may arrive late.
 */
export function probeAndClipTab(
  deps: ClipperDeps,
  tab: ActiveTab,
  isClipAtOnce: Promise<boolean>,
  clipStarted: Promise<ClipStart> = NEVER,
): ProbeAndClip {
  const callId = ++lastCallId;
  const url = tab.url;
  if (url === null) return { callId, ...probeThenClipTab(deps, tab, isClipAtOnce) };
  const now = deps.now();
  const urlKey = toClipKey(url);
  const savedByUrl = findSavedClipId(deps, urlKey);
  const planning: Promise<ClipPlan | null> = Promise.all([isClipAtOnce, deps.loadSettings()]).then(
    ([atOnce, settings]) => (atOnce ? planClip('article', deps, settings, url, now) : null),
  );
  // Ready while clip.js is injected: the check and the injection do not wait for the settings or the store.
  const call: Promise<InjectedCall> = Promise.all([planning, savedByUrl]).then(([plan, savedId]) =>
    plan
      ? { kind: 'probe-clip', options: plan.options, clearKeys: savedId === null ? [urlKey] : [], callId }
      : { kind: 'probe' },
  );
  // A refused tab never makes the call: its settings failure has nobody else to see it.
  call.catch(() => undefined);
  const reading = (async (): Promise<Result<ProbeClipRead>> => {
    try {
      const resolved = await resolveTab(deps, tab);
      if (!resolved.ok) return resolved;
      const reply = await runInTab(deps, tab, call);
      if (!reply.ok) return reply;
      if (await planning) return readProbeClip(reply.value);
      const probe = readProbe(reply.value);
      return probe.ok ? ok({ probe: probe.value, clip: null }) : probe;
    } catch (error) {
      return fail('unknown', errorMessage(error));
    }
  })();
  const read = withTimeout(reading, deps.timeoutMs ?? CLIP_TIMEOUT_MS).then((r) =>
    r === TIMED_OUT ? fail<ProbeClipRead>('timeout') : r,
  );
  // The probe the page clips on, when it says so before the call answers; only for the call that asked for that clip.
  let hasClipStarted = false;
  const startedProbe = Promise.all([clipStarted, call]).then(
    ([found, made]) => {
      const isThisCall = made.kind === 'probe-clip' && found.callId === made.callId;
      const started = isThisCall ? toStartedProbe(tab.id, found.probe, made.clearKeys) : null;
      if (!started) return NEVER;
      hasClipStarted = true;
      return ok(started);
    },
    () => NEVER,
  );
  const probeRead = read.then(async (r): Promise<Result<TabProbe>> => {
    if (!r.ok) return r;
    const found = r.value.probe;
    const key = pageKeyOf(found);
    const savedClipId = key === urlKey ? await savedByUrl : await findSavedClipId(deps, key);
    return ok({
      tabId: tab.id,
      url: found.url,
      title: found.title,
      isReaderable: found.isReaderable,
      savedClipId,
      hasSelection: found.hasSelection === true,
    });
  });
  const probe = Promise.race([startedProbe, probeRead]);
  const outcome = Promise.all([read, probe, planning.catch(() => null)]).then(([r, found, plan]) => {
    // Once the page said it clips, a call that fails (a timeout above all) is the clip's failure, shown as such.
    if (!r.ok) return hasClipStarted ? toClipFailure<ClipOutcome>(r) : null;
    if (!found.ok || !plan) return null;
    if (r.value.clip === null) {
      // The page's key was not the one checked before the call (its canonical URL): clip now if it is not saved.
      return isClipWanted(found, true) ? clipActiveTab('article', deps, tab, found.value.url) : null;
    }
    if (!r.value.clip.ok) return r.value.clip;
    // The tab moved on after the click (a link, a redirect): that page was planned with the clicked page's site
    // rule and is not the page the user clicked on, so it is not saved.
    if (!isShowing(r.value.clip.value.draft.url, url)) return failMovedOn();
    return saveExtracted(deps, tab, r.value.clip.value, plan);
  });
  return { callId, probe, outcome };
}

/** The two-call flow: the probe says which page the tab shows, and the clip refuses any other. */
function probeThenClipTab(
  deps: ClipperDeps,
  tab: ActiveTab,
  isClipAtOnce: Promise<boolean>,
): Omit<ProbeAndClip, 'callId'> {
  const probe = probeActiveTab(deps, tab);
  const outcome = Promise.all([probe, isClipAtOnce]).then(([found, atOnce]) =>
    found.ok && isClipWanted(found, atOnce) ? clipActiveTab('article', deps, tab, found.value.url) : null,
  );
  return { probe, outcome };
}
