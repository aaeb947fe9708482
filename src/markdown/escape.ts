/**
 * Writing Markdown that reads back as exactly the text given. Escapes are kept to what could
 * otherwise change meaning, so that what `read add` writes looks like what a person would type.
 */

// Inline constructs: code, emphasis, strikethrough, links and images, HTML and autolinks, escapes.
const INLINE_SPECIAL = /[\\`*_~[\]<]/g;
// `&copy;`, `&#49;`, `&#x31;` would be decoded; a lone `&` is fine.
const CHARACTER_REFERENCE = /&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)/g;
// Digits then a space at the start of an item's text would be read as the day of the month.
const DAY_LIKE_START = /^(\d)(?=\d?[ \t])/;
// GFM turns urls, `www.` and emails into links even when written as plain text (escapes do not
// stop it: the autolink pass runs on the decoded text). Any run of non-space characters that could
// hold one goes into a code span, which reads as the same text and is never linked.
const AUTOLINK_LITERAL = /\S*(?:@|:\/\/|www\.)\S*/gi;

export function isSingleLine(text: string): boolean {
  return !/[\n\r\u2028\u2029]/.test(text);
}

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&').replace(CHARACTER_REFERENCE, '\\&');
}

/** Text of a link: `[text](url)`. */
export function escapeLinkText(title: string): string {
  return escapeInline(title);
}

/** Text of an item without a link: it must not start like a day, nor grow a link of its own. */
export function escapePlainTitle(title: string): string {
  let out = '';
  let at = 0;
  for (const match of title.matchAll(AUTOLINK_LITERAL)) {
    out += escapeInline(title.slice(at, match.index)) + codeSpan(match[0]);
    at = match.index + match[0].length;
  }
  out += escapeInline(title.slice(at));
  return out.replace(DAY_LIKE_START, (digit) => `&#${digit.charCodeAt(0)};`);
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A link destination: bare when it is plain, `<…>` when it holds spaces, parentheses or brackets. */
export function formatDestination(url: string): string {
  const escaped = url.replace(/\\/g, '\\\\').replace(CHARACTER_REFERENCE, '\\&');
  return /[\s()<>]|[\u0000-\u001f\u007f]/.test(url) || url === ''
    ? `<${escaped.replace(/[<>]/g, '\\$&')}>`
    : escaped;
}
