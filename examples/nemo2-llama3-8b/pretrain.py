# A NeMo 2 pretraining script in the form of NeMo's quickstart (NVIDIA/NeMo
# docs/source/nemo-2.0/quickstart.rst): take the llama3_8b recipe, change what the run needs.
# shapelint reads it as text: Llama 3 8B from the recipe, tensor parallelism 2, micro-batch 2,
# sequence 8192.
import nemo_run as run
from nemo.collections import llm

recipe = llm.llama3_8b.pretrain_recipe(num_nodes=2, num_gpus_per_node=8)
recipe.trainer.strategy.tensor_model_parallel_size = 2
recipe.data.micro_batch_size = 2
recipe.data.seq_length = 8192

if __name__ == "__main__":
    run.run(recipe, executor=run.LocalExecutor(ntasks_per_node=8, launcher="torchrun"))
