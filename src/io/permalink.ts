/**
 * The configuration in the URL hash (shareable, human-readable: `#n=2048&phi=0.5&k=radians`)
 * and in localStorage (the last session). Both are untrusted input: whatever they hold is
 * decoded without throwing, and each thing wrong with it becomes a Problem.
 */
import { CONFIG_FIELDS, DEFAULT_CONFIG, parseConfig, type ConfigField } from './config';
import type { PlaygroundConfig, Problem } from './config';
import { writeStorage } from './storage-write';

export const STORAGE_KEY = 'phi-resolvent-playground/config';

/** The key of each field in the hash: short where the field name is long. */
export const HASH_KEYS: { readonly [K in ConfigField]: string } = {
  generator: 'gen',
  dims: 'dims',
  n: 'n',
  ny: 'ny',
  nx: 'nx',
  batch: 'batch',
  phi: 'phi',
  lambda: 'lambda',
  kUnit: 'k',
  kScale: 'kscale',
  seed: 'seed',
  f0: 'f0',
  f1: 'f1',
  tones: 'tones',
  snrDb: 'snr',
  sigma: 'sigma',
  cell: 'cell',
  kind: 'kind',
  potential: 'pot',
  x0: 'x0',
  k0: 'k0',
  packetSigma: 'psigma',
  dx: 'dx',
  dt: 'dt',
  stepsPerFrame: 'steps',
  omega: 'omega',
  barrierHeight: 'v0',
  barrierWidth: 'bw',
  wellDepth: 'depth',
  wellSeparation: 'wsep',
  wallHeight: 'wall',
  slitWidth: 'slit',
  slitSeparation: 'ssep',
  live: 'live',
  sweep: 'sweep',
};

const FIELD_OF_KEY = new Map<string, ConfigField>(CONFIG_FIELDS.map((f) => [HASH_KEYS[f], f]));

/** A real configuration hash is under 400 characters; far longer ones are not worth parsing. */
export const MAX_HASH_CHARS = 4096;
/** A stored configuration is about 300 bytes of JSON. */
export const MAX_STORED_CHARS = 65536;
const MAX_KEY_PROBLEMS = 5;

/** '#' + the fields that differ from the defaults, or '' when none do. */
export function encodeHash(config: PlaygroundConfig): string {
  const params = new URLSearchParams();
  for (const field of CONFIG_FIELDS) {
    if (config[field] !== DEFAULT_CONFIG[field])
      params.set(HASH_KEYS[field], String(config[field]));
  }
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

function cut(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** application/x-www-form-urlencoded decoding ('+' is a space), or null if malformed. */
function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * The configuration a hash describes: fields it leaves out are the defaults (as encodeHash
 * omits them); bad percent-encoding, unknown keys and out-of-range values become Problems.
 */
export function decodeHash(hash: string): { config: PlaygroundConfig; problems: Problem[] } {
  if (typeof hash !== 'string') return parseConfig(hash);
  const text = hash.replace(/^[#?]/, '');
  if (text.length > MAX_HASH_CHARS) {
    return {
      config: { ...DEFAULT_CONFIG },
      problems: [
        {
          field: 'hash',
          message: `the URL hash has ${text.length} characters, more than the ${MAX_HASH_CHARS} allowed; using defaults`,
        },
      ],
    };
  }
  const raw = new Map<ConfigField, string>();
  /** Keys given more than once, with how many times: one line each, however many repeats. */
  const repeats = new Map<string, number>();
  const problems: Problem[] = [];
  let keyProblems = 0;
  const keyProblem = (message: string): void => {
    keyProblems += 1;
    if (keyProblems <= MAX_KEY_PROBLEMS) problems.push({ field: 'hash', message });
  };
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeComponent(eq < 0 ? part : part.slice(0, eq));
    const value = decodeComponent(eq < 0 ? '' : part.slice(eq + 1));
    if (key === null || value === null) {
      keyProblem(`'${cut(part)}' in the URL hash is not valid percent-encoding; ignored`);
      continue;
    }
    const field = FIELD_OF_KEY.get(key);
    if (!field) {
      keyProblem(
        `unknown key '${cut(key)}' in the URL hash ignored; known keys: ${[...FIELD_OF_KEY.keys()].join(', ')}`,
      );
      continue;
    }
    if (raw.has(field)) repeats.set(key, (repeats.get(key) ?? 1) + 1);
    raw.set(field, value);
  }
  const repeated = [...repeats];
  for (const [key, times] of repeated.slice(0, MAX_KEY_PROBLEMS)) {
    problems.push({
      field: FIELD_OF_KEY.get(key) ?? 'hash',
      message: `'${key}' appears ${times} times in the URL hash; using the last`,
    });
  }
  if (repeated.length > MAX_KEY_PROBLEMS) {
    problems.push({
      field: 'hash',
      message: `${repeated.length - MAX_KEY_PROBLEMS} more keys appear more than once in the URL hash; using the last of each`,
    });
  }
  if (keyProblems > MAX_KEY_PROBLEMS) {
    problems.push({
      field: 'hash',
      message: `${keyProblems - MAX_KEY_PROBLEMS} more bad parts of the URL hash ignored`,
    });
  }
  const parsed = parseConfig(Object.fromEntries(raw));
  return { config: parsed.config, problems: [...problems, ...parsed.problems] };
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** The configuration saved by `saveStored`; nothing stored gives the defaults and no Problem. */
export function loadStored(
  storage: Pick<Storage, 'getItem'>,
  key: string = STORAGE_KEY,
): { config: PlaygroundConfig; problems: Problem[] } {
  const fail = (message: string): { config: PlaygroundConfig; problems: Problem[] } => ({
    config: { ...DEFAULT_CONFIG },
    problems: [{ field: 'storage', message: `${message}; using defaults` }],
  });
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch (e) {
    return fail(`could not read localStorage '${key}' (${errorText(e)})`);
  }
  if (text === null) return { config: { ...DEFAULT_CONFIG }, problems: [] };
  if (typeof text !== 'string' || text.length > MAX_STORED_CHARS) {
    return fail(`localStorage '${key}' holds more than ${MAX_STORED_CHARS} characters`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(`localStorage '${key}' is not valid JSON (${errorText(e)})`);
  }
  return parseConfig(value);
}

/**
 * Saves the configuration as JSON; a full or forbidden storage becomes a Problem naming the
 * size, not a throw, and the configuration stored before stays as it was.
 */
export function saveStored(
  storage: Pick<Storage, 'setItem'>,
  config: PlaygroundConfig,
  key: string = STORAGE_KEY,
): Problem[] {
  const refused = writeStorage(storage, key, JSON.stringify(config), MAX_STORED_CHARS);
  if (refused === null) return [];
  return [
    { field: 'storage', message: `the configuration was ${refused}; the URL hash still holds it` },
  ];
}
