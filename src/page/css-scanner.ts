import { parse, type Atrule, type Block, type CssNode, type Declaration, type List } from 'css-tree';
import { parseImportPrelude } from './css-import.js';
import { parseSnippet } from './css-parse.js';
import { ScanCollector, type StylesheetScan } from './css-scan-result.js';
import { parseRawValue, urlsInValue, variablesInValue } from './css-value-urls.js';
import { parseFontFace } from './font-face.js';
import { familiesOf } from './font-family.js';
import { matchesMedia, type Device } from './media-query.js';
import { resolveUrl } from './resolve-url.js';
import { requirementsOf, universal, type Compound } from './selector-requirement.js';

export type { StylesheetScan } from './css-scan-result.js';

/** Where a stylesheet's URLs resolve, and the device whose media queries choose its rules. */
export interface CssScanOptions {
  /** The stylesheet's URL; for `<style>` and `style` attributes, the document's base URL. */
  readonly baseUrl: string;
  readonly device: Device;
}

// Group rules whose rules apply as if they were not there (@supports is taken as supported, and
// @container as matching, since neither can be decided without layout).
const transparentGroups = new Set(['supports', 'layer', 'container', 'scope', 'starting-style']);
// What may precede @import without making it ignored.
const beforeImports = new Set(['charset', 'import', 'layer', 'namespace']);

interface Context {
  // The requirements of the enclosing style rule; undefined at the top level and in group rules there.
  readonly parent: readonly Compound[] | undefined;
  // A Raw node is parsed again only once, so a broken stylesheet costs at most twice its parse.
  readonly reparsed: boolean;
}

class Scanner {
  readonly #found = new ScanCollector();
  #importsAllowed = true;

  constructor(readonly options: CssScanOptions) {}

  get result(): StylesheetScan {
    return this.#found.result();
  }

  #resolve(reference: string): string | undefined {
    // `url(#id)` names an element of the document using the style, and data: needs no request.
    if (reference.startsWith('#') || reference.trimStart().toLowerCase().startsWith('data:')) return undefined;
    return resolveUrl(reference, this.options.baseUrl);
  }

  visitList(nodes: List<CssNode>, context: Context): void {
    const declarations = new Map<string, Declaration>();
    for (const node of nodes) {
      if (node.type === 'Declaration') {
        const property = node.property.startsWith('--') ? node.property : node.property.toLowerCase();
        // The last declaration of a property wins, unless an earlier one is !important and it is not.
        const winner = declarations.get(property);
        if (winner === undefined || !winner.important || node.important) declarations.set(property, node);
        continue;
      }
      if (node.type !== 'Atrule' || !beforeImports.has(node.name.toLowerCase())) this.#importsAllowed = false;
      if (node.type === 'Rule') this.#visitRule(node.prelude, node.block, context);
      else if (node.type === 'Atrule') this.#visitAtrule(node, context);
      else if (node.type === 'Raw' && context.parent !== undefined && !context.reparsed) this.#reparse(node.value, context);
    }
    if (context.parent === undefined) return;
    for (const declaration of declarations.values()) this.visitDeclaration(declaration, context.parent);
  }

  #visitRule(prelude: CssNode, block: Block, context: Context): void {
    // css-tree keeps a selector list it cannot parse raw; Chromium drops such a rule.
    if (prelude.type !== 'SelectorList') return;
    const requirements = requirementsOf(prelude, context.parent ?? [universal]);
    if (requirements.length > 0) this.visitList(block.children, { ...context, parent: requirements });
  }

  #visitAtrule(node: Atrule, context: Context): void {
    const name = node.name.toLowerCase();
    const prelude = node.prelude?.type === 'Raw' ? node.prelude.value : '';
    if (name === 'import') {
      const imported = this.#importsAllowed && context.parent === undefined ? parseImportPrelude(prelude) : undefined;
      const url = imported !== undefined && matchesMedia(imported.media, this.options.device) ? this.#resolve(imported.url) : undefined;
      if (url !== undefined) this.#found.addImport(url);
    } else if (name === 'font-face' && node.block !== null) {
      const face = parseFontFace(node.block);
      const url = face === undefined ? undefined : this.#resolve(face.url);
      if (face !== undefined && url !== undefined) this.#found.addFace({ ...face, url });
    } else if (node.block !== null && (transparentGroups.has(name) || (name === 'media' && matchesMedia(prelude, this.options.device)))) {
      this.visitList(node.block.children, context);
    }
  }

  // css-tree 3.2 parses a nested rule only when it starts with `&`; others (`.child { … }`) come as
  // Raw, and parsed as a stylesheet they are rules again, nested in the same parent.
  #reparse(text: string, context: Context): void {
    const sheet = parseSnippet(text, { context: 'stylesheet', parseAtrulePrelude: false, onParseError: ignore });
    if (sheet.type === 'StyleSheet') this.visitList(sheet.children, { ...context, reparsed: true });
  }

  /** One declaration that wins in a rule with these requirements. */
  visitDeclaration(declaration: Declaration, requirements: readonly Compound[]): void {
    const value = declaration.value.type === 'Raw' ? parseRawValue(declaration.value.value) : declaration.value;
    if (value === undefined) return;
    const custom = declaration.property.startsWith('--');
    for (const name of variablesInValue(value)) this.#found.addVariableUse(name, requirements);
    for (const reference of urlsInValue(value, this.options.device.dpr)) {
      const url = this.#resolve(reference);
      if (url === undefined) continue;
      if (custom) this.#found.addVariableImage(declaration.property, url, requirements);
      else this.#found.addImage(url, requirements);
    }
    const families = custom ? undefined : familiesOf(declaration.property, value);
    if (families !== undefined) this.#found.addFamilies(families, requirements);
  }
}

function ignore(): void {
  // css-tree recovers from each error by keeping the broken part raw, as a browser skips it.
}

/** The largest stylesheet scanned, in UTF-16 code units: 2 Mi, a few times the largest sheets of real sites. */
export const maxStylesheetLength = 2 * 1024 * 1024;

/**
 * What a stylesheet may make the browser load on the device. Only its first `maxStylesheetLength`
 * characters are scanned, cut after the last `}` within them so no URL is cut short.
 */
export function scanStylesheet(text: string, options: CssScanOptions): StylesheetScan {
  const scanned = text.length <= maxStylesheetLength ? text : text.slice(0, text.lastIndexOf('}', maxStylesheetLength - 1) + 1);
  const scanner = new Scanner(options);
  const sheet = parse(scanned, { parseAtrulePrelude: false, positions: false, onParseError: ignore });
  if (sheet.type === 'StyleSheet') scanner.visitList(sheet.children, { parent: undefined, reparsed: false });
  return scanner.result;
}

/** What a `style` attribute may make the browser load: its element exists, so its declarations apply. */
export function scanStyleAttribute(text: string, options: CssScanOptions): StylesheetScan {
  const scanner = new Scanner(options);
  const list = parseSnippet(text.slice(0, maxStylesheetLength), { context: 'declarationList', onParseError: ignore });
  if (list.type === 'DeclarationList') scanner.visitList(list.children, { parent: [universal], reparsed: true });
  return scanner.result;
}
