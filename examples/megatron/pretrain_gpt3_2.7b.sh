#!/bin/bash
# GPT-3 2.7B (Brown et al. 2020, Table 2.1: 32 layers, d_model 2560, 32 heads of 80, context 2048)
# launched with Megatron-LM, laid out as Megatron-LM's examples/gpt3/train_gpt3_175b_distributed.sh
# (NVIDIA/Megatron-LM) lays out GPT-3 175B: argument arrays handed to torchrun pretrain_gpt.py.
# The data and checkpoint paths are placeholders.

export CUDA_DEVICE_MAX_CONNECTIONS=1

GPUS_PER_NODE=8
NUM_NODES=1
CHECKPOINT_PATH=$1
VOCAB_FILE=$2   # gpt2-vocab.json: 50257 tokens, padded by Megatron to a multiple of 128 x TP
MERGE_FILE=$3
DATA_PATH=$4

HIDDEN=2560

DISTRIBUTED_ARGS=(
    --nproc_per_node $GPUS_PER_NODE
    --nnodes $NUM_NODES
)

GPT_MODEL_ARGS=(
    --num-layers 32
    --hidden-size $HIDDEN
    --num-attention-heads 32
    --seq-length 2048
    --max-position-embeddings 2048
)

TRAINING_ARGS=(
    --micro-batch-size 4
    --global-batch-size 512
    --lr 1.6e-4
    --train-iters 500000
    --bf16
)

MODEL_PARALLEL_ARGS=(
    --tensor-model-parallel-size 1
    --pipeline-model-parallel-size 1
)

DATA_ARGS=(
    --data-path $DATA_PATH
    --vocab-file $VOCAB_FILE
    --merge-file $MERGE_FILE
)

torchrun ${DISTRIBUTED_ARGS[@]} pretrain_gpt.py \
    ${GPT_MODEL_ARGS[@]} \
    ${TRAINING_ARGS[@]} \
    ${MODEL_PARALLEL_ARGS[@]} \
    ${DATA_ARGS[@]} \
    --save $CHECKPOINT_PATH \
    --load $CHECKPOINT_PATH
