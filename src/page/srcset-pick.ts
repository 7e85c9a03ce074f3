// The one image of an <img> or <source> that Chromium downloads, as its
// HTMLSrcsetParser picks it (html_srcset_parser.cc, PickBestImageCandidate),
// leaving out only the memory-cache preference, since every page is weighed as
// a first visit.
import type { Device } from './media-query.js';
import { parseSrcset, type SrcsetCandidate } from './srcset-parse.js';
import { sourceSize } from './srcset-sizes.js';

/** What an element says about its image: the attributes as found, absent ones undefined. */
export interface ImageAttributes {
  src?: string | undefined;
  srcset?: string | undefined;
  sizes?: string | undefined;
}

interface Ranked {
  url: string;
  density: number;
  fromSrc: boolean;
}

/** The URL (unresolved) of the image chosen for the device, or undefined when there is none. */
export function pickImage(attributes: ImageAttributes, device: Device): string | undefined {
  const { src, srcset } = attributes;
  if (srcset === undefined) return src === undefined || src === '' ? undefined : src;
  const candidates: { candidate: SrcsetCandidate; fromSrc: boolean }[] = parseSrcset(srcset).map((candidate) => ({
    candidate,
    fromSrc: false,
  }));
  if (src !== undefined && src !== '') candidates.push({ candidate: { url: src }, fromSrc: true });
  if (candidates.length === 0) return undefined;

  const size = sourceSize(attributes.sizes, device);
  const hasWidths = candidates.some(({ candidate }) => candidate.width !== undefined);
  const ranked: Ranked[] = candidates.map(({ candidate, fromSrc }) => ({
    url: candidate.url,
    density: candidate.width !== undefined ? candidate.width / size : (candidate.density ?? 1),
    fromSrc,
  }));
  // Array.prototype.sort is stable, as the std::stable_sort it stands for.
  ranked.sort((a, b) => a.density - b.density);

  // With `w` descriptors, `src` is no candidate; a density already seen is
  // dropped, and so is one equal to a dropped `src`, as in Chromium.
  const distinct: Ranked[] = [];
  let previous = -1;
  for (const image of ranked) {
    if (image.density !== previous && !(hasWidths && image.fromSrc)) distinct.push(image);
    previous = image.density;
  }
  return selectByDensity(distinct, device.dpr)?.url;
}

// Chromium's SelectionLogic with SrcsetSelectionMatchesImageSet, a stable
// runtime feature (runtime_enabled_features.json5): the first candidate dense
// enough for the screen, else the densest. It replaced the older choice by the
// geometric mean of neighbouring densities, which that flag now only keeps as
// a kill switch.
function selectByDensity(sorted: readonly Ranked[], dpr: number): Ranked | undefined {
  return sorted.find((image) => image.density >= dpr) ?? sorted.at(-1);
}
