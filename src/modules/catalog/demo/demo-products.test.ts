import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categorySlugs } from '../../../platform/categories.js';
import { coolings, hashrateUnits, productKinds } from '../product.rules.js';
import { demoNetworkFigures, demoProducts } from './demo-products.js';

const drawingsDir = new URL('../../../../public/products/', import.meta.url);
const miners = demoProducts.filter((p) => p.kind === 'miner');

describe('demo catalog', () => {
  it('has at least 40 products', () => {
    expect(demoProducts.length).toBeGreaterThanOrEqual(40);
  });

  it('has unique slugs and SKUs', () => {
    const slugs = demoProducts.map((p) => p.slug);
    const skus = demoProducts.map((p) => p.sku);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(skus).size).toBe(skus.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('puts at least 3 products in every category', () => {
    for (const category of categorySlugs) {
      const count = demoProducts.filter((p) => p.category === category).length;
      expect(count, category).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses only known categories, kinds, coolings and units', () => {
    for (const p of demoProducts) {
      expect(categorySlugs, p.slug).toContain(p.category);
      expect(productKinds, p.slug).toContain(p.kind);
      if (p.cooling != null) expect(coolings, p.slug).toContain(p.cooling);
      if (p.hashrateUnit != null) expect(hashrateUnits, p.slug).toContain(p.hashrateUnit);
    }
  });

  it('has positive integer prices and non-negative integer stock', () => {
    for (const p of demoProducts) {
      expect(Number.isInteger(p.priceCents) && p.priceCents > 0, p.slug).toBe(true);
      expect(Number.isInteger(p.stock ?? 0) && (p.stock ?? 0) >= 0, p.slug).toBe(true);
      expect(Number.isInteger(p.weightGrams) && p.weightGrams > 0, p.slug).toBe(true);
    }
  });

  it('gives every miner its specs, a matching efficiency and a network figure', () => {
    expect(miners.length).toBeGreaterThan(0);
    for (const p of miners) {
      expect(p.category, p.slug).toBe('asic-miners');
      expect(p.algorithm, p.slug).toBeTruthy();
      expect(p.coins, p.slug).toBeTruthy();
      expect(p.hashrate, p.slug).toBeGreaterThan(0);
      expect(p.hashrateUnit, p.slug).toBeTruthy();
      expect(p.powerW, p.slug).toBeGreaterThan(0);
      expect(p.needsTesting, p.slug).toBe(true);
      const expected = (p.powerW ?? 0) / (p.hashrate ?? 1);
      expect(Math.abs((p.efficiency ?? 0) - expected) / expected, p.slug).toBeLessThan(0.02);
      expect(
        demoNetworkFigures.some((n) => n.algorithm === p.algorithm),
        `network figure for ${p.algorithm}`,
      ).toBe(true);
    }
  });

  it('has exactly one network figure per algorithm, each used by a miner', () => {
    const algorithms = demoNetworkFigures.map((n) => n.algorithm);
    expect(new Set(algorithms).size).toBe(algorithms.length);
    for (const a of algorithms)
      expect(
        miners.some((p) => p.algorithm === a),
        a,
      ).toBe(true);
    for (const n of demoNetworkFigures) {
      expect(n.networkHashrate, n.algorithm).toBeGreaterThan(0);
      expect(n.blockReward, n.algorithm).toBeGreaterThan(0);
      expect(n.blockTimeSeconds, n.algorithm).toBeGreaterThan(0);
      expect(Number.isInteger(n.coinPriceCents) && n.coinPriceCents > 0, n.algorithm).toBe(true);
    }
  });

  it('references only drawings that exist in public/products', () => {
    for (const p of demoProducts) {
      const images = p.images ?? [];
      expect(images.length, p.slug).toBeGreaterThan(0);
      for (const url of images) {
        const match = /^\/assets\/products\/([a-z0-9-]+\.svg)$/.exec(url);
        expect(match, `${p.slug}: ${url}`).not.toBeNull();
        const file = fileURLToPath(new URL(match?.[1] ?? '', drawingsDir));
        expect(existsSync(file), file).toBe(true);
      }
    }
  });
});
