import { useState } from 'react';
import { z } from 'zod';
import { api } from '../bridge';
import { databaseName, JiebangDB } from '../db/database';
import { getMeta } from '../db/repo';
import { useSession } from '../stores/session';

const ExportedSchema = z.object({
  name: z.string(),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
});

/**
 * On a laptop shared by the panel: take an expert's exported sheet bundle from their own local
 * profile. The expert types their passphrase; the bundle then goes through the same verification
 * as a file from a USB stick.
 */
export function LocalProfileImport({
  onBundle,
}: {
  onBundle: (file: { name: string; bytes: Uint8Array }) => Promise<void>;
}) {
  const profiles = useSession((s) => s.profiles);
  const current = useSession((s) => s.profile);
  const others = profiles.filter((p) => p.id !== current?.id);
  const [chosen, setChosen] = useState('');
  const [pass, setPass] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (others.length === 0) return null;
  return (
    <form
      className="row local-import"
      onSubmit={(e) => {
        e.preventDefault();
        setProblem(null);
        void (async () => {
          const { dataKey } = await api['profile:unlock']({ id: chosen, passphrase: pass });
          const db = new JiebangDB(databaseName(chosen), dataKey);
          try {
            await db.open();
            const exported = await getMeta(db, 'exportedBundle', ExportedSchema);
            if (!exported) throw new Error('该档案尚未导出评分表');
            await onBundle(exported);
          } finally {
            db.close();
            setPass('');
          }
        })().catch((err: unknown) => setProblem(err instanceof Error ? err.message : String(err)));
      }}
    >
      <span>从本机其他用户档案导入：</span>
      <select
        aria-label="本机用户档案"
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        required
      >
        <option value="">（选择）</option>
        {others.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
      <input
        type="password"
        aria-label="该档案的口令"
        value={pass}
        onChange={(e) => setPass(e.target.value)}
        required
      />
      <button type="submit">导入</button>
      {problem && (
        <span role="alert" className="error">
          {problem}
        </span>
      )}
    </form>
  );
}
