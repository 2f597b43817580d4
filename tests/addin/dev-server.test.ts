/** `npm run dev-server`: webpack serve over HTTPS with the certificate office-addin-dev-certs makes. */
import path from 'node:path';
import type webpack from 'webpack';

const ROOT = path.join(__dirname, '..', '..');
const FAKE_OPTIONS = { ca: 'CA', key: 'KEY', cert: 'CERT' };

jest.mock('office-addin-dev-certs', () => ({ getHttpsServerOptions: jest.fn(async () => FAKE_OPTIONS) }));

type Config = webpack.Configuration & { devServer?: { port?: number; server?: unknown } };
type MakeConfig = (env: object, argv: { mode: string }) => Config | Promise<Config>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as MakeConfig;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const devCerts = require('office-addin-dev-certs') as { getHttpsServerOptions: jest.Mock };

describe('webpack.config.js', () => {
  beforeEach(() => devCerts.getHttpsServerOptions.mockClear());

  it('serves https on the port manifest.xml names, with office-addin-dev-certs options', async () => {
    const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: 'development' });
    expect(devCerts.getHttpsServerOptions).toHaveBeenCalledTimes(1);
    expect(config.devServer).toMatchObject({ port: 3000, server: { type: 'https', options: FAKE_OPTIONS } });
    const manifest = require('node:fs').readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8') as string;
    expect(manifest).toContain(`https://localhost:${config.devServer!.port}/taskpane.html`);
  });

  it('does not touch certificates when only building', () => {
    const config = makeConfig({}, { mode: 'production' });
    expect(config).not.toBeInstanceOf(Promise);
    expect((config as Config).devServer).not.toHaveProperty('server');
    expect(devCerts.getHttpsServerOptions).not.toHaveBeenCalled();
  });
});
