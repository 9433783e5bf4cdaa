/** The bridge: the one typed contract between the renderer and the Node side. */
export * from './result';
export * from './channels';
export type { BroadsheetApi } from './api';
export { createApiClient, call, type Transport } from './client';
export { dispatch, ServiceError, type Handlers } from './handle';
