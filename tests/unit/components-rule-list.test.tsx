// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nContext } from '../../components/i18n-context';
import type { RuleListProps } from '../../components/rule-list';
import {
  EMPTY_RULE_FORM,
  fromRuleForm,
  isValidSelector,
  RuleList,
  toRuleForm,
} from '../../components/rule-list';
import { BUILT_IN_TEMPLATES } from '../../utils/pure/presets';
import type { SiteRule } from '../../utils/pure/site-rules';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const I18N = {
  t: (key: string, subs?: string[]) => (subs?.length ? `${key}:${subs.join(',')}` : key),
  describeError: (code: string) => code,
};

const A: SiteRule = { id: 'a', match: { type: 'host', value: 'a.example' } };
const B: SiteRule = { id: 'b', match: { type: 'host-suffix', value: 'b.example' }, timeZone: 'Asia/Tokyo' };
const C: SiteRule = { id: 'c', match: { type: 'pattern', value: 'https://c.example/news/*' } };

function mount(over: Partial<RuleListProps> = {}) {
  const props: RuleListProps = {
    rules: [A, B, C],
    templates: BUILT_IN_TEMPLATES,
    onChange: vi.fn(),
    ...over,
  };
  void act(() => {
    render(
      <I18nContext.Provider value={I18N}>
        <RuleList {...props} />
      </I18nContext.Provider>,
      container,
    );
  });
  return props;
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function byLabel<T extends HTMLElement>(text: string): T {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === text);
  const control = label ? container.querySelector(`#${label.htmlFor}`) : null;
  if (!control) throw new Error(`no control labelled ${text}`);
  return control as T;
}

function set(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  void act(() => {
    el.value = value;
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

function submit() {
  void act(() => {
    container.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

describe('RuleList', () => {
  it('lists rules in order and moves them up and down; the ends cannot move out', () => {
    const props = mount();
    expect(
      [...container.querySelectorAll('[data-rule-id]')].map((li) => li.getAttribute('data-rule-id')),
    ).toEqual(['a', 'b', 'c']);
    expect(button('ruleMoveUp:a.example').disabled).toBe(true);
    expect(button('ruleMoveDown:https://c.example/news/*').disabled).toBe(true);
    void act(() => button('ruleMoveDown:a.example').click());
    expect(props.onChange).toHaveBeenLastCalledWith([B, A, C]);
    void act(() => button('ruleMoveUp:https://c.example/news/*').click());
    expect(props.onChange).toHaveBeenLastCalledWith([A, C, B]);
  });

  it('deletes a rule', () => {
    const props = mount();
    void act(() => button('ruleDelete:b.example').click());
    expect(props.onChange).toHaveBeenCalledWith([A, C]);
  });

  it('adds a rule with every setting from the form', () => {
    const props = mount({ rules: [] });
    expect(container.textContent).toContain('rulesEmpty');
    void act(() => button('ruleAdd').click());
    set(byLabel('ruleMatchType'), 'host-suffix');
    set(byLabel('ruleMatchValue'), ' cmrnn.com.cn ');
    set(byLabel('ruleTemplate'), 'hugo-toml');
    set(byLabel('ruleCategories'), '{{site|pinyin}}');
    set(byLabel('ruleTags'), '{{site}}新闻');
    set(byLabel('ruleLayout'), 'post');
    set(byLabel('ruleTimeZone'), 'Asia/Shanghai');
    set(byLabel('ruleRemoveSelectors'), '.share\n\n  .editor  ');
    set(byLabel('ruleArticleSelector'), '#content');
    set(byLabel('ruleDateSelector'), '.pubtime');
    set(byLabel('ruleSlugMode'), 'pinyin');
    submit();
    expect(props.onChange).toHaveBeenCalledWith([
      {
        id: 'rule-1',
        match: { type: 'host-suffix', value: 'cmrnn.com.cn' },
        templateId: 'hugo-toml',
        fields: [
          { key: 'categories', value: '{{site|pinyin}}' },
          { key: 'tags', value: '{{site}}新闻' },
          { key: 'layout', value: 'post' },
        ],
        timeZone: 'Asia/Shanghai',
        removeSelectors: ['.share', '.editor'],
        articleSelector: '#content',
        dateSelector: '.pubtime',
        slugMode: 'pinyin',
      },
    ]);
  });

  it('refuses a form with no host, a bad template, an unknown zone or a bad selector, saying which', () => {
    const props = mount({ rules: [] });
    void act(() => button('ruleAdd').click());
    submit();
    expect(container.querySelector('[role=alert]')?.textContent).toBe('ruleMatchMissing');
    expect(byLabel('ruleMatchValue').getAttribute('aria-invalid')).toBe('true');
    set(byLabel('ruleMatchValue'), '127.0.0.1');
    set(byLabel('ruleTags'), '{{site|pinyn}}');
    submit();
    expect(container.querySelector('[role=alert]')?.textContent).toBe(
      "templateSyntaxError:fields.tags: Unknown filter 'pinyn' at line 1, column 8 — did you mean 'pinyin'?",
    );
    expect(byLabel('ruleTags').getAttribute('aria-invalid')).toBe('true');
    set(byLabel('ruleTags'), '{{site}}');
    set(byLabel('ruleTimeZone'), 'Mars/Base');
    submit();
    expect(container.querySelector('[role=alert]')?.textContent).toBe('timeZoneInvalid:Mars/Base');
    set(byLabel('ruleTimeZone'), '');
    set(byLabel('ruleRemoveSelectors'), '.ok\ndiv[');
    submit();
    expect(container.querySelector('[role=alert]')?.textContent).toBe('ruleSelectorInvalid:div[');
    expect(props.onChange).not.toHaveBeenCalled();
    void act(() => button('ruleCancel').click());
    expect(container.querySelector('form')).toBeNull();
  });

  it('edits a rule in place, keeping its id and overrides the form does not show', () => {
    const rule: SiteRule = { ...B, fields: [{ key: 'author', value: '{{site}}' }] };
    const props = mount({ rules: [A, rule] });
    void act(() => button('ruleEdit:b.example').click());
    expect(byLabel<HTMLInputElement>('ruleTimeZone').value).toBe('Asia/Tokyo');
    set(byLabel('ruleLayout'), 'news');
    submit();
    expect(props.onChange).toHaveBeenCalledWith([
      A,
      {
        ...rule,
        fields: [
          { key: 'layout', value: 'news' },
          { key: 'author', value: '{{site}}' },
        ],
      },
    ]);
  });
});

describe('rule forms', () => {
  it('round-trip a rule', () => {
    const rule: SiteRule = {
      id: 'x',
      match: { type: 'pattern', value: 'https://*.example.com/*' },
      fields: [{ key: 'tags', value: '{{site}}' }],
      removeSelectors: ['.a', '.b'],
      slugMode: 'readable',
    };
    expect(fromRuleForm(toRuleForm(rule), 'x')).toEqual(rule);
    expect(fromRuleForm({ ...EMPTY_RULE_FORM, matchValue: 'a.example' }, 'y')).toEqual({
      id: 'y',
      match: { type: 'host', value: 'a.example' },
    });
  });

  it('check selectors with the browser', () => {
    expect(isValidSelector('.share, #x > p')).toBe(true);
    expect(isValidSelector('div[')).toBe(false);
  });
});
