import type { ConfigEntry } from '../model/document';
import type { LatentAttention } from '../model/prediction';
import { LATENT_ATTENTION_FIELDS, type LatentAttentionShape, type ModelShape } from '../model/shape';
import type { CatalogueModel } from './catalogue/models';
import { catalogueModelAt } from './fields';
import type { ReadContext } from './format';
import { hfReader } from './hf';

/** `org/name`, as the Hub spells a model id; nothing that could climb out of the cache folder. */
const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

/**
 * The model an entry names: the model catalogue's, else (or, for the exact revision the file
 * names, first) the `config.json` the local Hugging Face cache holds for that Hub id, read as a
 * Hugging Face config. Undefined when neither knows it.
 */
export function namedModel(entry: ConfigEntry | undefined, context: ReadContext | undefined, revision?: ConfigEntry): { model: CatalogueModel; entry: ConfigEntry } | undefined {
  const catalogued = catalogueModelAt(entry);
  const wanted = typeof revision?.value === 'string' && !revision.unresolved ? revision.value : undefined;
  if (catalogued && wanted === undefined) return catalogued;
  const cached = entry && context?.hubConfig ? cachedModel(entry, context.hubConfig, wanted) : undefined;
  return cached ?? catalogued;
}

function cachedModel(entry: ConfigEntry, lookup: NonNullable<ReadContext['hubConfig']>, revision: string | undefined): { model: CatalogueModel; entry: ConfigEntry } | undefined {
  if (entry.unresolved || typeof entry.value !== 'string' || !HUB_ID.test(entry.value) || entry.value.includes('..')) return undefined;
  const id = entry.value;
  const found = lookup(id, revision);
  if (!found) return undefined;
  const shape = hfReader.read(hfReader.parse(found.text));
  const model = modelFromShape(id, shape, found);
  return model ? { model, entry } : undefined;
}

/** A catalogue row from a cached config.json's shape; undefined without hidden size, layers and heads. */
function modelFromShape(id: string, shape: ModelShape, found: { path: string; revision: string }): CatalogueModel | undefined {
  const hiddenSize = shape.hiddenSize.value;
  const numLayers = shape.numLayers.value;
  const numHeads = shape.numHeads.value;
  if (hiddenSize === null || numLayers === null || numHeads === null) return undefined;
  return {
    name: id,
    family: 'local Hugging Face cache',
    names: [id],
    hiddenSize,
    numLayers,
    numHeads,
    numKvHeads: shape.numKvHeads.value ?? numHeads,
    headDim: shape.headDim.value ?? hiddenSize / numHeads,
    ffnHiddenSize: shape.ffnHiddenSize.value ?? 4 * hiddenSize,
    vocabSize: shape.vocabSize.value,
    paddedVocabSize: shape.paddedVocabSize.value ?? shape.vocabSize.value,
    seqLength: shape.seqLength.value,
    numExperts: shape.numExperts.value ?? 1,
    expertsPerToken: shape.expertsPerToken.value ?? 1,
    ...(shape.denseLayers.value !== null && shape.sharedExpertFfnSize.value !== null
      ? { moeLayers: { denseLayers: shape.denseLayers.value, sharedExpertFfnSize: shape.sharedExpertFfnSize.value, ...(shape.denseFfnHiddenSize.value !== null ? { denseFfnHiddenSize: shape.denseFfnHiddenSize.value } : {}) } }
      : {}),
    ...(shape.latentAttention ? latentAttentionSizes(shape.latentAttention) : {}),
    activation: shape.activation.value ?? 'unknown',
    gatedMlp: shape.gatedMlp,
    source: { repo: id, path: found.path, commit: found.revision },
    cachedAt: found.path,
  };
}

/** The cached config's multi-latent attention sizes, where it gives all five; without one, the row counts standard attention. */
function latentAttentionSizes(fields: LatentAttentionShape): Pick<CatalogueModel, 'latentAttention'> {
  const sizes: Partial<LatentAttention> = {};
  for (const name of LATENT_ATTENTION_FIELDS) {
    const value = fields[name].value;
    if (value === null) return {};
    sizes[name] = value;
  }
  return { latentAttention: sizes as LatentAttention };
}
