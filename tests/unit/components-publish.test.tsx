// @vitest-environment jsdom
// The Publish section while the browser's permission prompt is open (answered, left unanswered, stopped), and the
// clip's Publish control on a conflict ("Keep theirs" settles it through the service).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n-context';
import { PublishSection } from '../../components/options/publish-section';
import { PublishControl } from '../../components/publish-control';
import type {
  PublishOptionsServices,
  PublishPageState,
  PublishPopupServices,
} from '../../utils/pure/page-api';
import { ok } from '../../utils/pure/result';
import { DEFAULT_PUBLISH_SETTINGS } from '../../utils/pure/types';
import { englishI18n } from './library-test-i18n';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

const GIT = {
  ...DEFAULT_PUBLISH_SETTINGS,
  destination: 'git' as const,
  repoUrl: 'https://git.example.com/me/site.git',
};

function stateWith(allowedOrigin: string): PublishPageState {
  return {
    settings: { ...GIT, allowedOrigin },
    hasToken: true,
    isFolderSupported: true,
    folderName: null,
    isFolderPermissionNeeded: false,
  };
}

/** Options services whose prompt settles with `answer` (or never, when it is a pending promise). */
function optionsServices(answer: Promise<boolean>, isAllowedAfter: () => boolean) {
  const saved: unknown[] = [];
  const services: PublishOptionsServices = {
    load: () => Promise.resolve(ok(stateWith(''))),
    askAccess: () => ({ origin: 'https://git.example.com/*', answer }),
    save: (next) => {
      saved.push(next);
      const allowed = isAllowedAfter();
      return Promise.resolve(
        ok({ state: stateWith(allowed ? 'https://git.example.com/*' : ''), isAllowed: allowed }),
      );
    },
    test: () => Promise.resolve(ok({ ok: false as const, code: 'publish-offline' as const })),
    pickFolder: () => Promise.resolve(ok(null)),
    restoreFolderPermission: () => Promise.resolve(ok(false)),
  };
  return { services, saved };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await act(() => Promise.resolve());
}

function buttonNamed(name: string): HTMLButtonElement {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button “${name}” in: ${container.textContent ?? ''}`);
  return button;
}

async function mountSection(services: PublishOptionsServices, askTimeoutMs?: number): Promise<void> {
  await act(() =>
    render(
      <I18nContext.Provider value={englishI18n}>
        <PublishSection services={services} {...(askTimeoutMs === undefined ? {} : { askTimeoutMs })} />
      </I18nContext.Provider>,
      container,
    ),
  );
  await flush();
}

describe('PublishSection: waiting for the browser’s answer', () => {
  it('says what it waits for and why; Stop waiting saves as not allowed and says what happened', async () => {
    const never = new Promise<boolean>(() => undefined);
    const { services, saved } = optionsServices(never, () => false);
    await mountSection(services);
    await act(() => buttonNamed('Save publish settings').click());
    await flush();
    const waiting = container.querySelector('.publish-waiting');
    expect(waiting?.getAttribute('role')).toBe('status');
    expect(waiting?.textContent).toContain('Waiting for your answer…');
    expect(waiting?.textContent).toContain('Postclip may reach git.example.com');
    expect(saved).toHaveLength(0);
    await act(() => buttonNamed('Stop waiting').click());
    await flush();
    expect(container.querySelector('.publish-waiting')).toBeNull();
    expect(saved).toHaveLength(1);
    const alert = container.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('You stopped waiting');
    expect(alert).toContain('may not reach git.example.com');
  });

  it('gives up after the time limit and says no answer came', async () => {
    vi.useFakeTimers();
    const never = new Promise<boolean>(() => undefined);
    const { services, saved } = optionsServices(never, () => false);
    await mountSection(services, 30_000);
    await act(() => buttonNamed('Save publish settings').click());
    await flush();
    expect(container.textContent).toContain('Waiting for your answer…');
    await act(() => {
      vi.advanceTimersByTime(30_000);
    });
    await flush();
    expect(saved).toHaveLength(1);
    expect(container.querySelector('[role="alert"]')?.textContent).toContain(
      'No answer came from the browser’s prompt in 30 seconds',
    );
  });

  it('an answer ends the wait: Allow saves as allowed, a refusal says it is not allowed', async () => {
    const granted = optionsServices(Promise.resolve(true), () => true);
    await mountSection(granted.services);
    await act(() => buttonNamed('Save publish settings').click());
    await flush();
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Publish settings saved.');
    render(null, container);

    const declined = optionsServices(Promise.resolve(false), () => false);
    await mountSection(declined.services);
    await act(() => buttonNamed('Save publish settings').click());
    await flush();
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/^Not allowed:/);
  });
});

describe('PublishSection: the token', () => {
  it('says plainly where the token is kept, next to the field, and never shows it', async () => {
    const { services } = optionsServices(Promise.resolve(true), () => true);
    await mountSection(services);
    const field = container.querySelector<HTMLInputElement>('#publish-token');
    expect(field?.type).toBe('password');
    expect(field?.value).toBe('');
    const warning = document.getElementById(field?.getAttribute('aria-describedby') ?? '');
    expect(warning?.textContent).toContain('only in this browser profile’s local extension storage');
    expect(warning?.textContent).toContain('never synced, never put in a backup and never logged');
  });
});

describe('PublishControl on a conflict', () => {
  it('“Keep theirs” asks the service to adopt the repository’s file and shows the clip as published', async () => {
    const keepTheirs = vi.fn(() => Promise.resolve(ok(undefined)));
    const services: PublishPopupServices = {
      isConfigured: () => Promise.resolve(true),
      publish: () => Promise.resolve(ok({ published: [], failed: ['c1'] })),
      keepTheirs,
    };
    await act(() =>
      render(
        <I18nContext.Provider value={englishI18n}>
          <PublishControl
            clipId="c1"
            publication={{
              destination: 'git',
              path: '_posts/a.md',
              state: 'conflict',
              error: 'publish-conflict',
            }}
            services={services}
            onOpenOptions={() => undefined}
          />
        </I18nContext.Provider>,
        container,
      ),
    );
    await flush();
    expect(container.textContent).toContain('Someone else changed this post');
    await act(() => buttonNamed('Keep theirs').click());
    await flush();
    expect(keepTheirs).toHaveBeenCalledWith('c1');
    expect(container.textContent).toContain('Kept the repository’s version');
    expect(container.textContent).not.toContain('Someone else changed this post');
    expect(buttonNamed('Publish').disabled).toBe(false);
  });
});
