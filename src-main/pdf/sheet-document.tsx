/** @jsxRuntime automatic */
/**
 * The paper score sheet (纸质评分表) an expert signs by hand: every applicant's points per
 * criterion and total, recusals, opinions, the expert's signing-key fingerprint (to match the
 * signed file the chair imports) and a signature line. Shares fonts and wrapping with the task book.
 */
import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { Lines, printLine } from './print-text';
import { formatFingerprint } from '../../src-shared/crypto/keys';
import { fmt2 } from '../../src-shared/money';
import { RECUSAL_LABEL, type ReviewPackage, type ScoreSheet } from '../../src-shared/model';
import { applicantTotal } from '../../src-shared/scoring/sheet';
import { formatDateTimeZh } from '../../src-shared/text/date';
import { SANS, SERIF } from './fonts';

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
    fontSize: 16,
    textAlign: 'center',
    lineHeight: 1.4,
  },
  h2: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 12,
    marginTop: 10,
    marginBottom: 4,
    lineHeight: 1.4,
  },
  p: { fontSize: 10, lineHeight: 1.5 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderColor: '#888' },
  cell: { fontSize: 10, padding: 3, lineHeight: 1.4 },
  footer: { position: 'absolute', bottom: 26, left: 0, right: 0, textAlign: 'center', fontSize: 9 },
});

export function ScoreSheetDocument({
  pkg,
  sheet,
  fingerprint,
}: {
  pkg: ReviewPackage;
  sheet: ScoreSheet;
  fingerprint: string;
}) {
  const expert = pkg.panel.experts.find((e) => e.id === sheet.expertId);
  return (
    <Document title={`专家评分表 ${sheet.expertId}`} creator="揭榜评审台">
      <Page size="A4" style={s.page} wrap>
        <Text style={s.h1}>“揭榜挂帅”项目专家评分表</Text>
        <View style={{ marginTop: 8 }}>
          <Text style={s.p}>评审包：{printLine(pkg.title)}</Text>
          <Text style={s.p}>
            评审专家：{sheet.expertId} {printLine(expert?.name ?? '')}（
            {printLine(expert?.organisation ?? '')}）
          </Text>
          <Text style={s.p}>签名密钥指纹：{formatFingerprint(fingerprint)}</Text>
          <Text style={s.p}>
            提交时间：{sheet.submittedAt ? formatDateTimeZh(sheet.submittedAt) : '（未提交）'}
          </Text>
        </View>
        {pkg.applicants.map((a) => {
          const score = sheet.scores.find((x) => x.applicantId === a.id);
          return (
            <View key={a.id} wrap={false}>
              <Text style={s.h2}>
                {a.id} {printLine(a.name)}
              </Text>
              {!score ? (
                <Text style={s.p}>（未评审）</Text>
              ) : score.recusal ? (
                <Text style={s.p}>
                  回避：{RECUSAL_LABEL[score.recusal.kind]}——{printLine(score.recusal.reason)}
                </Text>
              ) : (
                <View>
                  {pkg.rubric.criteria.map((c) => (
                    <View key={c.id} style={s.row}>
                      <Text style={[s.cell, { width: '45%' }]}>
                        {printLine(c.name)}（满分 {c.maxPoints}）
                      </Text>
                      <Text style={[s.cell, { width: '12%' }]}>
                        {String(score.criteria.find((x) => x.criterionId === c.id)?.points ?? '—')}
                      </Text>
                      <View style={{ width: '43%' }}>
                        <Lines
                          text={score.criteria.find((x) => x.criterionId === c.id)?.comment ?? ''}
                          style={s.cell}
                        />
                      </View>
                    </View>
                  ))}
                  <Text style={s.p}>总分：{fmt2(applicantTotal(score, pkg.rubric))}</Text>
                  <Lines text={`总体意见：${score.overallOpinion}`} style={s.p} />
                  {score.deviationReason ? (
                    <Lines text={`评分理由：${score.deviationReason}`} style={s.p} />
                  ) : null}
                </View>
              )}
            </View>
          );
        })}
        <View style={{ marginTop: 24 }} wrap={false}>
          <Text style={s.p}>本人承诺：以上评分系独立作出，对评审内容严格保密（第七条）。</Text>
          <Text
            style={[s.p, { marginTop: 16 }]}
          >{`专家签字：${'＿'.repeat(12)}${'\u3000'}日期：${'＿'.repeat(4)}年${'＿'.repeat(2)}月${'＿'.repeat(2)}日`}</Text>
        </View>
        <Text
          style={s.footer}
          fixed
          render={({ pageNumber, totalPages }) => `第 ${pageNumber} 页 共 ${totalPages} 页`}
        />
      </Page>
    </Document>
  );
}
