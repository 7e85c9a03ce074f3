import { fork, type CssNode, type ParseOptions } from 'css-tree';

// css-tree's parser keeps the buffers of the longest text it has parsed and clears them whole on each
// call, so once a 2 MiB stylesheet has been parsed every small parse on the same parser costs
// milliseconds. Media queries, values and nested rules get a parser of their own.
const snippets = fork({});

/** css-tree's parse, on a parser kept for short texts; it throws where css-tree does. */
export function parseSnippet(text: string, options: ParseOptions): CssNode {
  return snippets.parse(text, { positions: false, ...options });
}
