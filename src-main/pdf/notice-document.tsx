/** @jsxRuntime automatic */
/**
 * The paper notice of a signed review package (评审包发放通知, issue 17): the rows of
 * `packageNotice` (src-shared/bureau/notice.ts) on one A4 page, with a line for the hand-over.
 * Shares fonts and wrapping with the task book and the paper score sheet.
 */
import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { Notice } from '../../src-shared/bureau/notice';
import { Lines, printLine } from './print-text';
import { SANS, SERIF } from './fonts';

const s = StyleSheet.create({
  page: {
    paddingTop: 56,
    paddingBottom: 60,
    paddingHorizontal: 56,
    fontFamily: SERIF,
    fontSize: 11,
  },
  h1: { fontFamily: SANS, fontWeight: 700, fontSize: 15, textAlign: 'center', lineHeight: 1.4 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderColor: '#888', paddingVertical: 4 },
  label: { width: '32%', fontFamily: SANS, fontSize: 10.5, lineHeight: 1.4 },
  value: { width: '68%', fontSize: 11, lineHeight: 1.4 },
  p: { fontSize: 10.5, lineHeight: 1.6, marginTop: 6 },
});

/**
 * The notice's `signLines` (one per signer of a form after the award, the publisher of a 公示)
 * replace the hand-over line of a package's notice.
 */
export function NoticeDocument({ notice }: { notice: Notice }) {
  const { signLines } = notice;
  return (
    <Document title={notice.title} creator="揭榜评审台">
      <Page size="A4" style={s.page}>
        <Text style={s.h1}>{printLine(notice.title)}</Text>
        <View style={{ marginTop: 18 }}>
          {notice.rows.map(([label, value]) => (
            <View key={label} style={s.row} wrap={false}>
              <Text style={s.label}>{printLine(label)}</Text>
              <View style={s.value}>
                <Lines text={value} style={s.value} />
              </View>
            </View>
          ))}
        </View>
        <View style={{ marginTop: 14 }}>
          {notice.footer.map((line) => (
            <Lines key={line} text={line} style={s.p} />
          ))}
        </View>
        {signLines ? (
          <View style={{ marginTop: 28 }}>
            {signLines.map((line) => (
              <Text key={line} style={[s.p, { marginTop: 14 }]}>
                {printLine(line)}
              </Text>
            ))}
          </View>
        ) : (
          <Text style={[s.p, { marginTop: 36 }]}>
            {`经办人签字：${'＿'.repeat(8)}${'\u3000'}领取人签字：${'＿'.repeat(8)}${'\u3000'}日期：${'＿'.repeat(4)}年${'＿'.repeat(2)}月${'＿'.repeat(2)}日`}
          </Text>
        )}
      </Page>
    </Document>
  );
}
