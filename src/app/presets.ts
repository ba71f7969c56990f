/**
 * One-click configurations that each show one thing the filter does (issue 14). A preset is the
 * fields it changes, written as a link would write them, and becomes a full configuration the
 * one way any input does: parseConfig over the defaults. So a preset cannot hold a value the
 * rules refuse, and it sets the same configuration whatever the page showed before.
 *
 * The presets run live, which makes and uploads a new batch every frame: 16 signals (not the
 * default 64) keep that light on a slow machine, and n stays at the default 1024, so picking a
 * 1D preset compiles no new GPU pipelines (seconds each on a software adapter).
 */
import {
  CONFIG_FIELDS,
  DEFAULT_CONFIG,
  parseConfig,
  type PlaygroundConfig,
  type Problem,
} from '../io/config';

export type PresetId = 'smooth-noise' | 'coherent-vs-noisy' | 'chirp-fade' | 'blur-2d';

export interface Preset {
  id: PresetId;
  label: string;
  /** One line: what the preset shows, and where to look. */
  explanation: string;
  /** The fields it sets; every other field takes its default. */
  fields: Readonly<Record<string, unknown>>;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'smooth-noise',
    label: 'Smooth away the noise',
    explanation:
      'Golden tones under fresh noise every frame (3 dB SNR) and φ = 4: the filtered line keeps ' +
      'the slow tones and drops the hiss.',
    fields: {
      kind: 'resolvent',
      generator: 'coherent-noise',
      batch: 16,
      snrDb: 3,
      phi: 4,
      kUnit: 'radians',
      live: true,
      sweep: false,
    },
  },
  {
    id: 'coherent-vs-noisy',
    label: 'Coherent vs noisy',
    explanation:
      'Tones and noise of equal power while φ swings tenfold each way: the tones at low k ' +
      'survive every φ, the noise spread over all k does not, so C and E_hk follow the sweep.',
    fields: {
      kind: 'resolvent',
      generator: 'coherent-noise',
      batch: 16,
      snrDb: 0,
      tones: 3,
      kUnit: 'radians',
      live: true,
      sweep: true,
    },
  },
  {
    id: 'chirp-fade',
    label: 'Watch a chirp fade',
    explanation:
      'A chirp whose frequency climbs across the window: R(k) falls as k grows, so the filtered ' +
      'chirp fades toward its fast end. Raise φ and it fades sooner.',
    fields: {
      kind: 'resolvent',
      generator: 'chirp',
      batch: 16,
      f0: 0.005,
      f1: 0.25,
      phi: 3,
      kUnit: 'radians',
      live: true,
      sweep: false,
    },
  },
  {
    id: 'blur-2d',
    label: 'Blur an image in 2D',
    explanation:
      'A moving checkerboard through the 2D resolvent (I − φΔ)⁻¹: its sharp edges are high k, ' +
      'and φ = 20 blurs them over about √φ ≈ 4.5 pixels.',
    fields: {
      kind: 'resolvent',
      dims: 2,
      generator: 'checkerboard',
      ny: 128,
      nx: 128,
      batch: 4,
      cell: 16,
      phi: 20,
      kUnit: 'radians',
      live: true,
      sweep: false,
    },
  },
];

/** Fields over the defaults, through the same parse as a link: the problems say what was refused. */
export function configFromFields(fields: Readonly<Record<string, unknown>>): {
  config: PlaygroundConfig;
  problems: Problem[];
} {
  return parseConfig({ ...fields }, DEFAULT_CONFIG);
}

/** The preset's full configuration. */
export function presetConfig(preset: Preset): PlaygroundConfig {
  return configFromFields(preset.fields).config;
}

export function presetById(id: PresetId): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`preset '${id}' is missing from PRESETS`);
  return preset;
}

/** Field-by-field equality: which preset (if any) the page is showing now. */
export function sameConfig(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return CONFIG_FIELDS.every((field) => a[field] === b[field]);
}

/** The preset whose configuration is the given one, or null once anything was changed. */
export function presetShowing(config: PlaygroundConfig): Preset | null {
  return PRESETS.find((p) => sameConfig(presetConfig(p), config)) ?? null;
}
