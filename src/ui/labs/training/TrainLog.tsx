/**
 * The run's log: every line the session keeps (its last 200), in a box that follows the newest
 * line unless the reader has scrolled up to read an older one (a restart, a decision), so an
 * event stays readable after the run has moved on.
 */
import { useLayoutEffect, useRef } from 'react';

/** Within this many pixels of the bottom counts as "following the newest line". */
const FOLLOW_PX = 24;

export function TrainLog({ lines }: { lines: readonly string[] }) {
  const box = useRef<HTMLPreElement>(null);
  const following = useRef(true);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    <pre
      ref={box}
      className="train-log"
      data-testid="train-log"
      tabIndex={0}
      aria-label="Training log"
      onScroll={(e) => {
        const el = e.currentTarget;
        following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_PX;
      }}
    >
      {lines.join('\n')}
    </pre>
  );
}
