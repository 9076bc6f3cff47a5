import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract, FileFilter, Progress } from '../../src-shared/ipc';
import type { PdfJob, PdfResult } from '../pdf/jobs';

/**
 * What a handler may use of its host. Electron (src-main/index.ts) and the web host
 * (src-main/web/server.ts) each provide one; unit tests provide a fake. Handlers never import
 * `electron` themselves, so they run and are tested without the Electron binary.
 */
export interface HostServices {
  kind: 'electron' | 'web';
  /** The profile/data directory (JIEBANG_DATA_DIR overrides it). */
  dataDir: string;
  isPackaged: boolean;
  /** The app's resources folder (the bundled sample lives there). */
  resourcesDir: string;
  /** Test-only switches: set by the web host from its environment, never by Electron. */
  testFlags?: { plaintextStorage: boolean };
  /** Native save dialog; absent in the web host, where the renderer downloads instead. */
  showSaveDialog?: (
    suggestedName: string,
    filters: readonly FileFilter[],
  ) => Promise<string | null>;
  /** Native open dialog; absent in the web host, where the renderer uses a file input. */
  showOpenDialog?: (filters: readonly FileFilter[], multiple: boolean) => Promise<string[] | null>;
  /** Pushes a progress event to the renderer (Electron: to the app window). */
  reportProgress?: (progress: Progress) => void;
  /**
   * Renders a PDF off main's event loop (a worker thread: src-main/pdf/pool.ts). Absent in unit
   * tests, where handlers render in-process.
   */
  renderPdf?: (job: PdfJob) => Promise<PdfResult>;
  /**
   * Electron's print dialog on a PDF (a hidden window with Chromium's PDF viewer); absent in the
   * web host, where the renderer downloads the PDF for the browser to print.
   */
  printPdf?: (bytes: Uint8Array, title: string) => Promise<boolean>;
  /** Electron's safeStorage; absent in the web host. */
  safeStorage?: {
    isEncryptionAvailable: () => boolean;
    getSelectedStorageBackend?: () => string;
    encryptString: (plain: string) => Uint8Array;
    decryptString: (cipher: Uint8Array) => string;
  };
}

/** A handler gets its input already validated by the contract's schema. */
export type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
  host: HostServices,
) => Promise<ChannelOutput<C>>;

export type HandlerMap<K extends Channel> = { [C in K]: Handler<C> };
