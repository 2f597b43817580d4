/** `--help` of the program and of every command: Vietnamese first, with the English gloss in parentheses. */
import { buildProgram } from '../../src/cli/main';
import { VIETNAMESE, runCli } from './cli-support';

/** Collapses the help's line wrapping so that descriptions can be found whole. */
function flat(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** "Tổng hợp các biểu … (consolidate returns …)": Vietnamese text, then an English gloss in parentheses. */
const GLOSSED = /[^()]*\S \([A-Za-z][^()]*\)\.?$/;

const program = buildProgram({ out: () => undefined, err: () => undefined }, () => undefined);
const commands = program.commands.map((c) => c.name());

describe('tonghop --help', () => {
  it('has the five commands', () => {
    expect([...commands].sort()).toEqual(['consolidate', 'form', 'run', 'template', 'validate']);
  });

  it.each([['--help'], ['-h']])('%s prints the Vietnamese overview with its English gloss and exits 0', async (flag) => {
    const run = await runCli([flag]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(VIETNAMESE);
    expect(flat(run.out)).toContain(flat(program.description()));
    expect(program.description()).toMatch(GLOSSED);
    for (const c of program.commands) expect(flat(run.out)).toContain(c.name());
  });
});

describe.each(program.commands.map((c) => [c.name(), c] as const))('tonghop %s --help', (name, command) => {
  let out: string;

  beforeAll(async () => {
    const run = await runCli([name, '--help']);
    expect(run.code).toBe(0);
    out = run.out;
  });

  it('prints the Vietnamese description with its English gloss', () => {
    expect(out).toMatch(VIETNAMESE);
    expect(command.description()).toMatch(VIETNAMESE);
    expect(command.description()).toMatch(GLOSSED);
    expect(flat(out)).toContain(flat(command.description()));
  });

  it('prints every option with a Vietnamese description and an English gloss', () => {
    expect(command.options.length).toBeGreaterThan(0);
    for (const option of command.options) {
      expect(flat(out)).toContain(option.long!);
      expect(option.description).toMatch(GLOSSED);
      expect(flat(out)).toContain(flat(option.description));
    }
    expect(flat(out)).toMatch(/hiện hướng dẫn \(show help\)/);
  });

  it('titles its sections in Vietnamese, not with bare English titles', () => {
    expect(out).not.toMatch(/^(Usage|Options|Commands|Arguments):/m);
  });

  it('glosses its arguments too', () => {
    for (const arg of command.registeredArguments) {
      expect(arg.description).toMatch(GLOSSED);
      expect(flat(out)).toContain(flat(arg.description));
    }
  });
});
