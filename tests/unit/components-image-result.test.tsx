// @vitest-environment jsdom
// The clip result's image line: counts and reasons, and the Allow flow (granted → refetch; declined → said so).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n-context';
import { ImageResult } from '../../components/image-result';
import { useImageResult } from '../../components/use-image-result';
import type { PopupServices } from '../../utils/pure/page-api';
import type { ClipImagesReport, ClipOutcome } from '../../utils/pure/protocol';
import type { Result } from '../../utils/pure/result';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const i18n = {
  t: (key: string, subs: string[] = []) => [key, ...subs].join('|'),
  describeError: (code: string) => code,
};

const REPORT: ClipImagesReport = {
  summary: { kept: 3, remote: 3, reasons: { 'no-permission': 2, 'image-too-large': 1 } },
  storageFull: false,
  missingOrigins: ['https://img.cdn.example/*'],
};

type Services = Pick<PopupServices, 'allowImageSites' | 'refetchImages'>;

function Harness({ services }: { services: Services }) {
  const images = useImageResult(services, () => {});
  return (
    <div>
      <button
        type="button"
        onClick={() => images.show('c1', REPORT, { tabId: 4, expectedUrl: 'https://x/' })}
      >
        show
      </button>
      {images.view && (
        <ImageResult
          report={images.view.report}
          isDeclined={images.view.isDeclined}
          isBusy={images.view.isBusy}
          onAllow={images.allow}
        />
      )}
    </div>
  );
}

function mount(services: Services) {
  void act(() =>
    render(
      <I18nContext.Provider value={i18n}>
        <Harness services={services} />
      </I18nContext.Provider>,
      container,
    ),
  );
  void act(() => container.querySelector('button')?.click());
}

function allowButton(): HTMLButtonElement | undefined {
  return [...container.querySelectorAll('button')].find((b) => b.textContent === 'imagesAllow');
}

describe('ImageResult', () => {
  it('says how many were kept and why the others stayed remote, and names the other site', () => {
    mount({});
    const text = container.textContent ?? '';
    expect(text).toContain('imagesKept|3');
    expect(text).toContain('imagesRemote|3|2 imagesReasonNoPermission, 1 imagesReasonTooLarge');
    expect(text).toContain('imagesAllowPrompt|img.cdn.example');
    expect(allowButton()).toBeDefined();
  });

  it('granted: asks for exactly the missing sites, then refetches and shows the new counts', async () => {
    const kept: ClipImagesReport = {
      ...REPORT,
      summary: { kept: 5, remote: 1, reasons: { 'image-too-large': 1 } },
      missingOrigins: [],
    };
    const allowImageSites = vi.fn(() => Promise.resolve(true));
    const refetchImages = vi.fn((): Promise<Result<ClipOutcome>> =>
      Promise.resolve({ ok: true, value: { clip: {} as ClipOutcome['clip'], isUpdate: true, images: kept } }),
    );
    mount({ allowImageSites, refetchImages });
    await act(async () => {
      allowButton()?.click();
      await Promise.resolve();
    });
    await act(() => Promise.resolve());
    expect(allowImageSites).toHaveBeenCalledWith(['https://img.cdn.example/*']);
    expect(refetchImages).toHaveBeenCalledWith('c1', { tabId: 4, expectedUrl: 'https://x/' });
    expect(container.textContent).toContain('imagesKept|5');
    expect(allowButton()).toBeUndefined();
  });

  it('declined (or the browser cannot ask): says the images stay remote and fetches nothing', async () => {
    const refetchImages = vi.fn();
    mount({ allowImageSites: () => Promise.resolve(false), refetchImages });
    await act(async () => {
      allowButton()?.click();
      await Promise.resolve();
    });
    expect(container.textContent).toContain('imagesDeclined');
    expect(allowButton()).toBeUndefined();
    expect(refetchImages).not.toHaveBeenCalled();
  });
});
