import { describe, expect, it } from 'vitest';
import { createHtmlScanner } from '../../src/page/html-scanner.js';
import { devices } from '../../src/page/media-query.js';
import { scan } from './html-scan-helper.js';

const at = (path: string): string => `https://example.com${path}`;

describe('createHtmlScanner: what is skipped', () => {
  it.each([
    ['noscript', '<noscript><img src=/no.png><link rel=stylesheet href=/no.css></noscript><img src=/yes.png>'],
    ['nested noscript', '<noscript><noscript></noscript><img src=/no.png></noscript><img src=/yes.png>'],
    ['template', '<template><img src=/no.png><template><img src=/no2.png></template><img src=/no3.png></template><img src=/yes.png>'],
    ['noscript closed by an outer end tag', '<div><noscript><img src=/no.png></div><img src=/yes.png>'],
    ['comments', '<!-- <img src=/no.png> --><img src=/yes.png>'],
    ['script text', '<script>document.write("<img src=/no.png>")</script><img src=/yes.png>'],
    ['textarea text', '<textarea><img src=/no.png></textarea><img src=/yes.png>'],
  ])('%s', (_name, html) => {
    expect(scan(html).resources).toEqual([`image ${at('/yes.png')}`]);
  });

  it('skips the style and text of noscript and template', () => {
    const output = scan('<noscript><style>a{}</style><p style="color:red">hidden</noscript><template>tpl</template>shown');
    expect(output).toMatchObject({ styles: [], styleAttributes: [], text: 'shown' });
  });
});

describe('createHtmlScanner: base href', () => {
  it.each([
    ['a base resolves later URLs', '<base href="https://cdn.example.org/assets/"><img src=a.png>', 'https://cdn.example.org/assets/a.png'],
    ['a relative base', '<base href="/static/"><img src=a.png>', at('/static/a.png')],
    ['only the first base counts', '<base href=/one/><base href=/two/><img src=a.png>', at('/one/a.png')],
    ['a base without href does not count', '<base target=_blank><base href=/two/><img src=a.png>', at('/two/a.png')],
    ['a base in noscript does not count', '<noscript><base href=/no/></noscript><img src=a.png>', at('/dir/a.png')],
    ['a javascript: base is ignored', '<base href="javascript:x"><img src=a.png>', at('/dir/a.png')],
  ])('%s', (_name, html, url) => {
    expect(scan(html).resources).toEqual([`image ${url}`]);
  });

  it('reports the base in effect', () => {
    expect(scan('<base href=//cdn.example.org/x/>').result.baseUrl).toBe('https://cdn.example.org/x/');
    expect(scan('<p>').result.baseUrl).toBe(at('/dir/page.html'));
  });
});

describe('createHtmlScanner: styles, text and facts', () => {
  it('hands over style blocks whole, with their base and media, and style attributes', () => {
    const html =
      '<style media="print">a { background: url(a.png) }\n b&amp;c {}</style><base href=/s/><div style="background:url(b.png)"></div><style>p{}</style><p style="  ">';
    expect(scan(html)).toMatchObject({
      styles: [`${at('/dir/page.html')} print a { background: url(a.png) }\n b&amp;c {}`, `${at('/s/')} - p{}`],
      styleAttributes: [`${at('/s/')} background:url(b.png)`],
    });
  });

  it('reports rendered text only, entities decoded', () => {
    const html = '<title>Title</title><script>code()</script><style>x{}</style><p>caf&eacute; &#x1F600;</p><textarea>t</textarea>';
    expect(scan(html).text).toBe('café 😀t');
  });

  it('fills a document index with the elements and text outside noscript and template', () => {
    const elements: string[] = [];
    let text = '';
    const index = {
      addElement: (tag: string, attributes: Readonly<Record<string, string>> = {}) => {
        elements.push(`${tag} ${JSON.stringify(attributes)}`);
      },
      addText: (piece: string) => (text += piece),
    };
    const scanner = createHtmlScanner({ documentUrl: at('/'), device: devices.mobile, index, onResource: () => undefined });
    scanner.write(
      '<main id=top class="a  b"><p data-x>Ω</p><noscript><aside class=hidden>no</aside></noscript><template><i>t</i></template></main>',
    );
    scanner.end();
    expect(elements).toEqual(['main {"id":"top","class":"a  b"}', 'p {"data-x":""}']);
    expect(text).toBe('Ω');
  });
});

