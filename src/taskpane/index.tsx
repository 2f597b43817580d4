/** Task pane entry: React + Fluent UI v9 over the Workspace of the place it runs in (Excel or a plain browser). */
import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { createPanePlatform } from './platform';
import { App } from './ui/App';
import { createWorkspace } from './workspace/create-workspace';

// Module-level so that App's start-up effect sees the same functions on every render and runs once.
const start = (onStatus: (text: string) => void) => createWorkspace(onStatus);
const makePlatform = () => createPanePlatform();

function mount(): void {
  const host = document.getElementById('root');
  // Hidden by the page's ES5 check in webviews that cannot run the pane.
  if (!host || host.hidden) return;
  createRoot(host).render(
    <FluentProvider theme={webLightTheme}>
      {/* MessageBar and ProgressLine announce through useAnnounce, which needs this announcer mounted. */}
      <AriaLiveAnnouncer>
        <App start={start} makePlatform={makePlatform} />
      </AriaLiveAnnouncer>
    </FluentProvider>,
  );
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
