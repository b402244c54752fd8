import { bundleBench } from './bundleBench';
import type { Benchmark } from './types';

/** Every benchmark `kubelab bench` runs, in order. Engine benchmarks register here as they land. */
export const benchmarks: Benchmark[] = [bundleBench];
