import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { limitsFromEnv } from '../../src/github/limits-from-env.js';
import {
  BadConfigError,
  enterpriseBaseUrl,
  serverOptionsFromEnv,
} from '../../src/github/server-options-from-env.js';
import { testPrivateKey } from './helpers/test-app.js';

const log = pino({ level: 'silent' });
const required = {
  APP_ID: '987654',
  WEBHOOK_SECRET: 'secret',
  PRIVATE_KEY: testPrivateKey(),
};

describe('serverOptionsFromEnv', () => {
  it('reads the app, the Enterprise host, the port and the limits', async () => {
    const options = await serverOptionsFromEnv(
      {
        ...required,
        GHE_HOST: 'github.acme.internal',
        PORT: '8080',
        APP_SLUG: 'scaling-report',
        SCALING_REPORT_MAX_FILES: '5000',
        SCALING_REPORT_MAX_ANALYSIS_MS: '120000',
        SCALING_REPORT_CONCURRENCY: '4',
      },
      log,
    );

    expect(options).toMatchObject({
      appId: '987654',
      webhookSecret: 'secret',
      baseUrl: 'https://github.acme.internal/api/v3',
      port: 8080,
      host: '0.0.0.0',
      app: {
        appSlug: 'scaling-report',
        limits: { maxFiles: 5000 },
        budget: { wallTimeMs: 120000 },
        concurrency: 4,
      },
    });
    expect(options.privateKey).toBe(testPrivateKey());
  });

  it.each([
    ['escaped line breaks', testPrivateKey().replace(/\n/g, '\\n')],
    ['base64', Buffer.from(testPrivateKey()).toString('base64')],
  ])('accepts PRIVATE_KEY with %s', async (_label, key) => {
    const options = await serverOptionsFromEnv(
      { ...required, PRIVATE_KEY: key },
      log,
    );

    expect(options.privateKey).toBe(testPrivateKey());
  });

  it('reads the key from PRIVATE_KEY_PATH', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scaling-report-'));
    try {
      await writeFile(join(dir, 'app.pem'), testPrivateKey());
      const env = {
        ...required,
        PRIVATE_KEY: undefined,
        PRIVATE_KEY_PATH: join(dir, 'app.pem'),
      };

      await expect(serverOptionsFromEnv(env, log)).resolves.toMatchObject({
        privateKey: testPrivateKey(),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ APP_ID: undefined }, /^APP_ID is required/],
    [{ WEBHOOK_SECRET: '' }, /^WEBHOOK_SECRET is required/],
    [{ PRIVATE_KEY: undefined }, /^Set PRIVATE_KEY or PRIVATE_KEY_PATH/],
    [{ PRIVATE_KEY: 'not-a-key' }, /^PRIVATE_KEY is neither/],
    [{ PORT: 'eighty' }, /^PORT must be a port number/],
    [
      { GHE_HOST: 'ghe', GHE_PROTOCOL: 'ftp' },
      /^GHE_PROTOCOL must be https or http/,
    ],
    [
      { SCALING_REPORT_MAX_TARBALL_BYTES: '10MB' },
      /^SCALING_REPORT_MAX_TARBALL_BYTES must be/,
    ],
    [
      { SCALING_REPORT_CONCURRENCY: '0' },
      /^SCALING_REPORT_CONCURRENCY must be/,
    ],
  ])('names the variable to fix: %j', async (change, message) => {
    const reading = serverOptionsFromEnv({ ...required, ...change }, log);

    await expect(reading).rejects.toBeInstanceOf(BadConfigError);
    await expect(reading).rejects.toThrow(message);
  });
});

describe('enterpriseBaseUrl', () => {
  it.each([
    [{}, undefined],
    [
      { GHE_HOST: 'github.acme.internal' },
      'https://github.acme.internal/api/v3',
    ],
    [
      { GHE_HOST: '127.0.0.1:8443', GHE_PROTOCOL: 'http' },
      'http://127.0.0.1:8443/api/v3',
    ],
  ])('%j -> %s', (env, expected) => {
    expect(enterpriseBaseUrl(env)).toBe(expected);
  });
});

describe('limitsFromEnv', () => {
  it('reads every limit it knows', () => {
    expect(
      limitsFromEnv({
        SCALING_REPORT_MAX_TARBALL_BYTES: '1000',
        SCALING_REPORT_MAX_UNPACKED_BYTES: '2000',
        SCALING_REPORT_MAX_FILES: '30',
        SCALING_REPORT_MAX_FILE_BYTES: '40',
      }),
    ).toEqual({
      maxCompressedBytes: 1000,
      maxUncompressedBytes: 2000,
      maxFiles: 30,
      maxFileBytes: 40,
    });
  });
});
