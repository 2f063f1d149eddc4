// @vitest-environment jsdom
// The post in the popup, as a user meets it: the body editor and its autosave, the template picker, the re-clip
// question, Clip selection and Remove parts…, the status line. Queried by role and name, in English.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BodyEditor } from '../../components/body-editor';
import { I18nContext } from '../../components/i18n-context';
import type { I18n } from '../../components/i18n-context';
import { PopupApp } from '../../components/popup-app';
import { ReclipQuestion } from '../../components/reclip-question';
import { StatusLine } from '../../components/status-line';
import { TemplatePicker } from '../../components/template-picker';
import type { ComponentChildren } from 'preact';
import type { OpenedClip, PopupServices } from '../../utils/pure/page-api';
import type { TabProbe } from '../../utils/pure/protocol';
import { fail, ok } from '../../utils/pure/result';
import type { Result } from '../../utils/pure/result';
import type { ClipEdits, ClipSummary, StoredClip } from '../../utils/pure/types';
import { makeStoredClip } from '../kit/builders';
import { toSummary } from '../../utils/pure/clip-summary';

afterEach(cleanup);

const MESSAGES = JSON.parse(
  readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

const EN: I18n = {
  t: (key, subs = []) =>
    (MESSAGES[key]?.message ?? key).replace(/\$p(\d)\$/g, (_m, n: string) => subs[Number(n) - 1] ?? ''),
  describeError: (code) => code,
};

function inEnglish(children: ComponentChildren) {
  return <I18nContext.Provider value={EN}>{children}</I18nContext.Provider>;
}

/** A never-loading CodeMirror: the textarea the user gets at once stays. */
const NEVER = () => new Promise<never>(() => undefined);

describe('BodyEditor', () => {
  it('shows the body in a textbox named Body, and saves it after a pause in typing', async () => {
    const onSaveBody = vi.fn();
    render(inEnglish(<BodyEditor body="Old words." onSaveBody={onSaveBody} autosaveMs={5} load={NEVER} />));
    const box = screen.getByRole('textbox', { name: 'Body' });
    expect((box as HTMLTextAreaElement).value).toBe('Old words.');
    fireEvent.input(box, { target: { value: 'New words.' } });
    await waitFor(() => expect(onSaveBody).toHaveBeenCalledWith('New words.'));
    expect(onSaveBody).toHaveBeenCalledTimes(1);
  });

  it('saves at once when focus leaves and when the page hides; never an unchanged text', () => {
    const onSaveBody = vi.fn();
    const view = render(
      inEnglish(
        <>
          <BodyEditor body="A" onSaveBody={onSaveBody} autosaveMs={60_000} load={NEVER} doc={document} />
          <button type="button">Elsewhere</button>
        </>,
      ),
    );
    const box = screen.getByRole('textbox', { name: 'Body' });
    fireEvent.input(box, { target: { value: 'AB' } });
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    box.dispatchEvent(new FocusEvent('focusout', { bubbles: true, relatedTarget: elsewhere }));
    expect(onSaveBody).toHaveBeenLastCalledWith('AB');
    fireEvent.input(box, { target: { value: 'ABC' } });
    window.dispatchEvent(new Event('pagehide'));
    expect(onSaveBody).toHaveBeenLastCalledWith('ABC');
    fireEvent.input(box, { target: { value: 'ABCD' } });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(onSaveBody).toHaveBeenLastCalledWith('ABCD');
    // Hidden again with nothing new typed: nothing to save.
    document.dispatchEvent(new Event('visibilitychange'));
    view.unmount();
    expect(onSaveBody).toHaveBeenCalledTimes(3);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('switches to the rendered page and back', () => {
    render(inEnglish(<BodyEditor body={'## Tides\n\nText'} onSaveBody={vi.fn()} load={NEVER} />));
    fireEvent.click(screen.getByRole('button', { name: 'Show as page' }));
    expect(screen.getByRole('heading', { name: 'Tides' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Body' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Markdown' }));
    expect(screen.getByRole('textbox', { name: 'Body' })).toBeTruthy();
  });
});

describe('TemplatePicker', () => {
  const templates = [
    { id: 'jekyll', name: 'Jekyll' },
    { id: 'hugo-yaml', name: 'Hugo (YAML)' },
  ];

  it("shows the site's default when nothing is picked, and reports a pick", () => {
    const onPick = vi.fn();
    render(
      inEnglish(
        <TemplatePicker templates={templates} value={undefined} defaultId="hugo-yaml" onPick={onPick} />,
      ),
    );
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Template' });
    expect(select.value).toBe('hugo-yaml');
    fireEvent.change(select, { target: { value: 'jekyll' } });
    expect(onPick).toHaveBeenCalledWith('jekyll');
  });

  it('shows the picked template over the default, and the default for a deleted one', () => {
    const { rerender } = render(
      inEnglish(
        <TemplatePicker templates={templates} value="jekyll" defaultId="hugo-yaml" onPick={vi.fn()} />,
      ),
    );
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Template' }).value).toBe('jekyll');
    rerender(
      inEnglish(<TemplatePicker templates={templates} value="gone" defaultId="hugo-yaml" onPick={vi.fn()} />),
    );
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Template' }).value).toBe('hugo-yaml');
  });
});

describe('ReclipQuestion and StatusLine', () => {
  it('offers keep, replace and cancel as buttons; Escape cancels', () => {
    const props = { onKeep: vi.fn(), onReplace: vi.fn(), onCancel: vi.fn() };
    render(inEnglish(<ReclipQuestion {...props} />));
    const dialog = screen.getByRole('alertdialog');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clip again, keep my edit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clip again, replace my edit' }));
    expect(props.onReplace).toHaveBeenCalled();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(props.onCancel).toHaveBeenCalled();
  });

  it('shows one busy line: reading the page, then clipping', () => {
    const { rerender } = render(inEnglish(<StatusLine phase="probing" progress={null} message={null} />));
    expect(screen.getByRole('status').textContent).toBe('Looking at the page…');
    rerender(inEnglish(<StatusLine phase="clipping" progress={null} message={null} />));
    expect(screen.getByRole('status').textContent).toBe('Clipping…');
  });
});

// ---- The popup with fake services ----

const PROBE: TabProbe = {
  tabId: 7,
  url: 'https://news.example/tidal',
  title: 'Tidal',
  isReaderable: true,
  savedClipId: null,
};

const summaryOf = (clip: StoredClip): ClipSummary => toSummary(clip);

function popupServices(probe: TabProbe, start: StoredClip | null, over: Partial<PopupServices> = {}) {
  let clip = start ?? makeStoredClip({ id: 'c1', markdown: 'Page words.' });
  const opened = (): OpenedClip => ({
    clip,
    post: { filename: 'p.md', content: `---\ntitle: T\n---\n\n${clip.edits.body ?? clip.markdown}` },
    fields: { title: 'T', date: '2024-03-18', categories: [], tags: [] },
    templates: [
      { id: 'jekyll', name: 'Jekyll' },
      { id: 'hugo-yaml', name: 'Hugo (YAML)' },
    ],
    defaultTemplateId: 'hugo-yaml',
  });
  const services = {
    probe: vi.fn(() => Promise.resolve(ok(probe))),
    clip: vi.fn(() => Promise.resolve(ok({ clip: summaryOf(clip), isUpdate: start !== null }))),
    isClipOnOpen: vi.fn(() => Promise.resolve(false)),
    listSummaries: vi.fn(() => Promise.resolve(ok({ items: [summaryOf(clip)], next: null }))),
    getSummary: vi.fn(() => Promise.resolve(ok(summaryOf(clip)))),
    openClip: vi.fn((): Promise<Result<OpenedClip>> => Promise.resolve(ok(opened()))),
    updateEdits: vi.fn((_id: string, edits: ClipEdits): Promise<Result<OpenedClip>> => {
      clip = { ...clip, edits };
      return Promise.resolve(ok(opened()));
    }),
    deleteClips: vi.fn(() => Promise.resolve(ok([]))),
    putClips: vi.fn(() => Promise.resolve(ok(undefined))),
    download: vi.fn(() => Promise.resolve(ok(undefined))),
    exportZip: vi.fn(() => Promise.resolve(ok(1))),
    copy: vi.fn(() => Promise.resolve(ok(undefined))),
    openOptions: vi.fn(),
    startPicker: vi.fn(() => Promise.resolve(ok(null))),
    takeLastPick: vi.fn(() => Promise.resolve(null)),
    keepPickAsRule: vi.fn(() => Promise.resolve(ok(undefined))),
    closePopup: vi.fn(),
    ...over,
  };
  return { services, current: () => clip };
}

describe('PopupApp: the post in the popup', () => {
  it('shows a spinner while the page is read, never "No clips yet" beside it', () => {
    const { services } = popupServices(PROBE, null, {
      probe: vi.fn(() => new Promise<never>(() => undefined)),
    });
    render(inEnglish(<PopupApp services={services} />));
    expect(screen.getByRole('status').textContent).toContain('Looking at the page…');
    expect(screen.queryByText(/No clips yet/)).toBeNull();
  });

  it('shows the post with an editable body right after a clip, and autosaves an edit', async () => {
    const { services, current } = popupServices(PROBE, null);
    render(inEnglish(<PopupApp services={services} autosaveMs={5} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Clip this page' }));
    const body = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Body' });
    expect(body.value).toBe('Page words.');
    expect(screen.getByLabelText<HTMLInputElement>('Title').value).toBe('T');
    fireEvent.input(body, { target: { value: 'My words.' } });
    await waitFor(() => expect(current().edits.body).toBe('My words.'));
  });

  it('Escape goes back to the library, saving the body first', async () => {
    const { services, current } = popupServices(PROBE, null);
    render(inEnglish(<PopupApp services={services} autosaveMs={60_000} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Clip this page' }));
    const body = await screen.findByRole('textbox', { name: 'Body' });
    fireEvent.input(body, { target: { value: 'Kept on Escape.' } });
    fireEvent.keyDown(body, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Body' })).toBeNull());
    await waitFor(() => expect(current().edits.body).toBe('Kept on Escape.'));
  });

  it('asks before a re-clip replaces an edited body; keep leaves the edit, replace drops it', async () => {
    const edited = makeStoredClip({ id: 'c1', markdown: 'Page words.', edits: { body: 'My words.' } });
    const { services, current } = popupServices({ ...PROBE, savedClipId: 'c1' }, edited);
    render(inEnglish(<PopupApp services={services} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Clip this page' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Clip again, keep my edit' }));
    await waitFor(() => expect(services.clip).toHaveBeenCalledTimes(1));
    expect(current().edits.body).toBe('My words.');
    fireEvent.click(await screen.findByRole('button', { name: 'Clip this page' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Clip again, replace my edit' }));
    await waitFor(() => expect(services.clip).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(current().edits.body).toBeUndefined());
    await waitFor(() =>
      expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Body' }).value).toBe('Page words.'),
    );
  });

  it('does not ask when the body was never edited', async () => {
    const plain = makeStoredClip({ id: 'c1', markdown: 'Page words.' });
    const { services } = popupServices({ ...PROBE, savedClipId: 'c1' }, plain);
    render(inEnglish(<PopupApp services={services} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Clip this page' }));
    await waitFor(() => expect(services.clip).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('applies a template picked for this clip', async () => {
    const { services, current } = popupServices(PROBE, null);
    render(inEnglish(<PopupApp services={services} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Clip this page' }));
    const select = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Template' });
    expect(select.value).toBe('hugo-yaml');
    fireEvent.change(select, { target: { value: 'jekyll' } });
    await waitFor(() => expect(current().edits.templateId).toBe('jekyll'));
  });

  it('offers Clip selection only when the page has a selection, and clips the selection', async () => {
    const without = popupServices(PROBE, null);
    const first = render(inEnglish(<PopupApp services={without.services} />));
    await screen.findByRole('button', { name: 'Clip this page' });
    await waitFor(() => expect(without.services.probe).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Clip selection' })).toBeNull();
    first.unmount();
    const { services } = popupServices({ ...PROBE, hasSelection: true }, null);
    render(inEnglish(<PopupApp services={services} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Clip selection' }));
    await waitFor(() =>
      expect(services.clip).toHaveBeenCalledWith('selection', { tabId: 7, expectedUrl: PROBE.url }),
    );
  });

  it('Remove parts… starts the picker on the probed tab and closes the popup', async () => {
    const { services } = popupServices(PROBE, null);
    render(inEnglish(<PopupApp services={services} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove parts…' }));
    await waitFor(() => expect(services.closePopup).toHaveBeenCalled());
    expect(services.startPicker).toHaveBeenCalledWith({ tabId: 7, expectedUrl: PROBE.url });
  });

  it('after a pick, shows the clip and offers Always remove this on the site', async () => {
    const pick = { clipId: 'c1', host: 'news.example', selectors: ['#promo'] };
    const { services } = popupServices({ ...PROBE, savedClipId: 'c1' }, makeStoredClip({ id: 'c1' }), {
      takeLastPick: vi.fn(() => Promise.resolve(pick)),
    });
    render(inEnglish(<PopupApp services={services} />));
    await screen.findByRole('textbox', { name: 'Body' });
    fireEvent.click(await screen.findByRole('button', { name: 'Always remove this on news.example' }));
    await waitFor(() => expect(services.keepPickAsRule).toHaveBeenCalledWith(pick));
    fireEvent.click(await screen.findByRole('button', { name: 'Open Options' }));
    expect(services.openOptions).toHaveBeenCalled();
  });

  it('says a failed picker start, and keeps the popup open', async () => {
    const { services } = popupServices(PROBE, null, {
      startPicker: vi.fn(() => Promise.resolve(fail<null>('restricted-page'))),
    });
    render(inEnglish(<PopupApp services={services} />));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove parts…' }));
    await screen.findByText(/restricted-page/);
    expect(services.closePopup).not.toHaveBeenCalled();
  });
});
