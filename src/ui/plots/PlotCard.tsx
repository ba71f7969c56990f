/** A chart with, beside it, the formula it shows and what to notice (the teaching column). */
import type { ReactNode } from 'react';
import type { Lesson } from '../teaching';

interface Props {
  title: string;
  lesson: Lesson;
  /** Controls shown in the card's header (e.g. the signal picker). */
  tools?: ReactNode;
  /** Extra teaching lines under the lesson. */
  more?: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function PlotCard({ title, lesson, tools, more, testId, children }: Props) {
  return (
    <section className="card plot-card" aria-label={title} data-testid={testId}>
      <div className="plot-main">
        <header className="plot-header">
          <h3>{title}</h3>
          {tools}
        </header>
        <div className="plot-body">{children}</div>
      </div>
      <aside className="lesson">
        <code className="formula">{lesson.formula}</code>
        <p>{lesson.notice}</p>
        {more}
      </aside>
    </section>
  );
}

/** Shown in place of a chart until the first frame arrives. */
export function Waiting({ height }: { height: number }) {
  return (
    <div className="waiting" style={{ height }}>
      Waiting for the first frame…
    </div>
  );
}
