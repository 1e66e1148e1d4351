# nanoGPT config/*.py with GPT-3 2.7B's shape (Brown et al. 2020: 32 layers,
# n_embd 2560, 32 heads of 80); nanoGPT's model pads GPT-2's vocab to 50304 itself.
wandb_log = False
batch_size = 4
block_size = 2048
gradient_accumulation_steps = 8

n_layer = 32
n_head = 32
n_embd = 2560
dropout = 0.0
