/**
 * Writes the VS Code manifest fields of package.json (contributes, activation, icon, ...) from
 * the core's own tables (GPU catalogue, rules, formats), leaving every other key as it is.
 * Run: node --import tsx tools/update-manifest.ts   (test/unit/service/manifest.test.ts checks it is current)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GPUS } from '../server/src/core/perf/gpus';
import { RULES } from '../server/src/core/rules';
import { FORMAT_IDS } from '../server/src/core/pipeline/shape';
import { Commands, DEFAULT_SETTINGS, FIX_ALL_KIND, SEARCH_ACTION_KIND, SEARCH_TITLE } from '../server/src/protocol';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

export function manifestFields(): Record<string, unknown> {
  return {
    icon: 'media/icon.png',
    categories: ['Linters', 'Machine Learning', 'Visualization'],
    repository: { type: 'git', url: 'https://github.com/shapelint/shapelint' },
    activationEvents: [
      'onLanguage:yaml',
      'onLanguage:json',
      'onLanguage:jsonc',
      'onLanguage:shellscript',
      'onLanguage:python',
      'workspaceContains:**/config.json',
    ],
    contributes: {
      commands: [
        { command: Commands.selectGpu, title: 'Select target GPU', category: 'shapelint' },
        { command: Commands.showReport, title: 'Show shape report', category: 'shapelint', icon: '$(graph)' },
        { command: Commands.applyAllSafeFixes, title: 'Apply all safe shape fixes', category: 'shapelint' },
        { command: Commands.findFasterShapes, title: SEARCH_TITLE, category: 'shapelint', icon: '$(rocket)' },
      ],
      configuration: {
        title: 'shapelint',
        properties: {
          'shapelint.gpu': {
            type: 'string',
            scope: 'resource',
            default: DEFAULT_SETTINGS.gpu,
            enum: GPUS.map((gpu) => gpu.id),
            enumDescriptions: GPUS.map((gpu) => gpu.name),
            description: 'The GPU that predicted TFLOP/s, fix speed-ups and the alignment rules are computed for.',
          },
          'shapelint.dtype': {
            type: 'string',
            scope: 'resource',
            default: DEFAULT_SETTINGS.dtype,
            enum: ['bf16', 'fp16', 'fp8'],
            description: 'Data type of the GEMMs: sets the GPU peak and the bytes per element used for alignment.',
          },
          'shapelint.microBatchSize': {
            type: 'integer',
            scope: 'resource',
            minimum: 1,
            default: DEFAULT_SETTINGS.microBatchSize,
            description: 'Micro-batch size (sequences per GPU) used when the config does not say.',
          },
          'shapelint.sequenceLength': {
            type: 'integer',
            scope: 'resource',
            minimum: 1,
            default: DEFAULT_SETTINGS.sequenceLength,
            description: 'Sequence length used when the config does not say.',
          },
          'shapelint.tensorParallelSize': {
            type: 'integer',
            scope: 'resource',
            minimum: 1,
            default: DEFAULT_SETTINGS.tensorParallelSize,
            description: 'Tensor-parallel size used when the config does not say.',
          },
          'shapelint.rules': {
            type: 'object',
            scope: 'resource',
            default: {},
            description: 'Severity per rule id, or "off" to turn a rule off.',
            properties: Object.fromEntries(RULES.map((rule) => [rule.id, { type: 'string', enum: SEVERITIES, description: rule.description }])),
            additionalProperties: { type: 'string', enum: SEVERITIES },
          },
          'shapelint.inlayHints.enabled': {
            type: 'boolean',
            scope: 'resource',
            default: DEFAULT_SETTINGS.inlayHints.enabled,
            description: 'Show derived values inline: the head dim after the head count, the padded vocabulary after the vocabulary size.',
          },
          'shapelint.gpuProfile': {
            type: 'string',
            scope: 'resource',
            default: DEFAULT_SETTINGS.gpuProfile,
            markdownDescription:
              'A measured GEMM profile (JSON written by `tools/gemm-sweep.py` on your GPU). Predictions use its measurements where it has them. Relative paths start at the workspace folder.',
          },
          'shapelint.associations': {
            type: 'object',
            scope: 'resource',
            default: DEFAULT_SETTINGS.associations,
            markdownDescription:
              'Glob → format, for configs shapelint does not recognise by name and content (like `files.associations`), e.g. `{"**/launch/*.sh": "megatron"}`. Takes effect for new documents after a window reload.',
            additionalProperties: { type: 'string', enum: [...FORMAT_IDS] },
          },
        },
      },
      jsonValidation: [{ fileMatch: ['config.json', '**/config.json'], url: './schemas/hf-config.schema.json' }],
      yamlValidation: [{ fileMatch: ['**/neox/**/*.yml', '**/gpt-neox/**/*.yml', '**/*neox*.yml'], url: './schemas/gpt-neox.schema.json' }],
      grammars: [
        {
          scopeName: 'megatron-flags.injection',
          path: './syntaxes/megatron-flags.injection.tmLanguage.json',
          injectTo: ['source.shell'],
        },
      ],
      menus: {
        'editor/title': [{ command: Commands.showReport, when: 'resourceLangId =~ /^(yaml|json|jsonc|shellscript|python)$/', group: 'navigation' }],
      },
      codeActions: [
        {
          languages: ['yaml', 'json', 'jsonc', 'shellscript', 'python'],
          actions: [
            { kind: FIX_ALL_KIND, title: 'Apply all safe shape fixes', description: 'Pads the vocabulary and divisors to aligned sizes; never changes the architecture.' },
            {
              kind: SEARCH_ACTION_KIND,
              title: SEARCH_TITLE,
              description: "Opens the shape report's search: the shapes near this one that the throughput model predicts run fastest at the same size.",
            },
          ],
        },
      ],
    },
  };
}

const MANIFEST_PATH = join(__dirname, '..', 'package.json');

/** package.json with the manifest fields replaced, other keys and their order untouched. */
export function updatedManifest(text: string): string {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  return `${JSON.stringify({ ...manifest, ...manifestFields() }, null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(MANIFEST_PATH, updatedManifest(readFileSync(MANIFEST_PATH, 'utf8')));
}
