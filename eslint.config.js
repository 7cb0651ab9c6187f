import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["build/", "data/", "node_modules/", "test-results/", "playwright-report/", ".cache/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    // Type-aware rules: a promise nobody awaits (background work such as the release, the
    // clock, the mail sender) fails silently or crashes the process on rejection. Such work
    // is either awaited, or handed off with `void` and its own catch, visibly.
    files: ["**/*.{ts,tsx}", "server.js", "app/**/*.js"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    // One zod: app/utils/zod.ts turns its JIT off before any schema is built (see there).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/utils/zod.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "zod", message: 'Import z from "~/utils/zod" (zod without its JIT).' }] },
      ],
    },
  },
  {
    // One way to open a transaction: inTransaction (db/transaction.ts) runs SERIALIZABLE and
    // retries on PostgreSQL; a bare db.transaction() would not.
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts", "scripts/**/*.ts"],
    ignores: ["db/transaction.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='transaction'][arguments.length=0]",
          message:
            'Use inTransaction from "#db/transaction" (serializable with retry on PostgreSQL).',
        },
      ],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      "react/prop-types": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
);
