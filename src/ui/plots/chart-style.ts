/** Shared chart settings: one palette, and animation off (charts redraw ~10 times a second). */
export const COLORS = {
  original: '#64748b',
  filtered: '#d97706',
  spectrum: '#0284c7',
  resolvent: '#7c3aed',
  highK: '#dc2626',
  coherence: '#059669',
  signals: '#2563eb',
  gflops: '#d97706',
  gbps: '#7c3aed',
  grid: '#e5e7eb',
  axis: '#6b7280',
} as const;

export const CHART_HEIGHT = 220;

export const AXIS_TICK = { fontSize: 11, fill: COLORS.axis } as const;

export const LINE = { isAnimationActive: false, dot: false, strokeWidth: 1.5 } as const;

export const MARGIN = { top: 8, right: 12, bottom: 18, left: 4 } as const;

/** Legend above the plot, items in the order the series are declared (not alphabetical). */
export const LEGEND = {
  verticalAlign: 'top',
  height: 22,
  iconSize: 10,
  itemSorter: null,
  wrapperStyle: { fontSize: 12 },
} as const;
