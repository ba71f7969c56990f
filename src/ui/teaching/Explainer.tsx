/**
 * Every definition the playground computes, typeset (formulas.ts), with the current κ unit and
 * φ filled in. Collapsed by default; the formulas are typeset only once it is opened.
 */
import { useState } from 'react';
import { useAppState } from '../app-context';
import { formatNumber } from '../format';
import { K_UNIT_TEXT } from '../teaching';
import { Formula } from './Formula';
import { EXPLAINER, KAPPA_TEX } from './formulas';
import './teaching.css';

function Current() {
  const kUnit = useAppState((s) => s.config.kUnit);
  const phi = useAppState((s) => s.config.phi);
  const kScale = useAppState((s) => s.config.kScale);
  return (
    <p className="hint" data-testid="explainer-current">
      Now: φ = {formatNumber(phi, 6)}, s = {formatNumber(kScale, 4)}, κ in{' '}
      {K_UNIT_TEXT[kUnit].label}: <Formula tex={KAPPA_TEX[kUnit]} />
    </p>
  );
}

export function Explainer() {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="section explainer"
      data-testid="explainer"
      data-tour="explainer"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>Formulas: what the code computes</summary>
      {open && (
        <>
          <Current />
          {EXPLAINER.map((f) => (
            <section key={f.id} className="explainer-entry" data-testid={`formula-${f.id}`}>
              <h3 className="teaching-title">{f.title}</h3>
              <Formula tex={f.tex} display />
              <p className="hint">{f.note}</p>
            </section>
          ))}
        </>
      )}
    </details>
  );
}
