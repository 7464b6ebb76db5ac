import { parentPort, workerData } from 'node:worker_threads';
import { builtInRules } from '../../rules/index.js';
import { loadPlugins } from '../config/load-plugins.js';
import { checkShard, type ShardRequest } from './lint-shard.js';

/** Worker thread entry: load the same rules as the main thread (plugins by specifier), check one shard, post the result. */
const request = workerData as ShardRequest;
const plugins = await loadPlugins(request.plugins);
const rules = [...builtInRules, ...plugins.flatMap((plugin) => plugin.rules)];
parentPort!.postMessage(await checkShard(request, rules));
