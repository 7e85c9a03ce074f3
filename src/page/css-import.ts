import { string, tokenize, tokenTypes, url as cssUrl } from 'css-tree';

/** What an `@import` prelude says: the URL as written and the media list it applies under. */
export interface ImportPrelude {
  readonly url: string;
  readonly media: string;
}

interface Token {
  readonly type: number;
  readonly start: number;
  readonly end: number;
}

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  tokenize(text, (type, start, end) => {
    if (type !== tokenTypes.WhiteSpace && type !== tokenTypes.Comment) tokens.push({ type, start, end });
  });
  return tokens;
}

// The index after the token that closes the block or function opened at `index`.
function skipBlock(tokens: readonly Token[], index: number): number {
  let depth = 0;
  for (let i = index; i < tokens.length; i++) {
    const type = tokens[i]?.type;
    if (type === tokenTypes.Function || type === tokenTypes.LeftParenthesis) depth++;
    else if (type === tokenTypes.RightParenthesis && --depth === 0) return i + 1;
  }
  return tokens.length;
}

/**
 * Parses `url(a.css) layer(base) supports(display: grid) screen and (min-width: 40em)` or `"a.css" print`;
 * undefined when the prelude names no URL. `supports()` is taken as supported.
 */
export function parseImportPrelude(prelude: string): ImportPrelude | undefined {
  const tokens = tokensOf(prelude);
  const [first, second] = tokens;
  if (first === undefined) return undefined;
  const text = (token: Token): string => prelude.slice(token.start, token.end);
  let url: string;
  let next = 1;
  if (first.type === tokenTypes.Url) {
    url = cssUrl.decode(text(first));
  } else if (first.type === tokenTypes.String) {
    url = string.decode(text(first));
  } else if (first.type === tokenTypes.Function && text(first).toLowerCase() === 'url(' && second?.type === tokenTypes.String) {
    url = string.decode(text(second));
    next = skipBlock(tokens, 0);
  } else {
    return undefined;
  }
  let token = tokens[next];
  if (token !== undefined && token.type === tokenTypes.Ident && text(token).toLowerCase() === 'layer') {
    token = tokens[++next];
  } else if (token?.type === tokenTypes.Function && text(token).toLowerCase() === 'layer(') {
    next = skipBlock(tokens, next);
    token = tokens[next];
  }
  if (token?.type === tokenTypes.Function && text(token).toLowerCase() === 'supports(') {
    next = skipBlock(tokens, next);
    token = tokens[next];
  }
  return { url, media: token === undefined ? '' : prelude.slice(token.start) };
}
