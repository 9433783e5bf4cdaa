/**
 * The webPreferences of every Broadsheet window: Electron's security checklist in one
 * place, asserted by a test. Nothing here may be relaxed for convenience.
 */

/** The security-relevant subset of Electron's WebPreferences that we set. */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: false;
  safeDialogs: true;
}

/** The webPreferences for a window whose preload script is at `preload`. */
export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Dropping a file on the window must not navigate to file://.
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** The Content-Security-Policy sent with every page of the app protocol (bridge/csp.ts; no remote content). */
export { CONTENT_SECURITY_POLICY } from '../../bridge/csp';
