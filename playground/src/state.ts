/**
 * The page's shareable state, kept in the URL fragment (`#file=config.json&text=<base64url>&gpu=a100`),
 * which the browser never sends anywhere: the file name, its text, and the launch around it.
 */

/** The launch fields the page offers, each with the `shapelint.*` setting it becomes and its fragment key. */
export const LAUNCH_FIELDS = [
  { key: 'gpus', setting: 'gpus', label: 'GPUs' },
  { key: 'tp', setting: 'tensorParallelSize', label: 'TP' },
  { key: 'pp', setting: 'pipelineParallelSize', label: 'PP' },
  { key: 'mb', setting: 'microBatchSize', label: 'micro-batch' },
  { key: 'seq', setting: 'sequenceLength', label: 'sequence' },
] as const;

export type LaunchKey = (typeof LAUNCH_FIELDS)[number]['key'];

export interface PlaygroundState {
  fileName: string;
  text: string;
  /** A GPU catalogue id; '' for the server's default. */
  gpu: string;
  /** A format id forced on the file; '' to detect it from the name and content. */
  format: string;
  /** Only the fields set: the file, else the server's default, decides the rest. */
  launch: Partial<Record<LaunchKey, number>>;
}

export function encodeState(state: PlaygroundState): string {
  const params = new URLSearchParams({ file: state.fileName, text: toBase64Url(state.text) });
  if (state.gpu) params.set('gpu', state.gpu);
  if (state.format) params.set('format', state.format);
  for (const { key } of LAUNCH_FIELDS) {
    const value = state.launch[key];
    if (value !== undefined) params.set(key, String(value));
  }
  return `#${params.toString()}`;
}

/**
 * The state a fragment describes; null when it names no file, an error when its text does not
 * decode. A launch value that is not a positive integer is left out.
 */
export function decodeState(fragment: string): PlaygroundState | { error: string } | null {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const fileName = params.get('file');
  if (!fileName) return null;
  const text = fromBase64Url(params.get('text') ?? '');
  if (text === undefined) return { error: `the link's text for ${fileName} is not base64url of UTF-8 text` };
  const launch: Partial<Record<LaunchKey, number>> = {};
  for (const { key } of LAUNCH_FIELDS) {
    const value = Number(params.get(key) ?? '');
    if (Number.isInteger(value) && value > 0) launch[key] = value;
  }
  return { fileName, text, gpu: params.get('gpu') ?? '', format: params.get('format') ?? '', launch };
}

/** The settings section the language server reads (`shapelint.*`): the GPU, the launch fields set, and the forced format. */
export function settingsOf(state: Pick<PlaygroundState, 'gpu' | 'format' | 'launch'>): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  if (state.gpu) settings.gpu = state.gpu;
  for (const { key, setting } of LAUNCH_FIELDS) {
    if (state.launch[key] !== undefined) settings[setting] = state.launch[key];
  }
  // One document is open: an association for every path forces the format on it, as `--config-format` does.
  if (state.format) settings.associations = { '**': state.format };
  return settings;
}

/** RFC 4648 §5 base64url of the UTF-8 bytes, without padding. */
export function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text of a base64url string; undefined when it is not base64url or not UTF-8. */
export function fromBase64Url(encoded: string): string | undefined {
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return undefined;
  }
}
