/**
 * A minimal menu: quit, and the edit roles so copy/paste shortcuts work in text fields (on macOS
 * they only work through the menu). No reload, no DevTools toggle, no help links to the web.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function installMinimalMenu(platform: NodeJS.Platform): void {
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : [{ role: 'fileMenu' as const }]),
    { role: 'editMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
