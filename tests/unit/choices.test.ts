import { describe, expect, it } from 'vitest';
import { CLIP_MODES, isClipMode } from '../../utils/pure/choices';
import type { ClipMode } from '../../utils/pure/choices';
import { INJECTED_API_VERSION } from '../../utils/pure/protocol';

describe('clip modes', () => {
  it('accepts exactly the listed modes', () => {
    const modes: ClipMode[] = ['article', 'page', 'selection'];
    expect([...CLIP_MODES]).toEqual(modes);
    for (const mode of modes) expect(isClipMode(mode)).toBe(true);
    for (const other of ['Article', 'tab', '', null, 1, undefined]) expect(isClipMode(other)).toBe(false);
  });
});

describe('injected API version', () => {
  // 3: the probe's canonical URL also reads og:url, so a page holding a v2 script must get the new one injected.
  it('is above the last version whose probe read only link[rel=canonical]', () => {
    expect(INJECTED_API_VERSION).toBeGreaterThan(2);
  });
});
