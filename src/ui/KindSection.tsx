/** Which workload the playground runs: the φ-resolvent, Walsh vs Fourier, or a wave packet. */
import type { PlaygroundConfig } from '../io/config';
import { withKind } from '../io/config-reconcile';
import { KIND_INFO, KINDS, type Kind } from '../io/kind-config';
import { useAppState, useAppStore } from './app-context';
import { SelectField } from './fields';

/**
 * What switching to a kind sets, so its first frame already shows the point: an aligned square
 * wave of half period 16 is one Walsh function and a comb of Fourier harmonics.
 */
function preset(config: PlaygroundConfig, kind: Kind): PlaygroundConfig {
  if (kind !== 'walsh' || config.kind === 'walsh') return config;
  return { ...config, generator: 'square-aligned', f0: 1 / 32 };
}

export function KindSection() {
  const kind = useAppState((s) => s.config.kind);
  const imported = useAppState((s) => s.imported !== null);
  const store = useAppStore();
  const info = KIND_INFO.find((k) => k.id === kind);
  return (
    <fieldset className="section">
      <legend>Kind</legend>
      <SelectField
        label="workload"
        testId="kind"
        value={kind}
        options={KINDS.map((k) => ({
          value: k,
          label: KIND_INFO.find((i) => i.id === k)?.label ?? k,
        }))}
        onChange={(next) => {
          const { config, setConfig } = store.getState();
          if (next !== config.kind) setConfig(withKind(preset(config, next), next));
        }}
        hint={info?.description}
      />
      {kind === 'quantum' && imported && (
        <p className="hint">
          The wave packet does not use the imported data; it is kept for the other kinds.
        </p>
      )}
    </fieldset>
  );
}
