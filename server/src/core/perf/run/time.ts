import { COLLECTIVE_BUS_FRACTION, TRAINING_COMPUTE_EFFICIENCY, ZERO3_COLLECTIVE_EFFICIENCY } from '../calibration';
import type { GpuSpec } from '../../model/hardware';
import type { GemmPrediction, LayerPrediction, LayerSpec } from '../../model/prediction';
import { RUN_CONSTANTS } from './constants';
import type { RunLaunch, RunLayout } from './launch';
import { GIB, largerEndStage, loraStageParams, stageParams, wholeLayersRecomputed, type LoraStageParams, type RunTerm } from './memory';
import { layersTimeUs } from '../index';
import { attentionWidths, layerKinds } from '../layer';
import type { Adapter } from '../../model/shape';

export type TimeTermName = 'compute' | 'recompute' | 'tensorParallel' | 'contextParallel' | 'expertParallel' | 'pipelineP2p' | 'pipelineBubble' | 'dataParallel' | 'optimizer';

/** What one micro-batch costs on the slowest pipeline stage, µs, from the layer model. */
export interface StageWork {
  /** Forward + backward of the stage's layers and, on the last stage, the logits and loss. */
  computeUs: number;
  /** The forward work recomputation repeats. */
  recomputeUs: number;
  /** The backward share of computeUs: what a gradient reduction can hide under. */
  backwardUs: number;
  /** Attention's forward + backward on one layer: what context-parallel ring traffic hides under. */
  attentionUs: number;
  /** One layer's linear GEMMs (QKV, projection, MLP), forward + backward: what overlapped tensor-parallel traffic hides under. */
  linearGemmUs: number;
  /** Under LoRA, what the frozen weights' gradient GEMMs would have cost and are not run (already left out of computeUs). */
  frozenWeightGradientUs?: number;
}

const ATTENTION_KERNELS: ReadonlySet<string> = new Set(['attention_score', 'attention_over_value', 'flash_attention', 'softmax', 'attention_dropout']);

const sumUs = (items: readonly { name: string; timeUs: number }[], keep: (name: string) => boolean): number =>
  items.filter((item) => keep(item.name)).reduce((total, item) => total + item.timeUs, 0);

/**
 * The stage's work per micro-batch from the layer model run at s/c tokens per GPU. Context
 * parallelism leaves each GPU s/c queries against all s keys, so attention costs c times what
 * the model predicts at s/c. Selective recomputation repeats the attention core's forward
 * (Korthikanti §5), full recomputation the whole layer's forward.
 */
export function stageWork(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, training: LayerPrediction, forward: LayerPrediction): StageWork {
  const c = launch.contextParallel;
  const layers = layout.layersPerStage;
  const attentionOf = (prediction: LayerPrediction): number =>
    sumUs(prediction.gemms.map((gemm) => ({ name: gemm.name, timeUs: gemm.timeUs })), (name) => ATTENTION_KERNELS.has(name)) + sumUs(prediction.elementwise, (name) => ATTENTION_KERNELS.has(name));
  const attentionUs = attentionOf(training) * c;
  // One (MoE) layer's linear GEMMs, forward and backward: what tensor-parallel overlap hides its collectives under.
  const linearGemmUs = sumUs(training.gemms, (name) => !ATTENTION_KERNELS.has(name) && name !== 'logits');
  // `count` of the stage's layers, each kind (MoE, dense) at its own time, with attention c times its s/c share.
  const stageUs = (prediction: LayerPrediction, count = layers): number => layersTimeUs(spec, prediction, count) + count * attentionOf(prediction) * (c - 1);
  const tokens = (spec.seqLength / c) * spec.microBatchSize;
  const logitsUs = (tokens / training.model.tokensPerSecond) * 1e6 - layersTimeUs(spec, training, Math.max(1, spec.numLayers));
  // Layers recomputed whole run their forward again; Megatron's and torchtitan's per-op selective repeat the attention core of every layer.
  const wholeLayers = wholeLayersRecomputed(launch, layers);
  const partLayers = launch.recompute === 'selective' && launch.selectiveLayerInterval === undefined ? layers : 0;
  const efficiency = TRAINING_COMPUTE_EFFICIENCY.value;
  const frozenUs = launch.adapter ? frozenWeightGradientUs(training, layers) / efficiency : 0;
  const computeUs = (stageUs(training) + Math.max(0, logitsUs)) / efficiency - frozenUs;
  return {
    computeUs,
    recomputeUs: (stageUs(forward, wholeLayers) + partLayers * attentionOf(forward) * c) / efficiency,
    backwardUs: computeUs - stageUs(forward) / efficiency,
    attentionUs: attentionUs / efficiency,
    linearGemmUs: linearGemmUs / efficiency,
    ...(launch.adapter ? { frozenWeightGradientUs: frozenUs } : {}),
  };
}

