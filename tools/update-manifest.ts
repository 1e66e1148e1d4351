/**
 * Writes the VS Code manifest fields of package.json (contributes, activation, icon, ...) from
 * the core's own tables (GPU catalogue, rules, formats), leaving every other key as it is, and
 * package.nls.json: every user-facing string of the manifest, which package.json names as %key%.
 * Run: node --import tsx tools/update-manifest.ts   (test/unit/service/manifest.test.ts checks both are current)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GPUS } from '../server/src/core/perf/gpus';
import { RULES } from '../server/src/core/rules';
import { FORMAT_IDS, RECOMPUTE_MODES } from '../server/src/core/model/shape';
import { ATTENTION_OVERRIDES } from '../server/src/core/model/options';
import { Commands, DEFAULT_SETTINGS, FIX_ALL_KIND, SEARCH_ACTION_KIND, SEARCH_TITLE } from '../server/src/protocol';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];
const REPOSITORY = 'https://github.com/shapelint/shapelint';
/** The walkthrough's id, as `contributes.walkthroughs` and the Welcome page know it. */
export const WALKTHROUGH_ID = 'shapelint.gettingStarted';

/** The manifest fields and package.nls.json's strings: `text(key, english)` records a string and returns its %key%. */
export function manifestFields(): Record<string, unknown> {
  return localizedManifest().fields;
}

export function nlsStrings(): Record<string, string> {
  return localizedManifest().nls;
}

