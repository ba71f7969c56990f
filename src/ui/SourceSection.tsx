/** Where the samples come from: a generator with its parameters and sizes, or imported data. */
import type { ConfigField } from '../io/config';
import { withDims } from '../io/config-reconcile';
import { GENERATORS, generatorsFor, MAX_BATCH, type GeneratorId } from '../workloads';
import { useAppState } from './app-context';
import { NumberField, SelectField, useSetField } from './fields';
import { formatBytes } from './format';

type Param = Extract<ConfigField, 'f0' | 'f1' | 'tones' | 'snrDb' | 'sigma' | 'cell'>;

/** The parameters each generator reads (seed is read by all that draw random numbers). */
const PARAMS: Record<GeneratorId, readonly Param[]> = {
  coherent: ['f0', 'tones'],
  noise: [],
  chirp: ['f0', 'f1'],
  square: ['f0'],
  'square-aligned': ['f0'],
  impulse: [],
  'coherent-noise': ['f0', 'tones', 'snrDb'],
  blob: ['sigma'],
  checkerboard: ['cell'],
  noise2d: [],
};

const PARAM_LABEL: Record<Param, string> = {
  f0: 'f₀ (cycles/sample)',
  f1: 'f₁ (cycles/sample)',
  tones: 'tones',
  snrDb: 'SNR (dB)',
  sigma: 'σ (pixels)',
  cell: 'cell (pixels)',
};

function powersOfTwo(fromLog2: number, toLog2: number): { value: number; label: string }[] {
  const out = [];
  for (let p = fromLog2; p <= toLog2; p++) out.push({ value: 2 ** p, label: String(2 ** p) });
  return out;
}

const N_OPTIONS = powersOfTwo(1, 20);
const AXIS_OPTIONS = powersOfTwo(1, 11);

export function SourceSection() {
  const config = useAppState((s) => s.config);
  const imported = useAppState((s) => s.imported !== null);
  const setConfig = useAppState((s) => s.setConfig);
  const setField = useSetField();
  const info = GENERATORS.find((g) => g.id === config.generator);
  const samples = config.batch * (config.dims === 1 ? config.n : config.ny * config.nx);
  return (
    <fieldset className="section" disabled={imported}>
      <legend>Signals</legend>
      <SelectField
        label="generator"
        testId="generator"
        value={config.generator}
        options={generatorsFor(config.dims).map((g) => ({ value: g.id, label: g.label }))}
        onChange={(g) => setField('generator', g)}
        hint={info?.description}
      />
      <div className={config.dims === 1 ? 'row' : 'row three'}>
        <SelectField
          label="signals"
          testId="dims"
          value={config.dims}
          options={
            config.kind === 'walsh'
              ? [{ value: 1, label: '1D' }]
              : [
                  { value: 1, label: '1D' },
                  { value: 2, label: '2D' },
                ]
          }
          onChange={(dims) => {
            if (dims !== config.dims) setConfig(withDims(config, dims));
          }}
        />
        {config.dims === 1 ? (
          <SelectField
            label="N (samples)"
            testId="n"
            value={config.n}
            options={N_OPTIONS}
            onChange={(n) => setField('n', n)}
          />
        ) : (
          <>
            <SelectField
              label="ny (rows)"
              testId="ny"
              value={config.ny}
              options={AXIS_OPTIONS}
              onChange={(v) => setField('ny', v)}
            />
            <SelectField
              label="nx (cols)"
              testId="nx"
              value={config.nx}
              options={AXIS_OPTIONS}
              onChange={(v) => setField('nx', v)}
            />
          </>
        )}
      </div>
      <div className="row">
        <NumberField field="batch" testId="batch" label={`batch (1 to ${MAX_BATCH})`} />
        <NumberField field="seed" testId="seed" label="seed" />
      </div>
      <p className="hint">
        {samples.toLocaleString('en-US')} samples, {formatBytes(samples * 4)} as float32.
      </p>
      <div className="row wrap">
        {PARAMS[config.generator].map((p) => (
          <NumberField key={p} field={p} testId={p} label={PARAM_LABEL[p]} />
        ))}
      </div>
    </fieldset>
  );
}
