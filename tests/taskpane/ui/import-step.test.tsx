/** @jest-environment jsdom */
import './setup';
import { screen, waitFor, within } from '@testing-library/react';
import { FakePlatform, FakeWorkspace } from './fake-workspace';
import { expectBlocked, expectUsable, findSection, renderPane, section } from './render-pane';

function files(...names: string[]): File[] {
  return names.map((n) => new File(['PK'], n));
}

async function pick(user: Awaited<ReturnType<typeof renderPane>>['user'], names: string[]) {
  await user.upload(screen.getByTestId('import-files'), files(...names));
}

function workspaceWithExisting(...units: string[]): FakeWorkspace {
  const workspace = new FakeWorkspace();
  units.forEach((u) => workspace.existingUnits.add(u));
  return workspace;
}

describe('step 2: Nhập biểu đã nhận', () => {
  it('opens the file chooser from its button; the chooser takes Excel files, several at once', async () => {
    const { user } = await renderPane();
    const input = screen.getByTestId('import-files') as HTMLInputElement;
    expect(input).toHaveAttribute('accept', '.xlsx,.xls,.xlsm');
    expect(input.multiple).toBe(true);
    const click = jest.spyOn(input, 'click');
    await user.click(section('import').getByRole('button', { name: 'Nhập biểu đã nhận' }));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it('imports without asking when nothing would be replaced, and lists the files that failed with their reasons', async () => {
    const { user, workspace } = await renderPane();
    await pick(user, ['tam-ky.xlsx', 'hoi-an.xlsx', 'ghi-chu.txt']);
    const step = section('import');
    expect(await step.findByText('Đã nhập 2 biểu: Tam Kỳ, Hội An.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(workspace.importRequests).toEqual([{ files: ['tam-ky.xlsx', 'hoi-an.xlsx', 'ghi-chu.txt'], replace: [] }]);
    expect(step.getByText('Không nhập được 1 tệp')).toBeInTheDocument();
    expect(step.getByText(/ghi-chu\.txt: Tệp không phải sổ làm việc Excel/)).toBeInTheDocument();
  });

  it('asks before replacing; "Thay tất cả" replaces every unit listed', async () => {
    const { user, workspace } = await renderPane(workspaceWithExisting('Tam Kỳ', 'Hội An'));
    await pick(user, ['tam-ky.xlsx', 'hoi-an.xlsx', 'dien-ban.xlsx']);
    const dialog = within(await screen.findByRole('alertdialog', { name: 'Thay biểu đã có?' }));
    expect(dialog.getAllByRole('checkbox').map((c) => c.closest('.fui-Checkbox')?.textContent)).toEqual([
      'Tam Kỳ (tệp tam-ky.xlsx)',
      'Hội An (tệp hoi-an.xlsx)',
    ]);
    expect(workspace.importRequests).toEqual([]);

    await user.click(dialog.getByRole('button', { name: 'Thay tất cả' }));
    expect(await (await findSection('import')).findByText('Đã nhập 3 biểu: Tam Kỳ, Hội An, Điện Bàn.')).toBeInTheDocument();
    expect(workspace.importRequests[0].replace).toEqual(['hoi-an.xlsx', 'tam-ky.xlsx']);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('"Giữ nguyên" replaces nothing and lists the returns kept', async () => {
    const { user, workspace } = await renderPane(workspaceWithExisting('Tam Kỳ', 'Hội An'));
    await pick(user, ['tam-ky.xlsx', 'hoi-an.xlsx', 'dien-ban.xlsx']);
    await user.click(await screen.findByRole('button', { name: 'Giữ nguyên' }));
    const step = await findSection('import');
    expect(await step.findByText('Đã nhập 1 biểu: Điện Bàn.')).toBeInTheDocument();
    expect(workspace.importRequests[0].replace).toEqual([]);
    expect(step.getByText('Giữ nguyên 2 biểu đã có')).toBeInTheDocument();
    expect(step.getByText('Tam Kỳ (không thay bằng tệp tam-ky.xlsx)')).toBeInTheDocument();
  });

  it('replaces only the units ticked one by one', async () => {
    const { user, workspace } = await renderPane(workspaceWithExisting('Tam Kỳ', 'Hội An'));
    await pick(user, ['tam-ky.xlsx', 'hoi-an.xlsx']);
    const dialog = within(await screen.findByRole('alertdialog'));
    const replaceChosen = dialog.getByRole('button', { name: 'Thay các đơn vị đã đánh dấu' });
    expect(replaceChosen).toBeDisabled();
    await user.click(dialog.getByRole('checkbox', { name: 'Hội An (tệp hoi-an.xlsx)' }));
    await user.click(replaceChosen);
    const step = await findSection('import');
    expect(await step.findByText('Đã nhập 1 biểu: Hội An.')).toBeInTheDocument();
    expect(workspace.importRequests[0].replace).toEqual(['hoi-an.xlsx']);
    expect(step.getByText('Tam Kỳ (không thay bằng tệp tam-ky.xlsx)')).toBeInTheDocument();
  });

  it('imports nothing when the question is cancelled', async () => {
    const { user, workspace } = await renderPane(workspaceWithExisting('Tam Kỳ'));
    await pick(user, ['tam-ky.xlsx', 'hoi-an.xlsx']);
    await user.click(await screen.findByRole('button', { name: 'Huỷ nhập' }));
    expect(await (await findSection('import')).findByText('Đã huỷ: chưa nhập tệp nào.')).toBeInTheDocument();
    expect(workspace.calls).not.toContain('importReturns');
  });

  it('imports nothing when the question is dismissed with Escape', async () => {
    const { user, workspace } = await renderPane(workspaceWithExisting('Tam Kỳ'));
    await pick(user, ['tam-ky.xlsx']);
    await screen.findByRole('alertdialog');
    await user.keyboard('{Escape}');
    expect(await (await findSection('import')).findByText('Đã huỷ: chưa nhập tệp nào.')).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(workspace.calls).not.toContain('importReturns');
  });

  it('shows the progress label while importing and a failure as an error bar, then lets the user try again', async () => {
    const workspace = new FakeWorkspace();
    const { user } = await renderPane(workspace, new FakePlatform());
    const release = workspace.hold('importReturns');
    workspace.failOn('importReturns', 'Sổ đang được chỉnh sửa ở ô khác: hãy bấm Enter hoặc Esc trong Excel rồi nhập lại.');
    await pick(user, ['tam-ky.xlsx']);
    expect(await screen.findByRole('progressbar', { name: 'Đang nhập: tam-ky.xlsx (0/1)' })).toBeInTheDocument();
    expectBlocked(section('import').getByRole('button', { name: 'Nhập biểu đã nhận' }));
    release();
    expect(await section('import').findByText(/Sổ đang được chỉnh sửa ở ô khác/)).toBeInTheDocument();
    await waitFor(() => expectUsable(section('import').getByRole('button', { name: 'Nhập biểu đã nhận' })));
  });
});

describe('the replace question', () => {
  it('inside Excel, says a sheet of that name exists and would be overwritten (it may not be an earlier import)', async () => {
    const { user } = await renderPane(workspaceWithExisting('Tam Kỳ'));
    await pick(user, ['tam-ky.xlsx', 'hoi-an.xlsx']);
    const dialog = within(await screen.findByRole('alertdialog', { name: 'Thay biểu đã có?' }));
    expect(dialog.getByText('Sổ đã có trang tính “Tam Kỳ”; nếu thay, nội dung trang đó sẽ được ghi đè bằng biểu mới.')).toBeInTheDocument();
    expect(dialog.queryByText(/đã có biểu nhập trước đó/)).not.toBeInTheDocument();
  });

  it('names every sheet when several exist', async () => {
    const { user } = await renderPane(workspaceWithExisting('Tam Kỳ', 'Hội An'));
    await pick(user, ['tam-ky.xlsx', 'hoi-an.xlsx']);
    const dialog = within(await screen.findByRole('alertdialog'));
    expect(
      dialog.getByText('Sổ đã có các trang tính “Tam Kỳ”, “Hội An”; nếu thay, nội dung các trang đó sẽ được ghi đè bằng biểu mới.'),
    ).toBeInTheDocument();
  });

  it('in the browser, speaks of the return imported before', async () => {
    const workspace = new FakeWorkspace('browser');
    workspace.existingUnits.add('Tam Kỳ');
    const { user } = await renderPane(workspace, new FakePlatform());
    await pick(user, ['tam-ky.xlsx']);
    const dialog = within(await screen.findByRole('alertdialog'));
    expect(dialog.getByText('Đã nhập biểu của “Tam Kỳ”; nếu thay, biểu cũ được bỏ.')).toBeInTheDocument();
    expect(dialog.queryByText(/trang tính/)).not.toBeInTheDocument();
  });

  it.each([
    ['Thay tất cả', 'Đã nhập 1 biểu: Tam Kỳ.'],
    ['Huỷ nhập', 'Đã huỷ: chưa nhập tệp nào.'],
  ])('gives keyboard focus back to "Nhập biểu đã nhận" once closed with "%s"', async (answer, summary) => {
    const { user } = await renderPane(workspaceWithExisting('Tam Kỳ'));
    await pick(user, ['tam-ky.xlsx']);
    await user.click(await screen.findByRole('button', { name: answer }));
    const step = await findSection('import');
    await step.findByText(summary);
    await waitFor(() => expect(step.getByRole('button', { name: 'Nhập biểu đã nhận' })).toHaveFocus());
  });
});
