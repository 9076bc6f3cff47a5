/**
 * Runs inside Chromium (loaded by test/bench/storage.ts): the same repositories over an encrypted
 * and a plain database, so the cost of sealing is measured side by side.
 */
import { Dexie } from 'dexie';
import { z } from 'zod';
import { JiebangDB } from '../src/db/database';
import { getAttachment, putAttachment } from '../src/db/repo';
import { benchRecord } from './bench-record';

interface Figures {
  writeMs: number;
  readMs: number;
  queryMs: number;
}

async function records(encrypted: boolean, n: number): Promise<Figures> {
  const name = `bench-${encrypted ? 'enc' : 'plain'}-${Date.now()}`;
  const db = new JiebangDB(name, encrypted ? crypto.getRandomValues(new Uint8Array(32)) : null);
  await db.open();
  const rows = Array.from({ length: n }, (_, i) => benchRecord(i));
  let t = performance.now();
  await db.transaction('rw', db.sheets, () => db.sheets.bulkPut(rows));
  const writeMs = performance.now() - t;
  t = performance.now();
  const all = await db.sheets.toArray();
  const readMs = performance.now() - t;
  if (all.length !== n) throw new Error('read back');
  t = performance.now();
  for (let p = 0; p < 10; p++) await db.sheets.where('packageId').equals(`P${p}`).toArray();
  const queryMs = performance.now() - t;
  db.close();
  await Dexie.delete(name);
  return { writeMs, readMs, queryMs };
}

const MemorySchema = z.object({ usedJSHeapSize: z.number() });
/** Chromium's heap size (needs --enable-precise-memory-info for exact figures). */
function heap(): number {
  const m = MemorySchema.safeParse(Reflect.get(performance, 'memory'));
  return m.success ? m.data.usedJSHeapSize : 0;
}

async function attachment(mb: number) {
  const db = new JiebangDB(`bench-att-${Date.now()}`, crypto.getRandomValues(new Uint8Array(32)));
  await db.open();
  const bytes = new Uint8Array(mb * 1024 * 1024);
  for (let i = 0; i < bytes.length; i += 65536)
    crypto.getRandomValues(bytes.subarray(i, Math.min(bytes.length, i + 65536)));
  const base = heap();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, heap())), 5);
  let t = performance.now();
  await putAttachment(
    db,
    { id: 'F', packageId: 'P', name: 'big.pdf', mediaType: 'application/pdf' },
    bytes,
  );
  const writeMs = performance.now() - t;
  t = performance.now();
  const back = await getAttachment(db, 'F');
  const readMs = performance.now() - t;
  clearInterval(timer);
  if (back?.bytes.length !== bytes.length) throw new Error('attachment read back');
  db.close();
  return {
    writeMBps: mb / (writeMs / 1000),
    readMBps: mb / (readMs / 1000),
    peakHeapMB: (peak - base) / 1024 / 1024,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function medians(runs: Figures[]): Figures {
  return {
    writeMs: median(runs.map((r) => r.writeMs)),
    readMs: median(runs.map((r) => r.readMs)),
    queryMs: median(runs.map((r) => r.queryMs)),
  };
}

/**
 * One warm-up round of each (the app runs warm), then `rounds` rounds alternating plain and
 * encrypted so neither gains from going second; each figure is the median of its rounds.
 */
async function run(n: number, mb: number, rounds = 5) {
  await records(false, n);
  await records(true, n);
  const plain: Figures[] = [];
  const enc: Figures[] = [];
  for (let i = 0; i < rounds; i++) {
    plain.push(await records(false, n));
    enc.push(await records(true, n));
  }
  return { plain: medians(plain), enc: medians(enc), attachment: await attachment(mb) };
}

Reflect.set(window, 'runStorageBench', run);
