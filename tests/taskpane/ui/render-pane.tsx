import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src/taskpane/ui/App';
import { FakePlatform, FakeWorkspace } from './fake-workspace';

export const STEP = {
  setup: '1. Mẫu & đơn vị',
  import: '2. Nhập biểu đã nhận',
  check: '3. Kiểm tra',
  consolidate: '4. Tổng hợp',
  report: '5. Soạn báo cáo',
} as const;

export function section(name: keyof typeof STEP) {
  return within(screen.getByRole('region', { name: STEP[name] }));
}

/** Like section(), but waits: after a modal dialog closes, the pane stays aria-hidden for a moment. */
export async function findSection(name: keyof typeof STEP) {
  return within(await screen.findByRole('region', { name: STEP[name] }));
}

/**
 * A pane button that cannot be pressed now but keeps keyboard focus: Fluent's disabledFocusable, i.e.
 * aria-disabled="true" without the disabled attribute (which would drop focus to the page).
 */
export function expectBlocked(button: HTMLElement): void {
  expect(button).toHaveAttribute('aria-disabled', 'true');
  expect(button).not.toHaveAttribute('disabled');
}

/** A button that can be pressed: neither disabled nor aria-disabled. */
export function expectUsable(button: HTMLElement): void {
  expect(button).not.toHaveAttribute('aria-disabled', 'true');
  expect(button).toBeEnabled();
}

/**
 * Renders the whole pane over the fakes, as index.tsx does (inside an AriaLiveAnnouncer), and (unless
 * told not to) waits until the setup has been read. `announced` collects what the announcer says:
 * document.ariaNotify is stubbed, which AriaLiveAnnouncer then uses instead of its own live region.
 */
export async function renderPane(workspace = new FakeWorkspace(), platform = new FakePlatform(), { waitForSetup = true } = {}) {
  // A real file chooser lets the user pick "All files", so the accept filter is not applied here.
  const user = userEvent.setup({ applyAccept: false });
  const announced: string[] = [];
  (document as unknown as { ariaNotify: (message: string) => void }).ariaNotify = (message) => announced.push(message);
  render(
    <FluentProvider theme={webLightTheme}>
      <AriaLiveAnnouncer>
        <App start={async () => workspace} makePlatform={() => platform} />
      </AriaLiveAnnouncer>
    </FluentProvider>,
  );
  if (waitForSetup) await screen.findByRole('textbox', { name: 'Kỳ báo cáo' });
  else await screen.findByRole('region', { name: STEP.setup });
  return { user, workspace, platform, announced };
}
