/**
 * The guided tour (src/app/tour.ts): a panel at the bottom of the screen that walks through the
 * steps, setting each step's configuration through the store (the real controls move) and
 * pointing at the control or plot the step is about. Next / Back / Close, Esc closes; focus
 * goes to the step's title and back to the launcher when the tour ends.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { applyLesson } from '../../app/lesson-actions';
import { TOUR_STEPS, tourConfig } from '../../app/tour';
import type { AppStore } from '../../app/store';
import { useAppStore } from '../app-context';
import { Formula } from './Formula';
import './teaching.css';

/** The attribute that marks the highlighted element (React never sets it, so never clears it). */
const ACTIVE = 'data-tour-active';
/** Frames to wait for a target that a configuration change is still rendering. */
const FIND_FRAMES = 30;

function goTo(store: AppStore, index: number): void {
  const step = TOUR_STEPS[index];
  if (step) applyLesson(store, tourConfig(step).config);
}

/** Marks and scrolls to the first of `targets` on the page; returns the undo. */
function highlight(targets: readonly string[]): () => void {
  let marked: Element | null = null;
  let frame = 0;
  let tries = 0;
  const find = (): void => {
    const el = targets.map((t) => document.querySelector(t)).find((e) => e !== null) ?? null;
    if (!el) {
      if (++tries < FIND_FRAMES) frame = requestAnimationFrame(find);
      return;
    }
    marked = el;
    el.setAttribute(ACTIVE, '');
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
  };
  frame = requestAnimationFrame(find);
  return () => {
    cancelAnimationFrame(frame);
    marked?.removeAttribute(ACTIVE);
  };
}

function TourPanel({ onClose }: { onClose(): void }) {
  const store = useAppStore();
  const [index, setIndex] = useState(0);
  const title = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const step = TOUR_STEPS[index] ?? TOUR_STEPS[0];
  const last = index === TOUR_STEPS.length - 1;

  useEffect(() => {
    title.current?.focus();
    return highlight(step?.targets ?? []);
  }, [step]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  if (!step) return null;
  const move = (to: number): void => {
    goTo(store, to);
    setIndex(to);
  };
  return (
    <section className="tour" role="dialog" aria-labelledby={`${id}-title`} data-testid="tour">
      <p className="tour-count" data-testid="tour-step" data-value={index}>
        Step {index + 1} of {TOUR_STEPS.length}
      </p>
      <h2 id={`${id}-title`} ref={title} tabIndex={-1} data-testid="tour-title">
        {step.title}
      </h2>
      <p className="tour-text">{step.text}</p>
      {step.tex && <Formula tex={step.tex} display />}
      <div className="tour-buttons">
        <button
          type="button"
          data-testid="tour-back"
          disabled={index === 0}
          onClick={() => move(index - 1)}
        >
          Back
        </button>
        <button
          type="button"
          className="primary"
          data-testid="tour-next"
          onClick={() => (last ? onClose() : move(index + 1))}
        >
          {last ? 'Finish' : 'Next'}
        </button>
        <button type="button" data-testid="tour-close" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}

/** The "Take the tour" button, and the tour while it runs. */
export function TourLauncher() {
  const store = useAppStore();
  const [open, setOpen] = useState(false);
  const launcher = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    launcher.current?.focus();
  }, []);
  return (
    <>
      <button
        type="button"
        ref={launcher}
        className="tour-start"
        data-testid="tour-start"
        aria-expanded={open}
        onClick={() => {
          goTo(store, 0);
          setOpen(true);
        }}
      >
        Take the tour
      </button>
      {open && <TourPanel onClose={close} />}
    </>
  );
}
