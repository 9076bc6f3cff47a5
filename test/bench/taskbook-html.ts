/**
 * The peer of the task book bench (issue 22): the same task book as HTML with the same fonts (the
 * same Noto TTF files the PDF embeds), for Chromium's own `page.pdf()`. Same page size, margins,
 * font sizes and line heights as src-main/pdf/taskbook-document.tsx; cover, sections, the
 * milestone table with the task book's own fixed column widths and heads, the signature blocks,
 * the QR code and verification code, 「草稿」 on every page of a draft, and 第 N 页 共 M 页 (see
 * `TASKBOOK_FOOTER`). Not a product path: the product prints with react-pdf.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { officialAmount } from '../../src-shared/money';
import { formatDateZh } from '../../src-shared/text/date';
import { PROJECT_TYPE_LABEL, type TaskBook } from '../../src-shared/model';
import { codeLines, MILESTONE_HEAD, MILESTONE_WIDTHS } from '../../src-main/pdf/taskbook-document';
import type { QrPath } from '../../src-main/pdf/qr';

const requireHere = createRequire(import.meta.url);
const font = (pkg: string, file: string) =>
  pathToFileURL(requireHere.resolve(`@expo-google-fonts/${pkg}/${file}`)).href;

const FACES = [
  ['Noto Serif SC', 400, font('noto-serif-sc', '400Regular/NotoSerifSC_400Regular.ttf')],
  ['Noto Serif SC', 700, font('noto-serif-sc', '700Bold/NotoSerifSC_700Bold.ttf')],
  ['Noto Sans SC', 400, font('noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf')],
  ['Noto Sans SC', 700, font('noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf')],
  ['Noto Serif JP', 400, font('noto-serif-jp', '400Regular/NotoSerifJP_400Regular.ttf')],
] as const;

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** An ideographic space, as the PDF spaces its signature line. */
const GAP = '\u3000';

const ROLE: Record<string, string> = { issuer: '发榜方', solver: '揭榜方', bureau: '科技局' };

/** The page footer, as `page.pdf({ displayHeaderFooter: true, footerTemplate })` draws it. */
export const TASKBOOK_FOOTER = `<div style="width:100%;text-align:center;font-size:9pt;font-family:'Noto Serif SC'">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>`;

/**
 * The task book as one HTML document (A4, 56 pt margins, 11 pt serif body, 10 pt tables).
 * @param qr the QR code's vector path (the one the PDF prints, src-main/pdf/qr.ts), drawn as inline
 *   SVG at the same 90 pt; @param hash its verification code
 */
