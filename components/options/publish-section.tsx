// The options page's "Publish" section: where posts go (a local folder or a Git repository), the repository's
// fields and token, Test connection, and publishing every new clip. Saving asks for the repository's origin.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PublishOptionsServices, PublishPageState } from '../../utils/pure/page-api';
import { parseTemplate } from '../../utils/pure/template';
import type { PublishDestination, PublishSettings } from '../../utils/pure/types';
import { useI18n } from '../i18n-context';
import { Choice, Toggle } from '../option-fields';
import { DESTINATION_LABELS, publishErrorKey } from '../publish-labels';

const DESTINATIONS: readonly PublishDestination[] = ['none', 'folder', 'git'];

export interface PublishSectionProps {
  services: PublishOptionsServices;
  /** How long to wait for the browser's permission prompt before saying so; tests shorten it. */
  askTimeoutMs?: number;
}

type Note = { text: string; isError: boolean } | null;

/** Two minutes: long enough to read the prompt, short enough that a prompt that never shows is noticed. */
export const ASK_TIMEOUT_MS = 120_000;

/** How the wait for the browser's answer ended. */
type AskEnd = 'answered' | 'cancelled' | 'timeout';

/** The host a permission pattern names (`https://git.example.com/*` → `git.example.com`). */
function hostOfPattern(pattern: string): string {
  return /^[a-z]+:\/\/([^/]+)/i.exec(pattern)?.[1] ?? pattern;
}

/** Whether a Git destination has an http(s) repository URL (a folder or none needs none). */
function isUrlOk(draft: PublishSettings): boolean {
  if (draft.destination !== 'git') return true;
  try {
    const url = new URL(draft.repoUrl.trim());
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  /** A password field: the token is never shown. */
  isSecret?: boolean;
  inputMode?: 'url' | 'email';
  placeholder?: string;
  describedBy?: string;
  onInput: (value: string) => void;
}) {
  const common = {
    id: props.id,
    value: props.value,
    placeholder: props.placeholder,
    autocomplete: 'off',
    spellcheck: false,
    'aria-describedby': props.describedBy,
    onInput: (e: { currentTarget: HTMLInputElement }) => props.onInput(e.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.isSecret ? (
        <input type="password" {...common} />
      ) : (
        <input type="text" inputMode={props.inputMode} {...common} />
      )}
    </div>
  );
}

