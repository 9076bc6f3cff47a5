/**
 * Runs inside Chromium (loaded by test/bench/storage-cpu.ts): the storage suite's operations, one
 * at a time on demand, so the runner can read each Chromium process's CPU time around each.
 */
import { Dexie } from 'dexie';
import { JiebangDB } from '../src/db/database';
import { benchRecord } from './bench-record';

const n = 10000;
const rows = Array.from({ length: n }, (_, i) => benchRecord(i));
const stamp = Date.now();
const plain = new JiebangDB(`cpu-plain-${stamp}`, null);
const enc = new JiebangDB(`cpu-enc-${stamp}`, crypto.getRandomValues(new Uint8Array(32)));

async function write(db: JiebangDB): Promise<void> {
  await db.sheets.clear();
  await db.transaction('rw', db.sheets, () => db.sheets.bulkPut(rows));
}

async function query(db: JiebangDB): Promise<void> {
  for (let p = 0; p < 10; p++) await db.sheets.where('packageId').equals(`P${p}`).toArray();
}

async function read(db: JiebangDB): Promise<void> {
  if ((await db.sheets.toArray()).length !== n) throw new Error('read back');
}

const ops: Record<string, () => Promise<void>> = {
  'plain write': () => write(plain),
  'enc write': () => write(enc),
  'plain read': () => read(plain),
  'enc read': () => read(enc),
  'plain query': () => query(plain),
  'enc query': () => query(enc),
};

async function setup(): Promise<string[]> {
  await plain.open();
  await enc.open();
  await write(plain);
  await write(enc);
  return Object.keys(ops);
}

/** Runs one operation; its wall time in ms. */
async function op(name: string): Promise<number> {
  const run = ops[name];
  if (!run) throw new Error(`no operation ${name}`);
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function done(): Promise<void> {
  plain.close();
  enc.close();
  await Dexie.delete(plain.name);
  await Dexie.delete(enc.name);
}

Reflect.set(window, 'storageCpu', { setup, op, done });
