import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "#db/database";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  DEMO_MODE: z.enum(["auto", "off"]).default("auto"),
  DEMO_SEED: z.string().min(1).default("rondom-demo"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Rondom <noreply@rondom.localhost>"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    SMTP_URL: process.env.SMTP_URL || undefined,
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
