/** The playground's boundaries: configuration, permalinks and storage, import and export. */
export * from './config';
export * from './config-reconcile';
export * from './kind-config';
export * from './quantum-limits';
export * from './export';
export * from './export-kinds';
export * from './import';
export * from './permalink';