/**
 * A LoRA backward computes the input gradient of every frozen linear (the adapters below need
 * it) but no weight gradient: the `.wgrad` GEMM of each linear (QKV, projection, MLP) and of the
 * logits (the stage work is the last stage's, which holds them) is not run. The attention core has no
 * weights: all of its backward stays. The adapters' own rank-r matmuls are left out.
 */
function frozenWeightGradientUs(training: LayerPrediction, layers: number): number {
  const wgrad = (gemm: GemmPrediction): boolean => gemm.label === `${gemm.name}.wgrad` && !ATTENTION_KERNELS.has(gemm.name);
  const layer = training.gemms.filter((gemm) => wgrad(gemm) && gemm.name !== 'logits').reduce((sum, gemm) => sum + gemm.timeUs, 0);
  const logits = training.gemms.filter((gemm) => wgrad(gemm) && gemm.name === 'logits').reduce((sum, gemm) => sum + gemm.timeUs, 0);
  return layers * layer + logits;
}

interface Link {
  name: string;
  bytesPerUs: number;
}

/** A communicator in Megatron's rank order (TP fastest, then CP, DP, PP): `size` members, `stride` ranks apart. */
interface Group {
  size: number;
  stride: number;
}

/**
 * The bus bandwidth a ring collective of `group` reaches. Inside one node it is the NVLink/xGMI/
 * PCIe link's. Across nodes NCCL runs one ring per NIC, so a node's members share the crossing:
 * with r members per node the bus runs at r × the per-GPU network rate, and never faster than
 * the intra-node link (nccl-tests on DGX A100 reach ~190 GB/s busbw across nodes with 8× 200 Gb/s).
 */
function linkFor(group: Group, launch: RunLaunch, gpu: GpuSpec): Link {
  const node = Math.min(launch.gpusPerNode, gpu.intraNode.domainSize);
  const intra: Link = { name: gpu.intraNode.kind, bytesPerUs: gpu.intraNode.bandwidthGBs * 1e3 * COLLECTIVE_BUS_FRACTION[gpu.intraNode.kind].value };
  if (group.size * group.stride <= node) return intra;
  const perNode = Math.max(1, Math.min(group.size, Math.floor(node / group.stride)));
  const network = perNode * (launch.interNodeGbps / 8) * 1e3 * COLLECTIVE_BUS_FRACTION.network.value;
  const name = `${launch.interNodeGbps} Gb/s network${perNode > 1 ? ` × ${perNode} per node` : ''}`;
  return network < intra.bytesPerUs ? { name, bytesPerUs: network } : { name: `${intra.name} (network × ${perNode} per node is faster)`, bytesPerUs: intra.bytesPerUs };
}

const LATENCY_US = RUN_CONSTANTS.collectiveLatencyUs.value;

/** Ring collectives: an all-reduce moves 2(n−1)/n of the buffer per GPU, a reduce-scatter or all-gather (n−1)/n. */
const ringUs = (bytes: number, ranks: number, passes: number, link: Link): number => (ranks > 1 && bytes > 0 ? LATENCY_US + (passes * (ranks - 1) * bytes) / ranks / link.bytesPerUs : 0);


