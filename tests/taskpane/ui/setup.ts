/** Imported first by every UI test: jest-dom matchers and what Fluent UI v9 needs that jsdom lacks. */
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const scope = globalThis as { ResizeObserver?: unknown };
if (!scope.ResizeObserver) scope.ResizeObserver = ResizeObserverStub;

// findBy*/waitFor give up after 1 s by default: too short on a busy CI machine rendering Fluent UI.
configure({ asyncUtilTimeout: 5000 });
