/**
 * The microphone as a stream of frames. getUserMedia gives a MediaStream; an AnalyserNode on it
 * holds the newest N samples, read once per animation frame (no AudioWorklet: its module would
 * need a script URL, and the page's policy allows only same-origin scripts; the analyser needs
 * none). Two reads overlap; the samples themselves say by how much (`overlapShift`, the audio
 * clock only guesses), and only the new ones go into the frame ring, so frames are seamless
 * pieces of the stream, one every N/2 samples. When reads are too far apart to overlap (a busy
 * or hidden page), the ring starts afresh instead of stitching a click into a frame.
 *
 * The analyser is never connected to the speakers: the microphone is analysed, not played
 * back (that would howl).
 */
import { FrameRing, freshSamples, overlapShift } from '../audio/frame-ring';

export type GetUserMedia = (constraints: MediaStreamConstraints) => Promise<MediaStream>;

export interface MicrophoneTap {
  /** The device's name as the browser gives it (empty before permission on some browsers). */
  label: string;
  sampleRate: number;
  /** The newest complete frame since the last call, and its start in seconds; null if none. */
  next(): { frame: Float32Array; t: number } | null;
  /** Stops the tracks (the browser's recording indicator goes off) and disconnects the nodes. */
  stop(): void;
}

/**
 * Asks for the microphone and taps it. Rejects with getUserMedia's own error (the caller words
 * it), or with the error of building the nodes, after stopping the tracks it opened.
 * `onEnded` runs when the device goes away on its own (unplugged, permission revoked).
 */
export async function openMicrophone(
  getUserMedia: GetUserMedia,
  context: AudioContext,
  n: number,
  hop: number,
  onEnded: () => void,
): Promise<MicrophoneTap> {
  // Speech processing would treat a test tone or music as noise to remove: ask for the raw signal.
  const stream = await getUserMedia({
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    video: false,
  });
  const tracks = stream.getAudioTracks();
  const stopTracks = (): void => stream.getTracks().forEach((t) => t.stop());
  let source: MediaStreamAudioSourceNode;
  let analyser: AnalyserNode;
  try {
    source = context.createMediaStreamSource(stream);
    analyser = context.createAnalyser();
    analyser.fftSize = n;
    source.connect(analyser);
  } catch (error) {
    stopTracks();
    throw error;
  }
  let stopped = false;
  const ended = (): void => {
    if (!stopped) onEnded();
  };
  tracks.forEach((t) => t.addEventListener('ended', ended));

  const ring = new FrameRing(n, hop);
  let buffer = new Float32Array(n);
  let previous: Float32Array<ArrayBuffer> | null = null;
  const sampleRate = context.sampleRate;
  const startTime = context.currentTime;
  let lastTime = startTime;
  return {
    label: tracks[0]?.label ?? '',
    sampleRate,
    next() {
      const now = context.currentTime;
      const estimate = freshSamples(now - lastTime, sampleRate, n);
      if (estimate === 0) return null;
      lastTime = now;
      analyser.getFloatTimeDomainData(buffer);
      const fresh = previous ? overlapShift(previous, buffer, estimate) : n;
      if (fresh === n) ring.reset();
      ring.push(buffer.subarray(n - fresh));
      // The read just made is the next one's reference; the old reference is written over next.
      [previous, buffer] = [buffer, previous ?? new Float32Array(n)];
      const frame = ring.latest();
      return frame ? { frame, t: Math.max(0, now - startTime - n / sampleRate) } : null;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      tracks.forEach((t) => t.removeEventListener('ended', ended));
      stopTracks();
      source.disconnect();
    },
  };
}
