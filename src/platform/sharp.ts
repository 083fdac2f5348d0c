import type { Sharp, SharpOptions } from 'sharp';

type SharpFn = (input?: Buffer, options?: SharpOptions) => Sharp;
let loaded: Promise<SharpFn> | undefined;

/**
 * sharp, loaded on first use (libvips is ~25 MB of resident memory a process that handles no
 * image does not need, #7) and set up for a web process (#18): no libvips operation cache —
 * every upload is a different image, so the cache only held memory (up to 50 MB) — and one
 * libvips thread per image, as requests already run several images at once on two cores.
 */
export function loadSharp(): Promise<SharpFn> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return loaded;
}
