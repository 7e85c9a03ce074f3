import { parse, type SelectorList } from 'css-tree';
import { describe, expect, it } from 'vitest';
import { DocumentIndex } from '../../src/page/document-index.js';
import { requirementsOf, universal } from '../../src/page/selector-requirement.js';

function selectors(text: string): SelectorList {
  const list = parse(text, { context: 'selectorList' });
  if (list.type !== 'SelectorList') throw new Error(text);
  return list;
}

// A document: <html><body class="page home"><div id="main" class="card wide" data-x="1"><p>…<svg><rect/></svg>
const document = new DocumentIndex();
document.addElement('HTML');
document.addElement('body', { class: 'page  home' });
document.addElement('div', { id: 'main', class: 'card\twide', 'data-x': '1' });
document.addElement('p');
document.addElement('svg');
document.addElement('rect');
document.addElement('span', { class: 'md:flex w-1/2' });

function couldApply(text: string): boolean {
  return requirementsOf(selectors(text)).some((compound) => document.couldMatch(compound));
}

// [selector list, whether a rule with it could apply to the document]
const cases: [string, boolean][] = [
  ['*', true],
  ['p', true],
  ['P', true],
  ['table', false],
  ['.card', true],
  ['.missing', false],
  ['.CARD', false],
  ['#main', true],
  ['#other', false],
  ['div.card.wide#main', true],
  ['div.card.narrow', false],
  ['[data-x]', true],
  ['[data-x="2"]', true],
  ['[DATA-X]', true],
  ['[data-y]', false],
  // Every compound needs its elements, whatever the combinators.
  ['.home .card', true],
  ['body > div p', true],
  ['.card > p', true],
  ['.card + p', true],
  ['.missing .card', false],
  ['.card .missing', false],
  ['table p', false],
  ['body.home ~ table', false],
  ['.missing, .card', true],
  ['.missing, .other', false],
  ['svg|rect', true],
  ['*|p', true],
  ['.md\\:flex', true],
  ['.w-1\\/2', true],
  ['.md\\:grid', false],
  // Pseudo-elements are drawn for their element.
  ['.card::before', true],
  ['.missing::after', false],
  ['p::first-line', true],
  // Interaction-only selectors never apply on load, wherever the state is.
  ['.card:hover', false],
  ['.card:focus', false],
  ['.card:active', false],
  ['.card:focus-within', false],
  ['.card:focus-visible', false],
  ['.card:HOVER', false],
  ['.card:hover .x, p:focus', false],
  ['.card:hover p', false],
  ['.card:hover::before', false],
  ['.card:hover, p', true],
  ['.card:not(:hover)', true],
  // Other pseudo-classes are not checked.
  [':root', true],
  ['p:first-child', true],
  ['.card:not(.wide)', true],
  ['table:empty', false],
  // :is() and :where() offer alternatives.
  [':is(.card, .missing)', true],
  [':where(.missing, .other)', false],
  ['div:is(.card)', true],
  ['p:is(.card)', true],
  ['table:is(.card)', false],
  [':is(.home .card)', true],
  [':is(.missing .card)', false],
];

describe('requirementsOf', () => {
  it.each(cases)('%s: %s', (text, expected) => {
    expect(couldApply(text)).toBe(expected);
  });

  it('gives & the requirements of the parent rule', () => {
    const parent = requirementsOf(selectors('.card, .missing'));
    const nested = (text: string) => requirementsOf(selectors(text), parent).some((compound) => document.couldMatch(compound));
    expect(nested('&.wide')).toBe(true);
    expect(nested('&.narrow')).toBe(false);
    expect(nested('& > p')).toBe(true);
    expect(nested('p')).toBe(true);
    expect(nested('.home &')).toBe(true);
    expect(nested('table &')).toBe(false);
    expect(requirementsOf(selectors('p'), [{ ...universal, classes: ['missing'] }]).some((c) => document.couldMatch(c))).toBe(false);
    expect(nested('&:hover')).toBe(false);
    expect(requirementsOf(selectors('&.x'), [{ ...universal, tags: ['table'] }]).some((c) => document.couldMatch(c))).toBe(false);
  });

  it('gives up on counting past 32 alternatives, and then assumes a match', () => {
    const many = Array.from({ length: 40 }, (_, i) => `.missing${i}`).join(', ');
    expect(requirementsOf(selectors(many))).toEqual([universal]);
    const cross = `:is(${Array.from({ length: 8 }, (_, i) => `.a${i}`).join(',')}):is(${Array.from({ length: 8 }, (_, i) => `.b${i}`).join(',')})`;
    expect(requirementsOf(selectors(cross))).toEqual([universal]);
  });
});
