/**
 * Threat: the page asks for the camera, microphone, location, notifications, clipboard, USB/HID/
 * serial devices… Nothing in a case vault needs them; every request and check is denied.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { hardenSession } = await import('../../../electron/main/security.ts');
const { FakeSession } = await import('./helpers/fake-electron.ts');

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'openExternal',
  'hid',
  'fullscreen',
];

describe('permissions', () => {
  it.each(PERMISSIONS)('denies the request for %s', (permission) => {
    const session = new FakeSession();
    hardenSession(session as never, {});
    const callback = vi.fn();
    session.permissionRequestHandler?.({}, permission, callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(PERMISSIONS)('denies the check for %s', (permission) => {
    const session = new FakeSession();
    hardenSession(session as never, {});
    expect(session.permissionCheckHandler?.({}, permission, 'casevault://app', {})).toBe(false);
  });

  it('denies device access', () => {
    const session = new FakeSession();
    hardenSession(session as never, {});
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});
