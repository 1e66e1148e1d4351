import type { Tile } from '../model/hardware';
import type { Dtype } from '../model/prediction';

/**
 * Kernel-model constants shared by every GPU that were assumed, not fitted (the fitted ones are in calibration.ts).
 */
export const KERNEL_MODEL = {
  /**
   * Small tiles reuse each loaded element less: per k-step a tm×tn tile loads (tm+tn) elements for
   * tm·tn MACs. Efficiency ∝ I/(I + c) with I = tm·tn/(tm+tn), normalised to the largest tile.
   * c = 24 is assumed (it makes 128×128 run at 0.93 and 64×64 at 0.73 of 256×128).
   */
  tileReuseConstant: 24,
  /** The tile the achievable peak is measured with: the paper's (VI-B) most efficient 128×256. */
  referenceTile: [256, 128] as Tile,
  /** Query rows per FlashAttention thread block (FlashAttention-2 uses 128 on A100/H100). */
  flashBlockRows: 128,
} as const;

/**
 * How the precision a user picks applies to each kind of work. FP8 training (Transformer Engine's
 * default recipe, Megatron-LM `--fp8-format`) runs the linear layers' GEMMs in FP8 and keeps the
 * attention BMMs (`--fp8-dot-product-attention` is off by default), the norms, activations and
 * residuals in BF16.
 */
export type WorkKind = 'linear' | 'attention' | 'elementwise';

export function dtypeFor(dtype: Dtype, work: WorkKind): Dtype {
  return dtype === 'fp8' && work !== 'linear' ? 'bf16' : dtype;
}
