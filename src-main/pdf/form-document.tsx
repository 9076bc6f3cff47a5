/** @jsxRuntime automatic */
/**
 * Any form of the meeting pack (src-shared/meeting) as a react-pdf document: A4, each section its
 * own <Page wrap> (DESIGN.md: one long flowing page re-lays out quadratically), tables with rows
 * kept whole, signature lines, ruled lines for handwriting, and on the last page the verification
 * block (the code and its QR). Every page's footer names the form, the start of its code and
 * 第X页 共Y页. The task book's fonts and line breaking (fonts.ts, print-text.tsx).
 */
import { Document, Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { FORM_LABEL, type Block, type FormLayout } from '../../src-shared/meeting';
import { BLANK_DATE_ZH } from '../../src-shared/text/date';
import { SANS, SERIF } from './fonts';
import { Lines } from './print-text';

const MARGIN = 48;

const s = StyleSheet.create({
  page: {
    paddingTop: MARGIN,
    paddingBottom: MARGIN + 16,
    paddingHorizontal: MARGIN,
    fontFamily: SERIF,
    fontSize: 10,
  },
  title: {
    fontFamily: SANS,
    fontWeight: 700,
    fontSize: 16,
    textAlign: 'center',
    marginBottom: 6,
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
  bold: { fontSize: 10, lineHeight: 1.5, fontFamily: SANS, fontWeight: 700 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderColor: '#666' },
  th: { fontFamily: SANS, fontWeight: 700, padding: 3 },
  cell: { padding: 3 },
  sign: { flexDirection: 'row', marginTop: 14 },
  ruled: { borderBottomWidth: 0.5, borderColor: '#888', height: 22 },
  verify: {
    flexDirection: 'row',
    marginTop: 16,
    borderWidth: 0.5,
    borderColor: '#555',
    padding: 6,
  },
  mono: { fontSize: 8, lineHeight: 1.4 },
  footer: {
    position: 'absolute',
    bottom: MARGIN - 20,
    left: MARGIN,
    right: MARGIN,
    textAlign: 'center',
    fontSize: 8,
  },
});

/** Ideographic space (U+3000): blank room for handwriting on a signature line. */
const GAP = '\u3000';

function Table({ block }: { block: Extract<Block, { kind: 'table' }> }) {
  const size = block.size ?? 9;
  const text = { fontSize: size, lineHeight: 1.35 };
  const width = (i: number) => `${block.widths[i] ?? 5}%`;
  return (
    <View style={{ borderTopWidth: 0.5, borderColor: '#666', marginVertical: 4 }}>
      <View style={s.row} wrap={false}>
        {block.head.map((h, i) => (
          <View key={i} style={[s.th, { width: width(i) }]}>
            <Lines text={h} style={text} />
          </View>
        ))}
      </View>
      {block.rows.map((r, k) => (
        <View
          key={k}
          style={[s.row, block.minRowHeight ? { minHeight: block.minRowHeight } : {}]}
          wrap={false}
        >
          {r.map((c, i) => (
            <View key={i} style={[s.cell, { width: width(i) }]}>
              <Lines text={c} style={text} />
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function BlockView({ block, first }: { block: Block; first: boolean }) {
  switch (block.kind) {
    case 'heading':
      return first ? (
        <Lines text={block.text} style={s.title} />
      ) : (
        <Lines text={block.text} style={s.h2} />
      );
    case 'para':
      return <Lines text={block.text} style={block.bold ? s.bold : s.p} />;
    case 'table':
      return <Table block={block} />;
    case 'signatures':
      return (
        <View>
          {block.who.map((who, i) => (
            <View key={i} style={s.sign} wrap={false}>
              <View style={{ width: '38%' }}>
                <Lines text={who} style={s.p} />
              </View>
              <Text style={[s.p, { width: '28%' }]}>{`签字：${'＿'.repeat(8)}`}</Text>
              <Text style={[s.p, { width: '34%' }]}>{`日期：${BLANK_DATE_ZH}`}</Text>
            </View>
          ))}
        </View>
      );
    case 'blank-lines':
      return (
        <View>
          {Array.from({ length: block.count }, (_, i) => (
            <View key={i} style={s.ruled} />
          ))}
        </View>
      );
  }
}

export function FormDocument({ layout, qr }: { layout: FormLayout; qr: string }) {
  const label = FORM_LABEL[layout.form];
  const last = layout.sections.length - 1;
  return (
    <Document
      title={layout.title}
      author="克拉玛依市科学技术局"
      subject={label}
      creator="揭榜评审台"
    >
      {layout.sections.map((section, k) => (
        <Page key={k} size="A4" orientation={layout.orientation} style={s.page} wrap>
          {section.map((block, i) => (
            <BlockView key={i} block={block} first={i === 0} />
          ))}
          {k === last && (
            <View style={s.verify} wrap={false}>
              <Image src={qr} style={{ width: 72, height: 72 }} />
              <View style={{ marginLeft: 8, flex: 1 }}>
                <Text style={s.p}>核验码（{label}内容规范化 JSON 的 SHA-256）：</Text>
                <Text style={s.mono}>{layout.code}</Text>
                <Text style={s.mono}>
                  核验：jiebang verify-print --code &lt;核验码&gt; --package 评审包 …
                </Text>
              </View>
            </View>
          )}
          <Text
            style={s.footer}
            fixed
            render={({ pageNumber, totalPages }) =>
              `${label}${GAP}${layout.packageId}${GAP}核验码 ${layout.code.slice(0, 16)}…${GAP}第 ${pageNumber} 页 共 ${totalPages} 页`
            }
          />
        </Page>
      ))}
    </Document>
  );
}
