import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyImport,
  buildBundle,
  BundleBuildError,
  checkImport,
  openBundle,
} from '../../src-shared/bundle';
import { EMPTY_HEAD } from '../../src-shared/audit/head';
import { acceptCalendarBundle } from '../../src-shared/bureau';
import {
  calendarYearProblems,
  CalendarFileSchema,
  defaultCalendar,
  publicityWindow,
  type CalendarFile,
} from '../../src-shared/calendar';
import { fingerprint, formatFingerprint, publicKeyOf } from '../../src-shared/crypto/keys';
import { capLines } from '../../src-shared/io';
import { PATHS_ONLY } from '../../src-shared/model/labels';
import { describeSchemaIssues } from '../../src-shared/scoring';
import { nodeCrypto } from '../crypto/node-crypto';
import {
  bureauData,
  nextCounter,
  readTrust,
  saveCalendar,
  storedCalendars,
  withBureauKey,
  writeTrust,
  type BureauData,
} from './bureau-data';
import { sayCounter } from './counter';
import { readSigningKey } from './bundle-io';
import { readBundleFile } from './bounded';
import { readJsonFile, writeOutput } from './io';
import { CliUsageError, type CliCommand, type CliIo } from './types';
import { cliDate } from './dates';
import { formatDateZh } from '../../src-shared/text/date';

const WEEKDAY = ['日', '一', '二', '三', '四', '五', '六'];
const weekday = (iso: string) => `周${WEEKDAY[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? ''}`;

/** Opens a calendar bundle and decides on it with the installation's trust (nothing written). */
async function openCalendar(cwd: string, file: string, data: BureauData, keyFile?: string) {
  const trust = await withBureauKey(cwd, await readTrust(data), keyFile);
  const opened = await openBundle(await readBundleFile(cwd, file), { crypto: nodeCrypto });
  if (!opened.ok)
    throw new CliUsageError(`日历文件包 ${file} 校验失败，未导入：${opened.error.message}`);
  const accepted = acceptCalendarBundle(opened.bundle, trust);
  if (!accepted.ok) throw new CliUsageError(`日历文件包 ${file} 未导入：${accepted.reason}`);
  return accepted;
}

/** The working calendar of this installation: shipped years, the data folder's, and --calendar files. */
async function workingCalendar(
  io: CliIo,
  values: { data?: string; calendar?: string[]; 'bureau-key'?: string },
) {
  const data = bureauData(io.cwd, values.data);
  const trust = await withBureauKey(io.cwd, await readTrust(data), values['bureau-key']);
  const files: CalendarFile[] = trust.bureauFingerprint ? await storedCalendars(data, trust) : [];
  for (const file of values.calendar ?? [])
    files.push((await openCalendar(io.cwd, file, data, values['bureau-key'])).file);
  return { calendar: defaultCalendar(files), files };
}

async function runSign(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      out: { type: 'string', short: 'o' },
      name: { type: 'string' },
      data: { type: 'string' },
      counter: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (file === undefined || values.key === undefined || values.out === undefined)
    throw new CliUsageError(
      '用法：jiebang calendar sign YEAR.json --key signing.key -o calendar-YEAR.jbx',
    );
  const parsed = CalendarFileSchema.safeParse(await readJsonFile(io.cwd, file));
  if (!parsed.success)
    throw new CliUsageError(
      `日历文件 ${file} 格式错误：\n  ${capLines(describeSchemaIssues(parsed.error, PATHS_ONLY)).join('\n  ')}`,
    );
  const [year, ...more] = parsed.data.years;
  if (!year || more.length > 0)
    throw new CliUsageError(
      `日历文件 ${file}：一个日历文件包只签发一个年度（此文件有 ${parsed.data.years.length} 个）`,
    );
  const problems = calendarYearProblems(year);
  if (problems.length > 0)
    throw new CliUsageError(`日历文件 ${file} 有问题，未签名：\n  ${problems.join('\n  ')}`);
  const secretKey = await readSigningKey(io.cwd, values.key);
  const fp = fingerprint(publicKeyOf(secretKey));
  const data = bureauData(io.cwd, values.data);
  const trust = await readTrust(data);
  if (trust.bureauFingerprint && trust.bureauFingerprint !== fp)
    throw new CliUsageError(
      `数据目录 ${data.dir} 固定的市科技局密钥是 ${formatFingerprint(trust.bureauFingerprint)}，--key 是 ${formatFingerprint(fp)}；未签名`,
    );
  const signing = nextCounter(data, trust, fp, values.counter);
  const { counter } = signing;
  let bytes: Uint8Array;
  try {
    bytes = await buildBundle({
      crypto: nodeCrypto,
      kind: 'calendar',
      bundleId: `CAL-${year.year}-${counter}`,
      subject: { type: 'year', id: String(year.year) },
      signers: [
        {
          role: 'bureau',
          id: 'bureau',
          name: values.name ?? '市科学技术局',
          secretKey,
          counter,
          audit: EMPTY_HEAD,
        },
      ],
      document: { formatVersion: 1, years: [year] },
    });
  } catch (error) {
    if (error instanceof BundleBuildError) throw new CliUsageError(error.message);
    throw error;
  }
  const opened = await openBundle(bytes, { crypto: nodeCrypto });
  if (!opened.ok) throw new CliUsageError(`签名后的文件包未通过自检：${opened.error.message}`);
  const verdict = checkImport(opened.bundle, trust);
  if (verdict.action === 'refuse') throw new CliUsageError(`${verdict.reason}，未签名`);
  await writeOutput(io.cwd, values.out, bytes);
  await saveCalendar(data, year.year, bytes);
  await writeTrust(data, applyImport(trust, opened.bundle, verdict));
  sayCounter(io, signing);
  io.out(
    `已签发：${values.out}\n${year.year} 年工作日日历：放假 ${year.holidays.length} 天，调休上班 ${year.workdays.length} 天（${year.workdays.map((d) => `${formatDateZh(d)}（${weekday(d)}）`).join('、') || '无'}）\n来源：${year.source}${year.isTestData ? '\n注意：测试数据，不是国务院办公厅的通知' : ''}\n市科技局签名密钥指纹：${formatFingerprint(fp)}；签名计数 ${counter}\n`,
  );
  return 0;
}

