/**
 * A formula typeset by KaTeX. The TeX is always the app's own (formulas.ts, tour.ts), never user
 * input, and KaTeX builds plain HTML and MathML from it (no script, no eval, so the page's
 * Content-Security-Policy stands); screen readers read the MathML.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';
import './teaching.css';

interface Props {
  tex: string;
  /** A block of its own, centred and scrolled sideways on a narrow screen if it must be. */
  display?: boolean;
}

export function Formula({ tex, display = false }: Props) {
  const html = useMemo(
    () =>
      // throwOnError false: a TeX mistake shows as red source text instead of breaking the view
      // (formulas.test.ts renders every formula with throwOnError on, so none ships broken).
      katex.renderToString(tex, {
        displayMode: display,
        throwOnError: false,
        output: 'htmlAndMathml',
      }),
    [tex, display],
  );
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      className={display ? 'formula formula-display' : 'formula'}
      // KaTeX's own output for a constant string of ours: nothing from outside reaches it.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
