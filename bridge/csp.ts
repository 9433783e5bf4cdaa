/**
 * The one Content-Security-Policy of the app's pages, in the desktop app (app://) and in web
 * mode: nothing but the app's own origin, no inline script, no eval, no frames. (The meta tag
 * in renderer/index.html repeats it for the Vite dev server.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' blob: data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
