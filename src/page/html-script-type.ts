// Whether a <script> with a src is one the browser runs, and so downloads:
// a JavaScript MIME type or `module`, as the HTML standard's "prepare the
// script element" decides; `nomodule` scripts are for browsers without modules.
import { attribute, keyword, type Attributes } from './html-attributes.js';

// The HTML standard's JavaScript MIME type essence matches.
const JAVASCRIPT_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

/** Whether the browser would fetch this <script>'s src. */
export function isFetchedScript(attributes: Attributes): boolean {
  if (attribute(attributes, 'nomodule') !== undefined) return false;
  const type = attribute(attributes, 'type');
  const language = attribute(attributes, 'language');
  if (type === undefined || type === '') {
    // An old `language` attribute stands for the type "text/<language>".
    return language === undefined || language === '' || JAVASCRIPT_TYPES.has(`text/${language.toLowerCase()}`);
  }
  const essence = keyword(type) ?? '';
  return essence === 'module' || JAVASCRIPT_TYPES.has(essence);
}
