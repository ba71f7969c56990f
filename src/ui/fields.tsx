/**
 * Inputs bound to one configuration field. Every value goes through the config schema
 * (`validateField`): a valid value takes effect at once, an invalid one is refused with the
 * schema's message and, once the user leaves the field, the previous value is shown again.
 */
import { useCallback, useId, useState, type ReactNode } from 'react';
import { validateField, type ConfigField, type PlaygroundConfig } from '../io/config';
import { useAppState, useAppStore } from './app-context';

type NumericField = {
  [K in ConfigField]: PlaygroundConfig[K] extends number ? K : never;
}[ConfigField];

/** Applies a change to one field of the current configuration. */
export function useSetField(): <K extends ConfigField>(
  field: K,
  value: PlaygroundConfig[K],
) => void {
  const store = useAppStore();
  // Reads the configuration at call time, so handlers never apply a change to a stale copy.
  return useCallback(
    (field, value) => {
      const { config, setConfig } = store.getState();
      if (config[field] !== value) setConfig({ ...config, [field]: value });
    },
    [store],
  );
}

interface NumberFieldProps {
  field: NumericField;
  label: ReactNode;
  testId: string;
  hint?: ReactNode;
  disabled?: boolean;
}

export function NumberField({ field, label, testId, hint, disabled }: NumberFieldProps) {
  const value = useAppState((s) => s.config[field]);
  const setField = useSetField();
  const id = useId();
  // The text being edited and the value it applied (null while it is invalid), or null while
  // the field simply shows the configured value.
  const [draft, setDraft] = useState<{ text: string; applied: number | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A draft whose value was replaced since (the run loop reverted a configuration that could
  // not run, or a link was opened) no longer describes the field: show the value instead.
  const live = draft && (draft.applied === null || draft.applied === value) ? draft : null;

  const commit = (): void => {
    setDraft(null);
    if (!live || live.applied !== null) return;
    const r = validateField(field, live.text);
    setError(r.ok ? null : `${r.message}. Kept ${value}.`);
    if (r.ok) setField(field, r.value);
  };

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        data-testid={testId}
        value={live ? live.text : String(value)}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          const r = validateField(field, text);
          setDraft({ text, applied: r.ok ? r.value : null });
          if (r.ok) {
            setField(field, r.value);
            setError(null);
          }
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setDraft(null);
            setError(null);
          }
        }}
      />
      {hint && !error && <span className="hint">{hint}</span>}
      {error && (
        <span
          className="field-error"
          id={`${id}-error`}
          role="alert"
          data-testid={`${testId}-error`}
        >
          {error}
        </span>
      )}
    </div>
  );
}

interface SelectFieldProps<T extends string | number> {
  label: ReactNode;
  testId: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  hint?: ReactNode;
  disabled?: boolean;
}

export function SelectField<T extends string | number>(props: SelectFieldProps<T>) {
  const id = useId();
  const { label, testId, value, options, onChange, hint, disabled } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-testid={testId}
        value={String(value)}
        disabled={disabled}
        onChange={(e) => {
          const chosen = options.find((o) => String(o.value) === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <span className="hint">{hint}</span>}
    </div>
  );
}
