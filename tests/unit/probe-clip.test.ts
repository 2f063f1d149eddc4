import { describe, expect, it } from 'vitest';
import { isClipOnClick, probeThenClip } from '../../utils/pure/probe-clip';
import { DEFAULT_MARKDOWN_STYLE } from '../../utils/pure/types';
import type {
  InjectedApi,
  InjectedClipOptions,
  InjectedClipReply,
  InjectedProbe,
} from '../../utils/pure/protocol';

const URL_SHOWN = 'https://news.example/a.html?ref=home';
const PROBE: InjectedProbe = { url: URL_SHOWN, title: 'A', isReaderable: true, canonical: null };
const OPTIONS: InjectedClipOptions = { mode: 'article', now: 0, style: DEFAULT_MARKDOWN_STYLE };
const REPLY: InjectedClipReply = { ok: false, code: 'not-an-article' };

function fakeApi(probe: InjectedProbe, reply: InjectedClipReply | Promise<InjectedClipReply> = REPLY) {
  const clips: InjectedClipOptions[] = [];
  const api: Pick<InjectedApi, 'probe' | 'clip'> = {
    probe: () => probe,
    clip: (opts) => {
      clips.push(opts);
      return reply;
    },
  };
  return { api, clips };
}

describe('isClipOnClick', () => {
  it('clips an article whose key the background found not saved', () => {
    expect(isClipOnClick(PROBE, [URL_SHOWN])).toBe(true);
    // The key is the canonical URL when the page has one, without its fragment.
    const canonical = 'https://news.example/a.html';
    expect(isClipOnClick({ ...PROBE, canonical: `${canonical}#top` }, [canonical])).toBe(true);
  });

  it('does not clip a page that is not an article, or one whose key was not checked (saved, or unknown before)', () => {
    expect(isClipOnClick({ ...PROBE, isReaderable: false }, [URL_SHOWN])).toBe(false);
    expect(isClipOnClick(PROBE, [])).toBe(false);
    expect(isClipOnClick(PROBE, ['https://news.example/other.html'])).toBe(false);
    expect(isClipOnClick({ ...PROBE, canonical: 'https://news.example/a.html' }, [URL_SHOWN])).toBe(false);
  });
});

describe('probeThenClip', () => {
  it('answers the probe and the clip together', () => {
    const { api, clips } = fakeApi(PROBE);
    expect(probeThenClip(api, OPTIONS, [URL_SHOWN])).toEqual({ probe: PROBE, clip: REPLY });
    expect(clips).toEqual([OPTIONS]);
  });

  it('waits for a clip that answers later (a multi-page article)', async () => {
    const { api } = fakeApi(PROBE, Promise.resolve(REPLY));
    expect(await probeThenClip(api, OPTIONS, [URL_SHOWN])).toEqual({ probe: PROBE, clip: REPLY });
  });

  it('says it starts clipping, with the probe, before the clip runs; never when it only probes', () => {
    const heard: string[] = [];
    const api: Pick<InjectedApi, 'probe' | 'clip'> = {
      probe: () => PROBE,
      clip: () => {
        heard.push('clip');
        return REPLY;
      },
    };
    const onClipStart = (probe: InjectedProbe) => heard.push(`started ${probe.url}`);
    expect(probeThenClip(api, OPTIONS, [URL_SHOWN], onClipStart)).toEqual({ probe: PROBE, clip: REPLY });
    expect(heard).toEqual([`started ${URL_SHOWN}`, 'clip']);
    heard.length = 0;
    expect(probeThenClip(api, OPTIONS, [], onClipStart)).toMatchObject({ clip: null });
    const other = { ...api, probe: () => ({ ...PROBE, isReaderable: false }) };
    expect(probeThenClip(other, OPTIONS, [URL_SHOWN], onClipStart)).toMatchObject({ clip: null });
    expect(heard).toEqual([]);
  });

  it('only probes a page it does not clip', () => {
    const { api, clips } = fakeApi({ ...PROBE, isReaderable: false });
    expect(probeThenClip(api, OPTIONS, [URL_SHOWN])).toEqual({
      probe: { ...PROBE, isReaderable: false },
      clip: null,
    });
    const saved = fakeApi(PROBE);
    expect(probeThenClip(saved.api, OPTIONS, [])).toEqual({ probe: PROBE, clip: null });
    expect([...clips, ...saved.clips]).toEqual([]);
  });
});
