/** The training lab's core: no React, no DOM, the same code in the browser, Node and workers. */
export * from './network';
export * from './mlp';
export * from './optim';
export * from './spectral';
export * from './local-steps';
export * from './runner';
export * from './memory';
export * from './adaptive';
export * from './processor';
export * from './datasets';
