import { readFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { ScalingReportServerOptions } from './create-server.js';
import { budgetFromEnv, limitsFromEnv } from './limits-from-env.js';

/** A setting the environment lacks or gets wrong; the message names the variable. */
export class BadConfigError extends Error {
  readonly code = 'bad-config';

  constructor(message: string) {
    super(message);
    this.name = 'BadConfigError';
  }
}

/** What both roles need to act as the app: who it is and where GitHub is. */
export interface AppCredentials {
  appId: string;
  /** The app's PEM private key. */
  privateKey: string;
  /** REST API root; undefined for github.com. */
  baseUrl: string | undefined;
  /** `APP_SLUG`; when undefined it is read once from `GET /app`. */
  appSlug: string | undefined;
  /** Archive caps from `SCALING_REPORT_MAX_*`. */
  limits: ReturnType<typeof limitsFromEnv>;
  /** Analysis budget from `SCALING_REPORT_MAX_ANALYSIS_MS` and `_MAX_HEAP_BYTES`. */
  budget: ReturnType<typeof budgetFromEnv>;
}

/**
 * The app's identity from the environment, for the worker role (which
 * receives no webhooks). Throws {@link BadConfigError} naming the variable.
 */
export async function appCredentialsFromEnv(
  env: NodeJS.ProcessEnv,
): Promise<AppCredentials> {
  return {
    appId: required(env, 'APP_ID'),
    privateKey: await readPrivateKey(env),
    baseUrl: enterpriseBaseUrl(env),
    appSlug: env.APP_SLUG,
    limits: limitsOrBadConfig(env),
    budget: badConfigOnThrow(() => budgetFromEnv(env)),
  };
}

/**
 * Server options from the environment (see `.env.example`). Throws
 * {@link BadConfigError} naming the variable to fix.
 */
export async function serverOptionsFromEnv(
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<ScalingReportServerOptions> {
  const appId = required(env, 'APP_ID');
  const webhookSecret = required(env, 'WEBHOOK_SECRET');
  const privateKey = await readPrivateKey(env);
  const port = env.PORT === undefined ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new BadConfigError(`PORT must be a port number, not "${env.PORT}".`);
  }

  return {
    appId,
    privateKey,
    webhookSecret,
    baseUrl: enterpriseBaseUrl(env),
    port,
    host: env.HOST ?? '0.0.0.0',
    webhookPath: env.WEBHOOK_PATH,
    log,
    app: {
      appSlug: env.APP_SLUG,
      limits: limitsOrBadConfig(env),
      budget: badConfigOnThrow(() => budgetFromEnv(env)),
      concurrency:
        optionalCount(env, 'WORKER_CONCURRENCY') ??
        optionalCount(env, 'SCALING_REPORT_CONCURRENCY'),
    },
  };
}

/** Probot's REST root for GitHub Enterprise Server: `GHE_PROTOCOL://GHE_HOST/api/v3`. */
export function enterpriseBaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GHE_HOST) {
    return undefined;
  }
  const protocol = env.GHE_PROTOCOL ?? 'https';
  if (protocol !== 'https' && protocol !== 'http') {
    throw new BadConfigError(
      `GHE_PROTOCOL must be https or http, not "${protocol}".`,
    );
  }
  return `${protocol}://${env.GHE_HOST}/api/v3`;
}

/**
 * `PRIVATE_KEY` as PEM (with real or `\n`-escaped line breaks) or base64 of
 * the PEM, else the file at `PRIVATE_KEY_PATH`.
 */
async function readPrivateKey(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.PRIVATE_KEY) {
    const pem = env.PRIVATE_KEY.includes('-----BEGIN')
      ? env.PRIVATE_KEY.replace(/\\n/g, '\n')
      : Buffer.from(env.PRIVATE_KEY, 'base64').toString('utf8');
    if (!pem.includes('-----BEGIN')) {
      throw new BadConfigError(
        'PRIVATE_KEY is neither a PEM key nor base64 of one.',
      );
    }
    return pem;
  }
  if (env.PRIVATE_KEY_PATH) {
    try {
      return await readFile(env.PRIVATE_KEY_PATH, 'utf8');
    } catch {
      throw new BadConfigError(
        `PRIVATE_KEY_PATH points to ${env.PRIVATE_KEY_PATH}, which cannot be read.`,
      );
    }
  }
  throw new BadConfigError(
    "Set PRIVATE_KEY or PRIVATE_KEY_PATH to the app's private key.",
  );
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) {
    throw new BadConfigError(`${name} is required; see .env.example.`);
  }
  return value;
}

function optionalCount(
  env: NodeJS.ProcessEnv,
  name: string,
): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return undefined;
  }
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new BadConfigError(
      `${name} must be a positive whole number, not "${raw}".`,
    );
  }
  return value;
}

function limitsOrBadConfig(
  env: NodeJS.ProcessEnv,
): ReturnType<typeof limitsFromEnv> {
  return badConfigOnThrow(() => limitsFromEnv(env));
}

/** A setting that cannot be read is a bad configuration, named as such. */
function badConfigOnThrow<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new BadConfigError(
      error instanceof Error ? error.message : String(error),
    );
  }
}
