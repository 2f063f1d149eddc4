// A tiny static server on 127.0.0.1 for the end-to-end test pages.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
};

export interface PageServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * `hold`, when given, is asked for each request's path: the answer waits for the promise it returns, so a test can
 * keep a page (a multi-page article's page 2) in flight until it has checked what the extension shows meanwhile.
 */
export async function startPageServer(
  root: string,
  hold?: (path: string) => Promise<void> | undefined,
): Promise<PageServer> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(root, path);
    const held = hold?.(path.replace(/\\/g, '/')) ?? Promise.resolve();
    held
      .then(() => readFile(file))
      .then(
        (body) => {
          res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
          res.end(body);
        },
        () => {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found');
        },
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections a browser still holds would keep close() waiting until they time out.
        server.closeAllConnections();
      }),
  };
}
