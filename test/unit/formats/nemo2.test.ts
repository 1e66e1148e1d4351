import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { detectFormat } from '../../../server/src/core/formats';
import { check } from '../../../server/src/core/check';
import { assertField, readFixture, readText } from './fixture';

suite('NeMo 2 recipes: the recipe catalogue, then the call\'s keyword arguments and the assignments to the recipe', () => {
  test('the issue\'s script (examples/nemo2-llama3-8b/pretrain.py): Llama 3 8B, TP 2, micro-batch 2, sequence 8192, vocabulary 128256', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'nemo2-llama3-8b', 'pretrain.py'), 'utf8');
    const reader = detectFormat('pretrain.py', text);
    assert.equal(reader?.id, 'nemo2');
    const shape = reader.read(reader.parse(text));
    const values = Object.fromEntries((['hiddenSize', 'numHeads', 'numKvHeads', 'ffnHiddenSize', 'numLayers', 'vocabSize', 'tensorParallel', 'microBatchSize', 'seqLength'] as const).map((name) => [name, shape[name].value]));
    assert.deepEqual(values, { hiddenSize: 4096, numHeads: 32, numKvHeads: 8, ffnHiddenSize: 14336, numLayers: 32, vocabSize: 128256, tensorParallel: 2, microBatchSize: 2, seqLength: 8192 });
    assertField(text, shape.tensorParallel, { value: 2, origin: 'file', literal: '2', key: 'trainer.strategy.tensor_model_parallel_size' });
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'catalogue', literal: 'llama3_8b' });
    assertField(text, shape.paddedVocabSize, { value: 128256, origin: 'derived' });
    assert.equal(shape.gatedMlp, true);
    // The run: pretrain_recipe(num_nodes=2, num_gpus_per_node=8) is 16 GPUs; the recipe's optimizer is the distributed one.
    assertField(text, shape.gpusPerNode, { value: 8, origin: 'file', literal: '8' });
    assert.deepEqual([shape.gpus.value, shape.gpus.origin], [16, 'derived']);
    assert.deepEqual([shape.sharding.value, shape.sharding.origin], ['distributed-optimizer', 'default']);
    assert.deepEqual([shape.globalBatchSize.value, shape.globalBatchSize.origin], [512, 'default']);
    assert.deepEqual(check(text, 'pretrain.py').findings.map((finding) => finding.ruleId), [], 'Llama 3 8B at TP 2 over 16 GPUs fits an H100');
  });

  test('a script inside a function: assignments override, a computed one is unresolved, the rest is the recipe\'s default', () => {
    const { text, shape } = readFixture('nemo2/quickstart-llama3-8b.py');
    assertField(text, shape.microBatchSize, { value: 2, origin: 'file', literal: '2' });
    assertField(text, shape.pipelineParallel, { value: null, origin: 'unresolved', literal: 'nodes * 2' });
    assert.match(shape.pipelineParallel.note ?? '', /computed when the script runs/);
    const findings = check(text, 'quickstart-llama3-8b.py').findings;
    assert.ok(findings.some((finding) => finding.ruleId === 'unresolved-value'));
  });

  test('the Llama 3 recipes build an untied output layer (LlamaConfig share_embeddings_and_output_weights False); an assignment overrides; a recipe not checked says so', () => {
    const { text, shape } = readFixture('nemo2/quickstart-llama3-8b.py');
    assert.equal(shape.untiedEmbeddings?.value, true);
    assert.equal(shape.untiedEmbeddings?.origin, 'default');
    assert.match(shape.untiedEmbeddings?.note ?? '', /LlamaConfig and Llama3Config share_embeddings_and_output_weights: False/);
    const tied = readText('pretrain.py', `${text}\nrecipe.model.config.share_embeddings_and_output_weights = True\n`);
    assert.equal(tied.untiedEmbeddings?.value, false);
    assert.equal(tied.untiedEmbeddings?.origin, 'file');
    const qwen = readFixture('nemo2/qwen25_72b.py').shape.untiedEmbeddings;
    assert.equal(qwen?.origin, 'unknown');
    assert.match(qwen?.note ?? '', /whether Qwen25Config72B ties its output layer is not in the recipe catalogue/);
  });

  test('the llama3_70b recipe module: NAME and trainer()\'s defaults (TP 4, PP 4), Llama 3 70B\'s shape', () => {
    const { text, reader, shape } = readFixture('nemo2/llama3_70b.py');
    assert.equal(reader.id, 'nemo2');
    assertField(text, shape.tensorParallel, { value: 4, origin: 'file', literal: '4', key: 'tensor_parallelism' });
    assertField(text, shape.pipelineParallel, { value: 4, origin: 'file', key: 'pipeline_parallelism' });
    assertField(text, shape.hiddenSize, { value: 8192, origin: 'catalogue', literal: 'llama3_70b' });
    assertField(text, shape.seqLength, { value: 8192, origin: 'default' });
    assertField(text, shape.microBatchSize, { value: 1, origin: 'default' });
  });

  test('a finding lands on the assigned literal: 20 heads of 4096 put head-dim on the 20', () => {
    const text = 'from nemo.collections import llm\nrecipe = llm.llama3_8b.pretrain_recipe()\nrecipe.model.config.num_attention_heads = 20\n';
    const result = check(text, 'script.py');
    const finding = result.findings.find((candidate) => candidate.ruleId === 'heads-divide-hidden' || candidate.ruleId === 'head-dim');
    assert.ok(finding, JSON.stringify(result.findings.map((candidate) => candidate.ruleId)));
    assert.equal(text.slice(finding.span.offset, finding.span.offset + finding.span.length), '20');
  });

  test('a recipe the catalogue lacks leaves the model unknown, saying why', () => {
    const text = 'from nemo.collections import llm\nrecipe = llm.nemotron5_8b.pretrain_recipe()\n';
    const reader = detectFormat('s.py', text)!;
    const shape = reader.read(reader.parse(text));
    assert.equal(shape.hiddenSize.value, null);
    assert.match(shape.hiddenSize.note ?? '', /nemotron5_8b is not in the recipe catalogue/);
  });

  test('Megatron-Bridge pretrain_llama3_8b.py: llama3_8b_pretrain_config imported as pretrain_config, its defaults (src/megatron/bridge/recipes/llama/llama3_8b.py @ ca4f77f3)', () => {
    const { text, reader, shape } = readFixture('nemo2/bridge-pretrain_llama3_8b.py');
    assert.equal(reader.id, 'nemo2');
    assertField(text, shape.hiddenSize, { value: 4096, origin: 'catalogue', literal: 'pretrain_config' });
    assertField(text, shape.tensorParallel, { value: 1, origin: 'default' });
    assertField(text, shape.seqLength, { value: 8192, origin: 'default' });
    // TokenizerConfig(tokenizer_type="NullTokenizer", vocab_size=128256): the NullTokenizer adds its end-of-document token.
    assertField(text, shape.vocabSize, { value: 128257, origin: 'default' });
    assert.match(shape.vocabSize.note ?? '', /vocab_size default 128256 \(llama3_8b\.py @ ca4f77f3\) \+ 1 end-of-document token/);
    assertField(text, shape.paddedVocabSize, { value: 128384, origin: 'derived' });
  });

  test('Megatron-Bridge overrides: keyword arguments and cfg.model / cfg.train / cfg.dataset assignments', () => {
    const text = 'from megatron.bridge.recipes.llama import llama3_8b_pretrain_config\ncfg = llama3_8b_pretrain_config(mock=True, tensor_parallelism=2)\ncfg.train.micro_batch_size = 2\ncfg.dataset.sequence_length = 4096\ncfg.model.pipeline_model_parallel_size = 2\n';
    const reader = detectFormat('train.py', text);
    assert.equal(reader?.id, 'nemo2');
    const shape = reader.read(reader.parse(text));
    assertField(text, shape.tensorParallel, { value: 2, origin: 'file', key: 'tensor_parallelism' });
    assertField(text, shape.microBatchSize, { value: 2, origin: 'file', literal: '2', key: 'train.micro_batch_size' });
    assertField(text, shape.seqLength, { value: 4096, origin: 'file', literal: '4096' });
    assertField(text, shape.pipelineParallel, { value: 2, origin: 'file' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'catalogue', literal: 'llama3_8b_pretrain_config' });
  });

  test('llama31 family: the llama31_405b module, pretrain_recipe()\'s num_nodes 1 over trainer()\'s 64, trainer()\'s TP 8, PP 8, VP 2, CP 4, sequence parallel', () => {
    const { text, reader, shape } = readFixture('nemo2/llama31_405b.py');
    assert.equal(reader.id, 'nemo2');
    assertField(text, shape.hiddenSize, { value: 16384, origin: 'catalogue', literal: 'llama31_405b' });
    assertField(text, shape.numLayers, { value: 126, origin: 'catalogue' });
    assertField(text, shape.tensorParallel, { value: 8, origin: 'file', key: 'tensor_parallelism' });
    assertField(text, shape.pipelineParallel, { value: 8, origin: 'file', key: 'pipeline_parallelism' });
    assertField(text, shape.virtualStages, { value: 2, origin: 'file', key: 'virtual_pipeline_parallelism' });
    assertField(text, shape.contextParallel, { value: 4, origin: 'file', key: 'context_parallelism' });
    assertField(text, shape.sequenceParallel, { value: true, origin: 'file', literal: 'True' });
    // pretrain_recipe(num_nodes: int = 1) comes after trainer(num_nodes: int = 64) and is what it passes on.
    assertField(text, shape.gpus, { value: 8, origin: 'derived', literal: '1' });
    assertField(text, shape.seqLength, { value: 8192, origin: 'default' });
    assertField(text, shape.vocabSize, { value: 128256, origin: 'default' });
  });

  test('the precision plugin: the module\'s plugins=bf16_mixed(), mixtral\'s MegatronMixedPrecision(precision="bf16-mixed"), a script\'s recipe.trainer.plugins = ...', () => {
    const module405b = readFixture('nemo2/llama31_405b.py');
    assertField(module405b.text, module405b.shape.dtype, { value: 'bf16', origin: 'file', literal: 'bf16_mixed', key: 'plugins' });
    const mixtral = readFixture('nemo2/mixtral_8x7b.py');
    assertField(mixtral.text, mixtral.shape.dtype, { value: 'bf16', origin: 'file', literal: 'bf16-mixed' });
    const script = (plugin: string) => {
      const text = `from nemo.collections import llm\nrecipe = llm.llama3_8b.pretrain_recipe(num_nodes=1)\nrecipe.trainer.plugins = ${plugin}\n`;
      return { text, shape: readText('pretrain.py', text) };
    };
    const fp16 = script('fp16_mixed()');
    assertField(fp16.text, fp16.shape.dtype, { value: 'fp16', origin: 'file', literal: 'fp16_mixed' });
    // bf16_with_fp8_mixed() is bf16_mixed() with fp8 = 'hybrid': the GEMMs run in FP8.
    const fp8 = script('bf16_with_fp8_mixed()');
    assertField(fp8.text, fp8.shape.dtype, { value: 'fp8', origin: 'file', literal: 'bf16_with_fp8_mixed' });
    const other = script('my_precision()');
    assert.deepEqual([other.shape.dtype.value, other.shape.dtype.origin], [null, 'unknown']);
    const none = readText('pretrain.py', 'from nemo.collections import llm\nrecipe = llm.llama3_8b.pretrain_recipe()\n');
    assert.deepEqual([none.dtype.value, none.dtype.origin], [null, 'unknown']);
  });

  test('llama31_405b counts the embedding and the loss in the pipeline split (trainer()\'s account_for_*_in_pipeline_split=True): 126 + 2 = 128 over PP 8, no finding', () => {
    const { text, shape } = readFixture('nemo2/llama31_405b.py');
    assert.equal(shape.pipelineSplit?.extraLayers, 2);
    assert.equal(shape.pipelineSplit?.uneven, false);
    assert.match(shape.pipelineSplit?.note ?? '', /^account_for_embedding_in_pipeline_split counts the embedding as a layer; account_for_loss_in_pipeline_split counts the loss as a layer$/);
    assert.deepEqual(check(text, 'llama31_405b.py').findings.filter((finding) => finding.ruleId === 'pipeline-parallel'), []);
    // A script calling the recipe gets the recipe's accounting from the catalogue.
    const called = readText('pretrain.py', 'from nemo.collections import llm\nrecipe = llm.llama31_405b.pretrain_recipe(num_nodes=32)\n');
    assert.equal(called.pipelineSplit?.extraLayers, 2);
    assert.match(called.pipelineSplit?.note ?? '', /recipe llama31_405b's account_for_loss_in_pipeline_split/);
    // The run model splits the same 128 units: 16 transformer layers on each middle stage, 8 per virtual stage.
    const run = check('from nemo.collections import llm\nrecipe = llm.llama31_405b.pretrain_recipe(num_nodes=32)\n', 'pretrain.py');
    assert.equal(run.runError, null);
    assert.equal(run.run?.layout.layersPerStage, 16);
  });

  test('turning the loss off leaves 127 over PP 8: Megatron-Core refuses it, an error on the stages (the layers are the catalogue\'s)', () => {
    const text = 'from nemo.collections import llm\nrecipe = llm.llama31_405b.pretrain_recipe(num_nodes=32)\nrecipe.trainer.strategy.account_for_loss_in_pipeline_split = False\n';
    const [finding, ...rest] = check(text, 'pretrain.py').findings.filter((candidate) => candidate.ruleId === 'pipeline-parallel');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /^127 layers \(126 \+ 1: recipe llama31_405b's account_for_embedding_in_pipeline_split counts the embedding as a layer\)/);
  });

  test('num_layers_in_first/last_pipeline_stage on the strategy or the Bridge provider: the middle stages share the rest', () => {
    const nemo = readText('pretrain.py', 'from nemo.collections import llm\nrecipe = llm.llama3_70b.pretrain_recipe(num_nodes=4)\nrecipe.trainer.strategy.num_layers_in_first_pipeline_stage = 18\nrecipe.trainer.strategy.num_layers_in_last_pipeline_stage = 18\n');
    assert.deepEqual([nemo.pipelineSplit?.firstStageLayers, nemo.pipelineSplit?.lastStageLayers], [18, 18]);
    const bridge = 'from megatron.bridge.recipes.llama import llama3_8b_pretrain_config\ncfg = llama3_8b_pretrain_config(pipeline_parallelism=4)\ncfg.model.pipeline_model_parallel_size = 4\ncfg.model.num_layers_in_first_pipeline_stage = 7\n';
    // 32 − 7 = 25 over 3 middle stages does not divide.
    const [finding] = check(bridge, 'train.py').findings.filter((candidate) => candidate.ruleId === 'pipeline-parallel');
    assert.match(finding.message, /^32 layers less num_layers_in_first_pipeline_stage 7 leave 25 for the 3 middle stages/);
    assert.equal(finding.severity, 'error');
  });

  test('llama31 family from a script: llama31_70b\'s defaults (TP 4, PP 4, VP 5, CP 2), the keyword num_nodes overrides', () => {
    const text = 'from nemo.collections import llm\nrecipe = llm.llama31_70b.pretrain_recipe(num_nodes=4, num_gpus_per_node=8)\n';
    const shape = readText('pretrain.py', text);
    assert.deepEqual(
      (['hiddenSize', 'numLayers', 'tensorParallel', 'pipelineParallel', 'virtualStages', 'contextParallel', 'seqLength', 'globalBatchSize', 'gpus'] as const).map((name) => shape[name].value),
      [8192, 80, 4, 4, 5, 2, 8192, 512, 32],
    );
    assert.match(shape.virtualStages.note ?? '', /llama31_70b\.py @ c88a0d362113/);
    assert.deepEqual([shape.sequenceParallel.value, shape.sequenceParallel.origin], [true, 'default']);
  });

  test('mixtral family: the mixtral_8x7b module, 8 experts of top-2 on EP 8, PP 4 with VP 8, 8 nodes', () => {
    const { text, shape } = readFixture('nemo2/mixtral_8x7b.py');
    assertField(text, shape.numExperts, { value: 8, origin: 'catalogue', literal: 'mixtral_8x7b' });
    assertField(text, shape.expertsPerToken, { value: 2, origin: 'catalogue' });
    assertField(text, shape.expertParallel, { value: 8, origin: 'file', key: 'expert_parallelism' });
    assertField(text, shape.pipelineParallel, { value: 4, origin: 'file' });
    assertField(text, shape.virtualStages, { value: 8, origin: 'file' });
    assertField(text, shape.gpus, { value: 64, origin: 'derived', literal: '8' });
    assertField(text, shape.seqLength, { value: 4096, origin: 'default' });
    // The recipe's tokenizer is Mixtral's, whose length the tokenizer catalogue does not have: unknown, saying so.
    assert.equal(shape.vocabSize.value, null);
    assert.match(shape.vocabSize.note ?? '', /Mixtral-8x7B-v0\.1's tokenizer/);
  });

  test('nemotron family: nemotron4_15b\'s pretrain_recipe() defaults (TP 4, sequence parallel, micro-batch 2 of 32, sequence 4096), Nemotron4Config15B\'s shape', () => {
    const { text, shape } = readFixture('nemo2/nemotron4_15b.py');
    assertField(text, shape.hiddenSize, { value: 6144, origin: 'catalogue', literal: 'nemotron4_15b' });
    assertField(text, shape.numKvHeads, { value: 8, origin: 'catalogue' });
    assertField(text, shape.ffnHiddenSize, { value: 24576, origin: 'catalogue' });
    assertField(text, shape.activation, { value: 'squared-relu', origin: 'catalogue' });
    assertField(text, shape.tensorParallel, { value: 4, origin: 'file', key: 'tensor_parallelism' });
    assertField(text, shape.sequenceParallel, { value: true, origin: 'file' });
    assertField(text, shape.microBatchSize, { value: 2, origin: 'file', key: 'micro_batch_size' });
    assertField(text, shape.globalBatchSize, { value: 32, origin: 'file' });
    assertField(text, shape.seqLength, { value: 4096, origin: 'file', key: 'seq_length' });
  });

  test('qwen2 family: the qwen25_72b module (TP 8, PP 4 over 4 nodes), Qwen2.5-72B\'s shape', () => {
    const { text, shape } = readFixture('nemo2/qwen25_72b.py');
    assertField(text, shape.hiddenSize, { value: 8192, origin: 'catalogue', literal: 'qwen25_72b' });
    assertField(text, shape.ffnHiddenSize, { value: 29568, origin: 'catalogue' });
    assertField(text, shape.tensorParallel, { value: 8, origin: 'file' });
    assertField(text, shape.pipelineParallel, { value: 4, origin: 'file' });
    assertField(text, shape.gpus, { value: 32, origin: 'derived', literal: '4' });
    // virtual_pipeline_parallelism None: no interleaving.
    assert.equal(shape.virtualStages.value, 1);
  });

  test('gemma2, mistral, qwen25_7b and nemotron4_340b from scripts: each recipe\'s model and default launch', () => {
    const launch = (recipe: string) => {
      const shape = readText('pretrain.py', `from nemo.collections import llm\nrecipe = llm.${recipe}.pretrain_recipe()\n`);
      return (['hiddenSize', 'numLayers', 'tensorParallel', 'contextParallel', 'seqLength', 'microBatchSize', 'globalBatchSize', 'gpus'] as const).map((name) => shape[name].value);
    };
    assert.deepEqual(launch('gemma2_9b'), [3584, 42, 8, 1, 4096, 2, 32, 8]);
    assert.deepEqual(launch('mistral_7b'), [4096, 32, 1, 2, 4096, 1, 512, 8]);
    assert.deepEqual(launch('qwen25_7b'), [3584, 28, 2, 1, 4096, 2, 32, 8]);
    assert.deepEqual(launch('nemotron4_340b'), [18432, 96, 8, 2, 4096, 1, 2304, 6144]);
  });

  test('Megatron-Bridge qwen3 family: pretrain_qwen3_simple.py calls qwen3_4b_pretrain_config with Megatron\'s own keyword names', () => {
    const { text, reader, shape } = readFixture('nemo2/bridge-pretrain_qwen3_simple.py');
    assert.equal(reader.id, 'nemo2');
    assertField(text, shape.hiddenSize, { value: 2560, origin: 'catalogue', literal: 'qwen3_4b_pretrain_config' });
    assertField(text, shape.headDim, { value: 128, origin: 'catalogue' });
    assertField(text, shape.tensorParallel, { value: 2, origin: 'file', key: 'tensor_model_parallel_size' });
    assertField(text, shape.pipelineParallel, { value: 2, origin: 'file', key: 'pipeline_model_parallel_size' });
    assertField(text, shape.seqLength, { value: 1024, origin: 'file', literal: '1024' });
    assertField(text, shape.microBatchSize, { value: 1, origin: 'file' });
    assertField(text, shape.globalBatchSize, { value: 32, origin: 'file' });
  });

  test('Megatron-Bridge cfg.model.vocab_size (the provider\'s): read as the vocabulary and used unpadded, as Bridge\'s setup does with a set value', () => {
    const { text, reader, shape } = readFixture('nemo2/bridge-qwen3_4b-model-vocab.py');
    assert.equal(reader.id, 'nemo2');
    assertField(text, shape.vocabSize, { value: 151936, origin: 'file', key: 'model.vocab_size', literal: '151936' });
    // calculate_padded_vocab_size would make 152064 at 128 × TP 2; a set vocab_size turns padding off.
    assert.deepEqual([shape.tensorParallel.value, shape.paddedVocabSize.value, shape.paddedVocabSize.origin], [2, 151936, 'derived']);
    assert.match(shape.paddedVocabSize.note ?? '', /_validate_and_set_vocab_size .*setup\.py @ 63c7e53a/);
    assert.deepEqual([shape.vocabDivisor.value, shape.vocabDivisor.origin], [null, 'default']);
    const nullTokenizer = readText('train.py', 'from megatron.bridge.recipes.llama import llama3_8b_pretrain_config\ncfg = llama3_8b_pretrain_config()\ncfg.tokenizer.vocab_size = 128256\ncfg.model.vocab_size = 128300\n');
    assert.deepEqual([nullTokenizer.vocabSize.value, nullTokenizer.paddedVocabSize.value], [128300, 128300]);
  });

  test("Megatron-Bridge llama31 family: the NullTokenizer's DEFAULT_NULL_TOKENIZER_VOCAB_SIZE 52027 + its end-of-document token, padded to 128 × TP, not Llama 3's", () => {
    const { text, reader, shape } = readFixture('nemo2/bridge-llama31_70b-null-tokenizer.py');
    assert.equal(reader.id, 'nemo2');
    assert.deepEqual((['hiddenSize', 'tensorParallel', 'pipelineParallel', 'virtualStages', 'contextParallel', 'seqLength'] as const).map((name) => shape[name].value), [8192, 4, 4, 5, 2, 8192]);
    assertField(text, shape.vocabSize, { value: 52028, origin: 'default' });
    assert.match(shape.vocabSize.note ?? '', /DEFAULT_NULL_TOKENIZER_VOCAB_SIZE 52027 .*tokenizer_utils\.py @ 212f489f.* \+ 1 end-of-document token/);
    // Megatron-Bridge calculate_padded_vocab_size: ceil(52028 / (128 × TP 4)) × 512.
    assertField(text, shape.paddedVocabSize, { value: 52224, origin: 'derived' });
    assert.match(shape.paddedVocabSize.note ?? '', /vocab_utils\.py @ 47da44e2/);
    const eight = readText('train.py', 'from megatron.bridge.recipes.llama import llama31_8b_pretrain_config\ncfg = llama31_8b_pretrain_config(mock=True)\n');
    assert.deepEqual([eight.vocabSize.value, eight.paddedVocabSize.value], [52028, 52096]);
    // The logits GEMM runs over the padded vocabulary: 52224, not Llama 3's 128256.
    assert.equal(check(text, 'pretrain.py').spec?.vocabSize, 52224);
  });

  test("Megatron-Bridge perf recipe (h100/llama3.py @ 65f1882d): cfg.tokenizer.vocab_size 128256 under llama3_70b's NullTokenizer is 128257 with its end-of-document token, padded to 128512", () => {
    const { text, reader, shape } = readFixture('nemo2/bridge-perf-llama3_70b-h100.py');
    assert.equal(reader.id, 'nemo2');
    assertField(text, shape.vocabSize, { value: 128257, origin: 'file', literal: '128256' });
    assert.match(shape.vocabSize.note ?? '', /the recipe's NullTokenizer: vocab_size 128256 \+ 1 end-of-document token .*null_tokenizer\.py @ cdab16fc/);
    // A fix that wants 128512 tokens writes the number the NullTokenizer adds one to.
    assert.equal(shape.vocabSize.toLiteral?.(128512), 128511);
    // Megatron-Bridge pads 128257 to a multiple of 128 × TP 4: the logits GEMM is 128512 wide, not 128256.
    assertField(text, shape.paddedVocabSize, { value: 128512, origin: 'derived' });
    assert.equal(check(text, 'llama3.py').spec?.vocabSize, 128512);
  });

  test('cfg.tokenizer.vocab_size and vocab_size= gain the token under the recipe\'s NullTokenizer or tokenizer_type NullTokenizer; under another tokenizer_type they are as written', () => {
    const script = (lines: string, call = 'llama3_8b_pretrain_config()') => `from megatron.bridge.recipes.llama import llama3_8b_pretrain_config\nfrom megatron.bridge.recipes.qwen import qwen3_8b_pretrain_config\ncfg = ${call}\n${lines}`;
    const hf = readText('train.py', script('cfg.tokenizer.tokenizer_type = "HuggingFaceTokenizer"\ncfg.tokenizer.vocab_size = 128256\n'));
    assert.deepEqual([hf.vocabSize.value, hf.vocabSize.origin, hf.vocabSize.toLiteral], [128256, 'file', undefined]);
    assert.equal(readText('train.py', script('cfg.tokenizer.vocab_size = 128256\n')).vocabSize.value, 128257);
    const keyword = script('', 'llama3_8b_pretrain_config(vocab_size=32000)');
    assertField(keyword, readText('train.py', keyword).vocabSize, { value: 32001, origin: 'file', literal: '32000' });
    // qwen3_8b's recipe tokenizer is Qwen's own: only an explicit NullTokenizer adds the token.
    assert.equal(readText('train.py', script('cfg.tokenizer.vocab_size = 32000\n', 'qwen3_8b_pretrain_config()')).vocabSize.value, 32000);
    const nullText = script('cfg.tokenizer.tokenizer_type = "NullTokenizer"\ncfg.tokenizer.vocab_size = 32000\n', 'qwen3_8b_pretrain_config()');
    const named = readText('train.py', nullText);
    assertField(nullText, named.vocabSize, { value: 32001, origin: 'file', literal: '32000' });
    assert.match(named.vocabSize.note ?? '', /^tokenizer_type NullTokenizer: vocab_size 32000 \+ 1/);
  });
});
