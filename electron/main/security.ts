/**
 * Session- and webContents-wide guards. Every one of them denies by default: the app has one window
 * showing local files, so there is nothing legitimate to allow.
 */
import type { Session, WebContents } from 'electron';
import { isAllowedRequestUrl, type OriginPolicy } from './security-policy.ts';

export function hardenSession(ses: Session, policy: OriginPolicy): void {
  // Camera, microphone, notifications, clipboard-read, geolocation, HID, serial…: nothing is granted.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content: anything that is not our scheme (or the dev server in development) is
  // cancelled before it leaves the machine, including requests a compromised renderer would craft.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, policy);
    if (!allowed) console.warn('[security] blocked a request to a non-app URL');
    callback({ cancel: !allowed });
  });
  // Downloads would write outside the vault, in clear.
  ses.on('will-download', (event) => event.preventDefault());
}

/** The app never navigates, opens windows or embeds webviews; refuse all three. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    console.warn('[security] blocked a navigation');
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    console.warn('[security] blocked a redirect');
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    console.warn('[security] blocked a webview');
  });
  contents.setWindowOpenHandler(() => {
    console.warn('[security] blocked a new window');
    return { action: 'deny' };
  });
}
