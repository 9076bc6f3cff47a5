/**
 * 项目实施与验收: for the signed task book of the current package, its life on one page and the
 * documents after the award, each with its rules live and signed by its own signers.
 */
// The strings this screen shows, first: its chunk carries them, registered before it renders.
import '../../i18n/award';
import '../../i18n/review';
import '../../i18n/chair';
import '../../i18n/paper';
import { useEffect } from 'react';
import { buildTimeline, type AwardDocument } from '../../../../src-shared/award';
import { NoticeLine } from '../../components/NoticeLine';
import { useSay, useT } from '../../i18n';
import type { Message } from '../../i18n/strings';
import { useAward } from '../../stores/award';
import { useReview } from '../../stores/review';
import { useProfile } from '../../stores/session';
import { AssessmentCard } from './AssessmentCard';
import { AcceptanceCard, TerminationCard } from './ClosingCards';
import { RaceCard } from './RaceCard';
import { ChangeCard, ExtensionCard } from './RequestCards';
import { SignedList } from './SignedList';
import { SignersCard } from './SignersCard';
import { TimelineCard } from './TimelineCard';
import { today } from './parts';

export function AwardScreen() {
  const t = useT();
  const say = useSay();
  // Reloaded when another profile is unlocked.
  const profileId = useProfile()?.id;
  const pkg = useReview((s) => s.pkg);
  const loadReview = useReview((s) => s.load);
  const { loaded, book, awards, inspections, reopened, message, error, load } = useAward();
  useEffect(() => {
    void loadReview();
  }, [profileId, loadReview]);
  useEffect(() => {
    if (pkg) void load(pkg.packageId);
  }, [profileId, pkg, load]);
  if (!pkg || !loaded || !book) return <NoBook failed={loaded ? null : error} />;
  const docs: AwardDocument[] = awards.map((a) => a.document);
  const timeline = buildTimeline(book, docs, today(), inspections);
  return (
    <section className="screen wide">
      <h1>{t('award.heading')}</h1>
      <p className="lead">{t('award.lead')}</p>
      <p>
        {t('common.labelled', { label: t('award.book'), text: `${book.taskBookId} ${book.title}` })}
      </p>
      {message && (
        <p role="status" data-testid="award-message">
          {say(message)}
        </p>
      )}
      <NoticeLine notice={error && { tone: 'error', message: error }} />
      <TimelineCard timeline={timeline} />
      <SignersCard />
      <SignedList />
      <AssessmentCard key={reopened?.doc.assessmentId ?? 'new'} tb={book} kept={reopened} />
      {book.isHorseRace && <RaceCard tb={book} />}
      <ChangeCard tb={book} />
      <ExtensionCard key={timeline.periodEnd} tb={book} periodEnd={timeline.periodEnd} />
      <TerminationCard key={`t${timeline.paid}`} tb={book} paid={timeline.paid} />
      <AcceptanceCard
        key={`a${timeline.paid}`}
        tb={book}
        paid={timeline.paid}
        periodEnd={timeline.periodEnd}
      />
    </section>
  );
}

/**
 * The screen without a signed task book to show: none is signed yet, or — `failed` — the read of
 * the package's documents failed, and then it says why (not that there is none).
 */
export function NoBook({ failed }: { failed: Message | null }) {
  const t = useT();
  return (
    <section className="screen">
      <h1>{t('award.heading')}</h1>
      {failed ? (
        <NoticeLine notice={{ tone: 'error', message: failed }} testId="award-load-error" />
      ) : (
        <p className="note">{t('award.needBook')}</p>
      )}
    </section>
  );
}
