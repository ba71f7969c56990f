/**
 * Reports what the Content-Security-Policy blocked: the browser fires a
 * `securitypolicyviolation` event per blocked script, eval, connection or worker, and the app
 * shows it as a notice (and in the console), so a blocked injection is visible, not silent.
 */
export interface CspViolation {
  directive: string;
  /** The blocked URL, or 'inline' / 'eval' for code that had none. */
  blocked: string;
  source: string;
}

export function watchCspViolations(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  onViolation: (v: CspViolation) => void,
): () => void {
  const handler = (event: Event): void => {
    const e = event as SecurityPolicyViolationEvent;
    const violation = {
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI || 'inline',
      source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}` : 'the page',
    };
    console.warn('Content-Security-Policy blocked', violation);
    onViolation(violation);
  };
  target.addEventListener('securitypolicyviolation', handler);
  return () => target.removeEventListener('securitypolicyviolation', handler);
}
