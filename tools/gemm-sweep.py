#!/usr/bin/env python3
"""Measure the GEMMs of a model config on your own GPU and write a shapelint profile.

Run it on the GPU you will train on (needs PyTorch with CUDA or ROCm). The shapes come from
shapelint itself, or from the command line:

    python3 tools/gemm-sweep.py --config my-model.yaml --catalog-id h100-sxm -o h100.profile.json
    python3 tools/gemm-sweep.py --shapes shapes.json -o profile.json      # output of `predict --format json`
    python3 tools/gemm-sweep.py --gemm 8192x7680x2560 --gemm 2048x2048x80x128 -o profile.json

Each GEMM (m x k) @ (k x n), `batch` times, is timed with CUDA events after a warm-up; the profile
keeps the median (or the minimum) per shape. The format is documented in docs/profile-format.md.
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys

SCHEMA = "shapelint-gemm-profile/1"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shapes_from_prediction(prediction):
    """GEMM shapes of a `shapelint predict --format json` result; FlashAttention kernels are skipped."""
    shapes = []
    for gemm in prediction["gemms"]:
        if gemm.get("matmuls") is not None:
            continue
        shapes.append((gemm["label"], gemm["m"], gemm["n"], gemm["k"], gemm["batch"]))
    return shapes


def shapes_from_config(path, predict_args):
    cli = os.path.join(REPO, "server", "out", "cli.js")
    command = ["node", cli, "predict", "--config", path, "--format", "json", *predict_args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"shapelint predict failed ({' '.join(command)}):\n{result.stderr}")
    return shapes_from_prediction(json.loads(result.stdout))


def parse_gemm(text):
    parts = [int(part) for part in text.lower().split("x")]
    if len(parts) not in (3, 4) or min(parts) <= 0:
        raise argparse.ArgumentTypeError(f"expected MxNxK or MxNxKxBATCH, got {text!r}")
    m, n, k = parts[:3]
    return ("gemm", m, n, k, parts[3] if len(parts) == 4 else 1)


def time_gemm(torch, m, n, k, batch, dtype, warmup, iterations):
    """Times of `iterations` calls in microseconds, after `warmup` calls."""
    a = torch.randn(batch, m, k, device="cuda", dtype=dtype)
    b = torch.randn(batch, k, n, device="cuda", dtype=dtype)
    out = torch.empty(batch, m, n, device="cuda", dtype=dtype)
    if batch == 1:
        a, b, out = a[0], b[0], out[0]
        run = lambda: torch.mm(a, b, out=out)  # noqa: E731
    else:
        run = lambda: torch.bmm(a, b, out=out)  # noqa: E731
    for _ in range(warmup):
        run()
    torch.cuda.synchronize()
    times = []
    for _ in range(iterations):
        start = torch.cuda.Event(enable_timing=True)
        end = torch.cuda.Event(enable_timing=True)
        start.record()
        run()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end) * 1000.0)  # ms -> µs
    del a, b, out
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--config", help="model config; shapes from `shapelint predict --config`")
    source.add_argument("--shapes", help="JSON written by `shapelint predict --format json`")
    source.add_argument("--gemm", action="append", type=parse_gemm, help="MxNxK or MxNxKxBATCH (repeatable)")
    parser.add_argument("--predict-arg", action="append", default=[], help="extra argument for `shapelint predict` (e.g. --predict-arg=--backward)")
    parser.add_argument("--dtype", choices=["bf16", "fp16"], default="bf16")
    parser.add_argument("--catalog-id", help="the `shapelint gpus` id this GPU is (e.g. h100-sxm)")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=50)
    parser.add_argument("--statistic", choices=["median", "min"], default="median")
    parser.add_argument("-o", "--output", required=True, help="profile file to write")
    args = parser.parse_args()

    import torch

    if not torch.cuda.is_available():
        sys.exit("no CUDA/ROCm device visible to PyTorch")

    if args.config:
        shapes = shapes_from_config(args.config, args.predict_arg)
    elif args.shapes:
        with open(args.shapes) as handle:
            shapes = shapes_from_prediction(json.load(handle))
    else:
        shapes = args.gemm

    dtype = {"bf16": torch.bfloat16, "fp16": torch.float16}[args.dtype]
    pick = statistics.median if args.statistic == "median" else min
    properties = torch.cuda.get_device_properties(0)
    measurements = []
    seen = set()
    for name, m, n, k, batch in shapes:
        if (m, n, k, batch) in seen:
            continue
        seen.add((m, n, k, batch))
        time_us = pick(time_gemm(torch, m, n, k, batch, dtype, args.warmup, args.iterations))
        tflops = 2 * m * n * k * batch / time_us / 1e6
        measurements.append({"name": name, "m": m, "n": n, "k": k, "batch": batch, "timeUs": round(time_us, 3), "tflops": round(tflops, 2)})
        print(f"{name:28s} {m:>7} {n:>7} {k:>7} x{batch:<5} {time_us:10.1f} us {tflops:8.1f} TFLOP/s", file=sys.stderr)

    gpu = {"name": torch.cuda.get_device_name(0), "multiProcessorCount": properties.multi_processor_count}
    if args.catalog_id:
        gpu["catalogId"] = args.catalog_id
    profile = {
        "schema": SCHEMA,
        "gpu": gpu,
        "dtype": args.dtype,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "software": {"torch": torch.__version__, "cuda": torch.version.cuda or torch.version.hip},
        "timing": {"warmup": args.warmup, "iterations": args.iterations, "statistic": args.statistic},
        "measurements": measurements,
    }
    with open(args.output, "w") as handle:
        json.dump(profile, handle, indent=2)
        handle.write("\n")
    print(f"wrote {len(measurements)} measurements to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
