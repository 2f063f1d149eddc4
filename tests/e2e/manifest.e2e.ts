// The built manifests ask for exactly the permissions the README allows: no more, no host permissions at install,
// and the optional ones (asked at the moment of need) exactly as the README lists them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');

function allowedFromReadme(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = /## Permissions\n([\s\S]*?)(\n## |$)/.exec(readme)?.[1] ?? '';
  const sentence = /asks for exactly these[^:]*:\s*([\s\S]*?)\.\s/.exec(section)?.[1] ?? '';
  return [...sentence.matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1] ?? '').sort();
}

/** Permissions the README lists for Chrome only (`offscreen`: Firefox MV2 parses in its background page). */
function chromeOnlyFromReadme(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const sentence = /Chrome alone also asks for ([^:]*):/.exec(readme)?.[1] ?? '';
  return [...sentence.matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1] ?? '').sort();
}

/** The README's optional permissions: asked at the moment of need, never at install. */
function optionalFromReadme(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const sentence = /Optional, asked only[^:]*:\s*([\s\S]*?),\s/.exec(readme)?.[1] ?? '';
  return [...sentence.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '').sort();
}

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: unknown[];
  content_security_policy?: unknown;
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(ROOT, '.output', dir, 'manifest.json'), 'utf8')) as Manifest;
}

describe('built manifests', () => {
  const allowed = allowedFromReadme();
  it('the README lists the allowed permissions', () => {
    assert.ok(allowed.length >= 5, `found ${allowed.join(', ')}`);
    assert.deepEqual(optionalFromReadme(), ['<all_urls>']);
    assert.deepEqual(chromeOnlyFromReadme(), ['offscreen']);
  });
  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    it(`${dir} asks for exactly the README's permissions and no hosts`, () => {
      const m = manifest(dir);
      const permissions = [...(m.permissions ?? [])].sort();
      assert.deepEqual(
        permissions.filter((p) => !p.includes('://') && p !== '<all_urls>'),
        dir === 'chrome-mv3' ? [...allowed, ...chromeOnlyFromReadme()].sort() : allowed,
      );
      assert.deepEqual(
        permissions.filter((p) => p.includes('://') || p === '<all_urls>'),
        [],
      );
      assert.deepEqual(m.host_permissions ?? [], []);
      // MV3 keeps optional hosts apart; MV2 lists them with the optional API permissions.
      const optional = [...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? [])].sort();
      assert.deepEqual(optional, optionalFromReadme());
      if (dir === 'chrome-mv3') assert.deepEqual(m.optional_permissions ?? [], []);
      // Network rules only where a host is granted: never the blanket DNR permission (an install warning that
      // blocks on every site) or webRequest.
      assert.ok(permissions.includes('declarativeNetRequestWithHostAccess'), permissions.join(', '));
      for (const broad of [
        'declarativeNetRequest',
        'declarativeNetRequestFeedback',
        'webRequest',
        'webRequestBlocking',
      ])
        assert.ok(!permissions.includes(broad), `${dir} asks for ${broad}`);
      assert.equal(m.content_scripts, undefined);
      const csp =
        typeof m.content_security_policy === 'string'
          ? m.content_security_policy
          : JSON.stringify(m.content_security_policy);
      assert.match(csp, /script-src 'self';/);
      assert.match(csp, /object-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|https?:/);
    });
  }
});
