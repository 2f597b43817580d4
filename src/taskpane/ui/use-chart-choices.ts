import { useEffect, useState } from 'react';
import type { Workspace } from '../workspace/workspace';
import type { ChartChoice } from './ConsolidateStep';
import { errorText } from './errors';

/** The indicators that can be charted; read again when `version` changes (the template may have changed). */
export function useChartChoices(workspace: Workspace, version: number): { choices: ChartChoice[]; error: string | null } {
  const [state, setState] = useState<{ choices: ChartChoice[]; error: string | null }>({ choices: [], error: null });
  useEffect(() => {
    let current = true;
    workspace.chartChoices().then(
      (choices) => current && setState({ choices, error: null }),
      (e: unknown) =>
        current && setState({ choices: [], error: errorText(e, 'Không đọc được danh sách chỉ tiêu để vẽ biểu đồ') }),
    );
    return () => {
      current = false;
    };
  }, [workspace, version]);
  return state;
}
