import type { Dtype } from './prediction';

/** What describes a GPU to the throughput model: the catalogue (perf/gpus.ts) fills it, with sources. */
export interface GpuSpec {
  id: string;
  name: string;
  aliases: string[];
  vendor: 'nvidia' | 'amd';
  /** The GPU generation: the libraries' kernels, and so their alignment penalties, differ by it. */
  architecture: Architecture;
  /** SMs (NVIDIA) or CUs (AMD): how many GEMM tiles run at once (one wave). */
  computeUnits: number;
  /** Dense tensor-core peak, TFLOP/s, per dtype; absent where the GPU has no such path. */
  peakTflops: Partial<Record<Dtype, number>>;
  memoryBandwidthGBs: number;
  l2CacheMB: number;
  /** Bytes a GEMM dimension must be a multiple of for full tensor-core rate (V100 16, A100+ 128). */
  alignmentBytes: number;
  /** Best large-GEMM throughput / dense peak (the "maximum achievable matmul" fraction). */
  achievableFraction: number;
  /** Sustained HBM bandwidth / nominal bandwidth for streaming kernels. */
  bandwidthFraction: number;
  /** Fixed cost of one element-wise kernel on the GPU timeline (launch and the gap before the next), µs; GEMMs carry calibration.ts GEMM_FIXED_COST_US. */
  launchOverheadUs: number;
  /** The output tile shapes (rows × columns) the vendor GEMM library chooses among. */
  tiles: readonly Tile[];
  /** Memory a training process can address, GiB: the total nvidia-smi reports (figures as published in logs and issues, not measured by this project); the run model charges the CUDA context itself. */
  memoryGiB: number;
  /** The link between GPUs of one node: per-GPU bandwidth in one direction, and how many GPUs it joins (the NVLink domain). */
  intraNode: IntraNodeLink;
  /** The network between nodes, per GPU (one NIC per GPU on DGX/HGX-class nodes), Gb/s; `--inter-node-gbps` overrides it. */
  interNodeGbps: number;
  sources: string[];
}

export interface IntraNodeLink {
  kind: 'nvlink' | 'pcie' | 'xgmi';
  bandwidthGBs: number;
  domainSize: number;
}

export type Tile = readonly [rows: number, cols: number];

export type Architecture = 'volta' | 'ampere' | 'ada' | 'hopper' | 'blackwell' | 'cdna2' | 'cdna3';
