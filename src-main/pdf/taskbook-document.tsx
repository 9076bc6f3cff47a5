/** @jsxRuntime automatic */
/**
 * The task book (项目任务书/军令状) as a react-pdf document: A4, cover page, numbered sections,
 * tables, 「草稿」 watermark on drafts, signature and seal blocks for every party, a verification
 * block with the SHA-256 of the canonical task-book JSON and its QR code (vector); its page numbers,
 * 第X页 共Y页, are `TaskBookPageNumbers`, drawn onto its pages by page-numbers.ts.
 * The known traps of react-pdf respected (docs/taskbook.md): each section its own <Page wrap>, and a long milestone table cut into
 * page-sized blocks, each its own <Page wrap> (react-pdf re-lays out everything after a break, so
 * one long flowing page grows quadratically; blocks keep it linear); no lineHeight on any ancestor
 * of the page-number <Text>; font sizes set with line heights.
 */
import { Document, Page, Path, StyleSheet, Svg, Text, View } from '@react-pdf/renderer';
import { officialAmount } from '../../src-shared/money';
import { chiefExpertsOf, PROJECT_TYPE_LABEL, type TaskBook } from '../../src-shared/model';
import { formatDateZh } from '../../src-shared/text/date';
import { needsFallback, printLines, SANS_SC, SERIF, SERIF_SC } from './fonts';
import { Lines, printLine } from './print-text';
import type { QrPath } from './qr';

const s = StyleSheet.create({
  page: {
    paddingTop: 56,
    paddingBottom: 64,
    paddingHorizontal: 56,
    fontFamily: SERIF_SC,
    fontSize: 11,
  },
  // The body's stack when the task book's text has a character only the fallback has.
  pageWithFallback: { fontFamily: SERIF },
  body: { fontSize: 11, lineHeight: 1.6 },
  h1: {
    fontFamily: SANS_SC,
    fontWeight: 700,
    fontSize: 22,
    textAlign: 'center',
    marginTop: 120,
    lineHeight: 1.4,
  },
  h2: {
    fontFamily: SANS_SC,
    fontWeight: 700,
    fontSize: 14,
    marginTop: 14,
    marginBottom: 6,
    lineHeight: 1.4,
  },
  coverLine: { fontSize: 13, textAlign: 'center', marginTop: 10, lineHeight: 1.5 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderColor: '#888' },
  th: { fontFamily: SANS_SC, fontWeight: 700, fontSize: 10, padding: 4, lineHeight: 1.4 },
  td: { fontSize: 10, padding: 4, lineHeight: 1.4 },
  cell: { padding: 4 },
  cellText: { fontSize: 10, lineHeight: 1.4 },
  footer: { position: 'absolute', bottom: 28, left: 0, right: 0, textAlign: 'center', fontSize: 9 },
  watermark: {
    position: 'absolute',
    top: 320,
    left: 0,
    right: 0,
    textAlign: 'center',
    fontSize: 96,
    color: '#c8c8c8',
    opacity: 0.4,
    fontFamily: SANS_SC,
    fontWeight: 700,
  },
  sign: { borderWidth: 0.5, borderColor: '#555', padding: 8, marginBottom: 8, minHeight: 90 },
  mono: { fontSize: 9, lineHeight: 1.4 },
});

/** Ideographic space (U+3000): blank room for handwriting on the signature line. */
const GAP = '\u3000';

/** The milestone table's columns (percent of the text width) and heads (the bench's peer uses them too). */
export const MILESTONE_WIDTHS = [8, 22, 12, 24, 22, 12];
export const MILESTONE_HEAD = [
  '编号',
  '里程碑',
  '完成时间',
  '交付成果',
  '考核指标',
  '拨付（万元）',
];

const one = printLine;

const ROLE: Record<TaskBook['parties'][number]['role'], string> = {
  bureau: '甲方（市科技局）',
  issuer: '乙方（发榜方）',
  solver: '丙方（揭榜方）',
};

