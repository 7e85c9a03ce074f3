import { describe, expect, it } from 'vitest';
import { DocumentIndex } from '../../src/page/document-index.js';
import { universal } from '../../src/page/selector-requirement.js';

describe('DocumentIndex', () => {
  it('splits classes at ASCII whitespace only', () => {
    const index = new DocumentIndex();
    index.addClasses(' a\tb\nc\fd\re  f\u00a0g ');
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f\u00a0g']) expect(index.couldMatch({ ...universal, classes: [name] }), name).toBe(true);
    expect(index.couldMatch({ ...universal, classes: ['f'] })).toBe(false);
    expect(index.couldMatch({ ...universal, classes: [''] })).toBe(false);
  });

  it('takes tags, ids and attribute names from elements', () => {
    const index = new DocumentIndex();
    index.addElement('IMG', { ID: 'hero', 'Data-Src': 'a.png', class: 'x' });
    expect(index.couldMatch({ ...universal, tags: ['img'] })).toBe(true);
    expect(index.couldMatch({ ...universal, ids: ['hero'] })).toBe(true);
    expect(index.couldMatch({ ...universal, ids: ['Hero'] })).toBe(false);
    expect(index.couldMatch({ ...universal, attributes: ['data-src', 'id', 'class'] })).toBe(true);
    expect(index.couldMatch({ tags: ['img'], ids: ['hero'], classes: ['x'], attributes: ['data-src'] })).toBe(true);
    expect(index.couldMatch({ tags: ['img'], ids: ['hero'], classes: ['y'], attributes: [] })).toBe(false);
  });

  // [text, ranges, whether the text has a code point in them]
  const codePoints: [string, [number, number][], boolean][] = [
    ['Hello', [[0x41, 0x5a]], true],
    ['hello', [[0x41, 0x5a]], false],
    ['   \n\t', [[0x00, 0x7f]], false],
    ['Привет', [[0x0400, 0x04ff]], true],
    ['Привет', [[0x0000, 0x00ff]], false],
    ['a😀', [[0x1f600, 0x1f64f]], true],
    ['a😀', [[0x1f650, 0x10ffff]], false],
    ['\uffff', [[0xfff0, 0x10ffff]], true],
    ['z', [[0x00, 0x10ffff]], true],
    [
      'z',
      [
        [0x7b, 0x7b],
        [0x7a, 0x7a],
      ],
      true,
    ],
    ['', [[0x00, 0x10ffff]], false],
  ];

  it.each(codePoints)('%j in %j: %s', (text, ranges, expected) => {
    const index = new DocumentIndex();
    index.addText(text);
    expect(index.hasCodePointIn(ranges)).toBe(expected);
  });

  it('bounds its memory: past its caps a set answers yes', () => {
    const index = new DocumentIndex();
    for (let i = 0; i < 10_000; i++) index.addClasses(`c${i}`);
    expect(index.couldMatch({ ...universal, classes: ['never'] })).toBe(false);
    index.addClasses('one-more');
    expect(index.couldMatch({ ...universal, classes: ['never'] })).toBe(true);
    expect(index.couldMatch({ ...universal, ids: ['never'] })).toBe(false);

    const long = new DocumentIndex();
    long.addElement('div', { id: 'x'.repeat(300) });
    expect(long.couldMatch({ ...universal, ids: ['anything'] })).toBe(true);

    const astral = new DocumentIndex();
    for (let code = 0x20000; code < 0x20000 + 5000; code++) astral.addText(String.fromCodePoint(code));
    expect(astral.hasCodePointIn([[0x30000, 0x30000]])).toBe(true);
    expect(astral.hasCodePointIn([[0x41, 0x41]])).toBe(false);
  });
});