/**
 * What stays exposed of one layer's tensor-parallel traffic when Transformer Engine's userbuffers
 * overlap it with the GEMMs (`--tp-comm-overlap`, which needs sequence parallelism). With TE's
 * default methods the all-gathers (ring exchange) and the backward reduce-scatters (bulk, under
 * the weight-gradient GEMMs) are hidden; each forward's two reduce-scatters after the projection
 * and the second MLP GEMM are pipelined in `splits` chunks, of which the last is not. Of the
 * 2·collectives transfers of equal bytes, 2·(forward passes) are pipelined: 1/(splits ·
 * collectives / forwards) of the traffic stays exposed (1/16 without full recomputation). Nothing
 * is hidden beyond the layer's linear GEMMs: `comm − GEMMs` is the least that shows. The SMs the
 * communication kernels take from the GEMMs are not charged.
 */
function tensorParallelOverlap(commUs: number, collectives: number, linearGemmUs: number): { exposedUs: number; formula: string } {
  const splits = RUN_CONSTANTS.tensorParallelOverlapSplits.value;
  const forwards = collectives / 2 - 1;
  const exposedShare = forwards / (splits * collectives);
  const exposedUs = Math.max(exposedShare * commUs, commUs - linearGemmUs);
  return {
    exposedUs,
    formula: `max(${forwards}/${splits * collectives} of ${(commUs / 1e3).toFixed(3)} ms, ${(commUs / 1e3).toFixed(3)} ms − ${(linearGemmUs / 1e3).toFixed(3)} ms of linear GEMMs), overlapped with the GEMMs`,
  };
}

