/** @jsxRuntime automatic */
/**
 * The inspection report (实地考察报告) as a react-pdf document, A4: a cover (what was inspected,
 * where, when, by whom, against which assignment, the findings counted), the checklist table
 * (item, finding, notes), the photos with their captions, capture times and SHA-256, and a block
 * for every signer with their key's fingerprint. Each section its own <Page wrap>
 * (DESIGN.md traps: no lineHeight on an ancestor of the page-number <Text render>).
 */
import { Document, Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { describeSubject } from '../../src-shared/bundle/terms';
import { formatFingerprint } from '../../src-shared/crypto/keys';
import { FINDING_LABEL, tally } from '../../src-shared/inspection';
import type { InspectionReport } from '../../src-shared/model';
import { formatDateZh, formatLocalDateTimeZh } from '../../src-shared/text/date';
import { SANS, SERIF } from './fonts';
import { Lines, printLine } from './print-text';

const s = StyleSheet.create({
  page: {
    paddingTop: 48,
    paddingBottom: 60,
    paddingHorizontal: 48,
    fontFamily: SERIF,
    fontSize: 10,
  },
  h1: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 20,
    textAlign: 'center',
    marginTop: 60,
    lineHeight: 1.4,
  },
  h2: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 13,
    marginTop: 10,
    marginBottom: 6,
    lineHeight: 1.4,
  },
  p: { fontSize: 10.5, lineHeight: 1.6 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderColor: '#888' },
  th: { fontFamily: SANS, fontWeight: 700, fontSize: 10, padding: 4, lineHeight: 1.4 },
  td: { fontSize: 10, padding: 4, lineHeight: 1.4 },
  photo: { marginTop: 8, marginBottom: 4, maxHeight: 300, objectFit: 'contain' },
  caption: { fontSize: 9.5, lineHeight: 1.4, color: '#333' },
  footer: { position: 'absolute', bottom: 26, left: 0, right: 0, textAlign: 'center', fontSize: 9 },
});

export interface InspectionPdfInput {
  report: InspectionReport;
  /** Who signs, with their key fingerprints (the signatures themselves are in the bundle). */
  signers: readonly { id: string; name: string; fingerprint: string }[];
  /** Each registered photo's bytes (scaled for the report), by its path in the report. */
  photos: ReadonlyMap<string, Uint8Array>;
  /** The purpose written in the assignment, for the cover. */
  purpose: string;
}

const Footer = () => (
  <Text
    style={s.footer}
    fixed
    render={({ pageNumber, totalPages }) => `第 ${pageNumber} 页 共 ${totalPages} 页`}
  />
);

export function InspectionReportDocument({ report, signers, photos, purpose }: InspectionPdfInput) {
  const counts = tally(report.checklist);
  return (
    <Document title={`实地考察报告 ${report.reportId}`} creator="揭榜评审台">
      <Page size="A4" style={s.page} wrap>
        <Text style={s.h1}>“揭榜挂帅”项目实地考察报告</Text>
        <View style={{ marginTop: 40 }}>
          <Text style={s.p}>报告编号：{report.reportId}</Text>
          <Text style={s.p}>考察任务：{report.assignmentId}</Text>
          <Text style={s.p}>考察对象：{printLine(describeSubject(report.subject))}</Text>
          <Lines text={`考察目的：${purpose}`} style={s.p} />
          <Text style={s.p}>考察地点：{printLine(report.site)}</Text>
          <Text style={s.p}>考察日期：{formatDateZh(report.date)}</Text>
          <Text style={s.p}>
            考察组：{report.inspectors.map((i) => `${printLine(i.name)}（${i.id}）`).join('、')}
          </Text>
          <Text style={s.p}>
            检查项 {report.checklist.length} 项：符合 {counts.met} 项，基本符合 {counts.partly}{' '}
            项，不符合 {counts['not-met']} 项，未检查 {counts['not-checked']} 项，不适用{' '}
            {counts['n/a']} 项；现场照片 {report.photos.length} 张
          </Text>
        </View>
        <Text style={s.h2}>考察结论</Text>
        <Lines text={report.conclusion} style={s.p} />
        {report.notes ? (
          <>
            <Text style={s.h2}>其他说明</Text>
            <Lines text={report.notes} style={s.p} />
          </>
        ) : null}
        <Footer />
      </Page>
      <Page size="A4" style={s.page} wrap>
        <Text style={s.h2}>一、检查项目与结果</Text>
        <View style={s.row} fixed>
          <Text style={[s.th, { width: '8%' }]}>序号</Text>
          <Text style={[s.th, { width: '42%' }]}>检查项目</Text>
          <Text style={[s.th, { width: '14%' }]}>结果</Text>
          <Text style={[s.th, { width: '36%' }]}>说明</Text>
        </View>
        {report.checklist.map((c, n) => (
          <View key={n} style={s.row} wrap={false}>
            <Text style={[s.td, { width: '8%' }]}>{n + 1}</Text>
            <View style={{ width: '42%' }}>
              <Lines text={c.item} style={s.td} />
            </View>
            <Text style={[s.td, { width: '14%' }]}>{FINDING_LABEL[c.result].zh}</Text>
            <View style={{ width: '36%' }}>
              <Lines text={c.note || '—'} style={s.td} />
            </View>
          </View>
        ))}
        <Footer />
      </Page>
      {report.photos.length > 0 ? (
        <Page size="A4" style={s.page} wrap>
          <Text style={s.h2}>二、现场照片</Text>
          {report.photos.map((p, n) => {
            const bytes = photos.get(p.path);
            return (
              <View key={p.path} wrap={false} style={{ marginBottom: 10 }}>
                {bytes ? (
                  <Image
                    style={s.photo}
                    src={{
                      data: Buffer.from(bytes),
                      format: p.mediaType === 'image/png' ? 'png' : 'jpg',
                    }}
                  />
                ) : null}
                <Text style={s.caption}>
                  照片 {n + 1}：{printLine(p.caption || p.name || p.path)}
                  {p.item !== undefined ? `（检查项 ${p.item + 1}）` : ''}
                </Text>
                <Text style={s.caption}>
                  拍摄时间：
                  {p.capturedAt ? formatLocalDateTimeZh(p.capturedAt) : '照片未记录拍摄时间'}
                </Text>
                <Text style={s.caption}>SHA-256：{p.sha256}</Text>
              </View>
            );
          })}
          <Footer />
        </Page>
      ) : null}
      <Page size="A4" style={s.page} wrap>
        <Text style={s.h2}>{report.photos.length > 0 ? '三' : '二'}、考察组签名</Text>
        <Text style={s.p}>
          以下考察组成员各以本人签名密钥对本报告文件包作电子签名（Ed25519），指纹供与纸质文件核对。
        </Text>
        {signers.map((m) => (
          <View key={m.id} wrap={false} style={{ marginTop: 14 }}>
            <Text style={s.p}>
              考察组成员：{printLine(m.name)}（{m.id}）
            </Text>
            <Text style={s.p}>签名密钥指纹：{formatFingerprint(m.fingerprint)}</Text>
            <Text style={[s.p, { marginTop: 8 }]}>
              {`签字：${'＿'.repeat(12)}\u3000日期：${formatDateZh(report.date)}`}
            </Text>
          </View>
        ))}
        <Footer />
      </Page>
    </Document>
  );
}
