/**
 * The storage benches' record (a sheet row of the `sheets` table): the same shape and text in
 * the storage suite (storage-bench.ts) and the stored-form comparison (storage-forms.ts).
 */
export function benchRecord(i: number) {
  return {
    id: `P${i % 10}/E${i}`,
    packageId: `P${i % 10}`,
    expertId: `E${i}`,
    status: 'draft' as const,
    sheet: {
      scores: [
        {
          applicantId: 'A01',
          criteria: [
            { criterionId: 'C1', points: i % 20, comment: '方案先进可行，指标可考核。'.repeat(4) },
          ],
          overallOpinion: '建议支持',
        },
      ],
    },
  };
}
