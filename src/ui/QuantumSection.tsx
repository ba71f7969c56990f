/** The wave packet's inputs: grid, packet, potential and time step (the quantum kind only). */
import type { ConfigField, PlaygroundConfig } from '../io/config';
import { withDims } from '../io/config-reconcile';
import {
  GRID_PRESETS,
  POTENTIAL_INFO,
  POTENTIAL_PACKETS,
  potentialInfo,
  type PotentialId,
} from '../io/kind-config';
import { useAppState, useAppStore } from './app-context';
import { NumberField, SelectField } from './fields';

type Param = Extract<
  ConfigField,
  | 'omega'
  | 'barrierHeight'
  | 'barrierWidth'
  | 'wellDepth'
  | 'wellSeparation'
  | 'wallHeight'
  | 'slitWidth'
  | 'slitSeparation'
>;

const PARAMS: Record<PotentialId, readonly Param[]> = {
  free: [],
  harmonic: ['omega'],
  barrier: ['barrierHeight', 'barrierWidth'],
  'double-well': ['wellDepth', 'wellSeparation'],
  'double-slit': ['wallHeight', 'barrierWidth', 'slitWidth', 'slitSeparation'],
};

const PARAM_LABEL: Record<Param, string> = {
  omega: 'ω',
  barrierHeight: 'V₀ (height)',
  barrierWidth: 'a (width)',
  wellDepth: 'depth (hump)',
  wellSeparation: 'separation',
  wallHeight: 'V_wall',
  slitWidth: 'slit width',
  slitSeparation: 'slit separation',
};

function powersOfTwo(fromLog2: number, toLog2: number): { value: number; label: string }[] {
  const out = [];
  for (let p = fromLog2; p <= toLog2; p++) out.push({ value: 2 ** p, label: String(2 ** p) });
  return out;
}

// A frame steps the whole grid stepsPerFrame times: beyond these sizes a frame takes seconds.
const N_OPTIONS = powersOfTwo(6, 16);
const AXIS_OPTIONS = powersOfTwo(5, 9);

function optionsWith(options: { value: number; label: string }[], value: number) {
  return options.some((o) => o.value === value)
    ? options
    : [...options, { value, label: String(value) }].sort((a, b) => a.value - b.value);
}

export function QuantumSection() {
  const config = useAppState((s) => s.config);
  const store = useAppStore();
  const apply = (change: (c: PlaygroundConfig) => PlaygroundConfig): void => {
    const { config: now, setConfig } = store.getState();
    setConfig(change(now));
  };
  const grid = (dims: 1 | 2) =>
    apply((c) => (dims === c.dims ? c : withDims({ ...c, ...GRID_PRESETS[dims] }, dims)));
  const potential = (id: PotentialId) =>
    apply((c) => withDims({ ...c, potential: id, ...POTENTIAL_PACKETS[id] }, c.dims));
  const info = potentialInfo(config.potential);
  return (
    <>
      <fieldset className="section">
        <legend>Grid</legend>
        <div className={config.dims === 1 ? 'row three' : 'row'}>
          <SelectField
            label="grid"
            testId="q-dims"
            value={config.dims}
            options={[
              { value: 1, label: '1D' },
              { value: 2, label: '2D' },
            ]}
            onChange={grid}
          />
          {config.dims === 1 && (
            <SelectField
              label="N (points)"
              testId="q-n"
              value={config.n}
              options={optionsWith(N_OPTIONS, config.n)}
              onChange={(n) => apply((c) => withDims({ ...c, n }, 1))}
            />
          )}
          <NumberField field="dx" testId="dx" label="dx" />
        </div>
        {config.dims === 2 && (
          <div className="row">
            <SelectField
              label="ny (rows)"
              testId="q-ny"
              value={config.ny}
              options={optionsWith(AXIS_OPTIONS, config.ny)}
              onChange={(ny) => apply((c) => withDims({ ...c, ny }, 2))}
            />
            <SelectField
              label="nx (cols)"
              testId="q-nx"
              value={config.nx}
              options={optionsWith(AXIS_OPTIONS, config.nx)}
              onChange={(nx) => apply((c) => withDims({ ...c, nx }, 2))}
            />
          </div>
        )}
        <p className="hint">
          x runs from −{config.dims === 1 ? 'n' : 'nx'}·dx/2 ={' '}
          {(-((config.dims === 1 ? config.n : config.nx) * config.dx) / 2).toPrecision(4)} upward;
          the box is periodic.
        </p>
      </fieldset>
      <fieldset className="section">
        <legend>Packet at t = 0</legend>
        <div className="row three">
          <NumberField field="x0" testId="x0" label="x₀" />
          <NumberField field="k0" testId="k0" label="k₀" />
          <NumberField field="packetSigma" testId="packet-sigma" label="σ" />
        </div>
        <p className="hint">
          ψ ∝ e^(−(x−x₀)²/4σ² + ik₀x), ħ = m = 1: energy ≈ k₀²/2 ={' '}
          {(config.k0 ** 2 / 2).toPrecision(3)}.
        </p>
      </fieldset>
      <fieldset className="section">
        <legend>Potential</legend>
        <SelectField
          label="potential V"
          testId="potential"
          value={config.potential}
          options={POTENTIAL_INFO.filter((p) => p.dims.includes(config.dims)).map((p) => ({
            value: p.id,
            label: p.label,
          }))}
          onChange={potential}
          hint={info.description}
        />
        <div className="row wrap">
          {PARAMS[config.potential].map((p) => (
            <NumberField key={p} field={p} testId={`q-${p}`} label={PARAM_LABEL[p]} />
          ))}
        </div>
      </fieldset>
      <fieldset className="section">
        <legend>Time</legend>
        <div className="row">
          <NumberField field="dt" testId="dt" label="dt" />
          <NumberField field="stepsPerFrame" testId="steps" label="steps per frame" />
        </div>
        <p className="hint">
          Each frame advances t by {(config.stepsPerFrame * config.dt).toPrecision(3)}. Changing the
          grid, the packet or V restarts at t = 0; dt and steps take effect from the next frame.
        </p>
      </fieldset>
    </>
  );
}
