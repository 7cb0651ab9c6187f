import { z } from "~/utils/zod";
import { DEFAULT_DATABASE_URL } from "#db/database";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  /** PostgreSQL only: connections one app instance keeps open at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  DEMO_MODE: z.enum(["auto", "off"]).default("auto"),
  DEMO_SEED: z.string().min(1).default("rondom-demo"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Rondom <noreply@rondom.localhost>"),
  /** How often the background sender looks for due mail. */
  EMAIL_SEND_INTERVAL_MS: z.coerce.number().int().min(100).default(5_000),
  /**
   * Session signing secrets, comma-separated: the first signs, all are accepted (rotation).
   * Without it the instance generates one and keeps it in the database.
   */
  SESSION_SECRETS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ?.split(",")
        .map((secret) => secret.trim())
        .filter(Boolean),
    )
    .refine((secrets) => !secrets || secrets.every((secret) => secret.length >= 32), {
      message: "elk geheim moet minstens 32 tekens lang zijn",
    }),
  /** Key from which invitation link tokens are derived (only their hashes are stored). */
  INVITATION_SECRET: z.string().min(32).optional(),
  /** The address people use to reach Rondom; links in mail point here (never the Host header). */
  APP_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().positive().default(3000),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE || undefined,
    SMTP_URL: process.env.SMTP_URL || undefined,
    SESSION_SECRETS: process.env.SESSION_SECRETS || undefined,
    APP_URL: process.env.APP_URL || undefined,
    INVITATION_SECRET: process.env.INVITATION_SECRET || undefined,
    PORT: process.env.PORT || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `- ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Ongeldige configuratie (omgevingsvariabelen):\n${problems.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** The origin links in mail point to, without a trailing slash. */
export function appUrl(env: Env = getEnv()): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

/** Cookies are Secure in production, unless the e2e tests run the build over plain HTTP. */
export function secureCookies(): boolean {
  return process.env.NODE_ENV === "production" && process.env.INSECURE_COOKIES !== "1";
}