export function taskBookHtml(tb: TaskBook, qr: QrPath, hash: string): string {
  const faces = FACES.map(
    ([family, weight, url]) =>
      `@font-face{font-family:'${family}';font-weight:${weight};src:url('${url}')}`,
  ).join('');
  const cols = MILESTONE_WIDTHS.map((w) => `<col style="width:${w}%">`).join('');
  const head = MILESTONE_HEAD.map((h) => `<th>${esc(h)}</th>`).join('');
  const rows = tb.milestones
    .map(
      (m) =>
        `<tr><td>${esc(m.id)}</td><td>${esc(m.title)}</td><td>${esc(formatDateZh(m.due))}</td><td>${esc(
          m.deliverables.join('；'),
        )}</td><td>${esc(m.indicators.join('；') || '—')}</td><td>${esc(m.tranche)}</td></tr>`,
    )
    .join('');
  const parties = tb.parties
    .map(
      (p) =>
        `<p class="cover">${ROLE[p.role] ?? p.role}：${esc(p.name)}</p><p class="cover small">法定代表人或授权代表：${esc(p.representative || '—')}${GAP}地址：${esc(p.address || '—')}</p>`,
    )
    .join('');
  const signs = tb.parties
    .map(
      (p) =>
        `<div class="sign"><p>${ROLE[p.role] ?? p.role}：${esc(p.name)}（盖章）</p><p>地址：${esc(p.address || '—')}</p><p>法定代表人或授权代表：${GAP}${GAP}${GAP}${GAP}（签字）${GAP}${GAP}${GAP}${GAP}${GAP}日期：${GAP}${GAP}年${GAP}${GAP}月${GAP}${GAP}日</p></div>`,
    )
    .join('');
  // Each solver's own chief expert (an earlier task book's single one when it has no per-solver one).
  const chiefs = tb.parties
    .filter((p) => p.role === 'solver')
    .map((p) => p.chiefExpert ?? tb.chiefExpert)
    .map((c) =>
      c ? `<p>${esc(c.name)}（${esc(c.title)}，${esc(c.organisation)}）</p>` : '<p>—</p>',
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${faces}
@page{size:A4;margin:56pt 56pt 64pt 56pt}
body{font-family:'Noto Serif SC','Noto Serif JP';font-size:11pt;line-height:1.6;margin:0}
h1{font-family:'Noto Sans SC';font-weight:700;font-size:22pt;text-align:center;line-height:1.4;margin:120pt 0 0}
h1+h1{margin-top:8pt}
h2{font-family:'Noto Sans SC';font-weight:700;font-size:14pt;line-height:1.4;margin:14pt 0 6pt}
.cover{font-size:13pt;text-align:center;margin:10pt 0 0;line-height:1.5}.small{font-size:11pt;margin-top:2pt}
.page{break-after:page}
table{border-collapse:collapse;width:100%;table-layout:fixed;font-size:10pt;line-height:1.4}
th{font-family:'Noto Sans SC';font-weight:700;text-align:left}
td,th{padding:4pt;border-bottom:0.5pt solid #888;vertical-align:top}
tr{break-inside:avoid}
.sign{break-inside:avoid;margin-top:16pt;font-size:10pt}.sign p{margin:0;padding:4pt}
.verify{display:flex}.verify svg{width:90pt;height:90pt;flex:none}.verify div{margin-left:10pt}.mono{font-size:9pt}
.wm{position:fixed;top:264pt;left:0;right:0;text-align:center;font-family:'Noto Sans SC';font-weight:700;font-size:96pt;color:#c8c8c8;opacity:0.4}
</style></head><body>${tb.status === 'draft' ? '<div class="wm">草稿</div>' : ''}
<section class="page"><h1>克拉玛依市科技计划“揭榜挂帅”项目</h1><h1>任务书（军令状）</h1>
<p class="cover" style="margin-top:60pt">项目名称：${esc(tb.title)}</p>
<p class="cover">项目类型：${esc(PROJECT_TYPE_LABEL[tb.projectType])}</p>
<p class="cover">合同编号：${esc(tb.contractNumber || '—')}</p>
<p class="cover">任务书编号：${esc(tb.taskBookId)}${GAP}评审包编号：${esc(tb.packageId)}</p>
<p class="cover">实施周期：${formatDateZh(tb.period.start)}至${formatDateZh(tb.period.end)}</p>${parties}</section>
<section class="page"><h2>一、项目目标与任务</h2><p>${esc(tb.objectives || '—')}</p>
<h2>二、首席专家（第十二条（八））</h2>${chiefs}
<h2>三、“里程碑”节点、考核指标与经费拨付（第十二条（七）（八））</h2>
<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>
<section><h2>五、经费（第十三条）</h2><p>市财政科研项目资金：${officialAmount(tb.funding.city)}</p>
<p>发榜方投入：${officialAmount(tb.funding.issuer)}</p><p>揭榜方自筹：${officialAmount(tb.funding.selfRaised)}</p>
<h2>六、知识产权归属与利益分配（第十五条）</h2><p>${esc(tb.intellectualProperty.ownership)}</p><p>${esc(tb.intellectualProperty.benefitSharing)}</p>
<h2>八、签署</h2>${signs}
<div class="sign verify"><svg viewBox="0 0 ${qr.size} ${qr.size}"><path d="${qr.d}" fill="#000000"/></svg><div><p>核验码（任务书规范化 JSON 的 SHA-256）：</p>${codeLines(
    hash,
  )
    .map((line) => `<p class="mono">${line}</p>`)
    .join(
      '',
    )}<p>核验：在“揭榜评审台”的“核验打印件”中输入核验码或扫描二维码。</p></div></div></section></body></html>`;
}