function localizedManifest(): { fields: Record<string, unknown>; nls: Record<string, string> } {
  const nls: Record<string, string> = {};
  const text = (key: string, english: string) => {
    nls[key] = english;
    return `%${key}%`;
  };
  const step = (id: string, title: string, description: string, command: string) => ({
    id,
    title: text(`walkthrough.${id}.title`, title),
    description: text(`walkthrough.${id}.description`, description),
    media: { markdown: `media/walkthrough/${id}.md` },
    completionEvents: [`onCommand:${command}`],
  });
  // A run size a setting forces over the file: a positive integer, or null to force nothing.
  const launchSetting = (name: 'gpus' | 'gpusPerNode' | 'pipelineParallelSize', description: string) => ({
    type: ['integer', 'null'],
    scope: 'resource',
    minimum: 1,
    default: DEFAULT_SETTINGS[name],
    description: text(`config.${name}`, description),
  });
  const fields = {
    displayName: text('displayName', 'shapelint: transformer shapes for your GPU'),
    description: text(
      'description',
      'Tells transformer designers how their model config will run on a GPU: alignment, tile and wave quantization, predicted TFLOP/s per GEMM, and the fixes that pad it.',
    ),
    icon: 'media/icon.png',
    galleryBanner: { color: '#1b2a3a', theme: 'dark' },
    categories: ['Linters', 'Machine Learning', 'Visualization'],
    keywords: ['transformer', 'gpu', 'tensor cores', 'llm', 'megatron', 'gpt-neox', 'nemo', 'hugging face', 'litgpt', 'nanogpt', 'throughput', 'cuda'],
    repository: { type: 'git', url: REPOSITORY },
    bugs: { url: `${REPOSITORY}/issues` },
    homepage: `${REPOSITORY}#readme`,
    // The languages configs are written in; commands and the walkthrough activate the extension by themselves.
    activationEvents: ['onLanguage:yaml', 'onLanguage:json', 'onLanguage:jsonc', 'onLanguage:shellscript', 'onLanguage:python', 'onLanguage:toml'],
    contributes: {
      commands: [
        { command: Commands.selectGpu, title: text('command.selectGpu', 'Select target GPU'), category: 'shapelint' },
        { command: Commands.showReport, title: text('command.showReport', 'Show shape report'), category: 'shapelint', icon: '$(graph)' },
        { command: Commands.applyAllSafeFixes, title: text('command.applyAllSafeFixes', 'Apply all safe shape fixes'), category: 'shapelint' },
        { command: Commands.findFasterShapes, title: text('command.findFasterShapes', SEARCH_TITLE), category: 'shapelint', icon: '$(rocket)' },
        { command: Commands.openExample, title: text('command.openExample', 'Open an example config (GPT-3 2.7B)'), category: 'shapelint' },
      ],
      walkthroughs: [
        {
          id: WALKTHROUGH_ID,
          title: text('walkthrough.title', 'Get started with shapelint'),
          description: text('walkthrough.description', 'Check a model config against your GPU, fix what costs throughput, and read the layer report.'),
          steps: [
            step('pickGpu', 'Pick your GPU', 'Predictions and fixes are for one GPU.\n[Select target GPU](command:shapelint.selectGpu)', Commands.selectGpu),
            step('openExample', 'Open an example config', 'GPT-3 2.7B as a Hugging Face config.json: 32 heads of 80 and a 50257-token vocabulary.\n[Open the example](command:shapelint.openExample)', Commands.openExample),
            step('applyFix', 'Apply a fix', 'Put the cursor on a warning and press Ctrl+. (Cmd+. on macOS), or apply every safe fix (padding) at once.\n[Apply all safe fixes](command:shapelint.applyAllSafeFixes)', Commands.applyAllSafeFixes),
            step('openReport', 'Open the report', "The layer's GEMMs with tiles, waves and bound, and throughput against the head count and the MLP size.\n[Show shape report](command:shapelint.showReport)", Commands.showReport),
          ],
        },
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
            description: text('config.gpu', 'The GPU that predicted TFLOP/s, fix speed-ups and the alignment rules are computed for.'),
          },
          'shapelint.dtype': {
            type: 'string',
            scope: 'resource',
            default: DEFAULT_SETTINGS.dtype,
            enum: ['bf16', 'fp16', 'fp8'],
            description: text('config.dtype', 'Data type of the GEMMs where the config does not say its precision (--bf16, NeoX precision, NeMo trainer.precision): sets the GPU peak and the bytes per element used for alignment.'),
          },
          'shapelint.microBatchSize': {
            type: 'integer',
            scope: 'resource',
            minimum: 1,
            default: DEFAULT_SETTINGS.microBatchSize,
            description: text('config.microBatchSize', 'Micro-batch size (sequences per GPU) used when the config does not say.'),
          },
          'shapelint.sequenceLength': {
            type: 'integer',
            scope: 'resource',
            minimum: 1,
            default: DEFAULT_SETTINGS.sequenceLength,
            description: text('config.sequenceLength', 'Sequence length used when the config does not say.'),
          },
          'shapelint.tensorParallelSize': {
            type: 'integer',
            scope: 'resource',
            minimum: 1,
            default: DEFAULT_SETTINGS.tensorParallelSize,
            description: text('config.tensorParallelSize', 'Tensor-parallel size used when the config does not say.'),
          },
          'shapelint.attention': {
            type: 'string',
            scope: 'resource',
            enum: ['auto', ...ATTENTION_OVERRIDES],
            default: DEFAULT_SETTINGS.attention,
            description: text(
              'config.attention',
              "The attention kernel predictions assume: auto (what the file says, else the framework's default: PyTorch SDPA, Transformer Engine, ...), flash, or unfused (the paper's setting).",
            ),
          },
          'shapelint.dropout': {
            type: ['number', 'null'],
            scope: 'resource',
            minimum: 0,
            exclusiveMaximum: 1,
            default: DEFAULT_SETTINGS.dropout,
            description: text('config.dropout', "Attention and hidden dropout probability predictions assume, over the file's; null: the file's, else the framework's default."),
          },
          'shapelint.recompute': {
            type: 'string',
            scope: 'resource',
            enum: ['auto', ...RECOMPUTE_MODES],
            default: DEFAULT_SETTINGS.recompute,
            description: text('config.recompute', "Activation recomputation in the backward: auto (the file's, else the framework's default), none, selective or full."),
          },
          'shapelint.gpus': launchSetting('gpus', "GPUs the run uses where the config does not say (torchrun nodes × GPUs per node, ...); null: one node of eight. Sets the memory per GPU, the step time and the MFU the code lens shows."),
          'shapelint.gpusPerNode': launchSetting('gpusPerNode', "GPUs per node (one NVLink domain) where the config does not say; null: the GPU's NVLink domain up to eight. Decides which traffic crosses the network."),
          'shapelint.pipelineParallelSize': launchSetting('pipelineParallelSize', "Pipeline-parallel stages where the config and its framework's default do not say (--pipeline-model-parallel-size, ...); null: one stage."),
          'shapelint.rules': {
            type: 'object',
            scope: 'resource',
            default: {},
            description: text('config.rules', 'Severity per rule id, or "off" to turn a rule off.'),
            properties: Object.fromEntries(RULES.map((rule) => [rule.id, { type: 'string', enum: SEVERITIES, description: text(`config.rules.${rule.id}`, rule.description) }])),
            additionalProperties: { type: 'string', enum: SEVERITIES },
          },
          'shapelint.inlayHints.enabled': {
            type: 'boolean',
            scope: 'resource',
            default: DEFAULT_SETTINGS.inlayHints.enabled,
            description: text('config.inlayHints.enabled', 'Show derived values inline: the head dim after the head count, the padded vocabulary after the vocabulary size.'),
          },
          'shapelint.gpuProfile': {
            type: 'string',
            scope: 'resource',
            default: DEFAULT_SETTINGS.gpuProfile,
            markdownDescription: text(
              'config.gpuProfile',
              'A measured GEMM profile (JSON written by `tools/gemm-sweep.py` on your GPU). Predictions use its measurements where it has them. Relative paths start at the workspace folder. It is read only from a regular file under a workspace folder or your home folder, up to 4 MB; in Restricted Mode a workspace value is ignored.',
            ),
          },
          'shapelint.associations': {
            type: 'object',
            scope: 'resource',
            default: DEFAULT_SETTINGS.associations,
            markdownDescription: text(
              'config.associations',
              'Glob → format, for configs shapelint does not recognise by name and content (like `files.associations`), e.g. `{"**/launch/*.sh": "megatron"}`. Takes effect for new documents after a window reload.',
            ),
            additionalProperties: { type: 'string', enum: [...FORMAT_IDS] },
          },
          // vscode-languageclient reads <id>.trace.server; its messages go to the shapelint output channel, whose
          // own level is set with Developer: Set Log Level.
          'shapelint.trace.server': {
            type: 'string',
            scope: 'window',
            default: 'off',
            enum: ['off', 'messages', 'verbose'],
            description: text('config.trace.server', 'Logs the messages between VS Code and the shapelint language server to the shapelint output channel.'),
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
            {
              kind: FIX_ALL_KIND,
              title: text('codeAction.fixAll.title', 'Apply all safe shape fixes'),
              description: text('codeAction.fixAll.description', 'Pads the vocabulary and divisors to aligned sizes; never changes the architecture.'),
            },
            {
              kind: SEARCH_ACTION_KIND,
              title: text('codeAction.search.title', SEARCH_TITLE),
              description: text(
                'codeAction.search.description',
                "Opens the shape report's search: the shapes near this one that the throughput model predicts run fastest at the same size.",
              ),
            },
          ],
        },
      ],
    },
  };
  return { fields, nls };
}

const MANIFEST_PATH = join(__dirname, '..', 'package.json');
const NLS_PATH = join(__dirname, '..', 'package.nls.json');

/** package.json with the manifest fields replaced, other keys and their order untouched. */
export function updatedManifest(text: string): string {
  const manifest = JSON.parse(text) as Record<string, unknown>;
  return `${JSON.stringify({ ...manifest, ...manifestFields() }, null, 2)}\n`;
}

export function nlsFile(): string {
  return `${JSON.stringify(nlsStrings(), null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(MANIFEST_PATH, updatedManifest(readFileSync(MANIFEST_PATH, 'utf8')));
  writeFileSync(NLS_PATH, nlsFile());
}
