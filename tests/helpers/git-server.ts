// Test helper: a real Git smart-HTTP server on 127.0.0.1 — Git's own `git http-backend` behind node:http, with
// basic auth that wants a token, and a switch that drops the connection in the middle of a push.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

/**
 * How the next push fails, once: `drop-upload` closes the socket after the first bytes of the pack arrive and never
 * starts the backend (the server went away mid-upload); `drop-response` lets the backend take the whole push and
 * then closes the socket before the client reads the answer (the push landed, the client cannot know).
 */
export type PushFault = 'none' | 'drop-upload' | 'drop-response';

export interface GitServer {
  /** The clone URL of a repository under the server's root, e.g. `http://127.0.0.1:PORT/site.git`. */
  urlOf(name: string): string;
  /** The bare repository's folder on disk, for checking with the real `git` CLI. */
  pathOf(name: string): string;
  /** A new bare repository that accepts pushes over HTTP; `initialBranch` names its HEAD. */
  createRepo(name: string, initialBranch?: string): string;
  /** Makes the next push fail as described; later pushes work again. */
  failNextPush(fault: PushFault): void;
  /**
   * Makes every push fail as described until called again with `none`. Deterministic where a browser may resend a
   * POST on its own after a dropped connection (Chromium does, once, on a reused socket): the resend fails too.
   */
  failEveryPush(fault: PushFault): void;
  /** Pushes that reached the server (receive-pack POSTs), failed or not. */
  readonly pushAttempts: number;
  /**
   * Runs `action` once, just before the next push's ref advertisement is served: another user pushing in the gap
   * between our fetch and our push.
   */
  beforeNextPush(action: () => void): void;
  /** Requests seen so far, as `METHOD path?query`. */
  readonly requests: string[];
  close(): Promise<void>;
}

export const TEST_TOKEN = 'test-token-1234';

/** Runs the real git CLI; throws with its stderr on failure. */
export function runGit(args: string[], cwd?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function isAuthorized(header: string | undefined, token: string): { user: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  // Like GitHub and Gitea: any user name, the token as the password.
  return decoded.slice(colon + 1) === token ? { user: decoded.slice(0, colon) || 'token' } : null;
}

/** Splits CGI output into its header block and the rest; headers end at the first blank line. */
function splitCgiHead(buffer: Buffer): { head: string; rest: Buffer } | null {
  const crlf = buffer.indexOf('\r\n\r\n');
  const lf = buffer.indexOf('\n\n');
  if (crlf < 0 && lf < 0) return null;
  const useCrlf = crlf >= 0 && (lf < 0 || crlf < lf);
  const end = useCrlf ? crlf : lf;
  return { head: buffer.subarray(0, end).toString('latin1'), rest: buffer.subarray(end + (useCrlf ? 4 : 2)) };
}

function runBackend(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  user: string,
  fault: PushFault,
): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const protocol = req.headers['git-protocol'];
  const encoding = req.headers['content-encoding'];
  const child = spawn(HTTP_BACKEND, [], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: root,
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      REMOTE_USER: user,
      REMOTE_ADDR: '127.0.0.1',
      // http-backend reads the body until EOF when there is no length; a gzipped body says so itself.
      ...(encoding ? { HTTP_CONTENT_ENCODING: encoding } : {}),
      ...(typeof protocol === 'string' ? { GIT_PROTOCOL: protocol } : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  req.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  child.stderr.on('data', () => undefined);
  let pending: Buffer = Buffer.alloc(0);
  let isHeadDone = false;
  const stdoutChunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    if (fault === 'drop-response') {
      stdoutChunks.push(chunk);
      return;
    }
    if (isHeadDone) {
      res.write(chunk);
      return;
    }
    pending = Buffer.concat([pending, chunk]);
    const split = splitCgiHead(pending);
    if (!split) return;
    isHeadDone = true;
    let status = 200;
    for (const line of split.head.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200;
      else res.setHeader(name, value);
    }
    res.statusCode = status;
    if (split.rest.length > 0) res.write(split.rest);
  });
  child.on('close', () => {
    // The push has been applied (or refused) by now; the client never hears which.
    if (fault === 'drop-response') req.socket.destroy();
    else res.end();
  });
  child.on('error', (error) => {
    res.statusCode = 500;
    res.end(String(error));
  });
}

/** Starts the server on 127.0.0.1 at a random port. Repositories live in a fresh temporary folder. */
export async function startGitServer(token: string = TEST_TOKEN): Promise<GitServer> {
  if (!existsSync(HTTP_BACKEND)) throw new Error(`${HTTP_BACKEND} is missing: install Debian's git`);
  const root = mkdtempSync(join(tmpdir(), 'postclip-git-server-'));
  let nextFault: PushFault = 'none';
  let everyFault: PushFault = 'none';
  let pushAttempts = 0;
  let pushHook: (() => void) | null = null;
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    const auth = isAuthorized(req.headers.authorization, token);
    if (!auth) {
      req.resume();
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="postclip-test"', 'Content-Type': 'text/plain' });
      res.end('Authentication required\n');
      return;
    }
    if ((req.url ?? '').endsWith('/info/refs?service=git-receive-pack') && pushHook) {
      const hook = pushHook;
      pushHook = null;
      hook();
    }
    const isPush = req.method === 'POST' && (req.url ?? '').endsWith('/git-receive-pack');
    const fault = !isPush ? 'none' : nextFault !== 'none' ? nextFault : everyFault;
    if (isPush) {
      nextFault = 'none';
      pushAttempts += 1;
    }
    if (fault === 'drop-upload') {
      // Take the first bytes of the pack, then vanish: nothing reaches the repository.
      req.once('data', () => req.socket.destroy());
      return;
    }
    runBackend(root, req, res, auth.user, fault);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const pathOf = (name: string): string => join(root, name);
  return {
    urlOf: (name) => `http://127.0.0.1:${port}/${name}`,
    pathOf,
    createRepo(name, initialBranch = 'main') {
      const path = pathOf(name);
      runGit(['init', '--quiet', '--bare', `--initial-branch=${initialBranch}`, path]);
      runGit(['config', 'http.receivepack', 'true'], path);
      return path;
    },
    failNextPush(fault) {
      nextFault = fault;
    },
    failEveryPush(fault) {
      everyFault = fault;
    },
    get pushAttempts() {
      return pushAttempts;
    },
    beforeNextPush(action) {
      pushHook = action;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