export function PublishSection({ services, askTimeoutMs = ASK_TIMEOUT_MS }: PublishSectionProps) {
  const { t, describeError } = useI18n();
  const [state, setState] = useState<PublishPageState | null>(null);
  const [draft, setDraft] = useState<PublishSettings | null>(null);
  const [token, setToken] = useState('');
  const [note, setNote] = useState<Note>(null);
  const [testNote, setTestNote] = useState<Note>(null);
  const [isBusy, setBusy] = useState(false);
  /** The host the browser is being asked about, while the page waits for the answer. */
  const [waitingFor, setWaitingFor] = useState<string | null>(null);
  const stopWaiting = useRef<((end: AskEnd) => void) | null>(null);

  function apply(next: PublishPageState) {
    setState(next);
    setDraft(next.settings);
  }

  useEffect(() => {
    void services.load().then((loaded) => {
      if (loaded.ok) apply(loaded.value);
      else setNote({ text: describeError(loaded.code, loaded.detail), isError: true });
    });
  }, [services]);

  if (!state || !draft) {
    return (
      <section aria-labelledby="sec-publish">
        <h2 id="sec-publish">{t('publishSection')}</h2>
        {note ? <p role="alert">{note.text}</p> : <p>{t('loading')}</p>}
      </section>
    );
  }

  const set = <K extends keyof PublishSettings>(key: K, value: PublishSettings[K]) =>
    setDraft({ ...draft, [key]: value });
  const messageProblem = (() => {
    const parsed = parseTemplate(draft.messageTemplate);
    return parsed.ok ? null : parsed.error.message;
  })();

  /** Waits for the browser's answer, the Cancel button or the time limit, whichever comes first. */
  function waitForAnswer(answer: Promise<boolean>): Promise<AskEnd> {
    return new Promise<AskEnd>((resolve) => {
      const timer = setTimeout(() => finish('timeout'), askTimeoutMs);
      function finish(end: AskEnd) {
        clearTimeout(timer);
        stopWaiting.current = null;
        resolve(end);
      }
      stopWaiting.current = finish;
      void answer.then(() => finish('answered'));
    });
  }

  async function save() {
    if (!draft) return;
    if (!isUrlOk(draft)) {
      setNote({ text: t('publishBadUrl'), isError: true });
      return;
    }
    if (messageProblem) {
      setNote({ text: t('publishMessageError', [messageProblem]), isError: true });
      return;
    }
    // First, inside the click: the browser shows its permission prompt only now.
    const ask = services.askAccess(draft);
    setBusy(true);
    setNote(null);
    setTestNote(null);
    try {
      let end: AskEnd = 'answered';
      if (ask) {
        setWaitingFor(hostOfPattern(ask.origin));
        end = await waitForAnswer(ask.answer);
        setWaitingFor(null);
      }
      const saved = await services.save(draft, token === '' ? null : token);
      if (!saved.ok) {
        setNote({ text: describeError(saved.code, saved.detail), isError: true });
        return;
      }
      apply(saved.value.state);
      setToken('');
      const host = ask ? hostOfPattern(ask.origin) : '';
      if (saved.value.isAllowed) setNote({ text: t('publishSaved'), isError: false });
      else if (end === 'cancelled') setNote({ text: t('publishAskCancelled', [host]), isError: true });
      else if (end === 'timeout')
        setNote({
          text: t('publishAskTimedOut', [String(Math.round(askTimeoutMs / 1000)), host]),
          isError: true,
        });
      else setNote({ text: t('publishNotAllowed'), isError: true });
    } finally {
      setWaitingFor(null);
      setBusy(false);
    }
  }

  async function test() {
    setBusy(true);
    setTestNote({ text: t('publishTesting'), isError: false });
    try {
      const result = await services.test();
      if (!result.ok) setTestNote({ text: describeError(result.code, result.detail), isError: true });
      else if (!result.value.ok) setTestNote({ text: t(publishErrorKey(result.value.code)), isError: true });
      else {
        const { report } = result.value;
        const branch = state?.settings.branch ?? '';
        setTestNote({
          text: report.branchExists
            ? t('publishTestOk', [branch, String(report.files)])
            : t('publishTestNoBranch', [branch]),
          isError: false,
        });
      }
    } finally {
      setBusy(false);
    }
  }

  async function pickFolder() {
    const picked = await services.pickFolder();
    if (!picked.ok) setNote({ text: describeError(picked.code, picked.detail), isError: true });
    else if (picked.value !== null) {
      const loaded = await services.load();
      if (loaded.ok) setState(loaded.value);
    }
  }

  async function allowFolder() {
    await services.restoreFolderPermission();
    const loaded = await services.load();
    if (loaded.ok) setState(loaded.value);
  }

  const saved = state.settings;
  const isNotAllowed = saved.destination === 'git' && saved.repoUrl !== '' && saved.allowedOrigin === '';

  return (
    <section aria-labelledby="sec-publish" class="publish-section">
      <h2 id="sec-publish">{t('publishSection')}</h2>
      <p class="hint">{t('publishHint')}</p>
      <Choice
        id="publish-destination"
        label={t('publishDestination')}
        value={draft.destination}
        values={DESTINATIONS}
        labels={DESTINATION_LABELS}
        onChange={(v) => set('destination', v)}
      />

      {draft.destination === 'folder' &&
        (state.isFolderSupported ? (
          <div class="publish-folder">
            <p>{state.folderName ? t('publishFolderChosen', [state.folderName]) : t('publishFolderNone')}</p>
            <button type="button" class="secondary" onClick={() => void pickFolder()}>
              {t('publishFolderPick')}
            </button>
            {state.folderName && state.isFolderPermissionNeeded && (
              <p role="alert">
                {t('publishFolderAskAgain')}{' '}
                <button type="button" onClick={() => void allowFolder()}>
                  {t('publishFolderAllow')}
                </button>
              </p>
            )}
          </div>
        ) : (
          <p role="note" class="hint">
            {t('publishFolderUnsupported')}
          </p>
        ))}

      {draft.destination === 'git' && (
        <div class="publish-git">
          <TextField
            id="publish-repo"
            label={t('publishRepoUrl')}
            value={draft.repoUrl}
            inputMode="url"
            placeholder="https://github.com/you/site.git"
            describedBy="publish-permission-why"
            onInput={(v) => set('repoUrl', v)}
          />
          <p id="publish-permission-why" class="hint">
            {t('publishPermissionWhy')}
          </p>
          <TextField
            id="publish-branch"
            label={t('publishBranch')}
            value={draft.branch}
            onInput={(v) => set('branch', v)}
          />
          <TextField
            id="publish-token"
            label={t('publishToken')}
            value={token}
            isSecret
            placeholder={state.hasToken ? '••••••••' : ''}
            describedBy="publish-token-warning"
            onInput={setToken}
          />
          {state.hasToken && <p class="hint">{t('publishTokenKept')}</p>}
          <p id="publish-token-warning" class="hint warning">
            {t('publishTokenWarning')}
          </p>
          <TextField
            id="publish-author"
            label={t('publishAuthorName')}
            value={draft.authorName}
            onInput={(v) => set('authorName', v)}
          />
          <TextField
            id="publish-email"
            label={t('publishAuthorEmail')}
            value={draft.authorEmail}
            inputMode="email"
            onInput={(v) => set('authorEmail', v)}
          />
          <TextField
            id="publish-message"
            label={t('publishMessage')}
            value={draft.messageTemplate}
            onInput={(v) => set('messageTemplate', v)}
          />
          {messageProblem && <p class="hint">{t('publishMessageError', [messageProblem])}</p>}
        </div>
      )}

      {draft.destination !== 'none' && (
        <Toggle
          id="publish-auto"
          label={t('publishAuto')}
          checked={draft.isAutoPublish}
          onChange={(v) => set('isAutoPublish', v)}
        />
      )}

      <div class="actions">
        <button type="button" disabled={isBusy} onClick={() => void save()}>
          {t('publishSave')}
        </button>
        {saved.destination === 'git' && saved.repoUrl !== '' && (
          <button type="button" class="secondary" disabled={isBusy} onClick={() => void test()}>
            {t('publishTest')}
          </button>
        )}
      </div>
      {waitingFor !== null && (
        <div role="status" class="publish-waiting">
          <p>
            <strong>{t('publishAskWaiting')}</strong> {t('publishAskWhy', [waitingFor])}
          </p>
          <button type="button" class="secondary" onClick={() => stopWaiting.current?.('cancelled')}>
            {t('publishAskStop')}
          </button>
        </div>
      )}
      {isNotAllowed && !note && waitingFor === null && <p role="alert">{t('publishNotAllowed')}</p>}
      {note && <p role={note.isError ? 'alert' : 'status'}>{note.text}</p>}
      {testNote && <p role={testNote.isError ? 'alert' : 'status'}>{testNote.text}</p>}
    </section>
  );
}
