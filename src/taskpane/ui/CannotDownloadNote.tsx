import { InfoBar } from './InfoBar';

/** Shown instead of a download button where the pane cannot save files (Excel for Mac). */
export function CannotDownloadNote({ children }: { children: string }) {
  return (
    <InfoBar intent="info" title="Excel này không lưu được tệp từ ngăn tác vụ">
      {children}
    </InfoBar>
  );
}
