/**
 * One button per preset (src/app/presets.ts): a click sets the preset's full configuration, and
 * the line below says what to look at. The preset the page shows is pressed until any field
 * changes.
 */
import { useId } from 'react';
import { applyLesson } from '../../app/lesson-actions';
import { PRESETS, presetConfig, presetShowing } from '../../app/presets';
import { useAppState, useAppStore } from '../app-context';
import './teaching.css';

export function PresetBar() {
  const store = useAppStore();
  const showing = useAppState((s) => presetShowing(s.config));
  const id = useId();
  return (
    <div className="preset-bar" data-tour="presets" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="teaching-title">
        Try a preset
      </h3>
      <div className="preset-buttons">
        {PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            data-testid={`preset-${p.id}`}
            aria-pressed={showing?.id === p.id}
            aria-describedby={`${id}-explanation`}
            onClick={() => applyLesson(store, presetConfig(p))}
          >
            {p.label}
          </button>
        ))}
      </div>
      <p
        id={`${id}-explanation`}
        className="hint"
        data-testid="preset-explanation"
        aria-live="polite"
      >
        {showing
          ? showing.explanation
          : 'Each preset sets a whole configuration; change anything afterwards.'}
      </p>
    </div>
  );
}
