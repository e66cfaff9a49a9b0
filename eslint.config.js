import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-output/", "client/public/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      // React Three Fiber mutates three.js objects in frame callbacks by design.
      "react-hooks/immutability": "off",
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/server/**"], message: "client and shared code must not import the server" }] },
      ],
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/client/**", "**/server/**"], message: "shared/ imports neither side" }] },
      ],
    },
  },
  {
    files: ["server/**/*.ts", "test/**/*.ts"],
    rules: { "no-restricted-imports": "off" },
  },
);
