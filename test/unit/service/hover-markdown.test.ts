import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { doHover } from '../../../server/src/core/features/hover';
import { fieldSpans, markdownCode, markdownText } from '../../../server/src/core/features/presentation';
import { NUMERIC_FIELDS } from '../../../server/src/core/model/shape';

/**
 * markdown-it (a dependency of @vscode/vsce, already installed) in its most permissive setting:
 * raw HTML on and bare URLs linked. If it renders no link, image or tag from a hover, the
 * editor's stricter renderer does not either.
 */
const MarkdownIt = createRequire(__filename)('markdown-it') as new (options: object) => { render(markdown: string): string };
const renderer = new MarkdownIt({ html: true, linkify: true });

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'markdown-injection');
const PAYLOAD = '![x](https://e.invalid/p.png) [Click](https://e.invalid) <img src=x>';

/** No element a file could smuggle in: a link, an image, or any tag but the ones hovers are made of. */
function assertNoInjectedMarkup(html: string, where: string): void {
  assert.doesNotMatch(html, /<a\b/, `${where}: a link\n${html}`);
  assert.doesNotMatch(html, /<img\b/, `${where}: an image\n${html}`);
  const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((match) => match[1]));
  for (const tag of tags) assert.ok(['p', 'strong', 'em', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td'].includes(tag), `${where}: <${tag}>\n${html}`);
}

suite('hover markdown never renders config text as markup (issue 18)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    test(`${name}: every field's hover renders the file's text literally`, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const result = check(text, name);
      assert.ok(result.shape, name);
      let hovers = 0;
      let quoted = 0;
      for (const field of NUMERIC_FIELDS) {
        for (const span of fieldSpans(result.shape[field])) {
          const hover = doHover(result, span.offset);
          if (!hover) continue;
          hovers++;
          const html = renderer.render(hover.markdown);
          assertNoInjectedMarkup(html, `${name} ${field}`);
          if (html.includes('&lt;img') || html.includes('![x](https://e.invalid/p.png)')) quoted++;
        }
      }
      assert.ok(hovers > 0, 'the fixture has hovers');
      assert.ok(quoted > 0, 'some hover quotes the payload, as text');
    });
  }

  test('markdownText and markdownCode: the payload, backtick runs and line breaks stay literal text', () => {
    for (const value of [PAYLOAD, `\`${PAYLOAD}\``, `\`\`\`${PAYLOAD}`, `${PAYLOAD}\n# heading\n- item`, 'a ` b `` c', '`', '<script>alert(1)</script>', 'www.e.invalid mail@e.invalid https://e.invalid']) {
      for (const markdown of [markdownText(value), `**${markdownText(value)}**`, markdownCode(value), `_${markdownText(value)}._`]) {
        const html = renderer.render(markdown);
        assertNoInjectedMarkup(html, JSON.stringify(value));
        assert.doesNotMatch(html, /<h1|<li/);
      }
      // A code span shows exactly the text, its line breaks made spaces.
      const code = /<code>([\s\S]*)<\/code>/.exec(renderer.render(markdownCode(value)))?.[1];
      assert.equal(code?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim(), value.replace(/\n/g, ' ').trim());
    }
    assert.match(renderer.render(markdownCode('')), /<code>\s*<\/code>/);
  });
});
