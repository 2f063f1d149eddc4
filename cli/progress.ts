// Node: progress for long CLI runs: one line on a terminal's stderr, redrawn in place; nothing at all when piped.

export interface ProgressState {
  done: number;
  total: number;
  /** Since the batch started. */
  elapsedMs: number;
}

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/**
 * `12 of 40 · 3.1 pages/s · 9 s left`. Rate and time left are left out until a page is done and some time has
 * passed: a guess from nothing would only flicker.
 */
export function formatProgress({ done, total, elapsedMs }: ProgressState): string {
  const head = `${done} of ${total}`;
  if (done === 0 || elapsedMs <= 0) return head;
  const rate = (done * 1000) / elapsedMs;
  const rateText = `${rate < 10 ? rate.toFixed(1) : Math.round(rate)} pages/s`;
  if (done >= total) return `${head} · ${rateText}`;
  return `${head} · ${rateText} · ${formatDuration((total - done) / rate)} left`;
}

/** Where progress is drawn: stderr, or a stand-in in tests. */
export interface ProgressSink {
  write: (text: string) => void;
  isTTY: boolean;
}

export interface Progress {
  /** Records `done` pages; redraws at most every REDRAW_MS, and always for the last page. */
  update: (done: number) => void;
  /** Wipes the line, so the next message starts clean; call before writing anything else to the sink. */
  clear: () => void;
}

const REDRAW_MS = 100;
/** Return to column 0, then erase to the end of the line: the line is replaced, never appended to. */
const CARRIAGE_RETURN = '\r';
const ERASE_LINE = '\u001b[K';

const SILENT: Progress = { update: () => undefined, clear: () => undefined };

/** A progress line for `total` pages on `sink`; does nothing unless `sink` is a terminal. */
export function createProgress(
  sink: ProgressSink,
  total: number,
  now: () => number = () => performance.now(),
): Progress {
  if (!sink.isTTY) return SILENT;
  const started = now();
  let drawnAt = -Infinity;
  let isShown = false;
  return {
    update(done) {
      const at = now();
      if (done < total && at - drawnAt < REDRAW_MS) return;
      drawnAt = at;
      isShown = true;
      sink.write(
        `${CARRIAGE_RETURN}${formatProgress({ done, total, elapsedMs: at - started })}${ERASE_LINE}`,
      );
    },
    clear() {
      if (!isShown) return;
      isShown = false;
      sink.write(`${CARRIAGE_RETURN}${ERASE_LINE}`);
    },
  };
}