/** Time of one step, by part, µs. */
export function predictStepTerms(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, gpu: GpuSpec, work: StageWork): Partial<Record<TimeTermName, RunTerm>> {
  const t = Math.max(1, spec.tensorParallel);
  const { pipelineParallel: p, contextParallel: c, expertParallel: ep, virtualStages: v } = launch;
  const m = layout.microBatches;
  const sb = (spec.seqLength / c) * spec.microBatchSize;
  const activationBytes = sb * spec.hiddenSize * 2;
  const layers = layout.layersPerStage;
  const terms: Partial<Record<TimeTermName, RunTerm>> = {};

  const lora = work.frozenWeightGradientUs !== undefined ? `, LoRA: less ${(work.frozenWeightGradientUs / 1e3).toFixed(2)} ms of frozen weights' gradient GEMMs` : '';
  terms.compute = {
    value: m * work.computeUs,
    formula: `m ${m} × ${(work.computeUs / 1e3).toFixed(2)} ms forward + backward of ${layers} layers${p > 1 ? ' (last stage, with the logits)' : ' and the logits'}${lora}`,
    source: `the layer model (perf/layer.ts, gemm.ts), run at s/c tokens per GPU${lora ? '; LoRA freezes the base weights, so the backward skips their weight gradients (Hu et al. 2021 §4.2), the adapters\' rank-r matmuls left out' : ''}`,
  };
  // A layer recomputed whole repeats its forward's two TP collectives (and two all-to-alls under EP).
  const wholeLayers = wholeLayersRecomputed(launch, layers);
  if (work.recomputeUs > 0) {
    const what = launch.recompute === 'full' ? 'the layers\' forward' : wholeLayers > 0 ? `the forward of the ${wholeLayers} of ${layers} layers checkpointed whole (torchtitan selective every ${launch.selectiveLayerInterval} layers)` : 'the attention core\'s forward';
    terms.recompute = { value: m * work.recomputeUs, formula: `m × ${what} again`, source: 'Korthikanti et al. 2022 §5 and Table 4 (full recomputation repeats the forward; selective only the attention core)' };
  }

  let perMicroBatchComm = 0;
  if (t > 1) {
    const link = linkFor({ size: t, stride: 1 }, launch, gpu);
    const perCollective = launch.sequenceParallel ? 2 * ringUs(activationBytes, t, 1, link) : ringUs(activationBytes, t, 2, link);
    const overlapped = launch.tpCommOverlap === true && launch.sequenceParallel;
    const kind = launch.sequenceParallel ? '(reduce-scatter + all-gather)' : 'all-reduces';
    // A layer recomputed whole runs its forward's two collectives again: 6, the others 4.
    const parts = [
      { layerCount: layers - wholeLayers, collectives: 4, label: 'layers' },
      { layerCount: wholeLayers, collectives: 6, label: wholeLayers < layers ? 'recomputed layers' : 'layers' },
    ]
      .filter((part) => part.layerCount > 0)
      .map(({ layerCount, collectives, label }) => {
        const commUs = collectives * perCollective;
        const overlap = overlapped ? tensorParallelOverlap(commUs, collectives, work.linearGemmUs) : undefined;
        const what = `${collectives} ${kind}`;
        return { us: layerCount * (overlap?.exposedUs ?? commUs), text: `${layerCount} ${label} × ${overlap ? `${overlap.formula} (${what})` : what}` };
      });
    const perMicroBatch = parts.reduce((sum, part) => sum + part.us, 0);
    perMicroBatchComm += perMicroBatch;
    const notOverlapped = overlapped ? '' : `, not overlapped${launch.tpCommOverlap ? ' (the overlap needs sequence parallelism)' : ''}`;
    terms.tensorParallel = {
      value: m * perMicroBatch,
      formula: `m × ${parts.length > 1 ? `(${parts.map((part) => part.text).join(' + ')})` : parts[0].text} of s·b·h·2 B over TP ${t} on ${link.name}${notOverlapped}`,
      source: `Shoeybi et al. 2019 (arXiv 1909.08053) §3: two all-reduces forward, two backward per layer; Korthikanti §4.2.2: with SP the same bytes as reduce-scatter + all-gather${overlapped ? `; ${RUN_CONSTANTS.tensorParallelOverlapSplits.source}` : ''}`,
    };
  }
  if (c > 1) {
    const link = linkFor({ size: c, stride: t }, launch, gpu);
    const { key, value } = attentionWidths(spec);
    const kvBytes = (2 * sb * (key + value)) / t;
    const ringPerLayer = 3 * (c - 1) * (LATENCY_US + kvBytes / link.bytesPerUs);
    const exposed = Math.max(0, ringPerLayer - work.attentionUs);
    perMicroBatchComm += layers * exposed;
    terms.contextParallel = {
      value: m * layers * exposed,
      formula: `m × ${layers} layers × max(0, 3·(c−1) K/V chunk passes on ${link.name} − attention compute)`,
      source: 'Liu et al. 2023 (Ring Attention, arXiv 2310.01889); Megatron-Core context parallelism: the ring overlaps the attention chunks, backward passes K/V and their gradients',
    };
  }
  if (spec.numExperts > 1 && ep > 1) {
    const link = linkFor({ size: ep, stride: t }, launch, gpu);
    const k = Math.max(1, spec.expertsPerToken);
    // Only the MoE layers route tokens (a stage's dense layers send nothing); those recomputed whole route them again in their forward.
    const moeLayers = layerKinds(spec, layers).find((kind) => kind.kind === 'moe')?.count ?? 0;
    const moeRecomputed = Math.round((wholeLayers * moeLayers) / layers);
    const allToAlls = 4 * moeLayers + 2 * moeRecomputed;
    const perAllToAll = LATENCY_US + ((ep - 1) / ep) * ((sb * k * spec.hiddenSize * 2) / t) / link.bytesPerUs;
    perMicroBatchComm += allToAlls * perAllToAll;
    terms.expertParallel = {
      value: m * allToAlls * perAllToAll,
      formula: `m × ${moeRecomputed > 0 ? `(${moeLayers} MoE layers × 4 + ${moeRecomputed} recomputed × 2)` : `${moeLayers} MoE layers × 4`} all-to-alls of s·b·k·h·2 B over EP ${ep} on ${link.name}`,
      source: 'Lepikhin et al. 2020 (GShard, arXiv 2006.16668) dispatch and combine; Megatron-Core MoE all-to-all token dispatcher',
    };
  }
  if (p > 1) {
    const link = linkFor({ size: 2, stride: launch.gpus / p }, launch, gpu);
    const sendBytes = launch.sequenceParallel ? activationBytes / t : activationBytes;
    const perMicroBatch = 2 * v * (LATENCY_US + sendBytes / link.bytesPerUs);
    perMicroBatchComm += perMicroBatch;
    terms.pipelineP2p = {
      value: m * perMicroBatch,
      formula: `m × 2·v sends of s·b·h·2 B${launch.sequenceParallel ? ' / t' : ''} between stages on ${link.name}`,
      source: 'Narayanan et al. 2021 §4.1 (one activation forward and one gradient backward per stage boundary; interleaving multiplies them by v)',
    };
    const bubble = ((p - 1) / v) * (work.computeUs + work.recomputeUs + perMicroBatchComm);
    terms.pipelineBubble = { value: bubble, formula: `(p−1)/v = ${p - 1}/${v} micro-batch times`, source: 'Narayanan et al. 2021 §2.2: bubble fraction (p−1)/(m·v) of the ideal time' };
  }
  terms.dataParallel = dataParallelTerm(spec, launch, layout, gpu, work);
  terms.optimizer = optimizerTerm(spec, launch, layout, gpu);
  return terms;
}

