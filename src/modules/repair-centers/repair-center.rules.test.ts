import { describe, expect, it } from 'vitest';
import { countries } from '../../platform/countries.js';
import { haversineKm, locate, parseBrands, rankRepairCenters, whatsappLink } from './repair-center.rules.js';

describe('haversineKm', () => {
  it('measures known distances', () => {
    const paris = { lat: 48.8566, lng: 2.3522 };
    const london = { lat: 51.5074, lng: -0.1278 };
    expect(haversineKm(paris, london)).toBeGreaterThan(330);
    expect(haversineKm(paris, london)).toBeLessThan(350);
    expect(haversineKm(paris, paris)).toBe(0);
    expect(haversineKm(countries.get('FR')!, countries.get('DE')!)).toBeLessThan(1000);
    // Antipodes: half the circumference.
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371.0088, 0);
  });
});

describe('rankRepairCenters', () => {
  const center = (name: string, country: string, lat: number | null, lng: number | null, brands = ['Bitmain']) => ({
    name,
    country,
    lat,
    lng,
    brands,
  });
  const almaty = center('Almaty', 'KZ', 43.24, 76.89);
  const astana = center('Astana', 'KZ', 51.17, 71.45, ['MicroBT']);
  const moscow = center('Moscow', 'RU', 55.76, 37.62);
  const tbilisiNoCoords = center('Tbilisi', 'GE', null, null);
  const nowhere = center('Nowhere', 'ZZ', null, null);

  it('puts the same country first, then the nearest', () => {
    const ranked = rankRepairCenters([moscow, astana, almaty], { country: 'KZ', lat: 43.3, lng: 76.9 });
    expect(ranked.map((c) => c.name)).toEqual(['Almaty', 'Astana', 'Moscow']);
    expect(ranked[0]!.sameCountry).toBe(true);
    expect(ranked[0]!.distanceKm).toBeLessThan(20);
  });

  it('prefers a same-country center even when a foreign one is closer', () => {
    // From Astana, Moscow (~2,200 km) is nearer than... nothing in KZ is; a border town in RU is nearer than Almaty.
    const omsk = center('Omsk', 'RU', 54.99, 73.37);
    const ranked = rankRepairCenters([omsk, almaty], { country: 'KZ', lat: 51.17, lng: 71.45 });
    expect(ranked.map((c) => c.name)).toEqual(['Almaty', 'Omsk']);
  });

  it('uses country centroids when coordinates are missing, and places unknown ones last', () => {
    const ranked = rankRepairCenters([nowhere, moscow, tbilisiNoCoords], { country: 'AM' });
    expect(ranked.map((c) => c.name)).toEqual(['Tbilisi', 'Moscow', 'Nowhere']);
    expect(ranked[2]!.distanceKm).toBeNull();
    expect(locate({ country: 'am' })).toEqual({ lat: countries.get('AM')!.lat, lng: countries.get('AM')!.lng });
  });

  it('filters by brand, ignoring case', () => {
    expect(rankRepairCenters([almaty, astana, moscow], { country: 'KZ' }, 'microbt').map((c) => c.name)).toEqual([
      'Astana',
    ]);
    expect(rankRepairCenters([almaty], { country: 'KZ' }, 'Canaan')).toEqual([]);
  });

  it('does not change its input and keeps input order for ties', () => {
    const list = [center('A', 'US', null, null), center('B', 'US', null, null)];
    const copy = structuredClone(list);
    expect(rankRepairCenters(list, { country: 'US' }).map((c) => c.name)).toEqual(['A', 'B']);
    expect(list).toEqual(copy);
  });
});

describe('small rules', () => {
  it('parses brands', () => {
    expect(parseBrands(' Bitmain, MicroBT;bitmain\n  Canaan  Avalon ,')).toEqual([
      'Bitmain',
      'MicroBT',
      'Canaan Avalon',
    ]);
  });
  it('builds WhatsApp click-to-chat links from digits only', () => {
    expect(whatsappLink('+1 (555) 010-2030')).toBe('https://wa.me/15550102030');
    expect(whatsappLink('+86 138 0000 0000', 'Order HC-1')).toBe('https://wa.me/8613800000000?text=Order%20HC-1');
    expect(whatsappLink('')).toBeUndefined();
  });
});
