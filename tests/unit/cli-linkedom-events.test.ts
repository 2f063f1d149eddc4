import { Event, EventTarget, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { installLazyEventTargets } from '../../cli/linkedom-events';

installLazyEventTargets();

function page(): Document {
  return (parseHTML('<div id="outer"><p id="inner">Text</p></div>') as unknown as { document: Document })
    .document;
}

describe('installLazyEventTargets', () => {
  it('still delivers events to listeners on the target and, when the event bubbles, its ancestors', () => {
    const doc = page();
    const inner = doc.getElementById('inner');
    const outer = doc.getElementById('outer');
    const heard: string[] = [];
    inner?.addEventListener('ping', (event) => heard.push(`inner:${event.eventPhase}`));
    outer?.addEventListener('ping', (event) => heard.push(`outer:${(event.target as Element).id}`));
    inner?.dispatchEvent(new Event('ping', { bubbles: true }) as unknown as globalThis.Event);
    inner?.dispatchEvent(new Event('ping') as unknown as globalThis.Event);
    expect(heard).toEqual(['inner:2', 'outer:inner', 'inner:2']);
  });

  it('honours once, removeEventListener, handleEvent objects and stopImmediatePropagation', () => {
    const doc = page();
    const inner = doc.getElementById('inner');
    let count = 0;
    const counter = (): void => {
      count += 1;
    };
    inner?.addEventListener('tick', counter, { once: true });
    inner?.dispatchEvent(new Event('tick') as unknown as globalThis.Event);
    inner?.dispatchEvent(new Event('tick') as unknown as globalThis.Event);
    expect(count).toBe(1);
    const handler = {
      calls: 0,
      handleEvent(): void {
        this.calls += 1;
      },
    };
    inner?.addEventListener('tock', handler);
    inner?.addEventListener('tock', (event) => event.stopImmediatePropagation());
    inner?.addEventListener('tock', counter);
    inner?.dispatchEvent(new Event('tock') as unknown as globalThis.Event);
    expect([handler.calls, count]).toEqual([1, 1]);
    inner?.removeEventListener('tock', handler);
    inner?.dispatchEvent(new Event('tock') as unknown as globalThis.Event);
    expect(handler.calls).toBe(1);
  });

  it('reports a cancelled event, and nodes with no listener dispatch without error', () => {
    const doc = page();
    const inner = doc.getElementById('inner');
    inner?.addEventListener('go', (event) => event.preventDefault());
    expect(inner?.dispatchEvent(new Event('go', { cancelable: true }) as unknown as globalThis.Event)).toBe(
      false,
    );
    expect(doc.getElementById('outer')?.dispatchEvent(new Event('go') as unknown as globalThis.Event)).toBe(
      true,
    );
  });

  it('leaves a bare EventTarget with linkedom’s own store', () => {
    const target = new EventTarget();
    let heard = 0;
    target.addEventListener(
      'x',
      () => {
        heard += 1;
      },
      false,
    );
    target.dispatchEvent(new Event('x'));
    expect(heard).toBe(1);
  });
});
