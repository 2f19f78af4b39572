/**
 * Factories for every kind of record, each a small function over the real API (GraphQL
 * over HTTP) that returns what the next step needs. They take any running Redline: a test
 * app, a bench server or a spawned process.
 */
export * from './accounts.js';
export * from './amendments.js';
export * from './definitions.js';
export * from './discussion.js';
export * from './stages.js';
export * from './systems.js';
