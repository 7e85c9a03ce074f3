import { describe, expect, it } from 'vitest';
import { parseRobots, robotsFromStatus, robotsMaxBytes, type RobotsFetchOutcome } from '../../src/crawl/robots.js';

const robotsUrl = 'https://a.example/robots.txt';
const at = (path: string): string => `https://a.example${path}`;

describe('parseRobots', () => {
  const text = [
    'User-agent: *',
    'Disallow: /',
    'Crawl-delay: 9',
    '',
    'User-agent: sitesize',
    'Disallow: /private/',
    'Allow: /private/open/',
    'Disallow: /*.pdf$',
    'Disallow: /tmp*/cache',
    'Allow: /same',
    'Disallow: /same',
    'Crawl-delay: 1.5',
    '',
    'Sitemap: https://a.example/sitemap.xml',
    'Sitemap: https://cdn.example/other-sitemap.xml.gz',
  ].join('\n');
  const rules = parseRobots(robotsUrl, text);

  it.each([
    ['/', true],
    ['/public/page', true],
    ['/private/', false],
    ['/private/x', false],
    ['/private', true],
    ['/private/open/', true],
    ['/private/open/deep', true],
    ['/doc.pdf', false],
    ['/doc.pdf?x=1', true],
    ['/doc.pdfx', true],
    ['/tmp1/cache', false],
    ['/tmp/x/cache/y', false],
    ['/same', true],
    ['/robots.txt', true],
  ])('for sitesize, %s is allowed: %s', (path, allowed) => {
    expect(rules.isAllowed(at(path))).toBe(allowed);
  });

  it('takes the Crawl-delay of the group it obeys, and every Sitemap line', () => {
    expect(rules.crawlDelay()).toBe(1.5);
    expect(rules.sitemaps()).toEqual(['https://a.example/sitemap.xml', 'https://cdn.example/other-sitemap.xml.gz']);
  });

  it.each([
    ['User-agent: SiteSize\nDisallow: /x', false],
    ['User-agent: sitesize/2.0\nDisallow: /x', false],
    ['User-agent: googlebot\nUser-agent: sitesize\nDisallow: /x', false],
    ['User-agent: *\nDisallow: /x', false],
    ['User-agent: sitesize\nDisallow:\n\nUser-agent: *\nDisallow: /', true],
    ['User-agent: googlebot\nDisallow: /x', true],
    ['User-agent: sitesizebot\nDisallow: /x', true],
    ['', true],
    ['<html><body>Not found</body></html>', true],
    ['\uFEFFUser-agent: *\nDisallow: /x', false],
    ['user-agent: *\r\ndisallow: /x\r\n', false],
    ['User-agent: * # all\nDisallow: /x # no x', false],
  ])('for %j, /x is allowed: %s', (robots, allowed) => {
    expect(parseRobots(robotsUrl, robots).isAllowed(at('/x'))).toBe(allowed);
  });

  it.each([
    ['User-agent: *\nCrawl-delay: 2', 2],
    ['User-agent: *\nCrawl-delay: 0.25', 0.25],
    ['User-agent: sitesize\nDisallow: /\n\nUser-agent: *\nCrawl-delay: 5', undefined],
    ['User-agent: *\nCrawl-delay: soon', undefined],
    ['User-agent: *\nCrawl-delay: -3', undefined],
    ['User-agent: *\nCrawl-delay: Infinity', undefined],
    ['User-agent: *\nDisallow: /', undefined],
  ])('for %j, the Crawl-delay is %s', (robots, delay) => {
    expect(parseRobots(robotsUrl, robots).crawlDelay()).toBe(delay);
  });

  it.each([
    ['Disallow: /%7Euser/', '/~user/x', false],
    ['Disallow: /%7euser/', '/%7Euser/x', false],
    ['Disallow: /~user/', '/%7euser/x', false],
    ['Disallow: /a%2Fb', '/a%2fb', false],
    ['Disallow: /a%2Fb', '/a/b', true],
    ['Disallow: /caf%C3%A9', '/café', false],
    ['Disallow: /café', '/caf%c3%a9', false],
    ['Disallow: /*?utm_source=', '/page?utm_source=x', true],
    ['Allow: /%41\nDisallow: /', '/A', true],
  ])('compares %j with %s as RFC 9309 does: allowed %s', (rule, path, allowed) => {
    expect(parseRobots(robotsUrl, `User-agent: *\n${rule}`).isAllowed(at(path))).toBe(allowed);
  });

  it('judges the URLs of its own origin, with or without the default port', () => {
    const blocking = parseRobots(robotsUrl, 'User-agent: *\nDisallow: /x');
    expect(blocking.isAllowed('https://a.example:443/x')).toBe(false);
    expect(() => blocking.isAllowed('http://a.example/x')).toThrow(TypeError);
    expect(() => blocking.isAllowed('https://b.example/x')).toThrow(TypeError);
    expect(() => blocking.isAllowed('https://a.example:8443/x')).toThrow(TypeError);
  });

  describe(`reads the first ${robotsMaxBytes} bytes`, () => {
    const padding = (bytes: number): string => `# ${'p'.repeat(bytes - 3)}\n`;

    it('obeys a rule that ends right at the limit', () => {
      const head = 'User-agent: *\n';
      const rule = 'Disallow: /x\n';
      const robots = head + padding(robotsMaxBytes - head.length - rule.length) + rule;
      expect(Buffer.byteLength(robots)).toBe(robotsMaxBytes);
      expect(parseRobots(robotsUrl, robots).isAllowed(at('/x'))).toBe(false);
    });

    it('ignores a rule past the limit, and one the limit cuts in two', () => {
      const head = 'User-agent: *\n';
      const early = head + padding(robotsMaxBytes - head.length - 6);
      const cut = parseRobots(robotsUrl, `${early}Disallow: /xyz\n`);
      expect(cut.isAllowed(at('/x'))).toBe(true);
      expect(cut.isAllowed(at('/xyz'))).toBe(true);
      const past = parseRobots(robotsUrl, `${head}${padding(robotsMaxBytes)}Disallow: /\nSitemap: https://a.example/s.xml\n`);
      expect(past.isAllowed(at('/'))).toBe(true);
      expect(past.sitemaps()).toEqual([]);
    });

    it('counts bytes, not characters', () => {
      const head = 'User-agent: *\n';
      // 3 bytes of UTF-8 for each "€": the file passes the limit in bytes long
      // before it does in characters.
      const wide = `# ${'€'.repeat(robotsMaxBytes / 3)}\n`;
      expect(parseRobots(robotsUrl, `${head}${wide}Disallow: /x\n`).isAllowed(at('/x'))).toBe(true);
      expect(parseRobots(robotsUrl, `${head}Disallow: /x\n${wide}`).isAllowed(at('/x'))).toBe(false);
    });
  });
});

