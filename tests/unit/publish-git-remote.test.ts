// Auth for Git hosts and one-at-a-time access to a clone.
import { describe, expect, it } from 'vitest';
import { authHeaders, authOf, serialize } from '../../utils/pure/publish/git-remote';

const TARGET = { url: 'https://git.example.com/me/site.git', branch: 'main', token: 'ghp_abc123' };

describe('authOf / authHeaders', () => {
  it('sends the token as the basic-auth password with x-access-token as the default user name', () => {
    expect(authOf(TARGET)).toEqual({ username: 'x-access-token', password: 'ghp_abc123' });
    const header = authHeaders(TARGET).Authorization ?? '';
    expect(Buffer.from(header.replace(/^Basic /, ''), 'base64').toString()).toBe('x-access-token:ghp_abc123');
  });

  it('uses the user name given (Bitbucket wants one)', () => {
    expect(authOf({ ...TARGET, username: 'ada' })).toEqual({ username: 'ada', password: 'ghp_abc123' });
  });

  it('sends no up-front header for a token that is not ASCII, leaving it to onAuth', () => {
    expect(authHeaders({ ...TARGET, token: 'tökén' })).toEqual({});
  });
});

describe('serialize', () => {
  it('runs tasks on one key one after the other, even after a failure, and other keys alongside', async () => {
    const events: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        events.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const a = serialize('clone-a', task('a1', true));
    const b = serialize('clone-a', task('a2'));
    const c = serialize('clone-b', task('b1'));
    await expect(a).rejects.toThrow('a1');
    expect(await b).toBe('a2');
    expect(await c).toBe('b1');
    expect(events.indexOf('a2 start')).toBeGreaterThan(events.indexOf('a1 end'));
    expect(events.indexOf('b1 start')).toBeLessThan(events.indexOf('a1 end'));
  });
});
