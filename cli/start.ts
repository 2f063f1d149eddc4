// Node: `npm start`: with a display and a Chromium, build the extension and open the sample page with it loaded;
// otherwise (a headless machine) say so and clip the sample page through the CLI code path.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SAMPLE_FILE, main as runClip } from './clip';
import { errorMessage } from '../utils/pure/error-message';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const SAMPLE_PATH = '/2022/02/17/xihu-driverless-bus.html';

/** Whether a graphical session is there to show a browser window. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The first Chromium or Chrome binary on this machine, or null. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  const folders = ['/usr/bin', '/usr/local/bin', '/snap/bin', ...(env.PATH ?? '').split(delimiter)];
  for (const name of BROWSER_NAMES) {
    for (const folder of folders) {
      const path = join(folder, name);
      if (folder && existsSync(path)) return path;
    }
  }
  return null;
}

function runCommand(command: string, args: string[]): Promise<number> {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', rejectRun);
    child.on('exit', (code) => resolveRun(code ?? 1));
  });
}

/** Serves the sample page on 127.0.0.1 (random port) under a news-like path; resolves with its URL. */
async function serveSample(): Promise<{ url: string; close: () => void }> {
  const page = readFileSync(SAMPLE_FILE);
  const server = createServer((request, response) => {
    if (request.url === SAMPLE_PATH || request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('not found');
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${SAMPLE_PATH}`, close: () => server.close() };
}

async function startBrowser(browser: string): Promise<number> {
  const buildCode = await runCommand('npx', ['wxt', 'build']);
  if (buildCode !== 0) {
    process.stderr.write(`postclip: \`npx wxt build\` failed (exit ${buildCode})\n`);
    return buildCode;
  }
  const sample = await serveSample();
  const profile = mkdtempSync(join(tmpdir(), 'postclip-profile-'));
  process.stdout.write(
    `Serving the sample page at ${sample.url}\nOpening ${browser} with the extension; close it to stop.\n`,
  );
  try {
    await runCommand(browser, [
      // Branded Chrome ignores --load-extension since version 137; Chromium still honours it (see README).
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      // Chromium refuses to start as root with its sandbox on.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--no-default-browser-check',
      sample.url,
    ]);
  } finally {
    sample.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return 0;
}

async function start(): Promise<number> {
  const browser = findBrowser();
  if (hasDisplay() && browser) return startBrowser(browser);
  const reason = hasDisplay()
    ? 'no Chromium or Chrome found'
    : 'no display (DISPLAY / WAYLAND_DISPLAY unset)';
  process.stdout.write(`Postclip: ${reason}, so no browser; here is the sample page clipped by the CLI:\n\n`);
  await runClip([]);
  return 0;
}

start().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`postclip: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  },
);