describe('robotsFromStatus', () => {
  const disallowingX = 'User-agent: *\nDisallow: /x\nSitemap: https://a.example/s.xml';

  it.each([
    [{ status: 200, text: disallowingX }, 'parsed'],
    [{ status: 203, text: disallowingX }, 'parsed'],
    [{ status: 204, text: '' }, 'all'],
    [{ status: 301, text: disallowingX }, 'all'],
    [{ status: 304, text: '' }, 'all'],
    [{ status: 400, text: disallowingX }, 'all'],
    [{ status: 401, text: disallowingX }, 'all'],
    [{ status: 403, text: disallowingX }, 'all'],
    [{ status: 404, text: disallowingX }, 'all'],
    [{ status: 410, text: '' }, 'all'],
    [{ status: 499, text: '' }, 'all'],
    [{ status: 429, text: '' }, 'none'],
    [{ status: 500, text: disallowingX }, 'none'],
    [{ status: 503, text: '' }, 'none'],
    [{ status: 599, text: '' }, 'none'],
    [{ status: 100, text: '' }, 'none'],
    [{ errorCode: 'TOO_MANY_REDIRECTS' }, 'all'],
    [{ errorCode: 'DNS' }, 'none'],
    [{ errorCode: 'CONNECT_REFUSED' }, 'none'],
    [{ errorCode: 'CONNECT_TIMEOUT' }, 'none'],
    [{ errorCode: 'TIMEOUT' }, 'none'],
    [{ errorCode: 'RESET' }, 'none'],
    [{ errorCode: 'TLS' }, 'none'],
    [{ errorCode: 'PROTOCOL' }, 'none'],
    [{ errorCode: 'DECODE' }, 'none'],
  ] as const satisfies readonly (readonly [RobotsFetchOutcome, string])[])('after %j allows %s', (outcome, expected) => {
    const rules = robotsFromStatus(robotsUrl, outcome);
    const seen = [rules.isAllowed(at('/')), rules.isAllowed(at('/x'))];
    const allowing = { parsed: [true, false], all: [true, true], none: [false, false] }[expected];
    expect(seen).toEqual(allowing);
    expect(rules.sitemaps()).toEqual(expected === 'parsed' ? ['https://a.example/s.xml'] : []);
    expect(rules.crawlDelay()).toBeUndefined();
    expect(() => rules.isAllowed('https://b.example/')).toThrow(TypeError);
  });
});
