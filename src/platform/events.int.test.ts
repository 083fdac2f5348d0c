import { describe, expect, it } from 'vitest';
import { createEventBus } from './events.js';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('event bus on PostgreSQL', () => {
  it('delivers every topic of a burst to another process, joining repeats of a topic still waiting to be sent', async () => {
    const [sender, receiver] = [await createEventBus(url), await createEventBus(url)];
    try {
      const seen: string[] = [];
      for (const topic of ['catalog', 'order:A', 'order:B']) receiver.subscribe(topic, () => seen.push(topic));
      const burst = [
        ...Array.from({ length: 50 }, () => sender.publish('catalog')),
        sender.publish('order:A'),
        sender.publish('order:B'),
      ];
      await Promise.all(burst);
      const deadline = Date.now() + 3_000;
      while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(new Set(seen)).toEqual(new Set(['catalog', 'order:A', 'order:B']));
      // The first 'catalog' was sent at once; the other 49 shared one more NOTIFY at most.
      expect(seen.filter((s) => s === 'catalog').length).toBeLessThanOrEqual(2);
      // A publish after the burst is sent again: it may follow a newer commit.
      await sender.publish('catalog');
      const more = Date.now() + 3_000;
      while (seen.filter((s) => s === 'catalog').length < 2 && Date.now() < more)
        await new Promise((r) => setTimeout(r, 20));
      expect(seen.filter((s) => s === 'catalog').length).toBeGreaterThanOrEqual(2);
    } finally {
      await sender.close();
      await receiver.close();
    }
  });
});
