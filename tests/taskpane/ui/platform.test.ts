/** @jest-environment jsdom */
import './setup';
import { copyRich, createPanePlatform, downloadFile, isExcelForMac, pickedFile } from '../../../src/taskpane/platform';

describe('isExcelForMac / canDownload', () => {
  it('is true only for Office.context.platform "Mac"', () => {
    expect(isExcelForMac({ Office: { context: { platform: 'Mac' } } })).toBe(true);
    expect(isExcelForMac({ Office: { context: { platform: 'PC' } } })).toBe(false);
    expect(isExcelForMac({ Office: { context: { platform: 'OfficeOnline' } } })).toBe(false);
    expect(isExcelForMac({})).toBe(false);
    expect(isExcelForMac({ Office: {} })).toBe(false);
    const throwing = { get Office(): never { throw new Error('office.js not ready'); } };
    expect(isExcelForMac(throwing)).toBe(false);
    expect(createPanePlatform({ Office: { context: { platform: 'Mac' } } }).canDownload).toBe(false);
    expect(createPanePlatform({}).canDownload).toBe(true);
  });
});

describe('downloadFile', () => {
  it('clicks a hidden <a download> on a blob URL of the bytes, then removes it', () => {
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:tong-hop';
    });
    URL.revokeObjectURL = jest.fn();
    const clicked: { name: string; href: string; inDocument: boolean }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href, inDocument: document.body.contains(this) });
    });
    downloadFile({ name: 'tong-hop.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: new Uint8Array([80, 75, 3, 4]) });
    expect(clicked).toEqual([{ name: 'tong-hop.xlsx', href: 'blob:tong-hop', inDocument: true }]);
    expect(created[0].type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(created[0].size).toBe(4);
    expect(document.querySelector('a')).toBeNull();
    click.mockRestore();
  });
});

describe('copyRich', () => {
  const scope = globalThis as { ClipboardItem?: unknown };
  afterEach(() => {
    delete scope.ClipboardItem;
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    delete (document as { execCommand?: unknown }).execCommand;
  });

  class FakeClipboardItem {
    constructor(readonly parts: Record<string, Blob>) {}
  }

  it('writes text/html and text/plain through the Clipboard API', async () => {
    const write = jest.fn(async () => undefined);
    scope.ClipboardItem = FakeClipboardItem;
    Object.defineProperty(navigator, 'clipboard', { value: { write }, configurable: true });
    await expect(copyRich('<p>Báo cáo</p>', 'Báo cáo')).resolves.toBe(true);
    const [[items]] = write.mock.calls as unknown as [[FakeClipboardItem[]]];
    expect(Object.keys(items[0].parts).sort()).toEqual(['text/html', 'text/plain']);
    expect(items[0].parts['text/html'].size).toBe(new Blob(['<p>Báo cáo</p>']).size);
  });

  it('falls back to copying a selected hidden copy of the HTML, and removes it afterwards', async () => {
    scope.ClipboardItem = FakeClipboardItem;
    Object.defineProperty(navigator, 'clipboard', { value: { write: jest.fn(async () => Promise.reject(new Error('NotAllowedError'))) }, configurable: true });
    let copied = { html: '', selection: '' };
    (document as { execCommand?: unknown }).execCommand = jest.fn((command: string) => {
      const holder = document.querySelector('[contenteditable="true"]');
      copied = { html: holder?.innerHTML ?? '', selection: document.getSelection()?.toString() ?? '' };
      return command === 'copy';
    });
    await expect(copyRich('<p><b>BÁO CÁO</b></p>', 'BÁO CÁO')).resolves.toBe(true);
    expect(copied).toEqual({ html: '<p><b>BÁO CÁO</b></p>', selection: 'BÁO CÁO' });
    expect(document.body.children).toHaveLength(0);
  });

  it('resolves false when both ways fail', async () => {
    (document as { execCommand?: unknown }).execCommand = jest.fn(() => false);
    await expect(copyRich('<p>x</p>', 'x')).resolves.toBe(false);
    (document as { execCommand?: unknown }).execCommand = jest.fn(() => {
      throw new Error('SecurityError');
    });
    await expect(copyRich('<p>x</p>', 'x')).resolves.toBe(false);
  });
});

describe('pickedFile', () => {
  it('reads the bytes of a File', async () => {
    const picked = pickedFile(new File([new Uint8Array([1, 2, 3])], 'tam-ky.xlsx'));
    expect(picked.name).toBe('tam-ky.xlsx');
    expect(Array.from(await picked.read())).toEqual([1, 2, 3]);
  });
});
