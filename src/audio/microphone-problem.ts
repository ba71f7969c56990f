/**
 * What to tell the user when the microphone cannot be opened. getUserMedia rejects with a
 * DOMException whose name says the cause; each cause gets a sentence that says what to do.
 */

/** The page cannot ask for a microphone at all (no navigator.mediaDevices.getUserMedia). */
export const NO_MEDIA_DEVICES =
  'This page cannot reach microphones: navigator.mediaDevices is missing. It needs a secure ' +
  'context (https://, or http://localhost / 127.0.0.1) and a browser with getUserMedia.';

export function microphoneProblem(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return (
        'Microphone permission was denied. Allow the microphone for this site (the icon at the ' +
        'left of the address bar, or the browser’s site settings), then choose Microphone again.'
      );
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found. Connect one, or choose an audio file instead.';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return `The microphone could not be started; another program may be using it${detail}.`;
    default:
      return `The microphone could not be opened: ${name || 'error'}${detail}.`;
  }
}
