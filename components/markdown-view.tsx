// The post body rendered as Preact nodes from marked's tokens: never innerHTML, raw HTML shown as text, and no
// remote image fetched until the user asks for that image.
import type { MarkedToken, Token, Tokens } from 'marked';
import { Lexer } from 'marked';
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';

export interface MarkdownViewLabels {
  /** The button that stands in for an image until it is loaded. */
  loadImage: string;
}

export interface MarkdownViewProps {
  markdown: string;
  /** Localised by the caller; English by default. */
  labels?: MarkdownViewLabels;
  class?: string;
}

const DEFAULT_LABELS: MarkdownViewLabels = { loadImage: 'Load image' };
/** Links and images may only point at the web (or mail): a `javascript:` link is shown as text. */
const SAFE_LINK = /^(?:https?:|mailto:)/i;
const SAFE_IMAGE = /^https?:/i;
/** marked resolves numeric character references but leaves these five for an HTML renderer to pass through. */
const HTML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES[entity] ?? entity);
}

export function MarkdownView({ markdown, labels = DEFAULT_LABELS, class: className }: MarkdownViewProps) {
  const tokens = useMemo(() => Lexer.lex(markdown, { gfm: true }), [markdown]);
  return (
    <div class={['markdown-view', className].filter(Boolean).join(' ')}>{renderBlocks(tokens, labels)}</div>
  );
}

function renderBlocks(tokens: Token[], labels: MarkdownViewLabels): ComponentChildren[] {
  return tokens.map((token, i) => renderBlock(token as MarkedToken, labels, i));
}

function renderBlock(token: MarkedToken, labels: MarkdownViewLabels, key: number): ComponentChildren {
  switch (token.type) {
    case 'heading':
      return renderHeading(token, labels, key);
    case 'paragraph':
      return <p key={key}>{renderInline(token.tokens, labels)}</p>;
    case 'blockquote':
      return <blockquote key={key}>{renderBlocks(token.tokens, labels)}</blockquote>;
    case 'list':
      return renderList(token, labels, key);
    case 'code':
      return (
        <pre key={key}>
          <code class={token.lang ? `language-${token.lang}` : undefined}>{token.text}</code>
        </pre>
      );
    case 'table':
      return renderTable(token, labels, key);
    case 'hr':
      return <hr key={key} />;
    case 'html':
      // Shown as the text it is: clipped HTML never becomes markup here.
      return (
        <pre key={key} class="markdown-html">
          {token.raw}
        </pre>
      );
    case 'text':
      return <p key={key}>{token.tokens ? renderInline(token.tokens, labels) : decode(token.text)}</p>;
    case 'space':
    case 'def':
    case 'checkbox':
      return null;
    case 'list_item':
    case 'br':
    case 'codespan':
    case 'del':
    case 'em':
    case 'escape':
    case 'image':
    case 'link':
    case 'strong':
      return renderInlineToken(token, labels, key);
  }
  return null;
}

function renderHeading(token: Tokens.Heading, labels: MarkdownViewLabels, key: number): ComponentChildren {
  const children = renderInline(token.tokens, labels);
  switch (token.depth) {
    case 1:
      return <h1 key={key}>{children}</h1>;
    case 2:
      return <h2 key={key}>{children}</h2>;
    case 3:
      return <h3 key={key}>{children}</h3>;
    case 4:
      return <h4 key={key}>{children}</h4>;
    case 5:
      return <h5 key={key}>{children}</h5>;
    default:
      return <h6 key={key}>{children}</h6>;
  }
}

function renderList(token: Tokens.List, labels: MarkdownViewLabels, key: number): ComponentChildren {
  const items = token.items.map((item, i) => (
    <li key={i}>
      {item.task ? <input type="checkbox" checked={item.checked === true} disabled /> : null}
      {item.tokens.map((child, j) =>
        child.type === 'text' && !item.loose
          ? renderInline((child as Tokens.Text).tokens ?? [child], labels, j)
          : child.type === 'checkbox'
            ? null
            : renderBlock(child as MarkedToken, labels, j),
      )}
    </li>
  ));
  if (token.ordered) {
    const start = typeof token.start === 'number' && token.start !== 1 ? token.start : undefined;
    return (
      <ol key={key} start={start}>
        {items}
      </ol>
    );
  }
  return <ul key={key}>{items}</ul>;
}

function renderTable(token: Tokens.Table, labels: MarkdownViewLabels, key: number): ComponentChildren {
  const style = (align: Tokens.TableCell['align']) => (align ? { textAlign: align } : undefined);
  return (
    <table key={key}>
      <thead>
        <tr>
          {token.header.map((cell, i) => (
            <th key={i} scope="col" style={style(cell.align)}>
              {renderInline(cell.tokens, labels)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {token.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j} style={style(cell.align)}>
                {renderInline(cell.tokens, labels)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function renderInline(tokens: Token[], labels: MarkdownViewLabels, key?: number): ComponentChildren {
  const children = tokens.map((token, i) => renderInlineToken(token as MarkedToken, labels, i));
  return key === undefined ? children : <span key={key}>{children}</span>;
}

function renderInlineToken(token: MarkedToken, labels: MarkdownViewLabels, key: number): ComponentChildren {
  switch (token.type) {
    case 'text':
      return token.tokens ? renderInline(token.tokens, labels, key) : decode(token.text);
    case 'escape':
      return token.text;
    case 'strong':
      return <strong key={key}>{renderInline(token.tokens, labels)}</strong>;
    case 'em':
      return <em key={key}>{renderInline(token.tokens, labels)}</em>;
    case 'del':
      return <del key={key}>{renderInline(token.tokens, labels)}</del>;
    case 'codespan':
      return <code key={key}>{decode(token.text)}</code>;
    case 'br':
      return <br key={key} />;
    case 'link':
      return SAFE_LINK.test(token.href) ? (
        <a
          key={key}
          href={token.href}
          title={token.title ?? undefined}
          target="_blank"
          rel="noopener noreferrer"
        >
          {renderInline(token.tokens, labels)}
        </a>
      ) : (
        <span key={key}>{renderInline(token.tokens, labels)}</span>
      );
    case 'image':
      return (
        <ImagePlaceholder key={key} src={token.href} alt={decode(token.text)} label={labels.loadImage} />
      );
    case 'html':
      return token.raw;
    case 'blockquote':
    case 'checkbox':
    case 'code':
    case 'def':
    case 'heading':
    case 'hr':
    case 'list_item':
    case 'list':
    case 'paragraph':
    case 'space':
    case 'table':
      // Block tokens do not occur inside inline content; their source is at least readable.
      return token.raw;
  }
  return null;
}

interface ImagePlaceholderProps {
  src: string;
  alt: string;
  label: string;
}

/** A button in place of the image: nothing is fetched until the user presses it. */
function ImagePlaceholder({ src, alt, label }: ImagePlaceholderProps) {
  const [isLoaded, setLoaded] = useState(false);
  if (!SAFE_IMAGE.test(src)) return <span class="markdown-image">{alt}</span>;
  if (isLoaded) return <img class="markdown-image" src={src} alt={alt} referrerpolicy="no-referrer" />;
  return (
    <span class="markdown-image">
      <button type="button" onClick={() => setLoaded(true)}>
        {label}
      </button>
      {alt ? <span class="markdown-image-alt"> {alt}</span> : null}
    </span>
  );
}
