/** A number input that applies only valid values and says why it kept the last good one. */
import { useState } from 'react';

export function NumberField(props: {
  id: string;
  label: string;
  value: number;
  min: number;
  max?: number;
  step?: number;
  integer?: boolean;
  disabled: boolean;
  onChange(v: number): void;
}) {
  // A value out of range is not applied: the last good one stays, and the field says why.
  const [problem, setProblem] = useState<string | null>(null);
  const allowed =
    `${props.integer ? 'an integer' : 'a number'} ≥ ${props.min}` +
    (props.max === undefined ? '' : ` and ≤ ${props.max}`);
  return (
    <label>
      {props.label}{' '}
      <input
        data-testid={`train-${props.id}`}
        type="number"
        min={props.min}
        max={props.max}
        step={props.step ?? (props.integer ? 1 : 'any')}
        defaultValue={props.value}
        disabled={props.disabled}
        aria-invalid={problem !== null}
        onChange={(e) => {
          const v = Number(e.target.value);
          const ok =
            e.target.value.trim() !== '' &&
            Number.isFinite(v) &&
            v >= props.min &&
            (props.max === undefined || v <= props.max) &&
            (!props.integer || Number.isInteger(v));
          setProblem(
            ok
              ? null
              : `${props.label} must be ${allowed}; got '${e.target.value}'. Keeping ${props.value}.`,
          );
          if (ok) props.onChange(v);
        }}
      />
      {problem && (
        <span className="train-field-error" role="alert" data-testid={`train-${props.id}-error`}>
          {problem}
        </span>
      )}
    </label>
  );
}
