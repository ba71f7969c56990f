import { describe, expect, it } from 'vitest';
import { parseTasks } from './task-file';
import { SchedError } from './types';

function fieldOf(json: unknown): string {
  try {
    parseTasks(json);
  } catch (e) {
    if (e instanceof SchedError) return `${e.field} | ${e.message}`;
    throw e;
  }
  return 'parsed';
}

describe('parseTasks', () => {
  it('reads an array or { tasks }, turning numeric ids into strings', () => {
    const tasks = parseTasks({ tasks: [{ id: 7, arrival: 0, work: 2, kind: 'fft', urgency: 1 }] });
    expect(tasks).toEqual([{ id: '7', arrival: 0, work: 2, kind: 'fft', urgency: 1 }]);
    expect(
      parseTasks([{ id: 'a', arrival: 1, work: 1, signal: [0, 1, 0, -1] }])[0]?.signal,
    ).toEqual([0, 1, 0, -1]);
  });

  it('names the task and the field of a missing, negative, NaN or unknown value', () => {
    const ok = { id: 'a', arrival: 0, work: 1 };
    expect(fieldOf([ok, { id: 'b', arrival: 0 }])).toMatch(
      /^tasks\[1\]\.work \| task 1 \(id "b"\), field work: work is missing/,
    );
    expect(fieldOf([{ ...ok, work: -1 }])).toMatch(/^tasks\[0\]\.work .*work must be > 0/);
    expect(fieldOf([{ ...ok, work: 'NaN' }])).toMatch(/^tasks\[0\]\.work .*finite number/);
    expect(fieldOf([{ ...ok, arrival: null }])).toMatch(/^tasks\[0\]\.arrival /);
    expect(fieldOf([{ ...ok, coherence: 1.5 }])).toMatch(/^tasks\[0\]\.coherence .*\[0, 1\]/);
    expect(fieldOf([{ ...ok, signal: [1, 2, 3] }])).toMatch(/^tasks\[0\]\.signal .*power of two/);
    expect(fieldOf([{ ...ok, wrok: 1 }])).toMatch(/^tasks\[0\]\.wrok .*unknown field/);
    expect(fieldOf([ok, ok, 5])).toMatch(/^tasks\[2\]/);
  });

  it('rejects a file that is not a list of tasks', () => {
    expect(fieldOf({ foo: 1 })).toMatch(/^tasks \|/);
    expect(fieldOf([])).toMatch(/1 to/);
  });
});
