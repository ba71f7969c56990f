/**
 * A chart with, beside it, the formula it shows and what to notice (the teaching column). On a
 * phone the column would push the next chart off the screen, so there it folds behind a
 * "Why?" button in the card's header (CSS decides which of the two shows).
 */
import { useId, useState, type ReactNode, type Ref } from 'react';
import type { Lesson } from '../teaching';

/** `data-*` attributes a card exposes for tests (axis ranges, the shown window). */
export type DataAttributes = Record<`data-${string}`, string | number>;

interface Props {
  title: string;
  lesson: Lesson;
  /** Controls shown in the card's header (e.g. the signal picker). */
  tools?: ReactNode;
  /** Extra teaching lines under the lesson. */
  more?: ReactNode;
  testId?: string;
  attrs?: DataAttributes;
  /** The card's element, for a plot that watches whether it is on screen. */
  cardRef?: Ref<HTMLElement>;
  children: ReactNode;
}

export function PlotCard({ title, lesson, tools, more, testId, attrs, cardRef, children }: Props) {
  const [open, setOpen] = useState(false);
  const lessonId = useId();
  return (
    <section
      ref={cardRef}
      className={open ? 'card plot-card lesson-open' : 'card plot-card'}
      aria-label={title}
      data-testid={testId}
      {...attrs}
    >
      <div className="plot-main">
        <header className="plot-header">
          <h3>{title}</h3>
          <div className="plot-tools">
            {tools}
            <button
              type="button"
              className="lesson-toggle"
              aria-expanded={open}
              aria-controls={lessonId}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? 'Hide' : 'Why?'}
            </button>
          </div>
        </header>
        <div className="plot-body">{children}</div>
      </div>
      <aside className="lesson" id={lessonId}>
        <code className="formula">{lesson.formula}</code>
        <p>{lesson.notice}</p>
        {more}
      </aside>
    </section>
  );
}

/** Shown in place of a chart until the first frame arrives. */
export function Waiting({ height }: { height: number | string }) {
  return (
    <div className="waiting" style={{ height }}>
      Waiting for the first frame…
    </div>
  );
}
