#!/bin/bash
# Megatron-LM launch script with GPT-3 2.7B's shape (Brown et al. 2020: 32 layers,
# hidden 2560, 32 heads of 80). The head count comes through a variable, so the
# diagnostic belongs on the literal in its assignment.
NUM_HEADS=32
HIDDEN_SIZE=2560

GPT_ARGS=(
    --num-layers 32
    --hidden-size ${HIDDEN_SIZE}
    --num-attention-heads ${NUM_HEADS}
    --seq-length 2048
    --max-position-embeddings 2048
    --micro-batch-size 4
    --global-batch-size 512
    --tensor-model-parallel-size 1
    --pipeline-model-parallel-size 1
)

torchrun --nproc_per_node 8 pretrain_gpt.py "${GPT_ARGS[@]}" \
    --tokenizer-type GPT2BPETokenizer \
    --vocab-file gpt2-vocab.json \
    --merge-file gpt2-merges.txt
