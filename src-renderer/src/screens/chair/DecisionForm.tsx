import type { DecisionChoices } from '../../../../src-shared/decision';
import type { ReviewPackage, ScoreSheet } from '../../../../src-shared/model';
import { useT } from '../../i18n';
import { useChair } from '../../stores/chair';
import type { Desk } from '../../workflows/desk';
import { HorseRaceComparison } from './HorseRaceComparison';
import { OpinionFields } from './OpinionFields';
import { RaceSelection } from './RaceSelection';
import { ReasonsFields } from './ReasonsFields';
import { RecommendedFields } from './RecommendedFields';
import { SignCard } from './SignCard';
import { Signatures } from './Signatures';

/** 形成决定: what the chair decides and writes, checked on every keystroke, then signed. */
export function DecisionForm({
  pkg,
  desk,
  sheets,
  own,
  comparison,
}: {
  pkg: ReviewPackage;
  desk: Desk;
  sheets: readonly ScoreSheet[];
  own: ScoreSheet | null;
  /** Whether to draw the horse race comparison yet (the desk mounts it a frame later). */
  comparison: boolean;
}) {
  const t = useT();
  const setChoices = useChair((s) => s.setChoices);
  const { choices, decision, findings, canSign } = desk;
  const { agg } = desk.analysis;
  const update = (patch: Partial<DecisionChoices>) =>
    setChoices(pkg.packageId, { ...choices, ...patch });
  const race = choices.isHorseRace && choices.recommendedIds.length >= 2;
  return (
    <div className="card decide">
      <h2>{t('chair.decide')}</h2>
      <ReasonsFields pkg={pkg} agg={agg} choices={choices} update={update} />
      <RecommendedFields pkg={pkg} desk={desk} decision={decision} update={update} />
      <OpinionFields pkg={pkg} choices={choices} decision={decision} update={update} />
      {race && comparison && (
        <HorseRaceComparison
          pkg={pkg}
          agg={agg}
          sheets={sheets}
          solverIds={choices.recommendedIds}
        />
      )}
      <SignCard pkg={pkg} decision={decision} findings={findings} canSign={canSign} own={own} />
      {race && <RaceSelection solverIds={choices.recommendedIds} />}
      <Signatures pkg={pkg} decision={decision} />
    </div>
  );
}
