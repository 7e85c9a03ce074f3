import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { messageOf } from '../errors.js';
import { deviceNames, parseHeader, parseInteger, parseProxy, parseScope, parseSeconds, parseShard, parseSize } from '../option-values.js';
import { crawlPerHost } from '../crawl-options.js';
import { formats } from '../options.js';
import { version } from '../version.js';
import type { Io } from './io.js';

// Commander reports a parser's InvalidArgumentError as a one-line usage error.
function argument<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError(messageOf(error));
    }
  };
}

const integer = (min: number) => argument((value) => parseInteger(value, min));

function collectHeader(value: string, previous: [string, string][]): [string, string][] {
  return [...previous, argument(parseHeader)(value)];
}

function collectScope(value: string, previous: string[]): string[] {
  return [...previous, argument(parseScope)(value)];
}

const examples = `
Examples:
  sitesize urls.txt -c 20 | jq -r '[.url, .bytes] | @tsv'
  cat urls.txt | sitesize --max-size 10M
  sitesize https://example.com/ more-urls.txt
  sitesize urls.txt -f table
  sitesize urls.txt -f har -o sizes.har
  sitesize urls.txt --budget 500k
  sitesize urls.txt -o results.jsonl --resume
  sitesize urls.txt --shard 2/4 -o shard-2.jsonl
  sitesize urls.txt -o results.jsonl --report report.html
  sitesize --page urls.txt | jq '{url, kb: (.page.transferBytes / 1024 | floor)}'
  sitesize --crawl https://docs.example.com/guide/ -o site.jsonl --summary-json site.json`;

/**
 * The CLI's options, in help groups. The parsed options' type is derived from
 * these definitions (commander's extra typings), so this is the one place that
 * says what the CLI takes.
 */
export function createProgram(io: Io) {
  return new Command('sitesize')
    .description('Measure how big web pages are: one JSON line per URL, written as each one completes.')
    .usage('[options] [source...]')
    .argument('[source...]', 'files of URLs (one per line), - for stdin, or URLs; stdin when none')
    .optionsGroup('Input:')
    .addOption(new Option('--shard <k/n>', 'measure only the k-th of n disjoint slices of the input').argParser(argument(parseShard)))
    .optionsGroup('Requests:')
    .addOption(
      new Option('-t, --timeout <seconds>', 'limit for one attempt, connection to last byte').default(30).argParser(argument(parseSeconds)),
    )
    .addOption(new Option('--connect-timeout <seconds>', 'limit for opening a connection').default(10).argParser(argument(parseSeconds)))
    .addOption(new Option('--max-redirects <n>', 'redirects followed at most').default(10).argParser(integer(0)))
    .option('--no-follow', 'do not follow redirects: measure the 3xx response')
    .addOption(
      new Option('--max-size <size>', 'stop reading a body after this many decoded bytes (k, M, G: powers of 1024)').argParser(
        argument(parseSize),
      ),
    )
    .addOption(
      new Option('-H, --header <"Name: value">', 'extra request header (repeatable)')
        .default([] as [string, string][])
        .argParser(collectHeader),
    )
    .option('-A, --user-agent <string>', `User-Agent (default: "sitesize/${version}")`)
    .option('--no-compression', 'send no Accept-Encoding (bytes = encodedBytes)')
    .option('-k, --insecure', 'accept invalid TLS certificates')
    .addOption(
      new Option('--proxy <url>', 'send requests through this proxy (default: HTTPS_PROXY/HTTP_PROXY/NO_PROXY)').argParser(
        argument(parseProxy),
      ),
    )
    .option('--http2', 'offer HTTP/2 through ALPN on https')
    .optionsGroup('Politeness:')
    .addOption(new Option('-c, --concurrency <n>', 'requests in flight at most').default(10).argParser(integer(1)))
    .addOption(
      new Option('--per-host <n>', `requests in flight per origin at most (default: unlimited; with --crawl: ${crawlPerHost})`).argParser(
        integer(1),
      ),
    )
    .addOption(new Option('--rate <n>', 'attempts started per second at most').argParser(integer(1)))
    .addOption(new Option('--retries <n>', 'retries after a transient failure or 408/429/502/503/504').default(0).argParser(integer(0)))
    .optionsGroup('Pages:')
    .option('-p, --page', 'weigh each URL as a page: the document and the subresources a browser loads for it')
    .addOption(
      new Option('--device <device>', 'the screen that chooses srcset candidates and @media rules')
        .choices(deviceNames)
        .default('mobile' as const),
    )
    .addOption(new Option('--max-resources <n>', 'subresources fetched per page at most').default(500).argParser(integer(0)))
    .option('--no-asset-cache', 'fetch every subresource again for every page that uses it')
    .optionsGroup('Crawls:')
    .option(
      '--crawl',
      `measure the sites of the start URLs: every page in scope, once (${crawlPerHost} requests per origin unless --per-host)`,
    )
    .addOption(
      new Option('--scope <prefix>', 'with --crawl: URLs in scope start with this prefix (repeatable)')
        .default([] as string[], 'the start URL up to its last /')
        .argParser(collectScope),
    )
    .option('--no-robots', 'with --crawl: ignore robots.txt')
    .option('--sitemap', "with --crawl: also seed from the sites' sitemaps (robots.txt's, or /sitemap.xml)")
    .addOption(new Option('--max-pages <n>', 'with --crawl: pages measured at most').default(10_000).argParser(integer(1)))
    .addOption(new Option('--depth <n>', 'with --crawl: link hops from a start URL at most (default: unlimited)').argParser(integer(0)))
    .optionsGroup('Output:')
    .addOption(new Option('-f, --format <fmt>', 'output format').choices(formats).default('jsonl' as const))
    .option('-o, --output <file>', 'write the results to this file instead of stdout')
    .option('--ordered', 'write results in input order (bounded memory)')
    .option('-q, --quiet', 'no summary on stderr')
    .option('--summary-json <file>', 'write the summary as JSON to this file (also when interrupted)')
    .option('--report <file.html>', 'write a self-contained HTML report of the run to this file (also when interrupted)')
    .optionsGroup('Page weight:')
    .addOption(
      new Option(
        '--budget <size>',
        "exit 3 when a page's transfer bytes (without --page: a URL's headers + body) are above this size (k, M, G)",
      ).argParser(argument(parseSize)),
    )
    .option('--co2', 'add page.co2: grams of CO2e for one first visit (Sustainable Web Design v4)')
    .optionsGroup('Long runs:')
    .option('--resume', 'with -o (jsonl): keep the records in the file, measure only the URLs without one, append')
    .option('--progress', 'show a live progress line on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'no progress line')
    .optionsGroup('Safety:')
    .option(
      '--allow-private',
      'let pages lead to loopback, private and link-local addresses (refused by default, so that a page on the web cannot steer sitesize into your network)',
    )
    .optionsGroup('Other:')
    .version(version, '-V, --version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', examples)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Usage errors stay on one line, "Did you mean …?" hint included.
      outputError: (text, write) => {
        write(`${text.trimEnd().replace(/\s*\n\s*/g, ' ')}\n`);
      },
    });
}

/** The CLI's options as commander parsed them. */
export type CliOptions = ReturnType<ReturnType<typeof createProgram>['opts']>;
