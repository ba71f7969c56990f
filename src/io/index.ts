/** The playground's boundaries: configuration, permalinks and storage, import and export. */
export * from './config';
export * from './export';
export * from './import';
export * from './permalink';
