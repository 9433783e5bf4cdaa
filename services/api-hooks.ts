/**
 * Connects the services to the engine's exporter and preflight. Kept apart from api.ts so the
 * services can be created (and tested) without the PDF writer; hosts call engineHooks().
 */
import type { ServiceOptions } from './api';

/** The exporter and preflighter this build provides (empty until the PDF writer is wired). */
export async function engineHooks(): Promise<Pick<ServiceOptions, 'exporter' | 'preflight'>> {
  return {};
}
