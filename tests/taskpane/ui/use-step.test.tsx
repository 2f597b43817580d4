/** @jest-environment jsdom */
import './setup';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { BusyProvider, useBusy } from '../../../src/taskpane/ui/busy';
import { useStep } from '../../../src/taskpane/ui/use-step';
import { WorkspaceError } from '../../../src/taskpane/workspace/workspace';

function renderStep() {
  const wrapper = ({ children }: { children: ReactNode }) => <BusyProvider>{children}</BusyProvider>;
  return renderHook(() => ({ step: useStep<string>(), busy: useBusy().busy }), { wrapper });
}

describe('useStep().reset', () => {
  it('forgets the last result and the last error', async () => {
    const { result } = renderStep();
    await act(() => result.current.step.run(async () => 'bảng cũ', 'Không làm được'));
    expect(result.current.step.result).toBe('bảng cũ');
    act(() => result.current.step.reset());
    expect(result.current.step).toMatchObject({ result: null, error: null, running: false, progress: null, runs: 1 });

    await act(() => result.current.step.run(() => Promise.reject(new WorkspaceError('Lỗi cũ.')), 'Không làm được'));
    expect(result.current.step.error).toBe('Lỗi cũ.');
    act(() => result.current.step.reset());
    expect(result.current.step.error).toBeNull();
  });

  it('does not store what a run going on at the time of the reset ends with', async () => {
    const { result } = renderStep();
    let finish!: (value: string) => void;
    let outcome!: Promise<string | null>;
    act(() => {
      outcome = result.current.step.run(() => new Promise<string>((r) => (finish = r)), 'Không làm được');
    });
    expect(result.current.busy).toBe(true);
    act(() => result.current.step.reset());
    await act(async () => {
      finish('kết quả từ số liệu cũ');
      await outcome;
    });
    expect(await outcome).toBeNull();
    expect(result.current.step.result).toBeNull();
    expect(result.current.busy).toBe(false);
  });
});
