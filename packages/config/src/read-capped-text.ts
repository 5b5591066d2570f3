import { open } from 'node:fs/promises';

/** The largest config file read: 1 MiB holds thousands of keys; a bigger one is a mistake or an attack. */
export const maxConfigFileBytes = 1024 * 1024;

/** The file's text, or how big it was when it passed the cap (`undefined`: larger, size unknown). */
export type CappedText = { readonly text: string } | { readonly tooLarge: true; readonly bytes: number | undefined };

/**
 * Reads a UTF-8 file of at most `capBytes` without ever holding more than `capBytes + 1` bytes:
 * a regular file is judged by its size before reading; a device or pipe (`/dev/zero`) by reading
 * one byte past the cap.
 *
 * @throws the OS error when the file cannot be opened or read.
 */
export async function readCappedText(file: string, capBytes: number = maxConfigFileBytes): Promise<CappedText> {
  const handle = await open(file, 'r');
  try {
    const stats = await handle.stat();
    if (stats.isFile() && stats.size > capBytes) return { tooLarge: true, bytes: stats.size };
    const buffer = Buffer.alloc(capBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > capBytes) return { tooLarge: true, bytes: stats.isFile() ? Math.max(stats.size, filled) : undefined };
    return { text: buffer.toString('utf8', 0, filled) };
  } finally {
    await handle.close();
  }
}
