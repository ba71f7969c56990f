import { describe, expect, it } from 'vitest';
import { microphoneProblem } from './microphone-problem';

describe('microphoneProblem', () => {
  it('tells denied permission, a missing microphone and a busy one apart', () => {
    expect(microphoneProblem(new DOMException('Permission denied', 'NotAllowedError'))).toMatch(
      /permission was denied/,
    );
    expect(
      microphoneProblem(new DOMException('Requested device not found', 'NotFoundError')),
    ).toMatch(/No microphone was found/);
    expect(
      microphoneProblem(new DOMException('Could not start audio source', 'NotReadableError')),
    ).toMatch(/could not be started.*Could not start audio source/);
  });

  it('names an unknown cause', () => {
    expect(microphoneProblem(new TypeError('boom'))).toBe(
      'The microphone could not be opened: TypeError (boom).',
    );
    expect(microphoneProblem('odd')).toBe('The microphone could not be opened: error.');
  });
});
