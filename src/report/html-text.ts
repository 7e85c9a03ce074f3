const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for HTML and SVG element content and quoted attribute
 * values alike: URLs and header values come from the input and from servers,
 * so any of them may hold markup.
 */
export function escapeHtml(text: string): string {
  let escaped = '';
  for (const char of text) escaped += entities[char] ?? char;
  return escaped;
}

// Long enough for real URLs to be kept whole and shown readably, short enough
// that a hostile megabyte-long input line grows neither the aggregate nor the
// report: with a few hundred URLs shown, the report stays well under 1 MB even
// when every one of them is as long as these limits allow.
const maxKeptLength = 2048;
const maxLinkedLength = 1000;
const maxShownLength = 300;

/** `text` cut to `max` characters, with an ellipsis where it was cut. */
export function clip(text: string, max = maxKeptLength): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Text from outside (a path, a header value) as the report shows it: cut to a readable length and escaped. */
export function shownText(text: string): string {
  return escapeHtml(clip(text, maxShownLength));
}

/**
 * A URL for the report: a link when it is an http(s) URL of a sane length (so
 * that nothing else, such as a `javascript:` line from the input, can be
 * clicked), plain text otherwise; long ones are shown cut.
 */
export function urlHtml(url: string): string {
  const text = shownText(url);
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = '';
  }
  if ((protocol !== 'http:' && protocol !== 'https:') || url.length > maxLinkedLength) return `<span class="url">${text}</span>`;
  return `<a class="url" href="${escapeHtml(url)}" rel="noreferrer">${text}</a>`;
}
