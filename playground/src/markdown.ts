/**
 * The language server's hover markdown as HTML, rendered by `marked` with every piece of raw HTML
 * escaped: the markdown quotes keys and values from the file, and nothing from the file may become
 * markup. Links open only http(s) addresses, in a new tab.
 */
import { Marked } from 'marked';
import { escapeHtml } from '../../server/src/core/features/report';

const markdown = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link: ({ href, text }) => (/^https?:\/\//.test(href) ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${escapeHtml(text)}</a>` : escapeHtml(text)),
    image: ({ text }) => escapeHtml(text),
  },
});

export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}
