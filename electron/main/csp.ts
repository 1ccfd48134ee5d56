/**
 * The renderer's Content Security Policy, sent as a response header by the casevault:// protocol
 * and repeated as a <meta> tag by the build (electron.vite.config.ts), so it holds even if one of
 * the two is lost. No electron import (the Vite config imports it).
 *
 * style-src keeps 'unsafe-inline': Mantine writes its CSS variables in a <style> element and style
 * props as style="" attributes. Inline styles cannot run script; scripts stay 'self' only.
 */
export const APP_SCHEME = 'casevault';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/`;

const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'none'"],
  ['object-src', "'none'"],
  ['media-src', "'self'"],
  ['worker-src', "'none'"],
  ['manifest-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** For the HTTP header. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** For the <meta> tag: browsers ignore frame-ancestors there (and warn), the header carries it. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter(([name]) => name !== 'frame-ancestors')
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');
