// ESLint flat config in the Office add-in template's style: the office-addins plugin's
// recommended rules (TypeScript parser, Office.js rules, prettier), plus the house rules.
const officeAddins = require("eslint-plugin-office-addins");
const tsParser = require("@typescript-eslint/parser");

module.exports = [
  { ignores: ["node_modules/", "dist/", "out/", "coverage/", "bin/", "*.config.js"] },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        console: "readonly",
        process: "readonly",
        __dirname: "readonly",
        require: "readonly",
      },
    },
    rules: {
      "no-undef": "off", // TypeScript checks names; this rule does not know its types
      "no-redeclare": "off",
      // The base rule misreads parameter names in TypeScript signatures (`save(change): …`).
      "no-unused-vars": "off",
    },
  },
];