async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { data: { type: 'string' }, 'bureau-key': { type: 'string' } },
  });
  const [file] = positionals;
  if (file === undefined) throw new CliUsageError('用法：jiebang calendar import CALENDAR.jbx');
  const data = bureauData(io.cwd, values.data);
  const accepted = await openCalendar(io.cwd, file, data, values['bureau-key']);
  if (!accepted.isDuplicate) {
    await saveCalendar(data, accepted.year, await readBundleFile(io.cwd, file));
    await writeTrust(data, accepted.trust);
  }
  io.out(
    `${accepted.isDuplicate ? '✓ 此日历此前已导入，未作任何更改' : `✓ 已导入 ${basename(file)}`}\n${accepted.notes.map((n) => `  ${n}\n`).join('')}`,
  );
  return 0;
}

async function runShow(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string' },
      calendar: { type: 'string', multiple: true },
      'bureau-key': { type: 'string' },
    },
  });
  const { calendar, files } = await workingCalendar(io, values);
  const added = new Set(files.flatMap((f) => f.years.map((y) => y.year)));
  for (const y of [...calendar.years.values()].sort((a, b) => a.year - b.year))
    io.out(
      `${y.year} 年：${y.status === 'official' ? '可计算工作日' : '暂定（缺调休安排），拒绝计算工作日'}；放假 ${y.holidays.length} 天，调休上班 ${y.workdays.length} 天；${added.has(y.year) ? '市科技局签发' : '随程序发布'}${y.isTestData ? '（测试数据）' : ''}\n  ${y.source}\n`,
    );
  return 0;
}

async function runPublicity(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      days: { type: 'string' },
      data: { type: 'string' },
      calendar: { type: 'string', multiple: true },
      'bureau-key': { type: 'string' },
    },
  });
  const [start] = positionals;
  const date = cliDate('开始日期', start);
  const days = Number(values.days ?? '5');
  if (!Number.isInteger(days) || days < 1 || days > 60)
    throw new CliUsageError('--days 须为 1 到 60 的整数');
  const { calendar } = await workingCalendar(io, values);
  const window = publicityWindow(calendar, date, days);
  if (!window.ok) throw new CliUsageError(window.reason);
  io.out(
    `公示期（${days} 个工作日，第十二条（六））：${formatDateZh(window.start)}至${formatDateZh(window.end)}\n计入的工作日：${window.days.map((d) => `${formatDateZh(d.date)}${d.isMakeUp ? `（${weekday(d.date)}调休上班）` : ''}`).join('、')}\n`,
  );
  return 0;
}

export const calendarCommand: CliCommand = {
  usage: `jiebang calendar sign YEAR.json --key signing.key -o calendar-YEAR.jbx [--data DIR] [--counter N]
jiebang calendar import CALENDAR.jbx [--data DIR] [--bureau-key signing.pub]
jiebang calendar show [--data DIR] [--calendar CALENDAR.jbx…] [--bureau-key signing.pub]
jiebang calendar publicity START [--days 5] [--data DIR] [--calendar CALENDAR.jbx…] [--bureau-key signing.pub]

sign       makes the calendar bundle of one year from the State Council's notice typed in as data
           (a calendar file: {"formatVersion":1,"years":[{"year":2027,"status":"official",
           "source":"国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔…〕…号）",
           "holidays":[…],"workdays":[…]}]}); make-up working days must fall on a weekend.
import     accepts a calendar bundle signed by the bureau key pinned in the data folder (or given
           with --bureau-key) and keeps it: from then on the year counts working days here.
show       the years this installation covers, and where each comes from.
publicity  the last day of a publicity period (公示, 第十二条（六）) of --days working days from
           START, statutory holidays and make-up working days counted; a year not covered is
           refused, never counted as plain weekdays. --calendar adds a bundle for this run only.`,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    switch (sub) {
      case 'sign':
        return runSign(rest, io);
      case 'import':
        return runImport(rest, io);
      case 'show':
        return runShow(rest, io);
      case 'publicity':
        return runPublicity(rest, io);
      default:
        throw new CliUsageError(
          `请给出子命令 sign、import、show 或 publicity（jiebang calendar --help）${sub ? `，而不是“${sub}”` : ''}`,
        );
    }
  },
};