const sample = `<!doctype html><html><head><meta charset=utf-8><base href="/root/">
<link rel="stylesheet" href="a.css?x=1&amp;y=2"><link rel=preload as=font href="//fonts.example.net/f.woff2">
<style media=screen>body{background:url(bg.png)}</style><script src=app.js></script>
<noscript><img src=ns.png></noscript></head><body background=body.png style="color:red">
<picture><source srcset="p-400.webp 400w, p-800.webp 800w" type=image/webp><img src=p.jpg alt=""></picture>
<img srcset="s1.png 1x, s2.png 2x" src=s0.png><img loading=lazy src=lazy.png><video poster=poster.jpg><source src=v.mp4></video>
<template><img src=tpl.png></template><a href="next.html#frag">caf&eacute; &mdash; ok</a><iframe src=frame.html></iframe>
<p>Text with <b>markup</b> &amp; entities.</p></body></html>`;

describe('createHtmlScanner: streaming', () => {
  it('finds the same at every split of the document', () => {
    const whole = scan(sample);
    expect(whole.resources).toHaveLength(8);
    expect(whole.deferred).toHaveLength(2);
    for (let i = 1; i < sample.length; i += 1) {
      expect(scan([sample.slice(0, i), sample.slice(i)])).toEqual(whole);
    }
  });

  it('finds the same when fed a character at a time', () => {
    expect(scan(Array.from(sample))).toEqual(scan(sample));
  });

  it.each([
    ['a tag left open at the end', '<img src=/a.png><img src="/b.png', [`image ${at('/a.png')}`]],
    [
      'stray and mismatched tags',
      '<img src=/a.png></span></div><p><div></p><img src=/c.png></b></table>',
      [`image ${at('/a.png')}`, `image ${at('/c.png')}`],
    ],
    ['a tag inside a tag', '<div <<img src=/no.png>><img src=/c.png>', [`image ${at('/c.png')}`]],
    ['an unclosed comment', '<img src=/a.png><!-- <img src=/no.png>', [`image ${at('/a.png')}`]],
    ['garbage', '<<<>>></></ ><![CDATA[ <?x ?> <a href="', []],
  ])('survives broken markup: %s', (_name, html, expected) => {
    expect(scan(html).resources).toEqual(expected);
  });

  // htmlparser2 keeps its open elements with Array#unshift, so time grows with
  // the square of the depth; 10 000 levels is far past what real pages hold.
  it('scans deeply nested markup without overflowing the stack', () => {
    const depth = 10_000;
    const html = `${'<div><span>'.repeat(depth)}<img src=/deep.png>${'</span></div>'.repeat(depth)}<img src=/after.png>`;
    expect(scan(html).resources).toEqual([`image ${at('/deep.png')}`, `image ${at('/after.png')}`]);
  });

  it('stops reporting at maxResources in a 5 MB document and says it is incomplete', () => {
    const tag = (i: number): string => `<img src="/i/${i}.png">`;
    const chunks: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i += 1) {
      const chunk = Array.from({ length: 1000 }, (_, j) => tag(i * 1000 + j)).join('');
      chunks.push(chunk);
      size += chunk.length;
    }
    const output = scan(chunks, { maxResources: 500 });
    expect(output.resources).toHaveLength(500);
    expect(output.resources.at(-1)).toBe(`image ${at('/i/499.png')}`);
    expect(output.result.incomplete).toBe(true);
    expect(scan(chunks.slice(0, 1), { maxResources: 1000 }).result.incomplete).toBe(false);
  });
});