/** Parameters on the GPU that holds the most. */
function parametersOnGpu(spec: LayerSpec, launch: RunLaunch, layout: RunLayout): { dense: number; expert: number } {
  return largerEndStage(launch, (stage) => stageParams(spec, launch, layout, stage), (params) => params.dense + params.expert).held;
}

/** The adapters on the GPU that holds the most of them, and the frozen bytes there: what LoRA trains, reduces and gathers. */
function loraOnGpu(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, adapter: Adapter): LoraStageParams {
  return largerEndStage(launch, (stage) => loraStageParams(spec, launch, layout, stage, adapter), (lora) => lora.trained + lora.frozenBytes).held;
}

/**
 * LoRA's data-parallel traffic: the adapters' fp32 gradients, all-reduced once per step (DDP,
 * ZeRO 1/2: the frozen weights have none); under FSDP and ZeRO-3 also the frozen weights
 * gathered in the forward and again in the backward, every micro-batch, in their stored bytes.
 */
function loraDataParallelTerm(launch: RunLaunch, layout: RunLayout, lora: LoraStageParams, link: Link, ranks: number, work: StageWork): RunTerm {
  const everyMicroBatch = launch.sharding === 'fsdp' || launch.sharding === 'zero-3';
  const gradientUs = ringUs(lora.trained * 4, ranks, everyMicroBatch ? 1 : 2, link);
  const source = 'PyTorch DDP / FSDP (Zhao et al. 2023, arXiv 2304.11277 §3) over requires_grad parameters only: the frozen base has no gradient to reduce';
  if (!everyMicroBatch) {
    return { value: gradientUs, formula: `all-reduce of ${(lora.trained / 1e6).toFixed(2)}M adapter gradients × 4 B over DP ${ranks} on ${link.name}, once per step`, source };
  }
  const gatherUs = 2 * ringUs(lora.frozenBytes, ranks, 1, link);
  const exposed = layout.microBatches * Math.max(gatherUs + gradientUs - work.computeUs - work.recomputeUs, (gatherUs + gradientUs) / layout.layersPerStage);
  return {
    value: exposed,
    formula: `m × max(2 gathers of ${(lora.frozenBytes / GIB).toFixed(2)} GiB frozen weights + reduce-scatter of the adapter gradients − compute, one layer's share) over DP ${ranks} on ${link.name}`,
    source,
  };
}

