/**
 * φ on a logarithmic slider (φ spans orders of magnitude: 1e-4 to 1e4 here) and as an exact
 * number field for any value the schema accepts.
 */
import { useId } from 'react';
import { PHI_DEFAULT } from '../engine';
import { validateField } from '../io/config';
import { useAppState } from './app-context';
import { NumberField, useSetField } from './fields';

const LOG_MIN = -4;
const LOG_MAX = 4;

/** Slider values rounded to 4 significant digits keep the permalink short and readable. */
function fromSlider(position: number): number {
  return Number((10 ** position).toPrecision(4));
}

export function PhiControl() {
  const phi = useAppState((s) => s.config.phi);
  const setField = useSetField();
  const id = useId();
  const position = Math.min(LOG_MAX, Math.max(LOG_MIN, Math.log10(phi)));
  return (
    <div className="phi-control">
      <NumberField
        field="phi"
        testId="phi"
        label={
          <>
            φ <span className="muted">(default {PHI_DEFAULT})</span>
          </>
        }
      />
      <label htmlFor={id} className="visually-hidden">
        φ, logarithmic slider
      </label>
      <input
        id={id}
        type="range"
        className="log-slider"
        data-testid="phi-slider"
        min={LOG_MIN}
        max={LOG_MAX}
        step={0.01}
        value={position}
        onChange={(e) => {
          const r = validateField('phi', fromSlider(Number(e.target.value)));
          if (r.ok) setField('phi', r.value);
        }}
      />
      <div className="slider-scale" aria-hidden="true">
        <span>10⁻⁴</span>
        <span>10⁻²</span>
        <span>1</span>
        <span>10²</span>
        <span>10⁴</span>
      </div>
      <button
        type="button"
        className="link-button"
        disabled={phi === PHI_DEFAULT}
        onClick={() => setField('phi', PHI_DEFAULT)}
      >
        reset φ to {PHI_DEFAULT}
      </button>
    </div>
  );
}
