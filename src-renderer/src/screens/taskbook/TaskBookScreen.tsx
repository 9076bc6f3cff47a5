/**
 * 任务书 (军令状): drafted from the signed panel decision, edited with the rules of the measures
 * checked on every keystroke (第十二条（七）（八）, 第十三条, 第十五条, 第十七条), autosaved, then
 * rendered in main (pages drawn here), saved, printed and signed as a task-book bundle.
 */
// The strings this screen shows, first: its chunk carries them, registered before it renders.
import '../../i18n/taskbook';
import '../../i18n/review';
import '../../i18n/chair';
import '../../i18n/paper';
import { useEffect } from 'react';
import { NoticeLine } from '../../components/NoticeLine';
import { useT } from '../../i18n';
import { useReview } from '../../stores/review';
import { releaseTaskBookFields, useTaskBook } from '../../stores/taskbook';
import { Editor } from './Editor';
import { SidePanel } from './SidePanel';
import { StartCard } from './StartCard';

export function TaskBookScreen() {
  const t = useT();
  const pkg = useReview((s) => s.pkg);
  const reviewLoaded = useReview((s) => s.loaded);
  const reviewNotice = useReview((s) => s.notice);
  const loadReview = useReview((s) => s.load);
  const { loaded, decision, draft, notice, load } = useTaskBook();
  useEffect(() => {
    void loadReview();
  }, [loadReview]);
  // Gone without being asked (the app locked): the top bar no longer speaks of this screen's fields.
  useEffect(() => () => releaseTaskBookFields(), []);
  useEffect(() => {
    if (pkg) void load(pkg.packageId);
  }, [pkg, load]);
  // A read that failed — the package's (the review's) or the task book's — is said, not an empty
  // screen nor 「请先在“专家评审”中导入评审包并报到」.
  const failed = pkg ? (loaded ? null : notice) : reviewLoaded ? null : reviewNotice;
  if (failed)
    return (
      <section className="screen">
        <h1>{t('taskbook.heading')}</h1>
        <NoticeLine notice={failed} testId="tb-load-error" />
      </section>
    );
  if (pkg && !loaded) return null;
  if (!pkg || !decision) {
    return (
      <section className="screen">
        <h1>{t('taskbook.heading')}</h1>
        <p className="note">{t(!pkg ? 'taskbook.needPackage' : 'taskbook.needDecision')}</p>
      </section>
    );
  }
  return (
    <section className="screen wide">
      <h1>{t('taskbook.heading')}</h1>
      <p className="lead">{t('taskbook.lead')}</p>
      {draft ? (
        <div className="tb-layout">
          <Editor decision={decision} draft={draft} />
          <SidePanel pkg={pkg} decision={decision} draft={draft} />
        </div>
      ) : (
        <StartCard pkg={pkg} decision={decision} />
      )}
    </section>
  );
}
