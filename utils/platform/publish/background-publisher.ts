// Platform: the background's publish handlers, bound to the library, the saved settings and the browser's Git.
import type { PublishClipsRequest, PublishReport, PublishTestReport } from '../../pure/protocol';
import type { Result } from '../../pure/result';
import { browser } from 'wxt/browser';
import type { PublishSettings } from '../../pure/types';
import { loadPublishSettings, loadPublishToken } from '../settings';
import type { Library } from '../store';
import { publishFromBrowser, testConnectionFromBrowser } from './browser-git';
import type { GitServiceDeps } from './git-service';
import { publishClipsToGit, testSavedConnection } from './git-service';
import { toOriginPattern } from './origin-pattern';

/**
 * The saved settings with `allowedOrigin` as the browser holds it now: an Allow given after the options page
 * stopped waiting counts, and a permission the user removed in the browser's own settings does not.
 */
export async function loadAllowedPublishSettings(): Promise<PublishSettings> {
  const settings = await loadPublishSettings();
  const pattern = toOriginPattern(settings.repoUrl);
  if (settings.destination !== 'git' || pattern === null) return settings;
  let isHeld = false;
  try {
    isHeld = await browser.permissions.contains({ origins: [pattern] });
  } catch {
    isHeld = false;
  }
  return { ...settings, allowedOrigin: isHeld ? pattern : '' };
}

export interface BackgroundPublisher {
  publish(request: PublishClipsRequest): Promise<Result<PublishReport>>;
  test(): Promise<Result<PublishTestReport>>;
}

export function createBackgroundPublisher(getLibrary: () => Promise<Library>): BackgroundPublisher {
  const deps: GitServiceDeps = {
    loadSettings: loadAllowedPublishSettings,
    loadToken: loadPublishToken,
    getClips: async (ids) => (await getLibrary()).getClips(ids),
    putClips: async (clips) => (await getLibrary()).putClips(clips),
    publish: publishFromBrowser,
    testConnection: testConnectionFromBrowser,
    now: () => Date.now(),
  };
  return {
    publish: (request) => publishClipsToGit(deps, request),
    test: () => testSavedConnection(deps),
  };
}
