/**
 * The OS file dialogs main opens on the renderer's behalf, injected so handlers are tested without
 * Electron (tests/unit/main) and driven by the test in the e2e harness. The Electron
 * implementation is electron-dialogs.ts. A path only ever comes from here (the user's own choice)
 * or from a drop the preload resolved; never from the renderer's input.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface FileDialogs {
  /** The path the user chose to save to, or undefined if they cancelled. */
  saveDialog(options: {
    defaultName: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | undefined>;
  /** The files the user chose (empty if they cancelled). */
  openDialog(options: {
    multiple: boolean;
    filters?: { name: string; extensions: string[] }[];
  }): Promise<string[]>;
}
