/**
 * The pane's platform services in a browser or an Office webview: saving files, copying the report,
 * and turning the files the user picked into PickedFile.
 */
import type { Download, PanePlatform, PickedFile } from './workspace/workspace';

/** The one piece of office.js read here; from globalThis so a page without office.js works too. */
interface OfficeScope {
  Office?: { context?: { platform?: unknown } };
}

/** Excel for Mac runs the pane in a webview that silently drops <a download> clicks. */
export function isExcelForMac(scope: unknown = globalThis): boolean {
  try {
    return (scope as OfficeScope).Office?.context?.platform === 'Mac';
  } catch {
    return false;
  }
}

export function downloadFile(file: Download, doc: Document = document): void {
  const blob = new Blob([new Uint8Array(file.bytes)], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the save in some browsers; the URL is only garbage after a while.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

async function copyWithClipboardApi(html: string, text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  const Item = (globalThis as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
  if (!clipboard || typeof clipboard.write !== 'function' || typeof Item !== 'function') return false;
  try {
    await clipboard.write([
      new Item({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([text], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}

/** Older webviews (and hosts that deny clipboard-write) still copy a selection with execCommand. */
function copyWithSelection(html: string, doc: Document): boolean {
  if (typeof doc.execCommand !== 'function') return false;
  const previousFocus = doc.activeElement as HTMLElement | null;
  const holder = doc.createElement('div');
  holder.setAttribute('contenteditable', 'true');
  holder.setAttribute('aria-hidden', 'true');
  holder.style.position = 'fixed';
  holder.style.left = '-10000px';
  holder.style.top = '0';
  // The HTML is the report renderer's own output (every value escaped), never user markup.
  holder.innerHTML = html;
  doc.body.append(holder);
  const selection = doc.getSelection();
  try {
    const range = doc.createRange();
    range.selectNodeContents(holder);
    selection?.removeAllRanges();
    selection?.addRange(range);
    return doc.execCommand('copy') === true;
  } catch {
    return false;
  } finally {
    selection?.removeAllRanges();
    holder.remove();
    previousFocus?.focus?.();
  }
}

export async function copyRich(html: string, text: string, doc: Document = document): Promise<boolean> {
  if (await copyWithClipboardApi(html, text)) return true;
  return copyWithSelection(html, doc);
}

/** Call after Office.onReady (createWorkspace) so that Office.context.platform is known. */
export function createPanePlatform(scope: unknown = globalThis): PanePlatform {
  return {
    canDownload: !isExcelForMac(scope),
    download: (file) => downloadFile(file),
    copyRich: (html, text) => copyRich(html, text),
  };
}

function readFileBytes(file: Blob): Promise<Uint8Array> {
  // FileReader rather than Blob.arrayBuffer(): the latter is missing in older Office webviews.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('Không đọc được tệp.'));
    reader.readAsArrayBuffer(file);
  });
}

export function pickedFile(file: File): PickedFile {
  return { name: file.name, read: () => readFileBytes(file) };
}
