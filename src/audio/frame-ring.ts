/**
 * Cuts a stream of samples into overlapping frames of `size` samples, one every `hop` samples,
 * the way a short-time Fourier transform reads it. Samples arrive in pieces of any length
 * (a microphone read, a decoded block); a ring of fixed capacity holds the ones not yet framed,
 * so memory stays bounded however long the stream runs. A consumer slower than the stream
 * (one frame per animation frame) asks for `latest()` and skips the frames it missed.
 */
export class FrameRing {
  private readonly ring: Float32Array;
  /** Samples pushed since the start (the stream index of the next sample). */
  private written = 0;
  /** Stream index where the next frame starts. */
  private nextStart = 0;
  private skipped = 0;

  constructor(
    readonly size: number,
    readonly hop: number,
    capacity = 4 * size,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`size must be ≥ 1, got ${size}`);
    if (!Number.isInteger(hop) || hop < 1 || hop > size) {
      throw new RangeError(`hop must be a whole number from 1 to size (${size}), got ${hop}`);
    }
    if (capacity < size) throw new RangeError(`capacity ${capacity} is below the frame size`);
    this.ring = new Float32Array(capacity);
  }

  /** Frames dropped because they left the ring before anyone pulled them. */
  get dropped(): number {
    return this.skipped;
  }

  push(samples: ArrayLike<number>): void {
    const cap = this.ring.length;
    // Only the newest `cap` samples can survive; older ones are counted, never written.
    const from = Math.max(0, samples.length - cap);
    this.written += from;
    for (let i = from; i < samples.length; i++) {
      this.ring[this.written % cap] = samples[i] ?? 0;
      this.written += 1;
    }
    // A frame that starts before the oldest sample still held can no longer be cut.
    const oldest = this.written - cap;
    if (this.nextStart < oldest) {
      const lost = Math.ceil((oldest - this.nextStart) / this.hop);
      this.nextStart += lost * this.hop;
      this.skipped += lost;
    }
  }

  /** Forgets every sample held: the stream had a gap, and no frame may span it. */
  reset(): void {
    this.nextStart = this.written;
  }

  /** Number of complete frames waiting. */
  get ready(): number {
    const end = this.written - this.size;
    return end < this.nextStart ? 0 : Math.floor((end - this.nextStart) / this.hop) + 1;
  }

  /** The next frame in stream order, or null if it is not complete yet. */
  pull(): Float32Array | null {
    if (this.ready === 0) return null;
    const frame = new Float32Array(this.size);
    const cap = this.ring.length;
    for (let i = 0; i < this.size; i++) frame[i] = this.ring[(this.nextStart + i) % cap] ?? 0;
    this.nextStart += this.hop;
    return frame;
  }

  /** The newest complete frame, dropping the older waiting ones; null if none is complete. */
  latest(): Float32Array | null {
    const waiting = this.ready;
    if (waiting === 0) return null;
    this.nextStart += (waiting - 1) * this.hop;
    this.skipped += waiting - 1;
    return this.pull();
  }
}

/**
 * Estimates how many of an analyser's newest `max` samples arrived since the last read, from
 * the audio clock: an AnalyserNode returns its last `fftSize` samples whenever it is asked, so
 * two reads overlap by all but the samples played in between. Clamped to [0, max].
 */
export function freshSamples(elapsedSeconds: number, sampleRate: number, max: number): number {
  if (!(elapsedSeconds > 0)) return 0;
  return Math.min(max, Math.round(elapsedSeconds * sampleRate));
}

/**
 * How many samples `next` has that `previous` had not: the shift d with next[0 … N−d) equal
 * to previous[d … N), both being the newest N samples of one stream read at two times. The
 * clock only estimates d (the main thread sees the audio clock and the analyser's buffer
 * update at slightly different moments), and a wrong d stitches a click into the frame; the
 * samples themselves say it exactly. Shifts are tried nearest the estimate first, so silence
 * (which matches at every shift) keeps the estimate. At least MIN_OVERLAP samples must agree:
 * a few quantised samples can agree by chance. Returns N when no shift matches: the reads were
 * too far apart, and the stream has a gap.
 */
export const MIN_OVERLAP = 64;

export function overlapShift(
  previous: ArrayLike<number>,
  next: ArrayLike<number>,
  estimate: number,
): number {
  const n = next.length;
  if (previous.length !== n) return n;
  const matches = (d: number): boolean => {
    for (let i = 0; i < n - d; i++) if (next[i] !== previous[i + d]) return false;
    return true;
  };
  const last = n - MIN_OVERLAP;
  const e = Math.min(last, Math.max(0, Math.round(estimate)));
  for (let step = 0; step <= last; step++) {
    if (e + step <= last && matches(e + step)) return e + step;
    if (step > 0 && e - step >= 0 && matches(e - step)) return e - step;
  }
  return n;
}
