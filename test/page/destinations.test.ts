import { describe, expect, it } from 'vitest';
import {
  acceptFor,
  preloadDestination,
  resourceTypeOf,
  resourceTypes,
  type Destination,
  type ResourceType,
} from '../../src/page/destinations.js';

const DOCUMENT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';
const IMAGE = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

describe('destinations', () => {
  it.each<[Destination, ResourceType, string]>([
    ['document', 'document', DOCUMENT],
    ['iframe', 'document', DOCUMENT],
    ['style', 'stylesheet', 'text/css,*/*;q=0.1'],
    ['script', 'script', '*/*'],
    ['image', 'image', IMAGE],
    ['font', 'font', '*/*'],
    ['audio', 'media', '*/*'],
    ['video', 'media', '*/*'],
    ['track', 'other', '*/*'],
    ['embed', 'other', DOCUMENT],
    ['object', 'other', DOCUMENT],
    ['fetch', 'other', '*/*'],
  ])('%s counts as %s and accepts %s', (destination, type, accept) => {
    expect(resourceTypeOf(destination)).toBe(type);
    expect(acceptFor(destination)).toBe(accept);
  });

  it('lists every page.types key', () => {
    expect(resourceTypes).toEqual(['document', 'stylesheet', 'script', 'image', 'font', 'media', 'other']);
  });

  it.each([
    ['style', 'style'],
    ['SCRIPT', 'script'],
    ['Image', 'image'],
    ['font', 'font'],
    ['fetch', 'fetch'],
    ['track', 'track'],
    ['video', undefined],
    ['audio', undefined],
    [' image ', undefined],
    ['document', undefined],
    ['worker', undefined],
    ['', undefined],
    [undefined, undefined],
    ['json', undefined],
  ])('preload as=%j is %j', (as, destination) => {
    expect(preloadDestination(as)).toBe(destination);
  });
});