function dataParallelTerm(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, gpu: GpuSpec, work: StageWork): RunTerm | undefined {
  const ranks = layout.dataParallel * launch.contextParallel;
  if (ranks === 1 && layout.expertDataParallel === 1) return undefined;
  const t = Math.max(1, spec.tensorParallel);
  const link = linkFor({ size: ranks, stride: t }, launch, gpu);
  if (launch.adapter) return loraDataParallelTerm(launch, layout, loraOnGpu(spec, launch, layout, launch.adapter), link, ranks, work);
  const params = parametersOnGpu(spec, launch, layout);
  const sharding = launch.sharding;
  // Bytes per parameter each GPU sends, in ring passes (2 = all-reduce) × element bytes.
  const perParamPasses: Record<RunLaunch['sharding'], number> = {
    none: 2 * 4,
    'distributed-optimizer': 4 + 2,
    'zero-1': 2 * 2,
    'zero-2': 2 * 2,
    'zero-3': 3 * 2,
    fsdp: 2 + 2 + 4,
  };
  const efficiency = sharding === 'zero-3' ? ZERO3_COLLECTIVE_EFFICIENCY.value : 1;
  const perSync = (count: number, group: number): number => ringUs((count * perParamPasses[sharding]) / efficiency, group, 1, link);
  const commUs = perSync(params.dense, ranks) + perSync(params.expert, layout.expertDataParallel);
  const m = layout.microBatches;
  const everyMicroBatch = sharding === 'fsdp' || sharding === 'zero-3';
  const described = `${((params.dense + params.expert) / 1e9).toFixed(3)}B parameters × ${perParamPasses[sharding]} B per ring pass over DP ${ranks} on ${link.name}`;
  if (everyMicroBatch) {
    const stageCompute = work.computeUs + work.recomputeUs;
    const exposed = m * Math.max(commUs - stageCompute, commUs / layout.layersPerStage);
    return {
      value: exposed,
      formula: `m × max(gather + reduce-scatter − compute, one layer's share): ${described}, every micro-batch`,
      source: 'Zhao et al. 2023 (PyTorch FSDP, arXiv 2304.11277) §3: all-gather forward and backward, reduce-scatter backward, prefetched under the neighbouring layer',
    };
  }
  // The last layer's gradients are reduced after the backward ends: that share is never hidden.
  const exposed = launch.overlapGradReduce ? Math.max(commUs - work.backwardUs, commUs / layout.layersPerStage) : commUs;
  return {
    value: exposed,
    formula: `${described}, once per step${launch.overlapGradReduce ? ', under the last micro-batch\'s backward' : ', after the backward'}`,
    source: 'Megatron-LM distributed data parallel (megatron/core/distributed): gradient all-reduce, or reduce-scatter + parameter all-gather with the distributed optimizer; --overlap-grad-reduce hides it under the backward',
  };
}

/** The optimizer steps only what is trained: all parameters, or under LoRA the adapters. */
function optimizerTerm(spec: LayerSpec, launch: RunLaunch, layout: RunLayout, gpu: GpuSpec): RunTerm {
  const params = launch.adapter ? { dense: loraOnGpu(spec, launch, layout, launch.adapter).trained, expert: 0 } : parametersOnGpu(spec, launch, layout);
  const sharded = launch.sharding !== 'none';
  const local = sharded ? params.dense / (layout.dataParallel * launch.contextParallel) + params.expert / layout.expertDataParallel : params.dense + params.expert;
  const bytes = local * RUN_CONSTANTS.optimizerBytesPerParam.value;
  return {
    value: bytes / (gpu.memoryBandwidthGBs * 1e3 * gpu.bandwidthFraction),
    formula: `${(local / 1e6).toFixed(launch.adapter ? 2 : 0)}M local ${launch.adapter ? 'adapter ' : ''}parameters × ${RUN_CONSTANTS.optimizerBytesPerParam.value} B at ${gpu.memoryBandwidthGBs} GB/s × ${gpu.bandwidthFraction}`,
    source: RUN_CONSTANTS.optimizerBytesPerParam.source,
  };
}
