// Platform: the background's publish handlers, bound to the library, the saved settings and the browser's Git.
import type { PublishClipsRequest, PublishReport, PublishTestReport } from '../../pure/protocol';
import type { Result } from '../../pure/result';
import { loadPublishSettings, loadPublishToken } from '../settings';
import type { Library } from '../store';
import { publishFromBrowser, testConnectionFromBrowser } from './browser-git';
import type { GitServiceDeps } from './git-service';
import { publishClipsToGit, testSavedConnection } from './git-service';

export interface BackgroundPublisher {
  publish(request: PublishClipsRequest): Promise<Result<PublishReport>>;
  test(): Promise<Result<PublishTestReport>>;
}

export function createBackgroundPublisher(getLibrary: () => Promise<Library>): BackgroundPublisher {
  const deps: GitServiceDeps = {
    loadSettings: loadPublishSettings,
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
