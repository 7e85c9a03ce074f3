import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The pipeline's stages, in the order data goes through them: a stage may
// import the shared files at the top of src/ and the stages before it, never
// one after it. measure.ts and index.ts compose the stages; only cli/ uses them.
const stages = ['input', 'pool', 'fetch', 'page', 'crawl', 'report', 'output', 'cli'];
const sharedFiles = ['errors', 'record', 'options', 'crawl-options', 'option-values', 'scheme', 'version'].map((name) => `src/${name}.ts`);

function importsOnlyFrom(earlier, prefix) {
  const later = stages.filter((stage) => !earlier.includes(stage));
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [...later.map((stage) => `${prefix}${stage}/*`), `${prefix}measure.js`, `${prefix}index.js`],
            message: 'Import only downward: the shared files and the stages before this one.',
          },
        ],
      },
    ],
  };
}

// cli/ comes last and may import everything, so it has no rule.
const layering = [
  { files: sharedFiles, rules: importsOnlyFrom([], './') },
  ...stages.slice(0, -1).map((stage, position) => ({
    files: [`src/${stage}/**/*.ts`],
    rules: importsOnlyFrom(stages.slice(0, position + 1), '../'),
  })),
];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'exit', message: 'Return an exit code from main() instead.' }],
    },
  },
  ...layering,
  {
    // Tests fake async sources and tasks without awaiting anything.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['bin/**/*.js', 'bench/**/*.js', 'test/fixtures/**/*.mjs', 'eslint.config.js', 'vitest.config.ts'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
);
