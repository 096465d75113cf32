import type { PostMeasure } from '@shared/domain/share/platformRules';

/** "212 / 280", the unit for screen readers and on hover, and the overrun in words. */
export function PostCounter({ measure }: { measure: PostMeasure }) {
  const { used, limit, fits, overBy, unit } = measure;
  return (
    <p className={fits ? 'composer-counter' : 'composer-counter composer-over'} title={unit}>
      {used.toLocaleString('en')} / {limit.toLocaleString('en')}
      <span className="visually-hidden"> {unit}</span>
      {fits ? null : <strong> — {overBy.toLocaleString('en')} over the limit</strong>}
    </p>
  );
}
