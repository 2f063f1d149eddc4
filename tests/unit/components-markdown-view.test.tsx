// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkdownView } from '../../components/markdown-view';

afterEach(cleanup);

const POST = `# Tidal power

Engineers say the **lagoon** would power _forty thousand_ homes. See [the plan](https://example.com/plan "Plan").

## Timeline

1. Consult
2. Build

- [x] funded
- approved

> Critics warn about the cost.

\`\`\`js
const x = 1 < 2;
\`\`\`

| Year | Homes |
| ---- | ----: |
| 2026 | 40,000 |

Tom &amp; Jerry use \`a &lt; b\`.
`;

describe('MarkdownView', () => {
  it('renders headings, emphasis and links as DOM nodes', () => {
    render(<MarkdownView markdown={POST} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Tidal power' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Timeline' })).toBeTruthy();
    expect(screen.getByText('lagoon').tagName).toBe('STRONG');
    expect(screen.getByText('forty thousand').tagName).toBe('EM');
    const link = screen.getByRole('link', { name: 'the plan' });
    expect(link.getAttribute('href')).toBe('https://example.com/plan');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('renders ordered and task lists, quotes, code and tables', () => {
    render(<MarkdownView markdown={POST} />);
    const [ordered, bullets] = screen.getAllByRole('list');
    expect(ordered?.tagName).toBe('OL');
    expect(
      within(ordered as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Consult', 'Build']);
    const box = within(bullets as HTMLElement).getByRole<HTMLInputElement>('checkbox');
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
    expect(screen.getByText('Critics warn about the cost.').closest('blockquote')).not.toBeNull();
    expect(screen.getByText('const x = 1 < 2;').closest('pre')).not.toBeNull();
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Year', 'Homes']);
    expect(within(table).getByRole('cell', { name: '40,000' }).style.textAlign).toBe('right');
  });

  it('shows character references as the characters they name', () => {
    render(<MarkdownView markdown={POST} />);
    expect(screen.getByText(/Tom & Jerry use/)).toBeTruthy();
    expect(screen.getByText('a < b').tagName).toBe('CODE');
  });

  it('shows raw HTML as text, never as markup', () => {
    const { container } = render(
      <MarkdownView markdown={'<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there'} />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('does not make a link of a javascript: URL', () => {
    render(<MarkdownView markdown={'[click](javascript:alert(1))'} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('click')).toBeTruthy();
  });

  it('loads an image only when the user asks, with a localised button', () => {
    const { container } = render(
      <MarkdownView
        markdown={'![A tidal lagoon](https://example.com/lagoon.jpg)'}
        labels={{ loadImage: '加载图片' }}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('A tidal lagoon')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '加载图片' }));
    const image = screen.getByRole('img', { name: 'A tidal lagoon' });
    expect(image.getAttribute('src')).toBe('https://example.com/lagoon.jpg');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows only the alt text of an image that is not on the web', () => {
    const { container } = render(<MarkdownView markdown={'![secret](file:///etc/passwd)'} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toBe('secret');
  });
});
