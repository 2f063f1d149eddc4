import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findScriptDate, findScriptDates, readUnixTime } from '../../utils/dom/script-dates';

const NOW = new Date('2026-10-08T04:00:00Z');
const CN = { now: NOW, offsetMinutes: 480 };

function page(scripts: string, body = '<p>正文</p>'): Document {
  return parseHTML(`<!doctype html><html><head><title>t</title>${scripts}</head><body>${body}</body></html>`)
    .document;
}

// Modelled on a WeChat article page: the date line is filled in by script, so the HTML holds no date text.
const WECHAT = `<script>
  var msg_title = "城市的早晨";
  var msg_desc = "一段摘要";
  var ct = "1567843200";
  var publish_time = "2019-09-07" || "";
  var user_name = "gh_0123456789ab";
</script>`;

describe('findScriptDates', () => {
  it("reads WeChat's var ct (Unix seconds) in the publisher zone, and publish_time", () => {
    const found = findScriptDates(page(WECHAT), CN);
    expect(found.map((d) => d.detail)).toEqual(['script var ct (unix s)', 'script var publish_time']);
    // 1567843200 = 2019-09-07T08:00:00Z = 16:00 in Beijing.
    expect(found[0]?.parts).toEqual({
      year: 2019,
      month: 9,
      day: 7,
      hour: 16,
      minute: 0,
      second: 0,
      offsetMinutes: 480,
    });
    expect(found[0]?.source).toBe('script');
    expect(found[1]?.parts).toEqual({ year: 2019, month: 9, day: 7 });
  });

  it('writes a Unix time in UTC when the zone is unknown', () => {
    const [first] = findScriptDates(page(WECHAT), { now: NOW, offsetMinutes: null });
    expect(first?.parts).toMatchObject({ hour: 8, offsetMinutes: 0 });
  });

  it('reads state objects by key, milliseconds and strings alike, in page order', () => {
    const state = `<script>window.__INITIAL_STATE__ = {"article":{"id":88231,"title":"x","publishTime":1696725000000,
      "author":{"name":"y"}},"related":[{"pubDate":"2023-10-01 09:00:00"}]};</script>`;
    const found = findScriptDates(page(state), CN);
    expect(found.map((d) => d.detail)).toEqual(['script key publishTime (unix ms)', 'script key pubDate']);
    expect(found[0]?.parts).toMatchObject({ year: 2023, month: 10, day: 8, hour: 8, minute: 30 });
    expect(found[1]?.parts).toMatchObject({ year: 2023, month: 10, day: 1, hour: 9 });
  });

  it('reads application/json state (Next.js) but not JSON-LD, external scripts or templates', () => {
    const scripts = [
      `<script id="__NEXT_DATA__" type="application/json">{"props":{"datePublished":"2024-05-06T07:08:09Z"}}</script>`,
      `<script type="application/ld+json">{"datePublished":"2001-01-01"}</script>`,
      `<script src="/app.js">var publishTime = "2002-02-02";</script>`,
      `<script type="text/template">{"publishTime":"2003-03-03"}</script>`,
    ].join('');
    const found = findScriptDates(page(scripts), CN);
    expect(found.map((d) => d.raw)).toEqual(['2024-05-06T07:08:09Z']);
  });

  it('refuses times after the reference time and implausible numbers', () => {
    const scripts = `<script>
      var publish_time = "2027-01-01";
      var ct = "123456789";
      var pubDate = "99999999999";
      var pubtime = "1893456000";
    </script>`;
    // 123456789 s is 1973; 11 digits fit neither seconds nor ms; 1893456000 s is 2030, after the click.
    expect(findScriptDates(page(scripts), CN)).toEqual([]);
  });

  it('does not read a two-letter property or a key inside a longer name', () => {
    const scripts = `<script>obj.ct = "1567843200"; var x = {"republishTime": "2019-09-07", "ct": 1567843200};</script>`;
    expect(findScriptDates(page(scripts), CN)).toEqual([]);
  });

  it('reads only the first kilobytes of a huge script', () => {
    const filler = 'x'.repeat(150_000);
    const scripts = `<script>var a = "${filler}"; var publishTime = "2019-09-07";</script>`;
    expect(findScriptDates(page(scripts), CN)).toEqual([]);
  });
});

describe('findScriptDate', () => {
  it('takes the first date, with the time of day from a later one on the same day', () => {
    const scripts = `<script>var publish_time = "2019-09-07" || ""; var ct = "1567843200";</script>`;
    expect(findScriptDate(page(scripts), CN)?.detail).toBe('script var ct (unix s)');
  });

  it('keeps the first date when no later one has the same day', () => {
    const scripts = `<script>var publish_time = "2019-09-06"; var ct = "1567843200";</script>`;
    expect(findScriptDate(page(scripts), CN)?.parts).toEqual({ year: 2019, month: 9, day: 6 });
  });

  it('is null for a page without one', () => {
    expect(findScriptDate(page('<script>var a = 1;</script>'), CN)).toBeNull();
  });
});

describe('readUnixTime', () => {
  it.each([
    ['1567843200', 1567843200_000],
    ['1696725000000', 1696725000000],
    ['99999999999', null],
    ['12345678', null],
  ])('%s', (digits, expected) => {
    expect(readUnixTime(digits)).toBe(expected);
  });
});
