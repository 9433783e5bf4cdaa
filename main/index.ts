/**
 * Electron main entry. Order matters: the app scheme is registered as privileged before
 * `ready`; one instance runs (a second launch forwards its files); every web contents gets
 * the navigation guards the moment it is created; permissions are denied; the UI is served
 * by the app protocol from the built renderer only. Logic lives in tested modules; see
 * main/README.md.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, protocol, session, utilityProcess } from 'electron';
import { appPaths } from './app-paths';
import { chooseStartDocument, parseLaunchArgs } from './launch-args';
import { createAppProtocolHandler } from './security/app-protocol';
import { installNavigationGuards } from './security/navigation';
import { APP_SCHEME, parseUrl } from './security/origin';
import { denyAllPermissions } from './security/permissions';
import { Shell } from './shell';

const log = (msg: string) => process.stderr.write(`[broadsheet] ${msg}\n`);
const mainDir = path.dirname(fileURLToPath(import.meta.url));

// Tests and portable setups keep per-user data (state, recent files, recovery) elsewhere.
const userDataOverride = process.env['BROADSHEET_USER_DATA'];
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// Standard + secure: relative URLs, fetch() and a real origin for the CSP's 'self'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// macOS delivers files (Finder, the Dock) through open-file, possibly before ready.
const pendingFiles: string[] = [];
let shellRef: Shell | undefined;
app.on('open-file', (e, file) => {
  e.preventDefault();
  if (shellRef) void shellRef.openFile(file);
  else pendingFiles.push(file);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv, cwd) => {
    for (const f of parseLaunchArgs(argv, { packaged: app.isPackaged, cwd }).files) void shellRef?.openFile(f);
  });

  // Every webContents (windows, and anything a bug might create) is guarded from birth.
  const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
  const trustedExtra = devUrl && parseUrl(devUrl) ? [parseUrl(devUrl)!.origin] : [];
  app.on('web-contents-created', (_e, contents) => installNavigationGuards(contents, log, trustedExtra));

  void app.whenReady().then(async () => {
    const paths = appPaths({ mainDir, packaged: app.isPackaged, resourcesPath: process.resourcesPath, userData: app.getPath('userData') });
    protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer, log));
    denyAllPermissions(session.defaultSession, log);

    const shell = new Shell({
      paths,
      version: app.getVersion(),
      dev: !app.isPackaged,
      ...(devUrl ? { devUrl } : {}),
      trustedExtra,
      forkExportWorker: () => utilityProcess.fork(paths.exportWorker, [], { serviceName: 'Broadsheet PDF export', stdio: 'inherit' }),
      log,
    });
    shellRef = shell;
    await shell.loadState();
    const launch = parseLaunchArgs(process.argv, { packaged: app.isPackaged, cwd: process.cwd() });
    const files = [...chooseStartDocument({ files: [...launch.files, ...pendingFiles] }, shell.lastDocument, existsSync, paths.sample)];
    await shell.start(files);

    app.on('activate', () => {
      if (!shell.windows.all().length) void shell.openFile(shell.lastDocument ?? paths.sample);
    });
  });

  app.on('before-quit', () => {
    if (shellRef) shellRef.quitting = true;
    void shellRef?.persist();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
