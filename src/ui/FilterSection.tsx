/** The φ-resolvent's parameters: φ, λ, the unit of κ and its scale. */
import { K_UNITS } from '../engine';
import { useAppState } from './app-context';
import { NumberField, SelectField, useSetField } from './fields';
import { PhiControl } from './PhiControl';
import { K_UNIT_TEXT } from './teaching';

export function FilterSection() {
  const kUnit = useAppState((s) => s.config.kUnit);
  const setField = useSetField();
  return (
    <fieldset className="section">
      <legend>Filter R(k) = 1 / (1 + φ·(s·κ)²)</legend>
      <PhiControl />
      <div className="row">
        <NumberField field="lambda" testId="lambda" label="λ (regularizer weight)" />
        <NumberField field="kScale" testId="k-scale" label="k scale s" />
      </div>
      <SelectField
        label="k unit"
        testId="k-unit"
        value={kUnit}
        options={K_UNITS.map((u) => ({ value: u, label: `${u} — ${K_UNIT_TEXT[u].label}` }))}
        onChange={(u) => setField('kUnit', u)}
        hint={`${K_UNIT_TEXT[kUnit].kappa}. ${K_UNIT_TEXT[kUnit].nyquist}.`}
      />
    </fieldset>
  );
}
