/**
 * Permission requests (camera, microphone, geolocation, notifications, …) are all denied: a
 * layout tool needs none, and Electron grants every request unless a handler says otherwise.
 * Both the request handler and the check handler are needed for complete coverage.
 */

/** The part of Electron's Session the permission guard uses. */
export interface PermissionSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** Denies every permission request and check on a session. */
export function denyAllPermissions(session: PermissionSession, log: (msg: string) => void = () => undefined): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission "${permission}"`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