/** The verification code as people copy it from paper: groups of four, eight groups a line. */
export function codeLines(hash: string): string[] {
  const groups = hash.match(/.{1,4}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 8) lines.push(groups.slice(i, i + 8).join(' '));
  return lines;
}

/** The watermark on every page of a draft (the page number is drawn by `TaskBookPageNumbers`). */
function Footer({ draft }: { draft: boolean }) {
  return draft ? (
    <Text style={s.watermark} fixed>
      草稿
    </Text>
  ) : null;
}

/** The page style: the body's stack with the fallback face when the text needs it. */
function pageStyle(tb: TaskBook) {
  // Headings, table heads and the watermark are the document's own words, always in the SC faces.
  return needsFallback(JSON.stringify(tb)) ? [s.page, s.pageWithFallback] : s.page;
}

/** The footer's style: centred 28 pt above the page's foot (the bench's Chromium peer matches it). */
export const FOOTER_STYLE = s.footer;

/**
 * The task book's page numbers, 第 N 页 共 M 页: `total` pages in the task book's page style, each
 * holding only its fixed footer, drawn onto the task book's pages by `renderWithPageNumbers`
 * (page-numbers.ts) — the same text, box and glyphs as a `render` prop's, laid out once.
 */
export function TaskBookPageNumbers({ tb, total }: { tb: TaskBook; total: number }) {
  const page = pageStyle(tb);
  return (
    <Document>
      {Array.from({ length: total }, (_, i) => (
        <Page key={i} size="A4" style={page}>
          <Text style={s.footer} fixed>{`第 ${i + 1} 页 共 ${total} 页`}</Text>
        </Page>
      ))}
    </Document>
  );
}

/** Text area of an A4 page inside the margins (points). */
const TEXT_WIDTH = 595.28 - 2 * 56;
const TEXT_HEIGHT = 841.89 - 56 - 64;

/** Rough printed width of `text` at 10 pt: CJK and full-width forms are 1 em, the rest ½ em. */
function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.55;
  return w;
}

/** A row's estimated height (points): its tallest cell, 10 pt type on 14 pt lines, 8 pt padding. */
function rowHeight(widths: readonly number[], row: readonly string[]): number {
  const lines = row.map((cell, i) => {
    const perLine = Math.max(1, Math.floor(((TEXT_WIDTH * (widths[i] ?? 10)) / 100 - 8) / 10));
    return Math.max(1, Math.ceil(emWidth(cell) / perLine));
  });
  return 8 + 14 * Math.max(...lines);
}

/**
 * Cuts rows into blocks that each fit a page (the first block gets `firstRoom`), so every block
 * can be its own <Page>. An estimate only: a block that runs over still wraps onto the next page
 * with its header repeated, so nothing is ever cut off.
 */
export function splitRows(
  widths: readonly number[],
  rows: readonly string[][],
  firstRoom: number,
  room = TEXT_HEIGHT - 40,
): string[][][] {
  const blocks: string[][][] = [];
  let block: string[][] = [];
  let left = firstRoom;
  for (const row of rows) {
    const h = rowHeight(widths, row);
    if (block.length > 0 && h > left) {
      blocks.push(block);
      block = [];
      left = room;
    }
    block.push(row);
    left -= h;
  }
  blocks.push(block);
  return blocks;
}

