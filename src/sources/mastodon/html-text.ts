/**
 * Mastodon stores a status's `content` (and a profile's `summary`) as HTML. rapport never renders
 * imported HTML, so it keeps the text a reader would see: tags stripped, entities decoded, line
 * breaks (`<br>`, paragraphs, list items) kept as newlines. Link text is kept whole: Mastodon
 * hides the `https://` and the tail of long links in `<span class="invisible">`, and the full
 * address is what the language engine needs to spot a link.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™',
  euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', middot: '·', bull: '•', times: '×', divide: '÷',
  shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c', iexcl: '¡', iquest: '¿', sect: '§', para: '¶',
};

/** Decodes HTML character references in one pass (so `&amp;lt;` becomes `&lt;`, not `<`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

// A tag, allowing quoted attribute values that contain ">".
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;
const BLOCK_END = new Set(['p', 'div', 'li', 'blockquote', 'pre', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr']);

/** The plain text of a piece of Mastodon HTML; plain text (no tags at all) is returned as it is. */
export function htmlToText(html: string): string {
  if (!/<[a-zA-Z/!]/.test(html)) return decodeEntities(html).trim();
  let s = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
  // Raw newlines in HTML are plain whitespace, except inside <pre>.
  s = s.replace(/(<pre\b[\s\S]*?<\/pre\s*>)|[\r\n\t]+/gi, (m, pre: string | undefined) => pre ?? ' ');
  s = s.replace(TAG, (tag, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'br') return '\n';
    const closing = tag.startsWith('</');
    if (lower === 'p' || lower === 'blockquote') return '\n\n';
    if (lower === 'li') return closing ? '' : '\n• ';
    if (closing && BLOCK_END.has(lower)) return '\n';
    return '';
  });
  s = decodeEntities(s);
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