function Table({ widths, head, rows }: { widths: number[]; head: string[]; rows: string[][] }) {
  return (
    <View>
      <View style={[s.row, { borderTopWidth: 0.5 }]} fixed>
        {head.map((h, i) => (
          <Text key={i} style={[s.th, { width: `${widths[i] ?? 10}%` }]}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((r, k) => (
        <View key={k} style={s.row} wrap={false}>
          {r.map((c, i) => {
            const width = `${widths[i] ?? 10}%`;
            const lines = printLines(c);
            // A cell of one line is one <Text> with the cell's padding (half the layout nodes of a
            // <View> holding it, the same box and glyphs: issue 22); a cell of more lines, a
            // <Text> per line in the cell's <View>.
            return lines.length === 1 ? (
              <Text key={i} style={[s.td, { width }]}>
                {lines[0]}
              </Text>
            ) : (
              <View key={i} style={[s.cell, { width }]}>
                <Lines text={c} style={s.cellText} />
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

export function TaskBookDocument({ tb, hash, qr }: { tb: TaskBook; hash: string; qr: QrPath }) {
  const draft = tb.status === 'draft';
  const page = pageStyle(tb);
  const solvers = tb.parties.filter((p) => p.role === 'solver');
  const nameOf = (id?: string) =>
    one(solvers.find((p) => p.applicantId === id)?.name ?? '全部揭榜方');
  const rows = tb.milestones.map((m) => [
    m.id,
    `${one(m.title)}${m.applicantId ? `（${nameOf(m.applicantId)}）` : ''}`,
    formatDateZh(m.due),
    m.deliverables.join('；'),
    m.indicators.join('；') || '—',
    m.tranche,
  ]);
  // One line per solver's chief expert (an earlier task book's single record as written).
  const chiefLines = chiefExpertsOf(tb).map(({ solver, chiefExpert: c }) => {
    const who = `${one(c.name)}（${[c.title, c.organisation].map(one).filter(Boolean).join('，')}）`;
    return solver ? `${one(solver.name)}：${who}` : who;
  });
  // Room left under sections 一 and 二 on the table's first page (11 pt text on 17.6 pt lines).
  const intro =
    3 * 40 +
    17.6 *
      (Math.ceil(emWidth(tb.objectives || '—') / 43) +
        chiefLines.reduce((n, line) => n + Math.ceil(emWidth(line) / 43), 0));
  const blocks = splitRows(MILESTONE_WIDTHS, rows, TEXT_HEIGHT - 40 - intro);
  return (
    <Document
      title={tb.title}
      author="克拉玛依市科学技术局"
      subject="揭榜挂帅项目任务书（军令状）"
      creator="揭榜评审台"
    >
      <Page size="A4" style={page}>
        <Text style={s.h1}>克拉玛依市科技计划“揭榜挂帅”项目</Text>
        <Text style={[s.h1, { marginTop: 8 }]}>任务书（军令状）</Text>
        <Text style={[s.coverLine, { marginTop: 60 }]}>项目名称：{one(tb.title)}</Text>
        <Text style={s.coverLine}>
          项目类型：{PROJECT_TYPE_LABEL[tb.projectType]}
          {tb.isHorseRace ? '（赛马制联合项目）' : ''}
        </Text>
        <Text style={s.coverLine}>合同编号：{one(tb.contractNumber) || '—'}</Text>
        <Text style={s.coverLine}>
          {`任务书编号：${tb.taskBookId}${GAP}评审包编号：${tb.packageId}`}
        </Text>
        <Text style={s.coverLine}>
          {`实施周期：${formatDateZh(tb.period.start)}至${formatDateZh(tb.period.end)}`}
        </Text>
        {tb.parties.map((p, i) => (
          <View key={i}>
            <Text style={s.coverLine}>
              {ROLE[p.role]}：{one(p.name)}
              {p.applicantId ? `（${p.applicantId}）` : ''}
            </Text>
            <Text style={[s.coverLine, { fontSize: 11, marginTop: 2 }]}>
              法定代表人或授权代表：{one(p.representative) || '—'}
              {GAP}地址：
              {one(p.address) || '—'}
            </Text>
          </View>
        ))}
        <Text style={s.coverLine}>{draft ? '（草稿）' : '（定稿）'}</Text>
        <Footer draft={draft} />
      </Page>
      {blocks.map((block, b) => (
        <Page key={b} size="A4" style={page} wrap>
          {b === 0 && (
            <View style={s.body}>
              <Text style={s.h2}>一、项目目标与任务</Text>
              <Lines text={tb.objectives || '—'} />
              <Text style={s.h2}>二、首席专家（第十二条（八））</Text>
              {chiefLines.map((line, i) => (
                <Text key={i}>{line}</Text>
              ))}
              <Text style={s.h2}>三、“里程碑”节点、考核指标与经费拨付（第十二条（七）（八））</Text>
            </View>
          )}
          <Table widths={MILESTONE_WIDTHS} head={MILESTONE_HEAD} rows={block} />
          <Footer draft={draft} />
        </Page>
      ))}
      {tb.isHorseRace && (
        <Page size="A4" style={page} wrap>
          <View style={s.body}>
            <Text style={s.h2}>四、“赛马”阶段考核目标（第十二条（七）、第十三条（三））</Text>
            {tb.raceStageTargets.map((r) => (
              <Lines
                key={r.applicantId}
                text={`${nameOf(r.applicantId)}：${r.targets.join('；')}`}
              />
            ))}
            <Text>“里程碑”考核后，择优支持一家揭榜方继续开展项目研究并拨付后续经费。</Text>
          </View>
          <Footer draft={draft} />
        </Page>
      )}
      <Page size="A4" style={page} wrap>
        <View style={s.body}>
          <Text style={s.h2}>五、经费（第十三条）</Text>
          <Text>市财政科研项目资金：{officialAmount(tb.funding.city)}</Text>
          <Text>发榜方投入：{officialAmount(tb.funding.issuer)}</Text>
          <Text>揭榜方自筹：{officialAmount(tb.funding.selfRaised)}</Text>
          {tb.funding.contractAmount && (
            <Text>技术开发（委托）合同金额：{officialAmount(tb.funding.contractAmount)}</Text>
          )}
          <Text style={s.h2}>六、知识产权归属与利益分配（第十五条）</Text>
          <Lines text={tb.intellectualProperty.ownership} />
          <Lines text={tb.intellectualProperty.benefitSharing} />
          <Text style={s.h2}>七、其他约定</Text>
          <Text>
            {
              // One string, no spaces beside the figures: the line breaker breaks at a space before
              // a break between two characters, which left the paragraph ragged (a tester's F9).
              '项目不得变更发榜方、揭榜方（第十七条）；项目负责人变动、资金重大调整等事项须经审核同意（第十八条）；因客观原因需延期的，应在实施周期到期30日前书面申请，延期一次、最长一年（第十九条）；实施周期结束后30日内提出验收申请（第十二条（九））。'
            }
          </Text>
          <Text style={s.h2}>八、签署</Text>
        </View>
        {tb.parties.map((p, i) => (
          <View key={i} style={s.sign} wrap={false}>
            <Text style={s.td}>
              {ROLE[p.role]}：{one(p.name)}（盖章）
            </Text>
            <Text style={s.td}>地址：{one(p.address) || '—'}</Text>
            <Text style={s.td}>
              {`法定代表人或授权代表：${one(p.representative) || GAP.repeat(4)}（签字）${GAP.repeat(5)}日期：${GAP.repeat(2)}年${GAP.repeat(2)}月${GAP.repeat(2)}日`}
            </Text>
          </View>
        ))}
        <View style={[s.sign, { flexDirection: 'row' }]} wrap={false}>
          {/* The QR code as one vector path (its module matrix), no PNG: qr.ts. */}
          <Svg width={90} height={90} viewBox={`0 0 ${qr.size} ${qr.size}`}>
            <Path d={qr.d} fill="#000000" />
          </Svg>
          <View style={{ marginLeft: 10, flex: 1 }}>
            <Text style={s.td}>核验码（任务书规范化 JSON 的 SHA-256）：</Text>
            {codeLines(hash).map((line, i) => (
              <Text key={i} style={s.mono}>
                {line}
              </Text>
            ))}
            <Text style={s.td}>核验：在“揭榜评审台”的“核验打印件”中输入核验码或扫描二维码。</Text>
          </View>
        </View>
        <Footer draft={draft} />
      </Page>
    </Document>
  );
}
